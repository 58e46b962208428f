"""The one writer for every spreadsheet the platform produces: CSV and XLSX whose cells never run as formulas.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by spreadsheet programs as a
formula (CSV injection). In CSV such a value gets a leading single quote, as OWASP recommends; in XLSX it is
written as a text cell marked "quote prefix", so it shows as typed and stays text even when edited.
Wagtail's admin exports (snippet and model listings, form submissions) come here through
`SafeSpreadsheetExportMixin`.
"""

import csv
import datetime
import io
import re
import tempfile
from dataclasses import dataclass
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from wagtail.contrib.forms.views import SubmissionsListView

# Prefixes that make spreadsheet programs read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Phone numbers ("+40 21 305 55 00") are data; anything with an operator after the sign is escaped.
PHONE_LIKE = re.compile(r"\+?[0-9 ]+")
LIST_SEPARATOR = "; "
YES, NO = "da", "nu"
# Control characters XML (hence XLSX) cannot hold; openpyxl refuses them with an exception.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_DATE_FORMAT = "dd.mm.yyyy"
XLSX_DATETIME_FORMAT = "dd.mm.yyyy hh:mm"
XLSX_TEXT_FORMAT = "@"
# Files are built on disk past this size, not in memory.
XLSX_SPOOL_SIZE = 10 * 1024 * 1024


def is_formula(text):
    """Whether a spreadsheet program would read this text as a formula."""
    return text.startswith(FORMULA_PREFIXES) and not PHONE_LIKE.fullmatch(text)


def safe_cell(value):
    """A value as CSV text: a leading single quote in front of anything a spreadsheet would run as a formula."""
    text = force_str(value)
    return "'" + text if is_formula(text) else text


def csv_cell(value):
    """A value as CSV text: da/nu for booleans, lists joined by "; ", local time for dates, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list | tuple):
        return safe_cell(LIST_SEPARATOR.join(force_str(item) for item in value))
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).isoformat(sep=" ", timespec="seconds")
    return safe_cell(value)


def csv_lines(header, rows, *, delimiter=","):
    """A CSV file line by line: a UTF-8 byte-order mark and the header first, so spreadsheets show ș and ț."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")

    def flush():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([csv_cell(heading) for heading in header])
    yield "\ufeff" + flush()
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
        yield flush()


def csv_response(header, rows, *, filename):
    """A streamed CSV download of `rows` (iterables of values) under `header`."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@dataclass(frozen=True)
class Column:
    """A column of an XLSX sheet: its heading, its width in characters, and whether its values are codes
    that must stay text (a postal code 030203 keeps its zero, a CUI is never summed)."""

    heading: str
    width: int = 18
    text: bool = False


def write_xlsx(output, *, columns, rows, sheet_title):
    """Write an XLSX workbook to the binary file `output`: a frozen header row, then one row per item of `rows`.

    Rows are written as they come (openpyxl's write-only mode), so large exports keep little in memory.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(sheet_title))
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width

    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = _xlsx_cell(sheet, WriteOnlyCell, force_str(column.heading), text=True)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append(
            [
                _xlsx_cell(sheet, WriteOnlyCell, value, text=column.text)
                for column, value in zip(columns, row, strict=True)
            ]
        )
    workbook.save(output)


def xlsx_response(*, columns, rows, filename, sheet_title):
    """An XLSX download of `rows` under `columns`, built in a temporary file."""
    output = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_SIZE)  # noqa: SIM115 (FileResponse closes it)
    write_xlsx(output, columns=columns, rows=rows, sheet_title=sheet_title)
    output.seek(0)
    return FileResponse(output, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def _xlsx_cell(sheet, cell_class, value, *, text):
    if isinstance(value, bool):
        value = YES if value else NO
    elif isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(force_str(item) for item in value)
    elif isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)  # local time, as the site shows it
        cell = cell_class(sheet, value.replace(microsecond=0))
        cell.number_format = XLSX_DATETIME_FORMAT
        return cell
    elif isinstance(value, datetime.date):
        cell = cell_class(sheet, value)
        cell.number_format = XLSX_DATE_FORMAT
        return cell
    elif value is not None and not isinstance(value, int | float | Decimal | datetime.time):
        value = force_str(value)

    if isinstance(value, str):
        value = XML_ILLEGAL.sub("", value)
    cell = cell_class(sheet, value)
    if isinstance(value, str):
        # openpyxl stores a string starting with "=" as a formula: keep every string a string.
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    if text:
        cell.number_format = XLSX_TEXT_FORMAT
    return cell


def _sheet_title(title):
    # Excel limits sheet names to 31 characters, without []:*?/\
    return re.sub(r"[\[\]:*?/\\]", " ", force_str(title))[:31] or "Sheet1"


class SafeSpreadsheetExportMixin:
    """Routes the exports of Wagtail's `SpreadsheetExportMixin` views through this module's writers.

    Put it before the Wagtail view class: `class OrganizationIndexView(SafeSpreadsheetExportMixin, IndexView)`.
    Every index view of the project's viewsets, and the form-submission listing, uses it
    (tests/website/test_spreadsheets.py checks).
    """

    # Dates, lists and booleans reach the writers as they are: they format them (local time, "; ", da/nu).
    custom_value_preprocess = {
        (datetime.date, datetime.time, list, bool): {"csv": None, "xlsx": None},
    }

    def export_rows(self, queryset, export_format):
        for item in queryset:
            yield [
                self.preprocess_field_value(field, value, export_format)
                for field, value in self.to_row_dict(item).items()
            ]

    def export_header(self, queryset):
        return [self.get_heading(queryset, field) for field in self.list_export]

    def write_csv_response(self, queryset):
        return csv_response(
            self.export_header(queryset),
            self.export_rows(queryset, self.FORMAT_CSV),
            filename=f"{self.get_filename()}.csv",
        )

    def write_xlsx_response(self, queryset):
        columns = [
            Column(heading, width=max(12, min(len(heading) + 4, 40))) for heading in self.export_header(queryset)
        ]
        return xlsx_response(
            columns=columns,
            rows=self.export_rows(queryset, self.FORMAT_XLSX),
            filename=f"{self.get_filename()}.xlsx",
            sheet_title=self.get_filename(),
        )


class FormSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """A form page's submissions in the admin (`FormPage.get_submissions_list_view_class`), exported safely."""


def safe_report_urlpatterns():
    """Wagtail's admin reports (site history, workflows, locked and aging pages) with safe exports.

    Their CSVs carry titles that members type (organization names in the site history and the workflow
    reports). Subclasses keep Wagtail's own checks and listings, and the admin-access and no-cache
    decorators that Wagtail puts on every admin URL are applied here too; only the writers change. Mounted
    in website/urls.py before Wagtail's admin URLs, at the same paths.
    """
    from django.urls import path
    from django.views.decorators.cache import never_cache
    from wagtail.admin.auth import require_admin_access
    from wagtail.admin.views.reports.aging_pages import AgingPagesView
    from wagtail.admin.views.reports.audit_logging import LogEntriesView
    from wagtail.admin.views.reports.locked_pages import LockedPagesView
    from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView

    reports = {
        "locked/": LockedPagesView,
        "workflow/": WorkflowView,
        "workflow_tasks/": WorkflowTasksView,
        "site-history/": LogEntriesView,
        "aging-pages/": AgingPagesView,
    }
    return [
        path(
            f"admin/reports/{prefix}",
            never_cache(
                require_admin_access(type(f"Safe{view.__name__}", (SafeSpreadsheetExportMixin, view), {}).as_view())
            ),
        )
        for prefix, view in reports.items()
    ]
