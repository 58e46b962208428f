"""Open data: the public directory as CSV, XLSX and JSON rows, public fields only.

The CSV columns are also the columns `import_organizations` reads, so an export can be edited
in a spreadsheet and imported back. The XLSX file is for people: Romanian headings, codes kept as
text, dates as dates. Both are written by `website.spreadsheets`.
"""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from website import spreadsheets
from website.spreadsheets import FORMULA_PREFIXES, csv_cell  # noqa: F401 (the import undoes what they do)

from .fields import TABULAR_FIELDS
from .models import Organization

# The informative columns around the public fields: the import ignores them.
INFORMATIVE_COLUMNS = ["id", "kind_label", "profile_url", "last_published_at"]


def _export_columns():
    """`id`, the public fields with `kind_label` after `kind`, then `profile_url` and `last_published_at`."""
    columns = ["id"]
    for name in TABULAR_FIELDS:
        columns.append(name)
        if name == "kind":
            columns.append("kind_label")
    return [*columns, "profile_url", "last_published_at"]


# The CSV's columns: a documented open-data format, so their names and order do not change.
EXPORT_COLUMNS = _export_columns()

# The XLSX file (for people) leaves out the codes that only programs need.
XLSX_OMITTED = {"slug", "kind_label"}
# Column widths (characters) other than the default, and the columns written as text (codes keep their zeros).
XLSX_DEFAULT_WIDTH = 32
XLSX_WIDTHS = {
    "id": 8,
    "name": 40,
    "short_name": 16,
    "kind": 24,
    "cui": 12,
    "registration_number": 20,
    "founding_year": 10,
    "description": 60,
    "topics": 30,
    "sectors": 24,
    "address": 40,
    "postal_code": 10,
    "latitude": 12,
    "longitude": 12,
    "phone": 18,
    "social_service_provider": 14,
    "social_enterprise_certified": 14,
    "social_enterprise_certificate": 20,
    "seeking_partners": 12,
    "partnership_text": 40,
    "verified": 12,
    "profile_url": 45,
    "last_published_at": 18,
}
XLSX_TEXT = {"cui", "registration_number", "postal_code", "phone", "social_enterprise_certificate"}
# The XLSX file: (key of `organization_data`, width, written as text). Headings are the model's verbose names.
XLSX_COLUMNS = [
    (key, XLSX_WIDTHS.get(key, XLSX_DEFAULT_WIDTH), key in XLSX_TEXT)
    for key in EXPORT_COLUMNS
    if key not in XLSX_OMITTED
]
XLSX_HEADINGS = {"profile_url": _("Profile page")}


def _number(value):
    return float(value) if value is not None else None


# How the exports write the public fields that are not plain values; the others are written as they are.
EXPORT_VALUES = {
    "cui": lambda organization: organization.cui or "",
    "topics": lambda organization: [topic.slug for topic in organization.topics.all()],
    "sectors": lambda organization: [sector.slug for sector in organization.sectors.all()],
    "latitude": lambda organization: _number(organization.latitude),
    "longitude": lambda organization: _number(organization.longitude),
}


def organization_data(organization, *, base_url):
    """One organization's public fields as JSON-ready values (lists for topics and sectors), in column order."""
    data = {"id": organization.pk}
    for name in TABULAR_FIELDS:
        data[name] = EXPORT_VALUES[name](organization) if name in EXPORT_VALUES else getattr(organization, name)
        if name == "kind":
            data["kind_label"] = str(organization.get_kind_display())
    published = organization.last_published_at
    data["profile_url"] = base_url + organization.get_absolute_url()
    data["last_published_at"] = timezone.localtime(published).isoformat() if published else None
    return data


def csv_response(organizations, *, base_url):
    """The directory as a streamed CSV download (UTF-8 with a byte-order mark), with the stable open-data columns."""
    rows = (
        [data[column] for column in EXPORT_COLUMNS]
        for data in (organization_data(organization, base_url=base_url) for organization in organizations)
    )
    return spreadsheets.csv_response(EXPORT_COLUMNS, rows, filename="organizatii.csv")


def xlsx_columns():
    """The XLSX file's columns, headed in Romanian by the model's verbose names."""
    columns = []
    for key, width, text in XLSX_COLUMNS:
        heading = XLSX_HEADINGS.get(key) or Organization._meta.get_field(key).verbose_name
        columns.append(spreadsheets.Column(capfirst(heading), width=width, text=text))
    return columns


def xlsx_rows(organizations, *, base_url):
    """One XLSX row per organization: names rather than codes for kind, topics and sectors; a real date."""
    for organization in organizations:
        data = organization_data(organization, base_url=base_url)
        data["kind"] = data["kind_label"]
        data["topics"] = [topic.name for topic in organization.topics.all()]
        data["sectors"] = [sector.name for sector in organization.sectors.all()]
        data["last_published_at"] = organization.last_published_at
        yield [data[key] for key, _width, _text in XLSX_COLUMNS]


def xlsx_response(organizations, *, base_url):
    """The directory as an XLSX download."""
    return spreadsheets.xlsx_response(
        columns=xlsx_columns(),
        rows=xlsx_rows(organizations, base_url=base_url),
        filename="organizatii.xlsx",
        sheet_title=_("Organizations"),
    )
