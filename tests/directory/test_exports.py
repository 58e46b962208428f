"""Open data: the public directory as CSV (UTF-8 with BOM) and JSON, public fields only."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directory.exports import EXPORT_COLUMNS, csv_cell
from directory.models import Organization
from tests.factories.directory import OrganizationFactory, sector, valid_cui

pytestmark = pytest.mark.django_db

EXPORT_MAX_QUERIES = 10


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
    # A value the directory does not know is ignored, as on the page that links the download: the same rows.
    rows = csv_rows(client.get(reverse("directory:export_csv"), {"tip": "necunoscut", "sector": "sector-5"}))
    assert [row["name"] for row in rows] == ["Fundația Lumina"]


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


# The XLSX download: the same rows for people, Romanian headings, codes as text, dates as dates.


def xlsx_sheet(response):
    from openpyxl import load_workbook

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def xlsx_records(sheet):
    header, *rows = sheet.iter_rows()
    headings = [cell.value for cell in header]
    return [dict(zip(headings, row, strict=True)) for row in rows]


def test_xlsx_export(client, organizations):
    OrganizationFactory(name="Fundația Lumina 2", postal_code="030203", phone="+40 21 305 55 00", publish=False)
    organization = organizations[0]
    organization.postal_code = "030203"
    organization.phone = "0213055500"
    organization.registration_number = "01234/2008"
    organization.save()

    response = client.get(reverse("directory:export_xlsx"))
    assert response["Content-Disposition"] == 'attachment; filename="organizatii.xlsx"'
    sheet = xlsx_sheet(response)
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 40
    records = xlsx_records(sheet)
    assert [record["Nume"].value for record in records] == ["Asociația Școala Țării", "Fundația Lumina"]
    first = records[0]
    for heading, value in [("Cod fiscal (CUI)", "4267117"), ("Cod poștal", "030203"), ("Telefon", "0213055500")]:
        assert first[heading].value == value  # the zero stays: text, not a number
        assert first[heading].data_type == "s"
        assert first[heading].number_format == "@"
    assert first["Număr în Registrul național ONG"].value == "01234/2008"
    assert first["Tip"].value == "asociație"
    assert first["Teme"].value == "Mediu"
    assert first["Verificată de echipă"].value == "da"
    assert first["Caută parteneri"].value == "nu"
    assert first["Latitudine"].value == 44.4217
    assert first["Pagina de profil"].value == "http://testserver/organizatii/asociatia-scoala-tarii/"
    published = first["Publicată ultima dată la"]
    assert published.is_date
    assert published.value == timezone.make_naive(organization.last_published_at).replace(microsecond=0)


def test_xlsx_export_honours_the_filters(client, organizations):
    records = xlsx_records(xlsx_sheet(client.get(reverse("directory:export_xlsx"), {"sector": "sector-5"})))
    assert [record["Nume"].value for record in records] == ["Fundația Lumina"]
    ignored = xlsx_records(
        xlsx_sheet(client.get(reverse("directory:export_xlsx"), {"tip": "x", "sector": "sector-5"}))
    )
    assert [record["Nume"].value for record in ignored] == ["Fundația Lumina"]


def test_directory_page_links_both_downloads(client, organizations):
    response = client.get(reverse("directory:index"), {"sector": "sector-5", "page": "1"})
    content = response.content.decode()
    assert 'href="/organizatii/export.xlsx?sector=sector-5"' in content
    assert "Foaie de calcul Excel (XLSX)" in content
    assert 'href="/organizatii/export.csv?sector=sector-5"' in content
    assert "CSV (date deschise)" in content


@pytest.mark.parametrize("value", ['=HYPERLINK("http://rau.example";"clic")', "@SUM(A1)", "+1+2", "-2+3", "=1+2"])
def test_formula_in_a_name_is_text_in_the_xlsx_file(client, home_page, value):
    OrganizationFactory(name=value, slug="formula", description="\x07Clopoțel")  # a control character XML refuses
    record = xlsx_records(xlsx_sheet(client.get(reverse("directory:export_xlsx"))))[0]
    assert record["Nume"].value == value
    assert record["Nume"].data_type == "s"  # not "f": the spreadsheet shows it and runs nothing
    assert record["Nume"].quotePrefix
    assert record["Descriere"].value == "Clopoțel"


@pytest.mark.parametrize("export", ["directory:export_csv", "directory:export_xlsx"])
def test_export_queries_do_not_grow_with_rows(client, home_page, environment, django_assert_max_num_queries, export):
    def grow(count):
        start = Organization.objects.count()
        created = Organization.objects.bulk_create(
            Organization(
                name=f"Asociația {number:03d}",
                sort_name=f"asociatia {number:03d}",
                slug=f"asociatia-{number:03d}",
                cui=valid_cui(30_000_000 + number),
                postal_code="030203",
                live=True,
                last_published_at=timezone.now(),
            )
            for number in range(start, count)
        )
        Organization.topics.through.objects.bulk_create(
            Organization.topics.through(organization_id=organization.pk, topic_id=environment.pk)
            for organization in created
        )
        Organization.sectors.through.objects.bulk_create(
            Organization.sectors.through(organization_id=organization.pk, sector_id=sector("sector-3").pk)
            for organization in created
        )

    def download():
        response = client.get(reverse(export))
        return b"".join(response.streaming_content)

    grow(5)
    with CaptureQueriesContext(connection) as few:
        small = download()
    grow(120)
    with django_assert_max_num_queries(len(few)):
        large = download()
    assert len(large) > 5 * len(small) / 2  # the second file really holds many more rows
    assert len(few) <= EXPORT_MAX_QUERIES
