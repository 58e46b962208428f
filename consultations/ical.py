"""The iCalendar feed of consultations: each one's closing moment and, when announced, its public debate.

Built on the funding feed's writer (funding/ical.py: escaping, folding at 75 octets, UTC times, CRLF lines).
"""

from datetime import timedelta

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext

from funding.ical import CRLF, escape_text, fold, format_utc
from website.addresses import public_host

from .status import BUCHAREST

CLOSING_EVENT_LENGTH = timedelta(hours=1)
DEBATE_LENGTH = timedelta(hours=2)
# Closed consultations stay in the feed this long, so a calendar keeps recent closings.
RECENTLY_CLOSED = timedelta(days=60)


def _local(moment):
    return date_format(moment.astimezone(BUCHAREST), "j F Y, H:i").lower()


def _event(uid, *, start, end, summary, description, url, now, modified):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{format_utc(now)}",
        f"DTSTART:{format_utc(start)}",
        f"DTEND:{format_utc(end)}",
        "SUMMARY:" + escape_text(summary),
        "DESCRIPTION:" + escape_text("\n".join(line for line in [*description, url] if line)),
    ]
    if modified:
        lines.append(f"LAST-MODIFIED:{format_utc(modified)}")
    if url:
        lines.append(f"URL:{url}")
    return [*lines, "TRANSP:TRANSPARENT", "END:VEVENT"]


def event_lines(consultation, *, request, now, host):
    url = consultation.get_full_url(request)
    authority = consultation.public_authority
    about = [gettext("Initiating authority: %(name)s") % {"name": authority.name}] if authority else []
    lines = _event(
        f"consultation-{consultation.pk}-closes@{host}",
        start=consultation.closes_at - CLOSING_EVENT_LENGTH,
        end=consultation.closes_at,
        summary=gettext("Recommendations close: %(title)s") % {"title": consultation.title},
        description=[
            gettext("Recommendations are accepted until %(moment)s (Romania's time).")
            % {"moment": _local(consultation.closes_at)},
            *about,
        ],
        url=url,
        now=now,
        modified=consultation.last_published_at,
    )
    if consultation.debate_at:
        place = consultation.debate_place or consultation.debate_url
        lines += _event(
            f"consultation-{consultation.pk}-debate@{host}",
            start=consultation.debate_at,
            end=consultation.debate_at + DEBATE_LENGTH,
            summary=gettext("Public debate: %(title)s") % {"title": consultation.title},
            description=[gettext("Public debate on %(moment)s.") % {"moment": _local(consultation.debate_at)}, *about]
            + ([place] if place else []),
            url=url,
            now=now,
            modified=consultation.last_published_at,
        )
        if consultation.debate_place:
            lines.insert(-2, "LOCATION:" + escape_text(consultation.debate_place))
    return lines


def calendar_for_consultations(consultations, *, request, now, name):
    """The whole VCALENDAR document, as text with CRLF line endings."""
    host = public_host()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{host}//consultations//RO",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(f"{name} · {settings.WAGTAIL_SITE_NAME}"),
        "X-WR-TIMEZONE:Europe/Bucharest",
    ]
    for consultation in consultations:
        lines += event_lines(consultation, request=request, now=now, host=host)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
