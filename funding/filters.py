"""The funding index's filters (`?stare=deschis&solicitant=ong&tema=mediu&suma_min=50000&moneda=RON&ordine=suma`)."""

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from website.filters import ChoiceFilter, ListingFilterSet, OrderingFilter, SearchFilter, topic_filter

from .forms import AmountField
from .models import ApplicantKind, Currency
from .status import FundingStatus, accepting_condition, status_condition

# The statuses readers choose from, in Romanian; "deschis" is every call that accepts applications
# (open or closing soon). The English values of the first version stay valid, so old links keep working.
OPEN = "deschis"
STATUSES = {
    OPEN: None,
    "se-inchide-curand": FundingStatus.CLOSING_SOON,
    "in-curand": FundingStatus.UPCOMING,
    "inchis": FundingStatus.CLOSED,
}
FORMER_STATUS_VALUES = {
    "accepting": OPEN,
    "closing_soon": "se-inchide-curand",
    "upcoming": "in-curand",
    "closed": "inchis",
}


class AmountFilter(SearchFilter):
    """An amount as Romanian readers type it ("50.000", "50 000,50"); not counted."""

    field_class = AmountField

    def filter(self, queryset, value):
        if value is None:
            return queryset
        return queryset.filter(self.condition(value))


class FundingFilterSet(ListingFilterSet):
    """Funding calls by status (derived from the dates at `now`), applicant kind, topic, amount and currency."""

    stare = ChoiceFilter(
        label=_("Status"),
        empty_label=_("Any status"),
        choices=[
            # Plural in Romanian ("calls that are …"), unlike the singular status badges.
            (OPEN, _("Open for applications")),
            ("se-inchide-curand", pgettext_lazy("funding calls filter", "Closing soon")),
            ("in-curand", pgettext_lazy("funding calls filter", "Upcoming")),
            ("inchis", pgettext_lazy("funding calls filter", "Closed")),
        ],
        aliases=FORMER_STATUS_VALUES,
        condition="status_condition",
        api_name="status",
    )
    solicitant = ChoiceFilter(
        label=_("Who can apply"),
        empty_label=_("Anyone"),
        choices=ApplicantKind.Code.choices,
        field_name="applicant_kinds__code",
        count_by="applicant_kinds__code",
        api_name="applicant_kind",
    )
    tema = topic_filter(empty_label=_("Any topic"))
    suma_min = AmountFilter(
        label=_("Grants at least"),
        # Calls whose ceiling reaches the amount, or that state only a floor.
        condition=lambda amount: Q(amount_max__gte=amount) | Q(amount_max__isnull=True, amount_min__isnull=False),
    )
    suma_max = AmountFilter(
        label=_("Grants at most"),
        condition=lambda amount: Q(amount_min__lte=amount) | Q(amount_min__isnull=True, amount_max__isnull=False),
    )
    moneda = ChoiceFilter(
        label=_("Currency"),
        empty_label=_("Any currency"),
        choices=Currency.choices,
        field_name="currency",
        count_by="currency",
    )
    ordine = OrderingFilter(
        label=_("Sort by"),
        empty_label=None,
        choices=[("termen", _("Deadline")), ("recente", _("Newest")), ("suma", _("Largest amount"))],
    )

    def status_condition(self, value):
        now = self.context.get("now")
        if value == OPEN:
            return accepting_condition(now=now)
        return status_condition(STATUSES[value], now=now)

    def order(self, calls, value):
        match value:
            case "recente":
                return calls.order_by("-first_published_at", "-pk")
            case "suma":
                return calls.order_by(F("amount_max").desc(nulls_last=True), "deadline", "pk")
            case _:
                return calls.order_by_deadline(now=self.context.get("now"))
