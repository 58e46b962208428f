"""The funding index and call pages as readers get them: rendering, filters, bad input, pagination."""

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from django.utils.html import escape

from funding.models import ApplicantKind
from funding.status import BUCHAREST
from tests.factories.funding import FundingCallDocumentFactory, FundingCallPageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


def titles(response):
    """Card titles on a listing, in order."""
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def calls(funding_index):
    """One call in each status, with different applicant kinds, topics, amounts and currencies."""
    now = timezone.now()
    today = timezone.localdate()
    social = TopicFactory(name="Economie socială", slug="economie-sociala")
    environment = TopicFactory(name="Mediu", slug="mediu")
    return {
        "open": FundingCallPageFactory(
            parent=funding_index,
            title="Granturi PMB",
            applicant_kinds=["ong"],
            topics=[social],
            amount_min=Decimal("20000"),
            amount_max=Decimal("150000"),
            currency="RON",
            deadline=now + timedelta(days=20),
        ),
        "closing_soon": FundingCallPageFactory(
            parent=funding_index,
            title="PIDS întreprinderi sociale",
            applicant_kinds=["intreprindere-sociala", "ong"],
            topics=[social],
            amount_min=Decimal("100000"),
            amount_max=Decimal("200000"),
            currency="EUR",
            deadline=now + timedelta(days=3),
        ),
        "upcoming": FundingCallPageFactory(
            parent=funding_index,
            title="AFM școli",
            applicant_kinds=["unitate-invatamant"],
            topics=[environment],
            amount_min=None,
            amount_max=Decimal("500000"),
            opens_on=today + timedelta(days=5),
            deadline=now + timedelta(days=60),
        ),
        "closed": FundingCallPageFactory(
            parent=funding_index,
            title="Cultură 2026",
            applicant_kinds=["ong", "persoana-fizica"],
            amount_min=Decimal("5000"),
            amount_max=None,
            opens_on=today - timedelta(days=90),
            deadline=now - timedelta(days=2),
        ),
    }


class TestIndex:
    def test_lists_accepting_calls_first_by_nearest_deadline(self, client, funding_index, calls):
        response = client.get(funding_index.url)
        assert response.status_code == 200
        assert titles(response) == ["PIDS întreprinderi sociale", "Granturi PMB", "AFM școli", "Cultură 2026"]

    def test_cards_show_status_badges(self, client, funding_index, calls):
        html = client.get(funding_index.url).content.decode()
        for modifier in ("badge--open", "badge--closing-soon", "badge--upcoming", "badge--closed"):
            assert f'class="badge {modifier}"' in html
        assert escape(calls["closing_soon"].status_label) in html

    def test_drafts_are_not_listed(self, client, funding_index, calls):
        FundingCallPageFactory(parent=funding_index, title="Ciornă secretă", live=False)
        assert "Ciornă secretă" not in client.get(funding_index.url).content.decode()

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("stare=accepting", ["PIDS întreprinderi sociale", "Granturi PMB"]),
            ("stare=closing_soon", ["PIDS întreprinderi sociale"]),
            ("stare=upcoming", ["AFM școli"]),
            ("stare=closed", ["Cultură 2026"]),
            ("solicitant=ong", ["PIDS întreprinderi sociale", "Granturi PMB", "Cultură 2026"]),
            ("solicitant=unitate-invatamant", ["AFM școli"]),
            ("solicitant=imm", []),
            ("tema=economie-sociala", ["PIDS întreprinderi sociale", "Granturi PMB"]),
            ("tema=mediu&stare=accepting", []),
            ("moneda=EUR", ["PIDS întreprinderi sociale"]),
            # Calls that can grant at least 160 000 (a ceiling that high, or only a floor).
            ("suma_min=160000", ["PIDS întreprinderi sociale", "AFM școli", "Cultură 2026"]),
            ("suma_min=160.000", ["PIDS întreprinderi sociale", "AFM școli", "Cultură 2026"]),
            ("suma_min=160 000", ["PIDS întreprinderi sociale", "AFM școli", "Cultură 2026"]),
            # Calls whose smallest grant is at most 10 000 (a floor that low, or only a ceiling).
            ("suma_max=10000", ["AFM școli", "Cultură 2026"]),
            ("suma_max=10000,50&solicitant=ong", ["Cultură 2026"]),
            ("ordine=suma", ["AFM școli", "PIDS întreprinderi sociale", "Granturi PMB", "Cultură 2026"]),
        ],
    )
    def test_filters(self, client, funding_index, calls, query, expected):
        response = client.get(f"{funding_index.url}?{query}")
        assert response.status_code == 200
        assert titles(response) == expected
        assert "notice--warning" not in response.content.decode()

    def test_newest_first(self, client, funding_index, calls):
        response = client.get(f"{funding_index.url}?ordine=recente")
        assert titles(response) == ["Cultură 2026", "AFM școli", "PIDS întreprinderi sociale", "Granturi PMB"]

    def test_empty_result_says_so(self, client, funding_index, calls):
        with translation.override("ro"):
            expected = escape(translation.gettext("No funding call matches these filters."))
        assert expected in client.get(f"{funding_index.url}?solicitant=imm").content.decode()

    @pytest.mark.parametrize(
        ("query", "ignored"),
        [
            ("stare=open", "stare"),
            ("stare=deschis&stare=inchis", "stare"),
            ("solicitant=extraterestri", "solicitant"),
            ("tema=nu-exista", "tema"),
            ("suma_min=abc", "suma_min"),
            ("suma_min=-5", "suma_min"),
            ("suma_min=1e999", "suma_min"),
            ("suma_min=NaN", "suma_min"),
            ("suma_max=99999999999999999999", "suma_max"),
            ("moneda=USD", "moneda"),
            ("ordine=aleator", "ordine"),
        ],
    )
    def test_bad_values_are_ignored_with_a_notice(self, client, funding_index, calls, query, ignored):
        response = client.get(f"{funding_index.url}?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert "notice--warning" in html
        assert f'id="id_{ignored}_error"' in html
        # Ignored means the listing is the unfiltered one.
        assert len(titles(response)) == 4

    def test_bad_value_is_shown_back(self, client, funding_index, calls):
        html = client.get(f"{funding_index.url}?suma_min=o+sută").content.decode()
        assert 'value="o sută"' in html

    @pytest.mark.parametrize(
        "query",
        ["page=abc", "page=99999", "page=-1", "page=0", "page=1.5", "stare=%00", "tema[]=x", "suma_min=%F0%9F%92%B8"],
    )
    def test_odd_query_strings_never_fail(self, client, funding_index, calls, query):
        assert client.get(f"{funding_index.url}?{query}").status_code == 200

    def test_pagination(self, client, funding_index, settings):
        settings.FUNDING_PER_PAGE = 2
        for number in range(5):
            FundingCallPageFactory(
                parent=funding_index, title=f"Apel {number}", deadline=timezone.now() + timedelta(days=10 + number)
            )
        first = client.get(funding_index.url)
        assert titles(first) == ["Apel 0", "Apel 1"]
        assert 'rel="next"' in first.content.decode()
        assert titles(client.get(f"{funding_index.url}?page=3")) == ["Apel 4"]
        assert titles(client.get(f"{funding_index.url}?page=99999")) == ["Apel 4"]
        assert titles(client.get(f"{funding_index.url}?page=abc")) == ["Apel 0", "Apel 1"]

    def test_pagination_keeps_the_filters(self, client, funding_index, settings):
        settings.FUNDING_PER_PAGE = 1
        for number in range(2):
            FundingCallPageFactory(parent=funding_index, title=f"Apel {number}", applicant_kinds=["ong"])
        html = client.get(f"{funding_index.url}?solicitant=ong").content.decode()
        assert "?solicitant=ong&amp;page=2" in html

    def test_calendar_link(self, client, funding_index):
        html = client.get(funding_index.url).content.decode()
        assert 'href="/finantari/calendar.ics"' in html


class TestCallPage:
    def test_renders_every_detail(self, client, funding_index):
        call = FundingCallPageFactory(
            parent=funding_index,
            title="Granturi pentru incluziune socială",
            funder="Primăria Municipiului București",
            programme="Program Legea 350/2005",
            applicant_kinds=["ong", "intreprindere-sociala"],
            amount_min=Decimal("20000"),
            amount_max=Decimal("150000"),
            currency="RON",
            cofinancing_percent=Decimal("10"),
            opens_on=date(2026, 1, 15),
            deadline=datetime(2099, 3, 10, 16, 0, tzinfo=BUCHAREST),
            official_url="https://www.pmb.ro/apel",
            body=[("paragraph", "<p>Ce se finanțează.</p>")],
        )
        FundingCallDocumentFactory(page=call, title="Ghidul solicitantului 2026")
        response = client.get(call.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Primăria Municipiului București" in html
        assert "Program Legea 350/2005" in html
        assert "20.000 – 150.000 RON" in html
        assert "10%" in html
        assert 'datetime="2099-03-10T16:00:00+02:00"' in html
        assert "10 martie 2099, 16:00" in html
        assert 'href="https://www.pmb.ro/apel"' in html
        assert "Ghidul solicitantului 2026" in html
        assert "Ce se finanțează." in html
        assert escape(str(ApplicantKind.objects.get(code="ong"))) in html
        assert 'class="badge badge--open"' in html

    @pytest.mark.parametrize(
        ("amount_min", "amount_max", "shown"),
        [
            (None, Decimal("500000"), "500.000 RON"),
            (Decimal("5000"), None, "5.000 RON"),
            (Decimal("7500.50"), Decimal("7500.50"), "7.500,50 RON"),
        ],
    )
    def test_amounts(self, client, funding_index, amount_min, amount_max, shown):
        call = FundingCallPageFactory(parent=funding_index, amount_min=amount_min, amount_max=amount_max)
        assert shown in client.get(call.url).content.decode()

    def test_badge_follows_bucharest_midnight(self, client, funding_index, frozen_now):
        call = FundingCallPageFactory(
            parent=funding_index,
            opens_on=date(2030, 3, 10),
            deadline=datetime(2030, 4, 30, 16, 0, tzinfo=BUCHAREST),
        )
        frozen_now(datetime(2030, 3, 9, 21, 59, 59, tzinfo=UTC))
        assert 'class="badge badge--upcoming"' in client.get(call.url).content.decode()
        frozen_now(datetime(2030, 3, 9, 22, 0, 0, tzinfo=UTC))
        assert 'class="badge badge--open"' in client.get(call.url).content.decode()

    def test_closing_soon_label(self, client, funding_index, frozen_now):
        call = FundingCallPageFactory(
            parent=funding_index,
            opens_on=date(2030, 3, 1),
            deadline=datetime(2030, 3, 20, 16, 0, tzinfo=BUCHAREST),
        )
        frozen_now(datetime(2030, 3, 17, 9, 0, tzinfo=BUCHAREST))
        html = client.get(call.url).content.decode()
        assert 'class="badge badge--closing-soon"' in html
        with translation.override("ro"):
            expected = translation.ngettext("Closes in %(days)d day", "Closes in %(days)d days", 3) % {"days": 3}
        assert escape(expected) in html


def test_home_page_shows_calls_accepting_applications(client, home_page, funding_index, calls):
    html = client.get("/").content.decode()
    assert "PIDS întreprinderi sociale" in html
    assert "Granturi PMB" in html
    assert "AFM școli" not in html
    assert "Cultură 2026" not in html
    assert 'class="badge badge--closing-soon"' in html
