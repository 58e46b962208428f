"""The iCalendar (RFC 5545) feed of funding-call deadlines, written by hand: the format needs little.

Each call is one event: the hour that ends at its deadline, so calendars show the deadline as the
event's end. Times are in UTC (no VTIMEZONE component needed); lines end in CRLF and are folded at
75 octets without splitting a UTF-8 character.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext

from website.addresses import public_host

from .status import BUCHAREST

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
EVENT_LENGTH = timedelta(hours=1)


def escape_text(value):
    """A TEXT property value: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11)."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """A content line split into pieces of at most 75 octets; continuation pieces start with a space."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_LINE_OCTETS:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def format_utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(call, *, request, now, host):
    deadline_text = date_format(call.deadline.astimezone(BUCHAREST), "j F Y, H:i").lower()
    description = [gettext("Deadline: %(deadline)s (Romania's time)") % {"deadline": deadline_text}]
    if call.funder_name:
        description.append(gettext("Funder: %(funder)s") % {"funder": call.funder_name})
    if call.programme:
        description.append(gettext("Programme: %(programme)s") % {"programme": call.programme})
    url = call.get_full_url(request)
    if url:
        description.append(url)
    lines = [
        "BEGIN:VEVENT",
        f"UID:funding-call-{call.pk}@{host}",
        f"DTSTAMP:{format_utc(now)}",
        f"DTSTART:{format_utc(call.deadline - EVENT_LENGTH)}",
        f"DTEND:{format_utc(call.deadline)}",
        "SUMMARY:" + escape_text(gettext("Deadline: %(title)s") % {"title": call.title}),
        "DESCRIPTION:" + escape_text("\n".join(description)),
    ]
    if call.last_published_at:
        lines.append(f"LAST-MODIFIED:{format_utc(call.last_published_at)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def calendar_for_calls(calls, *, request, now, name):
    """The whole VCALENDAR document for `calls`, as text with CRLF line endings."""
    host = public_host()  # the UIDs stay the same whichever address or proxy the request came through
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{host}//funding-calls//RO",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(f"{name} · {settings.WAGTAIL_SITE_NAME}"),
        "X-WR-TIMEZONE:Europe/Bucharest",
    ]
    for call in calls:
        lines += event_lines(call, request=request, now=now, host=host)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
