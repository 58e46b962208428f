"""The one rule for a consultation's status, as a Python function and as the matching database filter.

A consultation is *upcoming* before its opening moment, *open* from the opening moment until just before
the closing moment, *closed* from the closing moment on, and *outcome published* once closed with the
authority's decision recorded. Moments are compared as absolute instants (UTC), so daylight-saving changes
cannot shift a boundary; only calendar days (the 10-day rule, "closes in 3 days") are counted in Bucharest.
"""

from datetime import UTC
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

BUCHAREST = ZoneInfo("Europe/Bucharest")
# Legea 52/2003, art. 7 (4): at least 10 calendar days for recommendations.
MINIMUM_PERIOD_DAYS = 10


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open for recommendations")
    CLOSED = "closed", _("Closed")
    OUTCOME_PUBLISHED = "outcome_published", _("Outcome published")

    @property
    def css_class(self):
        """The badge modifier in static/css/site.css."""
        return {
            "upcoming": "badge--upcoming",
            "open": "badge--open",
            "closed": "badge--closed",
            "outcome_published": "badge--closed",
        }[self.value]


def now_utc(now=None):
    return (now or timezone.now()).astimezone(UTC)


def consultation_status(*, opens_at, closes_at, has_outcome, now=None):
    """The status at `now` of a consultation open from `opens_at` (included) to `closes_at` (excluded)."""
    now = now_utc(now)
    if now < opens_at.astimezone(UTC):
        return ConsultationStatus.UPCOMING
    if now < closes_at.astimezone(UTC):
        return ConsultationStatus.OPEN
    return ConsultationStatus.OUTCOME_PUBLISHED if has_outcome else ConsultationStatus.CLOSED


def status_condition(status, *, now=None):
    """A `Q` selecting the consultations `consultation_status` puts in `status` at `now`; the same boundaries."""
    now = now_utc(now)
    match ConsultationStatus(status):
        case ConsultationStatus.UPCOMING:
            return Q(opens_at__gt=now)
        case ConsultationStatus.OPEN:
            return Q(opens_at__lte=now, closes_at__gt=now)
        case ConsultationStatus.CLOSED:
            return Q(closes_at__lte=now, outcome="")
        case ConsultationStatus.OUTCOME_PUBLISHED:
            return Q(closes_at__lte=now) & ~Q(outcome="")


def calendar_days(start, end):
    """Calendar days in Bucharest from `start`'s day to `end`'s day (10 from the 1st to the 11th)."""
    return (end.astimezone(BUCHAREST).date() - start.astimezone(BUCHAREST).date()).days


def days_left(closes_at, *, now=None):
    """Calendar days (in Bucharest) from `now` to the closing day: 0 on the last day, 1 the day before."""
    return calendar_days(now_utc(now), closes_at)


def countdown_label(closes_at, *, now=None):
    """What an open consultation's badge says: "Closes today", "Closes tomorrow", "Closes in 3 days"."""
    days = days_left(closes_at, now=now)
    if days <= 0:
        return gettext("Closes today")
    if days == 1:
        return gettext("Closes tomorrow")
    return ngettext("Closes in %(days)d day", "Closes in %(days)d days", days) % {"days": days}
