"""Amounts as Romanian readers type them, for the funding index's filters (funding/filters.py)."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

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
