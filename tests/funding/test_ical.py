"""The iCalendar feed: RFC 5545 structure, CRLF, escaping and folding, and which calls it holds."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import timezone

from funding.ical import escape_text, fold
from funding.status import BUCHAREST
from tests.factories.funding import FundingCallPageFactory
from website.calendar import page_calendar as calendar

pytestmark = pytest.mark.django_db


def unfold(body):
    """Content lines of an iCalendar text (RFC 5545 §3.1), checking the physical lines on the way."""
    assert body.endswith("\r\n")
    physical = body.split("\r\n")[:-1]
    for line in physical:
        assert "\n" not in line and "\r" not in line
        assert len(line.encode("utf-8")) <= 75, line
    lines = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def events(lines):
    """Each VEVENT as a dict of property name -> value (parameters dropped)."""
    found, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            name, value = line.split(":", 1)
            current[name.split(";")[0]] = value
    return found


def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


class TestTextHelpers:
    def test_escaping(self):
        assert escape_text("a, b; c\\d\ne\r\nf") == "a\\, b\\; c\\\\d\\ne\\nf"

    def test_short_lines_are_not_folded(self):
        assert fold("SUMMARY:Scurt") == "SUMMARY:Scurt"

    def test_folding_counts_octets_not_characters(self):
        line = "SUMMARY:" + "ș" * 100  # two octets each
        folded = fold(line)
        pieces = folded.split("\r\n")
        assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
        assert all(piece.startswith(" ") for piece in pieces[1:])
        assert "".join([pieces[0], *(piece[1:] for piece in pieces[1:])]) == line

    def test_folding_at_exactly_75_octets(self):
        assert fold("X" * 75) == "X" * 75
        assert fold("X" * 76) == "X" * 75 + "\r\n X"


class TestFeed:
    def test_structure(self, client, funding_index):
        call = FundingCallPageFactory(
            parent=funding_index,
            title="Apel, lotul 2; granturi \\ mici — incluziune socială și economie circulară în toate sectoarele",
            funder="Fundația Comunitară București",
            programme="Program; ediția a III-a",
            deadline=datetime(2099, 3, 10, 16, 0, tzinfo=BUCHAREST),
        )
        response = client.get("/finantari/calendar.ics")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == 'inline; filename="finantari.ics"'
        body = response.content.decode("utf-8")
        lines = unfold(body)
        assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
        assert lines[-1] == "END:VCALENDAR"
        assert any(line.startswith("PRODID:") for line in lines)
        assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 1

        (event,) = events(lines)
        assert event["UID"] == f"funding-call-{call.pk}@testserver"
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"])
        # 16:00 in Bucharest in winter is 14:00 UTC; the event is the hour that ends at the deadline.
        assert event["DTEND"] == "20990310T140000Z"
        assert event["DTSTART"] == "20990310T130000Z"
        assert unescape(event["SUMMARY"]).endswith(call.title)
        assert "\\," in event["SUMMARY"] and "\\;" in event["SUMMARY"] and "\\\\" in event["SUMMARY"]
        description = unescape(event["DESCRIPTION"])
        assert "10 martie 2099, 16:00" in description
        assert "Fundația Comunitară București" in description
        assert "Program; ediția a III-a" in description
        assert "\n" in description
        assert event["URL"] == f"http://testserver{call.url}"
        assert any(len(line.encode()) > 75 for line in lines), "the long title should have needed folding"

    def test_which_calls(self, client, funding_index):
        now = timezone.now()
        today = timezone.localdate()

        def call(title, **fields):
            return FundingCallPageFactory(parent=funding_index, title=title, **fields)

        call("Deschis", deadline=now + timedelta(days=20))
        call("Urmează", opens_on=today + timedelta(days=3), deadline=now + timedelta(days=30))
        call("Închis recent", opens_on=today - timedelta(days=100), deadline=now - timedelta(days=10))
        call("Închis demult", opens_on=today - timedelta(days=400), deadline=now - timedelta(days=200))
        call("Ciornă", deadline=now + timedelta(days=20), live=False)
        body = client.get("/finantari/calendar.ics").content.decode()
        summaries = {unescape(event["SUMMARY"]) for event in events(unfold(body))}
        assert {summary.split(": ", 1)[1] for summary in summaries} == {"Deschis", "Urmează", "Închis recent"}

    def test_empty_calendar_is_still_valid(self, client, funding_index):
        lines = unfold(client.get("/finantari/calendar.ics").content.decode())
        assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
        assert events(lines) == []

    def test_times_are_utc_across_daylight_saving(self, client, funding_index):
        FundingCallPageFactory(
            parent=funding_index, opens_on=date(2099, 1, 1), deadline=datetime(2099, 7, 1, 16, 0, tzinfo=BUCHAREST)
        )
        (event,) = events(unfold(client.get("/finantari/calendar.ics").content.decode()))
        assert event["DTEND"] == "20990701T130000Z"
        assert datetime.strptime(event["DTEND"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).astimezone(BUCHAREST).hour == 16

    @pytest.mark.parametrize("path", ["", "nu-exista/", "finantari/nu-exista/"])
    def test_only_funding_pages_have_a_calendar(self, rf, funding_index, path):
        # Called directly: the 404 page itself is the site shell's business.
        with pytest.raises(Http404):
            calendar(rf.get(f"/{path}calendar.ics"), path=path)

    def test_calendar_address_has_no_trailing_slash(self, funding_index):
        assert resolve("/finantari/calendar.ics").func is calendar
        with pytest.raises(Resolver404):
            resolve("/finantari/calendar.ics/")
