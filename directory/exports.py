"""Open data: the public directory as CSV and JSON rows, public fields only.

The CSV columns are also the columns `import_organizations` reads, so an export can be edited
in a spreadsheet and imported back.
"""

import csv
import io
import re

from django.utils import timezone

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
LIST_SEPARATOR = "; "
# Prefixes that make spreadsheet programs read a cell as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PHONE_LIKE = re.compile(r"\+?[0-9 ]+")


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


def csv_cell(value):
    """A value as spreadsheet text: da/nu for booleans, lists joined by "; ", formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "da" if value else "nu"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not _is_number_like(text):
        return "'" + text
    return text


def csv_lines(organizations, *, base_url):
    """The CSV file, line by line: a UTF-8 byte-order mark and header first, so spreadsheets show ș and ț."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(EXPORT_COLUMNS)
    yield "\ufeff" + flush()
    for organization in organizations:
        data = organization_data(organization, base_url=base_url)
        writer.writerow([csv_cell(data[column]) for column in EXPORT_COLUMNS])
        yield flush()


def _is_number_like(text):
    # Phone numbers ("+40 21 305 55 00") are data; anything with an operator after the sign is escaped.
    return bool(PHONE_LIKE.fullmatch(text))
