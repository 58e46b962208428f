from wagtail.views import serve

from .models import FundingIndexPage


def calendar(request, path):
    """`/finantari/calendar.ics`: served by the FundingIndexPage at `path`, or 404 when there is none."""
    return serve(request, path + FundingIndexPage.CALENDAR_ROUTE)
