"""The consultations' filters as the API reads them (`status`, `authority`, `topic`, `closes_after`, `closes_before`).

The website's index keeps its own lenient form (forms.ConsultationFilterForm); this filter set is the strict one
the partner API answers with a 400 on any value it does not understand, on `/api/v2/consultations/` and on
`/api/v2/pages/?type=consultations.ConsultationPage`.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from website.filters import ChoiceFilter, ListingFilterSet, SearchFilter, topic_filter

from .models import AUTHORITY_KINDS
from .status import BUCHAREST, ConsultationStatus, status_condition


def authority_options(filterset=None):
    """The published authorities that initiated a consultation, by slug."""
    return (
        Organization.objects.live()
        .filter(kind__in=AUTHORITY_KINDS, consultations__isnull=False)
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )


def day_start(day):
    """The first moment of a calendar day in Bucharest."""
    return datetime.combine(day, time.min, tzinfo=BUCHAREST)


class DateFilter(SearchFilter):
    """A calendar day (YYYY-MM-DD) in Bucharest; not counted."""

    field_class = forms.DateField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, max_length=20, **kwargs)

    def filter(self, queryset, value):
        if value is None:
            return queryset
        return queryset.filter(self.condition(value))


class ConsultationFilterSet(ListingFilterSet):
    """Consultations by status (derived from the dates at `now`), initiating authority, topic and closing day."""

    stare = ChoiceFilter(
        label=_("Status"),
        empty_label=_("All"),
        choices=ConsultationStatus.choices,
        condition="status_condition",
        api_name="status",
    )
    autoritate = ChoiceFilter(
        label=_("Initiating authority"),
        empty_label=_("All"),
        options=authority_options,
        field_name="authority__slug",
        count_by="authority__slug",
        api_name="authority",
    )
    tema = topic_filter(empty_label=_("All"))
    inchidere_dupa = DateFilter(
        label=_("Closes on or after"),
        condition=lambda day: Q(closes_at__gte=day_start(day)),
        api_name="closes_after",
    )
    inchidere_inainte = DateFilter(
        label=_("Closes on or before"),
        condition=lambda day: Q(closes_at__lt=day_start(day + timedelta(days=1))),
        api_name="closes_before",
    )

    def status_condition(self, value):
        return status_condition(value, now=self.context.get("now"))
