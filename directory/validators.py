"""Validation of Romanian identifiers and coordinates used by the directory."""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

CUI_KEY = "753217532"
CUI_PREFIX = re.compile(r"^\s*RO\s*", re.IGNORECASE)

# Romania's bounding box, with a small margin (WGS 84 degrees).
LATITUDE_RANGE = (Decimal("43.6"), Decimal("48.3"))
LONGITUDE_RANGE = (Decimal("20.2"), Decimal("29.7"))


def normalize_cui(value):
    """The CUI as bare digits: without the "RO" (VAT) prefix and without spaces."""
    if value is None:
        return ""
    return re.sub(r"\s+", "", CUI_PREFIX.sub("", str(value)))


def cui_check_digit(digits):
    """The control digit for the CUI's other digits (at most 9 of them)."""
    padded = digits.rjust(len(CUI_KEY), "0")
    total = sum(int(digit) * int(weight) for digit, weight in zip(padded, CUI_KEY, strict=True))
    return total * 10 % 11 % 10


def validate_cui(value):
    """A Romanian fiscal code (CUI/CIF): 2 to 10 digits whose last one is the check digit."""
    cui = normalize_cui(value)
    if not cui.isascii() or not cui.isdigit():
        raise ValidationError(
            _("The fiscal code (CUI) may contain only digits, optionally after the “RO” prefix."), code="cui_format"
        )
    if not 2 <= len(cui) <= 10:
        raise ValidationError(_("The fiscal code (CUI) has between 2 and 10 digits."), code="cui_length")
    if cui_check_digit(cui[:-1]) != int(cui[-1]):
        raise ValidationError(
            _("The fiscal code (CUI) check digit is wrong. Check that the code was copied correctly."),
            code="cui_check_digit",
        )


def validate_founding_year(value):
    if value is None:
        return
    if value < 1800:
        raise ValidationError(_("The founding year must be 1800 or later."), code="founding_year_too_early")
    if value > datetime.date.today().year:
        raise ValidationError(_("The founding year cannot be in the future."), code="founding_year_in_future")


def validate_latitude(value):
    if value is not None and not LATITUDE_RANGE[0] <= value <= LATITUDE_RANGE[1]:
        raise ValidationError(
            _("The latitude must be within Romania (between 43.6 and 48.3)."), code="latitude_outside_romania"
        )


def validate_longitude(value):
    if value is not None and not LONGITUDE_RANGE[0] <= value <= LONGITUDE_RANGE[1]:
        raise ValidationError(
            _("The longitude must be within Romania (between 20.2 and 29.7)."), code="longitude_outside_romania"
        )


validate_postal_code = RegexValidator(
    r"^\d{6}$", _("A Romanian postal code has six digits, e.g. 030167."), code="postal_code"
)
validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ()./-]{5,29}$",
    _("Enter a phone number using digits, spaces and + ( ) - / . only, e.g. +40 21 305 55 00."),
    code="phone",
)
