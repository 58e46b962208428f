"""The one rule for a funding call's status, as a Python function and as the matching database filter.

A call is *upcoming* before 00:00 (Bucharest time) on its opening day, *closed* once its deadline
has passed, *closing soon* when the deadline is at most seven days (168 hours) away, and *open*
otherwise. Times are compared as absolute instants (UTC), so daylight-saving changes cannot shift
a boundary; only "which day is it in Bucharest" depends on the time zone.
"""

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

BUCHAREST = ZoneInfo("Europe/Bucharest")
CLOSING_SOON_WINDOW = timedelta(days=7)


class FundingStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    CLOSED = "closed", _("Closed")

    @property
    def css_class(self):
        """The badge modifier in static/css/site.css (`badge--closing-soon`)."""
        return "badge--" + self.value.replace("_", "-")


def reference_time(now=None):
    """`now` (default: the current time) in UTC, and the calendar date it falls on in Bucharest."""
    now = (now or timezone.now()).astimezone(UTC)
    return now, now.astimezone(BUCHAREST).date()


def funding_status(*, opens_on, deadline, now=None):
    """The status of a call that opens on `opens_on` (a date) and closes at `deadline` (an aware datetime)."""
    now, today = reference_time(now)
    if opens_on > today:
        return FundingStatus.UPCOMING
    deadline = deadline.astimezone(UTC)
    if deadline < now:
        return FundingStatus.CLOSED
    if deadline - now <= CLOSING_SOON_WINDOW:
        return FundingStatus.CLOSING_SOON
    return FundingStatus.OPEN


def status_condition(status, *, now=None):
    """A `Q` selecting the calls that `funding_status` puts in `status` at `now`; the same boundaries."""
    now, today = reference_time(now)
    started = Q(opens_on__lte=today)
    match FundingStatus(status):
        case FundingStatus.UPCOMING:
            return Q(opens_on__gt=today)
        case FundingStatus.CLOSED:
            return started & Q(deadline__lt=now)
        case FundingStatus.CLOSING_SOON:
            return started & Q(deadline__gte=now, deadline__lte=now + CLOSING_SOON_WINDOW)
        case FundingStatus.OPEN:
            return started & Q(deadline__gt=now + CLOSING_SOON_WINDOW)


def accepting_condition(*, now=None):
    """A `Q` for calls that are open or closing soon at `now`."""
    return status_condition(FundingStatus.OPEN, now=now) | status_condition(FundingStatus.CLOSING_SOON, now=now)


def days_left(deadline, *, now=None):
    """Calendar days (in Bucharest) from `now` to the deadline's day: 0 on the last day, 1 the day before."""
    _now, today = reference_time(now)
    return (deadline.astimezone(BUCHAREST).date() - today).days


def status_label(status, *, deadline, now=None):
    """What the badge says: "Open", "Closes in 3 days", "Closes tomorrow", "Closes today", …"""
    if status != FundingStatus.CLOSING_SOON:
        return FundingStatus(status).label
    days = days_left(deadline, now=now)
    if days <= 0:
        return gettext("Closes today")
    if days == 1:
        return gettext("Closes tomorrow")
    return ngettext("Closes in %(days)d day", "Closes in %(days)d days", days) % {"days": days}
