"""Open data: the public directory as CSV (UTF-8 with BOM) and JSON, public fields only."""

import csv
import io

import pytest
from django.urls import reverse

from directory.exports import EXPORT_COLUMNS, csv_cell
from tests.factories.directory import OrganizationFactory

pytestmark = pytest.mark.django_db


def csv_rows(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM: spreadsheet programs then read UTF-8 (ș, ț)
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.fixture
def organizations(home_page, environment):
    return [
        OrganizationFactory(
            name="Asociația Școala Țării",
            cui="4267117",
            topics=[environment],
            sectors=["sector-3", "municipiu"],
            latitude="44.421700",
            longitude="26.151200",
            verified=True,
        ),
        OrganizationFactory(name="Fundația Lumina", sectors=["sector-5"], kind="fundatie"),
        OrganizationFactory(name="Asociația Ciornă", publish=False),
    ]


def test_csv_export(client, organizations):
    response = client.get(reverse("directory:export_csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="organizatii.csv"'
    rows = csv_rows(response)
    assert list(rows[0]) == EXPORT_COLUMNS
    assert [row["name"] for row in rows] == ["Asociația Școala Țării", "Fundația Lumina"]
    first = rows[0]
    assert first["cui"] == "4267117"
    assert first["topics"] == "mediu"
    assert first["sectors"] == "sector-3; municipiu"
    assert first["latitude"] == "44.4217"
    assert first["verified"] == "da"
    assert first["seeking_partners"] == "nu"
    assert first["profile_url"] == "http://testserver/organizatii/asociatia-scoala-tarii/"
    assert first["email"] == "contact@asociatia-scoala-tarii.example.org"


def test_csv_export_honours_the_filters(client, organizations):
    rows = csv_rows(client.get(reverse("directory:export_csv"), {"sector": "sector-5"}))
    assert [row["name"] for row in rows] == ["Fundația Lumina"]
    rows = csv_rows(client.get(reverse("directory:export_csv"), {"tip": "necunoscut"}))
    assert rows == []


def test_json_export(client, organizations):
    response = client.get(reverse("directory:export_json"), {"tema": "mediu"})
    assert response.status_code == 200
    data = response.json()
    assert data["meta"] == {"total_count": 1}
    item = data["items"][0]
    assert list(item) == EXPORT_COLUMNS
    assert item["sectors"] == ["sector-3", "municipiu"]
    assert item["verified"] is True
    assert item["latitude"] == 44.4217
    assert "Asociația Școala Țării" in response.content.decode()  # not \u-escaped


def test_exports_have_no_internal_fields(client, organizations):
    for column in ("live", "has_unpublished_changes", "search_text", "sort_name", "locked_by", "latest_revision"):
        assert column not in EXPORT_COLUMNS
    body = b"".join(client.get(reverse("directory:export_csv")).streaming_content).decode("utf-8-sig")
    assert "Ciornă" not in body
    assert "Ciornă" not in client.get(reverse("directory:export_json")).content.decode()


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://rau.example")', '\'=HYPERLINK("http://rau.example")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("+40 21 000 11 22", "+40 21 000 11 22"),
        (True, "da"),
        (False, "nu"),
        (None, ""),
        (["mediu", "educatie"], "mediu; educatie"),
        ("Asociația Șoimii", "Asociația Șoimii"),
    ],
)
def test_csv_cells_are_safe_for_spreadsheets(value, cell):
    assert csv_cell(value) == cell


def test_formula_in_a_name_is_defused_in_the_file(client, home_page):
    OrganizationFactory(name="=1+2 Asociația", slug="formula")
    rows = csv_rows(client.get(reverse("directory:export_csv")))
    assert rows[0]["name"] == "'=1+2 Asociația"
