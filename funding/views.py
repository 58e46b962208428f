from wagtail.views import serve

from .models import FundingIndexPage


def calendar(request, path):
    """`<page>/calendar.ics`: the calendar route of the funding index or call at `path`, or 404 when there is none."""
    return serve(request, path + FundingIndexPage.CALENDAR_ROUTE)
