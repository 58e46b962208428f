"""The period of validity of strategies, public policies and action plans, read in Bucharest's calendar.

A resource is *in force* when today's date in Bucharest lies within its period, both ends included; a period
without an end stays in force from its start on.
"""

from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BUCHAREST = ZoneInfo("Europe/Bucharest")


class ValidityStatus(models.TextChoices):
    IN_FORCE = "in-vigoare", _("In force")
    UPCOMING = "viitoare", _("Not yet in force")
    EXPIRED = "expirata", _("No longer in force")

    @property
    def css_class(self):
        """The badge modifier in static/css/site.css."""
        return {"in-vigoare": "badge--open", "viitoare": "badge--upcoming", "expirata": "badge--closed"}[self.value]


def bucharest_today(now=None):
    """The calendar date in Bucharest at `now` (default: the current time)."""
    return timezone.localtime(now or timezone.now(), BUCHAREST).date()


def validity_status(valid_from, valid_until, *, now=None):
    """Where `now` falls in the period [valid_from, valid_until] (Bucharest dates); None without a start."""
    if valid_from is None:
        return None
    today = bucharest_today(now)
    if today < valid_from:
        return ValidityStatus.UPCOMING
    if valid_until is not None and today > valid_until:
        return ValidityStatus.EXPIRED
    return ValidityStatus.IN_FORCE


def in_force_condition(*, now=None, prefix=""):
    """The rows whose period holds today's Bucharest date: the database form of `validity_status` = IN_FORCE."""
    today = bucharest_today(now)
    return Q(**{f"{prefix}valid_from__lte": today}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": today})
    )
