"""The Romanian fiscal code (CUI) check and the other field validators."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from directory.validators import (
    cui_check_digit,
    normalize_cui,
    validate_cui,
    validate_founding_year,
    validate_latitude,
    validate_longitude,
    validate_phone,
    validate_postal_code,
)


@pytest.mark.parametrize(
    "value",
    [
        "4267117",  # Primăria Municipiului București
        "RO4267117",
        "ro 4267117",
        " RO 4267117 ",
        "4420465",
        "19",  # the shortest: one digit and its check digit (1·2·10 mod 11 = 9)
        "1234567897",  # ten digits
        "41020307",
    ],
)
def test_valid_cuis(value):
    validate_cui(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("4267118", "cui_check_digit"),
        ("RO4267110", "cui_check_digit"),
        ("42671 17X", "cui_format"),
        ("RO-4267117", "cui_format"),
        ("4267.117", "cui_format"),
        ("４２６７１１７", "cui_format"),  # full-width digits are not ASCII digits
        ("1", "cui_length"),
        ("12345678901", "cui_length"),
        ("RO", "cui_format"),
    ],
)
def test_invalid_cuis(value, code):
    with pytest.raises(ValidationError) as error:
        validate_cui(value)
    assert error.value.code == code
    assert "CUI" in error.value.messages[0]


def test_check_digit_follows_the_753217532_key():
    # 000426711 · 753217532 = 0+0+0+8+2+42+35+3+2 = 92; 92·10 mod 11 = 7
    assert cui_check_digit("426711") == 7
    # 000000005 · 753217532 = 10; 10·10 mod 11 = 1
    assert cui_check_digit("5") == 1
    assert cui_check_digit("123456789") == 7


def test_remainder_ten_counts_as_zero():
    digits = next(str(n) for n in range(10, 100_000) if sum_key(str(n)) * 10 % 11 == 10)
    assert cui_check_digit(digits) == 0
    validate_cui(digits + "0")


def sum_key(digits):
    return sum(int(d) * int(k) for d, k in zip(digits.rjust(9, "0"), "753217532", strict=True))


def test_normalize_cui_strips_prefix_and_spaces():
    assert normalize_cui("RO 4267117") == "4267117"
    assert normalize_cui("ro4267117") == "4267117"
    assert normalize_cui("4 267 117") == "4267117"
    assert normalize_cui(None) == ""


@pytest.mark.parametrize(
    ("validator", "good", "bad"),
    [
        (validate_latitude, Decimal("44.4268"), Decimal("51.5")),
        (validate_latitude, Decimal("43.6"), Decimal("43.59")),
        (validate_longitude, Decimal("26.1025"), Decimal("-0.12")),
        (validate_longitude, Decimal("29.7"), Decimal("29.71")),
        (validate_founding_year, 1990, 1700),
        (validate_founding_year, 2008, 9999),
        (validate_postal_code, "030167", "30167"),
        (validate_phone, "+40 21 305 55 00", "sună-mă"),
    ],
)
def test_field_validators(validator, good, bad):
    validator(good)
    with pytest.raises(ValidationError):
        validator(bad)
