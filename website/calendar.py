"""`<page path>calendar.ics`: the iCal file of any page that offers one through a `calendar.ics/` route.

Wagtail's page URLs cannot hold a dot, so a page cannot answer `<its url>calendar.ics` itself. This address takes
it and hands it back to Wagtail's page serving as the page's `calendar.ics/` route (a `RoutablePageMixin` route
named after `CALENDAR_ROUTE`), with Wagtail's own rules: drafts, private pages and pages without such a route
answer 404 (or the login page). Knows no app: the funding index and calls, the consultations index, … declare
the route, this view only forwards.
"""

from django.http import HttpResponse

CALENDAR_ROUTE = "calendar.ics/"


def page_calendar(request, path):
    """The `calendar.ics/` route of the page at `path` (`""` is the site's root page), or 404 when it has none."""
    from wagtail.views import serve  # not at import time: page models import this module

    return serve(request, path + CALENDAR_ROUTE)


def calendar_response(body, *, filename, disposition="inline"):
    """An iCal document (text with CRLF lines) as `<filename>.ics`: `inline` for a feed, `attachment` for a file."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.ics"'
    return response
