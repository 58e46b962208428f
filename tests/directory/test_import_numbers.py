"""Coordinates in an imported file that Python reads as decimals but are not numbers ("NaN", "inf")."""

import pytest

from directory.importers import import_organizations
from directory.models import Organization
from tests.factories.directory import valid_cui

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["NaN", "nan", "-NaN", "sNaN", "inf", "-Infinity", "1e999", "patruzeci"])
def test_a_coordinate_that_is_not_a_number_is_reported_in_romanian(value):
    data = f"name,kind,cui,latitude,longitude\nAsociația Hartă,asociatie,{valid_cui(4102030)},{value},26.1\n"

    report = import_organizations(data.encode(), filename="organizatii.csv")

    assert not report.created
    [problem] = report.rejected
    assert problem.line == 2
    assert problem.messages == [f"latitude: „{value}” nu este un număr."]
    assert not Organization.objects.exists()


def test_a_good_row_next_to_a_nan_row_is_still_imported():
    data = (
        "name,kind,cui,latitude,longitude\n"
        f"Asociația Hartă,asociatie,{valid_cui(4102030)},44.43,NaN\n"
        f"Asociația Bună,asociatie,{valid_cui(3812345)},44.43,26.1\n"
    )

    report = import_organizations(data.encode(), filename="organizatii.csv")

    assert [problem.messages for problem in report.rejected] == [["longitude: „NaN” nu este un număr."]]
    assert Organization.objects.get().name == "Asociația Bună"
