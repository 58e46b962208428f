"""`/api/v2/funding-calls/`: live public calls only, derived status, funder, moments, strict filters, ordering."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from funding.status import BUCHAREST
from tests.factories.directory import OrganizationFactory
from tests.factories.funding import FundingCallDocumentFactory, FundingCallPageFactory, FundingIndexPageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

URL = "/api/v2/funding-calls/"


def items(client, **query):
    response = client.get(URL, query)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def ids(client, **query):
    return [item["id"] for item in items(client, **query)]


def test_lists_status_funder_money_moments_and_kinds(client, home_page, funding_index):
    topic = TopicFactory(name="Incluziune", slug="incluziune")
    city_hall = OrganizationFactory(name="Primăria Sectorului 3", slug="primaria-sectorului-3")
    call = FundingCallPageFactory(
        parent=funding_index,
        title="Granturi pentru incluziune",
        intro="Pentru proiecte de incluziune.",
        funder="",
        funder_organization=city_hall,
        applicant_kinds=["ong", "intreprindere-sociala"],
        topics=[topic],
        amount_min=Decimal("10000"),
        amount_max=Decimal("50000.50"),
        currency="EUR",
        opens_on=date(2025, 7, 1),
        deadline=datetime(2099, 7, 1, 16, 0, tzinfo=BUCHAREST),
        body=[("paragraph", f'<p>Vezi <a linktype="page" id="{home_page.pk}">prima pagină</a>.</p>')],
    )
    FundingCallDocumentFactory(page=call, title="Ghidul solicitantului")

    [item] = items(client)
    assert item["id"] == call.pk
    assert item["title"] == "Granturi pentru incluziune"
    assert item["intro"] == "Pentru proiecte de incluziune."
    assert item["meta"]["type"] == "funding.FundingCallPage"
    assert item["meta"]["html_url"] == f"http://testserver{call.url}"
    assert item["meta"]["detail_url"] == f"http://testserver{URL}{call.pk}/"
    assert item["meta"]["slug"] == call.slug
    assert item["status"] == "open"
    assert item["status_label"] == "Deschis"
    assert item["funder"] == "Primăria Sectorului 3"
    assert item["funder_organization"] == {
        "id": city_hall.pk,
        "name": "Primăria Sectorului 3",
        "slug": "primaria-sectorului-3",
        "detail_url": f"http://testserver/api/v2/organizations/{city_hall.pk}/",
        "html_url": f"http://testserver{city_hall.get_absolute_url()}",
    }
    assert item["opens_at"] == "2025-07-01T00:00:00+03:00"
    assert item["deadline"] == "2099-07-01T16:00:00+03:00"
    assert (item["amount_min"], item["amount_max"], item["currency"]) == (10000, 50000.5, "EUR")
    assert [kind["code"] for kind in item["applicant_kinds"]] == ["ong", "intreprindere-sociala"]
    assert all(kind["label"] for kind in item["applicant_kinds"])
    assert item["topics"] == [{"id": topic.pk, "name": "Incluziune", "slug": "incluziune"}]
    assert "body" not in item  # the detail's

    detail = client.get(item["meta"]["detail_url"]).json()
    paragraph = detail["body"][0]["value"]
    assert 'href="/"' in paragraph and "linktype" not in paragraph
    assert detail["documents"][0]["title"] == "Ghidul solicitantului"
    assert detail["opens_on"] == "2025-07-01"
    assert detail["cofinancing_percent"] == 10
    assert detail["official_url"] == "https://www.pmb.ro/"
    assert detail["meta"]["detail_url"] == item["meta"]["detail_url"]


def test_a_funder_outside_the_directory_or_unpublished_is_named_as_written(client, funding_index):
    draft = OrganizationFactory(name="Fundația în lucru", publish=False)
    FundingCallPageFactory(parent=funding_index, funder="Fundația Comunitară", funder_organization=draft)
    FundingCallPageFactory(parent=funding_index, funder="Ministerul Muncii")
    funders = {(item["funder"], item["funder_organization"]) for item in items(client)}
    assert funders == {("Fundația Comunitară", None), ("Ministerul Muncii", None)}


def test_closing_soon_says_how_many_days_are_left(client, funding_index):
    FundingCallPageFactory(parent=funding_index, deadline=timezone.now() + timedelta(days=3))
    [item] = items(client)
    assert item["status"] == "closing_soon"
    assert item["status_label"].startswith("Se închide")


def test_drafts_and_private_calls_never_appear(client, home_page, funding_index):
    public = FundingCallPageFactory(parent=funding_index)
    draft = FundingCallPageFactory(parent=funding_index, live=False)
    members_only = FundingCallPageFactory(parent=funding_index)
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    private_index = FundingIndexPageFactory(parent=home_page, slug="finantari-interne")
    under_password = FundingCallPageFactory(parent=private_index)
    PageViewRestriction.objects.create(
        page=private_index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert ids(client) == [public.pk]
    for hidden in (draft, members_only, under_password):
        assert client.get(f"{URL}{hidden.pk}/").status_code == 404
        assert client.get(f"{URL}find/", {"slug": hidden.slug}).status_code == 404
        assert ids(client, slug=hidden.slug) == []
    assert ids(client, slug=public.slug) == [public.pk]


def test_filters_status_kind_topic_and_deadline_days(client, funding_index):
    now = timezone.now()
    environment = TopicFactory(name="Mediu", slug="mediu")
    open_ = FundingCallPageFactory(
        parent=funding_index, applicant_kinds=["ong"], topics=[environment], deadline=now + timedelta(days=30)
    )
    closing = FundingCallPageFactory(parent=funding_index, applicant_kinds=["imm"], deadline=now + timedelta(days=2))
    upcoming = FundingCallPageFactory(
        parent=funding_index,
        applicant_kinds=["ong", "imm"],
        opens_on=timezone.localdate() + timedelta(days=5),
        deadline=now + timedelta(days=60),
    )
    # 23:30 in Bucharest on 10 March: already the 11th in UTC, still the 10th for the reader.
    closed = FundingCallPageFactory(
        parent=funding_index,
        opens_on=date(2026, 2, 1),
        deadline=datetime(2026, 3, 10, 23, 30, tzinfo=BUCHAREST),
    )

    def found(**query):
        return set(ids(client, **query))

    assert found() == {open_.pk, closing.pk, upcoming.pk, closed.pk}
    assert found(status="deschis") == {open_.pk, closing.pk}
    assert found(status="se-inchide-curand") == {closing.pk}
    assert found(status="in-curand") == {upcoming.pk}
    assert found(status="inchis") == found(status="closed") == {closed.pk}
    assert found(applicant_kind="ong") == {open_.pk, upcoming.pk}
    assert found(applicant_kind="imm", status="deschis") == {closing.pk}
    assert found(topic="mediu") == {open_.pk}
    assert found(deadline_after="2026-03-10", deadline_before="2026-03-10") == {closed.pk}
    assert found(deadline_before="2026-03-09") == set()
    assert found(deadline_after="2026-03-11") == {open_.pk, closing.pk, upcoming.pk}
    # The calendar's ends bound nothing (and overflow no moment).
    assert found(deadline_after="0001-01-01", deadline_before="9999-12-31") == found()
    # The pages endpoint reads the same filter set for its type.
    pages = client.get("/api/v2/pages/", {"type": "funding.FundingCallPage", "status": "in-curand"}).json()
    assert [item["id"] for item in pages["items"]] == [upcoming.pk]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "open"},
        {"status": ""},
        {"applicant_kind": "nu-exista"},
        {"topic": "nu-exista"},
        {"deadline_after": "2026-13-01"},
        {"deadline_before": "ieri"},
        {"order": "status"},
        {"order": "random"},
        {"order": "-"},
        {"amount_min": "1000"},
        {"stare": "deschis"},
        {"search": "granturi"},
        {"rich_text_format": "db_html"},
    ],
)
def test_bad_or_unknown_parameters_are_a_json_400(client, funding_index, query):
    FundingCallPageFactory(parent=funding_index)
    response = client.get(URL, query)
    assert response.status_code == 400
    assert response.json()["message"]


def test_order(client, funding_index):
    now = timezone.now()
    later = FundingCallPageFactory(
        parent=funding_index, title="Îngrijire la domiciliu", amount_max=None, deadline=now + timedelta(days=40)
    )
    sooner = FundingCallPageFactory(
        parent=funding_index, title="Incluziune socială", amount_max=Decimal("90000"), deadline=now + timedelta(days=9)
    )
    upcoming = FundingCallPageFactory(
        parent=funding_index,
        title="Zâmbete",
        amount_max=Decimal("20000"),
        opens_on=timezone.localdate() + timedelta(days=3),
        deadline=now + timedelta(days=20),
    )
    old = FundingCallPageFactory(
        parent=funding_index,
        title="Apel încheiat",
        amount_max=Decimal("60000"),
        opens_on=date(2025, 1, 1),
        deadline=now - timedelta(days=30),
    )
    recent = FundingCallPageFactory(
        parent=funding_index,
        title="Sănătate",
        amount_max=Decimal("30000"),
        opens_on=date(2025, 1, 1),
        deadline=now - timedelta(days=2),
    )

    # As the index: accepting applications (nearest deadline first), then upcoming, then the latest closed.
    assert ids(client) == [sooner.pk, later.pk, upcoming.pk, recent.pk, old.pk]
    assert ids(client, order="deadline") == [old.pk, recent.pk, sooner.pk, upcoming.pk, later.pk]
    assert ids(client, order="-amount_max") == [sooner.pk, old.pk, recent.pk, upcoming.pk, later.pk]
    assert ids(client, order="amount_max") == [upcoming.pk, recent.pk, old.pk, sooner.pk, later.pk]
    assert ids(client, order="title") == [old.pk, sooner.pk, later.pk, recent.pk, upcoming.pk]
    assert ids(client, order="-title", limit=2) == [upcoming.pk, recent.pk]
    assert ids(client, order="title", offset=3) == [recent.pk, upcoming.pk]


def test_list_query_count_is_constant(client, funding_index):
    topics = [TopicFactory(name=f"Tema {n}", slug=f"tema-{n}") for n in range(2)]

    def add(count):
        for _ in range(count):
            call = FundingCallPageFactory(
                parent=funding_index,
                topics=topics,
                applicant_kinds=["ong", "imm"],
                funder_organization=OrganizationFactory(),
            )
            FundingCallDocumentFactory(page=call)

    def count():
        client.get(URL)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"fields": "*"}).status_code == 200
        return len(queries)

    add(3)
    few = count()
    add(9)
    assert len(items(client)) == 12
    assert count() == few
