"""Each funding call's own "Adăugați în calendar" file (issue #7 point 15)."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from funding.ical import format_utc
from funding.status import BUCHAREST
from tests.factories.funding import FundingCallPageFactory
from tests.funding.test_ical import events, unfold

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(funding_index):
    today = timezone.localdate()
    return FundingCallPageFactory(
        parent=funding_index,
        title="Granturi pentru economie socială",
        slug="granturi-economie-sociala",
        opens_on=today - timedelta(days=5),
        deadline=datetime.combine(today + timedelta(days=20), datetime.min.time(), tzinfo=BUCHAREST).replace(hour=16),
    )


def test_the_call_page_links_its_calendar_file(client, call):
    html = client.get(call.url).content.decode()
    assert call.calendar_url() == "/finantari/granturi-economie-sociala/calendar.ics"
    assert f'<a href="{call.calendar_url()}" download>Adăugați în calendar</a>' in html


def test_the_calendar_file_holds_this_calls_deadline(client, call, funding_index):
    FundingCallPageFactory(parent=funding_index, title="Alt apel")
    response = client.get("/finantari/granturi-economie-sociala/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="granturi-economie-sociala.ics"'
    (event,) = events(unfold(response.content.decode()))
    assert event["SUMMARY"] == "Termen-limită: Granturi pentru economie socială"
    assert event["DTEND"] == format_utc(call.deadline)
    assert event["URL"].endswith("/finantari/granturi-economie-sociala/")


def test_a_closed_call_offers_no_calendar_link(client, funding_index):
    closed = FundingCallPageFactory(
        parent=funding_index,
        opens_on=date(2020, 1, 1),
        deadline=datetime(2020, 2, 1, 16, tzinfo=BUCHAREST),
    )
    assert "Adăugați în calendar" not in client.get(closed.url).content.decode()


def test_drafts_have_no_calendar_file(client, funding_index):
    draft = FundingCallPageFactory(parent=funding_index, slug="ciorna", live=False)
    assert client.get(f"/finantari/{draft.slug}/calendar.ics").status_code == 404
