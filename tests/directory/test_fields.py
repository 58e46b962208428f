"""The public field list of an organization is declared once (directory/fields.py) and every consumer reads it."""

import pytest
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from directory import importers
from directory.exports import EXPORT_COLUMNS, INFORMATIVE_COLUMNS, XLSX_COLUMNS, organization_data
from directory.fields import (
    IMAGE_FIELDS,
    MEMBER_EDITABLE_FIELDS,
    PUBLIC_FIELDS,
    STAFF_ONLY_FIELDS,
    TABULAR_FIELDS,
)
from directory.models import Organization
from members.forms import OrganizationProfileForm
from tests.factories.directory import OrganizationFactory

# The CSV export's columns are a documented open-data format (README, "Open data"): they never change silently.
OPEN_DATA_COLUMNS = [
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


def test_every_field_staff_or_members_fill_in_is_public():
    wagtail_fields = {
        field.name
        for mixin in (WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin)
        for field in mixin._meta.get_fields()
    }
    own = {
        field.name
        for field in Organization._meta.get_fields()
        if not field.auto_created and field.editable and field.name not in wagtail_fields
    }
    assert own == set(PUBLIC_FIELDS)
    assert len(PUBLIC_FIELDS) == len(set(PUBLIC_FIELDS))


def test_members_edit_the_public_fields_except_the_staff_only_ones():
    assert set(MEMBER_EDITABLE_FIELDS) <= set(PUBLIC_FIELDS)
    assert set(MEMBER_EDITABLE_FIELDS).isdisjoint(STAFF_ONLY_FIELDS)
    assert set(MEMBER_EDITABLE_FIELDS) | set(STAFF_ONLY_FIELDS) == set(PUBLIC_FIELDS)
    assert STAFF_ONLY_FIELDS == ["slug", "latitude", "longitude", "logo", "verified"]


def test_the_api_lists_the_public_fields():
    model_fields = [field.name for field in Organization.api_fields if field.name in PUBLIC_FIELDS]
    extra = [field.name for field in Organization.api_fields if field.name not in PUBLIC_FIELDS]
    assert model_fields == PUBLIC_FIELDS
    assert extra == ["kind_label", "first_published_at", "last_published_at"]


def test_the_csv_export_has_the_open_data_columns():
    assert EXPORT_COLUMNS == OPEN_DATA_COLUMNS
    assert [column for column in EXPORT_COLUMNS if column not in INFORMATIVE_COLUMNS] == TABULAR_FIELDS
    assert [name for name in PUBLIC_FIELDS if name not in IMAGE_FIELDS] == TABULAR_FIELDS


def test_the_xlsx_export_has_the_csv_columns_but_the_codes_for_programs():
    assert [key for key, _width, _text in XLSX_COLUMNS] == [
        column for column in EXPORT_COLUMNS if column not in ("slug", "kind_label")
    ]


@pytest.mark.django_db
def test_the_json_export_has_the_csv_columns():
    data = organization_data(OrganizationFactory(), base_url="https://example.org")
    assert list(data) == EXPORT_COLUMNS


def test_the_import_reads_every_public_column_once():
    assert importers.IMPORT_COLUMNS == TABULAR_FIELDS
    assert set(INFORMATIVE_COLUMNS) == importers.INFORMATIVE_COLUMNS
    special = ["kind", "cui", "founding_year", "latitude", "longitude", "topics", "sectors"]
    parsers = [*importers.TEXT_COLUMNS, *importers.BOOLEAN_COLUMNS, *special]
    assert sorted(parsers) == sorted(TABULAR_FIELDS)


def test_the_member_profile_form_has_the_member_editable_fields():
    assert list(OrganizationProfileForm.base_fields) == MEMBER_EDITABLE_FIELDS


def test_the_admin_form_shows_every_public_field():
    panel = Organization.snippet_viewset.get_edit_handler()
    assert set(panel.get_form_options()["fields"]) == set(PUBLIC_FIELDS)
