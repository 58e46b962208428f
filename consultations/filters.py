"""The consultations' filters (`?stare=open&autoritate=<slug>&tema=<slug>&sector=<slug>`), read by the index page
(lenient: a value it does not understand is ignored with a notice) and by the API (strict: a 400), on
`/api/v2/consultations/` and on `/api/v2/pages/?type=consultations.ConsultationPage`, under the API names
`status`, `authority`, `topic`, `sector`, `closes_after` and `closes_before`.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.filters import authority_options_for, sector_options
from website.filters import ChoiceFilter, DateFilter, ListingFilterSet, topic_filter

from .status import ConsultationStatus, status_condition

# The authorities of the listed consultations (live and public): a draft's or a private consultation's authority
# is not offered, the options say nothing the listing hides.
authority_options = authority_options_for("authority_id", related=Q(consultations__isnull=False))


class ConsultationFilterSet(ListingFilterSet):
    """Consultations by status (derived from the dates at `now`), initiating authority, topic, sector and closing
    day; open ones closing soonest first, then upcoming ones, then the latest closed."""

    stare = ChoiceFilter(
        label=_("Status"),
        empty_label=_("Any status"),
        # Plural in Romanian ("consultations that are …"), unlike the singular status badges.
        choices=[
            (ConsultationStatus.OPEN, pgettext_lazy("consultations filter", "Open for recommendations")),
            (ConsultationStatus.UPCOMING, pgettext_lazy("consultations filter", "Upcoming")),
            (ConsultationStatus.CLOSED, pgettext_lazy("consultations filter", "Closed, awaiting the outcome")),
            (ConsultationStatus.OUTCOME_PUBLISHED, pgettext_lazy("consultations filter", "Outcome published")),
        ],
        condition="status_condition",
        api_name="status",
    )
    autoritate = ChoiceFilter(
        label=_("Initiating authority"),
        empty_label=_("Any authority"),
        options=authority_options,
        field_name="authority__slug",
        count_by="authority__slug",
        api_name="authority",
    )
    tema = topic_filter(empty_label=_("Any topic"))
    sector = ChoiceFilter(
        label=_("Sector"),
        empty_label=_("Any sector"),
        options=sector_options,
        field_name="sectors__slug",
        count_by="sectors__slug",
        api_name="sector",
    )
    inchidere_dupa = DateFilter(
        label=_("Closes on or after"), field_name="closes_at", lookup_expr="gte", api_name="closes_after"
    )
    inchidere_inainte = DateFilter(
        label=_("Closes on or before"), field_name="closes_at", lookup_expr="lte", api_name="closes_before"
    )

    def status_condition(self, value):
        return status_condition(value, now=self.context.get("now"))

    def order(self, consultations, value):
        return consultations.order_for_listing(now=self.context.get("now"))
