"""Funding calls in the partner API: every useful field, the derived status, real links, no 500 on bad filters."""

from datetime import datetime
from decimal import Decimal

import pytest

from funding.status import BUCHAREST
from tests.factories.funding import FundingCallDocumentFactory, FundingCallPageFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v2/pages/?type=funding.FundingCallPage&fields=*"


@pytest.fixture
def call(home_page, funding_index):
    call = FundingCallPageFactory(
        parent=funding_index,
        title="PIDS – întreprinderi sociale de inserție",
        funder="Ministerul Investițiilor și Proiectelor Europene",
        programme="Programul Incluziune și Demnitate Socială 2021-2027",
        applicant_kinds=["ong", "intreprindere-sociala"],
        amount_min=Decimal("100000"),
        amount_max=Decimal("200000.50"),
        currency="EUR",
        cofinancing_percent=Decimal("2"),
        deadline=datetime(2099, 7, 1, 16, 0, tzinfo=BUCHAREST),
        official_url="https://mfe.gov.ro/apel",
        body=[("paragraph", f'<p>Vezi <a linktype="page" id="{home_page.pk}">prima pagină</a>.</p>')],
    )
    FundingCallDocumentFactory(page=call, title="Ghidul solicitantului")
    return call


def test_list_shape(client, call):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert item["id"] == call.pk
    assert item["meta"]["type"] == "funding.FundingCallPage"
    assert item["funder"] == "Ministerul Investițiilor și Proiectelor Europene"
    assert item["programme"] == "Programul Incluziune și Demnitate Socială 2021-2027"
    assert [kind["code"] for kind in item["applicant_kinds"]] == ["ong", "intreprindere-sociala"]
    assert all(kind["label"] for kind in item["applicant_kinds"])
    assert item["amount_min"] == 100000
    assert item["amount_max"] == 200000.5
    assert item["currency"] == "EUR"
    assert item["cofinancing_percent"] == 2
    assert item["opens_on"] == call.opens_on.isoformat()
    assert item["deadline"] == "2099-07-01T16:00:00+03:00"  # ISO 8601 with Romania's offset
    assert item["official_url"] == "https://mfe.gov.ro/apel"
    (document,) = item["documents"]
    assert document["title"] == "Ghidul solicitantului"
    assert document["url"].startswith("http://testserver/documents/")
    assert item["status"] == "open"
    assert item["status_label"] == str(call.status_label)


def test_detail_renders_rich_text_with_real_links(client, call):
    data = client.get(f"/api/v2/pages/{call.pk}/").json()
    paragraph = data["body"][0]["value"]
    assert 'href="/"' in paragraph
    assert "linktype" not in paragraph
    assert data["status"] == "open"


def test_every_status_is_reported(client, funding_index):
    from datetime import timedelta

    from django.utils import timezone

    now, today = timezone.now(), timezone.localdate()
    FundingCallPageFactory(parent=funding_index, deadline=now + timedelta(days=30))
    FundingCallPageFactory(parent=funding_index, deadline=now + timedelta(days=2))
    FundingCallPageFactory(parent=funding_index, opens_on=today + timedelta(days=1), deadline=now + timedelta(days=9))
    FundingCallPageFactory(parent=funding_index, opens_on=today - timedelta(days=9), deadline=now - timedelta(days=1))
    statuses = [item["status"] for item in client.get(LIST_URL).json()["items"]]
    assert sorted(statuses) == ["closed", "closing_soon", "open", "upcoming"]


def test_drafts_are_not_listed(client, funding_index):
    draft = FundingCallPageFactory(parent=funding_index, live=False)
    assert client.get(LIST_URL).json()["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_field_filters(client, call, funding_index):
    FundingCallPageFactory(parent=funding_index, currency="RON")
    assert client.get(LIST_URL + "&currency=EUR").json()["meta"]["total_count"] == 1
    assert client.get(LIST_URL + "&currency=USD").json()["meta"]["total_count"] == 0


@pytest.mark.parametrize(
    "query",
    [
        "deadline=abc",
        "opens_on=31.02.2026",
        "amount_min=mult",
        "cofinancing_percent=x",
        "applicant_kinds=ong",
        "documents=x",
        "topics=x",
        "status=open",
        "order=status",
        "rich_text_format=bogus",
    ],
)
def test_bad_parameters_are_400_not_500(client, call, query):
    response = client.get(f"{LIST_URL}&{query}")
    assert response.status_code == 400
    assert "message" in response.json()
