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

from .models import Organization

# Public fields, in column order. `id`, `kind_label`, `profile_url` and `last_published_at` are
# informative only: the import ignores them.
EXPORT_COLUMNS = [
    "id",
    "name",
    "short_name",
    "slug",
    "kind",
    "kind_label",
    "cui",
    "registration_number",
    "founding_year",
    "description",
    "topics",
    "sectors",
    "address",
    "postal_code",
    "latitude",
    "longitude",
    "website",
    "email",
    "phone",
    "facebook_url",
    "linkedin_url",
    "instagram_url",
    "youtube_url",
    "social_service_provider",
    "social_enterprise_certified",
    "social_enterprise_certificate",
    "seeking_partners",
    "partnership_text",
    "verified",
    "profile_url",
    "last_published_at",
]

# The XLSX file: (key of `organization_data`, width, written as text). Headings are the model's verbose names.
XLSX_COLUMNS = [
    ("id", 8, False),
    ("name", 40, False),
    ("short_name", 16, False),
    ("kind", 24, False),
    ("cui", 12, True),
    ("registration_number", 20, True),
    ("founding_year", 10, False),
    ("description", 60, False),
    ("topics", 30, False),
    ("sectors", 24, False),
    ("address", 40, False),
    ("postal_code", 10, True),
    ("latitude", 12, False),
    ("longitude", 12, False),
    ("website", 32, False),
    ("email", 32, False),
    ("phone", 18, True),
    ("facebook_url", 32, False),
    ("linkedin_url", 32, False),
    ("instagram_url", 32, False),
    ("youtube_url", 32, False),
    ("social_service_provider", 14, False),
    ("social_enterprise_certified", 14, False),
    ("social_enterprise_certificate", 20, True),
    ("seeking_partners", 12, False),
    ("partnership_text", 40, False),
    ("verified", 12, False),
    ("profile_url", 45, False),
    ("last_published_at", 18, False),
]
XLSX_HEADINGS = {"profile_url": _("Profile page")}


def organization_data(organization, *, base_url):
    """One organization's public fields as JSON-ready values (lists for topics and sectors)."""
    published = organization.last_published_at
    return {
        "id": organization.pk,
        "name": organization.name,
        "short_name": organization.short_name,
        "slug": organization.slug,
        "kind": organization.kind,
        "kind_label": str(organization.get_kind_display()),
        "cui": organization.cui or "",
        "registration_number": organization.registration_number,
        "founding_year": organization.founding_year,
        "description": organization.description,
        "topics": [topic.slug for topic in organization.topics.all()],
        "sectors": [sector.slug for sector in organization.sectors.all()],
        "address": organization.address,
        "postal_code": organization.postal_code,
        "latitude": float(organization.latitude) if organization.latitude is not None else None,
        "longitude": float(organization.longitude) if organization.longitude is not None else None,
        "website": organization.website,
        "email": organization.email,
        "phone": organization.phone,
        "facebook_url": organization.facebook_url,
        "linkedin_url": organization.linkedin_url,
        "instagram_url": organization.instagram_url,
        "youtube_url": organization.youtube_url,
        "social_service_provider": organization.social_service_provider,
        "social_enterprise_certified": organization.social_enterprise_certified,
        "social_enterprise_certificate": organization.social_enterprise_certificate,
        "seeking_partners": organization.seeking_partners,
        "partnership_text": organization.partnership_text,
        "verified": organization.verified,
        "profile_url": base_url + organization.get_absolute_url(),
        "last_published_at": timezone.localtime(published).isoformat() if published else None,
    }


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
