"""The funding index's filters: every parameter is optional, and a bad one is ignored, never an error page."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from website.forms import ListingFilterForm

from .models import ApplicantKind, Currency
from .status import FundingStatus, accepting_condition

ACCEPTING = "accepting"
MAX_AMOUNT = Decimal("1000000000000")

# "50000", "50000,50", "50.000", "50 000", "1.250.000,00" (Romanian grouping) or "50000.50".
GROUPED_AMOUNT = re.compile(r"\d{1,3}(?:[.\s]\d{3})+(?:,\d{1,2})?")
PLAIN_AMOUNT = re.compile(r"\d+(?:[.,]\d{1,2})?")


def parse_amount(text):
    """A non-negative Decimal from what a Romanian reader types, or None when it is not an amount."""
    text = text.strip().replace("\u00a0", " ")
    if GROUPED_AMOUNT.fullmatch(text):
        text = re.sub(r"[.\s]", "", text).replace(",", ".")
    elif PLAIN_AMOUNT.fullmatch(text):
        text = text.replace(",", ".")
    else:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return amount if amount < MAX_AMOUNT else None


class AmountField(forms.CharField):
    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        amount = parse_amount(value)
        if amount is None:
            raise forms.ValidationError(_("Enter an amount as a number, for example 50000."), code="invalid")
        return amount


class FundingFilterForm(ListingFilterForm):
    """Bound to the query string (`?stare=&solicitant=&tema=&suma_min=&suma_max=&moneda=&ordine=`)."""

    ORDERINGS = [
        ("termen", _("Deadline")),
        ("recente", _("Newest")),
        ("suma", _("Largest amount")),
    ]

    stare = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any status")),
            # Plural in Romanian ("calls that are …"), unlike the singular status badges.
            (ACCEPTING, _("Open for applications")),
            (FundingStatus.CLOSING_SOON, pgettext_lazy("funding calls filter", "Closing soon")),
            (FundingStatus.UPCOMING, pgettext_lazy("funding calls filter", "Upcoming")),
            (FundingStatus.CLOSED, pgettext_lazy("funding calls filter", "Closed")),
        ],
    )
    solicitant = forms.ChoiceField(label=_("Who can apply"), required=False)
    tema = forms.ChoiceField(label=_("Topic"), required=False)
    suma_min = AmountField(label=_("Grants at least"), required=False)
    suma_max = AmountField(label=_("Grants at most"), required=False)
    moneda = forms.ChoiceField(
        label=_("Currency"), required=False, choices=[("", _("Any currency")), *Currency.choices]
    )
    ordine = forms.ChoiceField(label=_("Sort by"), required=False, choices=ORDERINGS)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["solicitant"].choices = [("", _("Anyone")), *ApplicantKind.Code.choices]
        self.fields["tema"].choices = self.topic_choices()

    def filter(self, calls, *, now):
        """`calls` narrowed and ordered by the valid parameters."""
        status = self.value("stare")
        if status == ACCEPTING:
            calls = calls.filter(accepting_condition(now=now))
        elif status:
            calls = calls.with_status(status, now=now)
        if kind := self.value("solicitant"):
            calls = calls.filter(applicant_kinds__code=kind)
        if topic := self.value("tema"):
            calls = calls.filter(topics__slug=topic)
        if currency := self.value("moneda"):
            calls = calls.filter(currency=currency)
        if (at_least := self.value("suma_min")) is not None:
            # Calls whose ceiling reaches the amount, or that state only a floor.
            calls = calls.filter(Q(amount_max__gte=at_least) | Q(amount_max__isnull=True, amount_min__isnull=False))
        if (at_most := self.value("suma_max")) is not None:
            calls = calls.filter(Q(amount_min__lte=at_most) | Q(amount_min__isnull=True, amount_max__isnull=False))

        match self.value("ordine"):
            case "recente":
                return calls.order_by("-first_published_at", "-pk")
            case "suma":
                return calls.order_by(F("amount_max").desc(nulls_last=True), "deadline", "pk")
            case _:
                return calls.order_by_deadline(now=now)
