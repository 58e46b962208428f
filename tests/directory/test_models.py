"""The Organization model: CUI normalisation and uniqueness, validation messages, slugs, moderation set-up."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask

from directory.models import Organization, Sector
from tests.factories.directory import OrganizationFactory, valid_cui
from website.groups import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db


def new_organization(**fields):
    return Organization(**{"name": "Asociația Nouă", "kind": Organization.Kind.ASSOCIATION, **fields})


def errors_of(organization):
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    return error.value.message_dict


def error_codes(organization):
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    return {field: [item.code for item in items] for field, items in error.value.error_dict.items()}


def test_cui_is_stored_as_digits_without_ro_prefix():
    organization = new_organization(cui="RO 4267117")
    organization.full_clean()
    organization.save()
    organization.refresh_from_db()
    assert organization.cui == "4267117"


def test_cui_is_normalised_on_save_even_without_validation():
    organization = new_organization(cui="ro4267117", slug="noua")
    organization.save()
    assert Organization.objects.get(pk=organization.pk).cui == "4267117"


def test_duplicate_cui_is_refused_with_or_without_prefix():
    OrganizationFactory(cui="4267117")
    for typed in ("4267117", "RO4267117", "RO 4267117"):
        assert errors_of(new_organization(cui=typed))["cui"] == [
            _("Another organization already has this fiscal code (CUI).")
        ]


def test_invalid_cui_message():
    assert errors_of(new_organization(cui="4267118"))["cui"] == [
        _("The fiscal code (CUI) check digit is wrong. Check that the code was copied correctly.")
    ]


def test_prefix_alone_is_not_a_cui():
    assert error_codes(new_organization(cui="RO"))["cui"] == ["cui_format"]


def test_cui_is_optional_and_several_organizations_may_have_none():
    # Optional for drafts only: a published organization has a CUI (tests/directory/test_cui_on_publish.py).
    for name in ("Grup de inițiativă A", "Grup de inițiativă B"):
        organization = new_organization(name=name, cui="", live=False)
        organization.full_clean()
        organization.save()
    assert Organization.objects.filter(cui__isnull=True).count() == 2


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"email": "nu-e-email"}, "email", "invalid"),
        ({"website": "www fără schemă"}, "website", "invalid"),
        ({"latitude": Decimal("51.5"), "longitude": Decimal("26.1")}, "latitude", "latitude_outside_romania"),
        ({"latitude": Decimal("44.4"), "longitude": Decimal("31.0")}, "longitude", "longitude_outside_romania"),
        ({"latitude": Decimal("44.4")}, "longitude", "coordinates_together"),
        ({"postal_code": "3000"}, "postal_code", "postal_code"),
        ({"phone": "sunați-ne"}, "phone", "phone"),
        ({"founding_year": 2999}, "founding_year", "founding_year_in_future"),
        ({"social_enterprise_certificate": "IS-1"}, "social_enterprise_certified", "certificate_without_flag"),
        ({"kind": "partid"}, "kind", "invalid_choice"),
    ],
)
def test_bad_input_gives_a_clear_message_and_saves_nothing(fields, field, code):
    organization = new_organization(cui=valid_cui(1234567), **fields)
    assert code in error_codes(organization)[field]
    assert all(message.strip() for message in errors_of(organization)[field])
    assert not Organization.objects.exists()


def test_coordinates_together_is_also_a_database_constraint():
    organization = new_organization(cui=valid_cui(7654321), slug="x", latitude=Decimal("44.4"))
    with pytest.raises(Exception, match="coordinates_together|CHECK constraint"):
        organization.save()


def test_slug_is_made_from_the_name_and_kept_unique():
    first = new_organization(name="Asociația Școala Mică", cui=valid_cui(1111))
    first.full_clean()
    first.save()
    second = new_organization(name="Asociația Școala Mică", cui=valid_cui(2222))
    second.full_clean()
    second.save()
    assert first.slug == "asociatia-scoala-mica"
    assert second.slug == "asociatia-scoala-mica-2"


def test_sort_name_and_search_text_fold_diacritics():
    organization = OrganizationFactory(name="Școala Țării", short_name="ȘȚ", description="Educație în București")
    assert organization.sort_name == "scoala tarii"
    assert "bucuresti" in organization.search_text
    assert "st" in organization.search_text.split()


def test_sectors_are_seeded():
    assert list(Sector.objects.values_list("slug", flat=True)) == [
        "sector-1",
        "sector-2",
        "sector-3",
        "sector-4",
        "sector-5",
        "sector-6",
        "municipiu",
    ]


def test_organizations_are_moderated_by_the_moderators_group():
    workflow = Organization.get_default_workflow()
    assert workflow.name == "Moderare organizații"
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == [MODERATORS]


def test_staff_permissions(staff_groups):
    def codenames(name):
        group = Group.objects.get(name=name)
        return set(group.permissions.filter(content_type__app_label="directory").values_list("codename", flat=True))

    assert codenames(EDITORS) == {"add_organization", "change_organization", "lock_organization"}
    assert {"publish_organization", "change_organization", "unlock_organization"} <= codenames(MODERATORS)


def test_public_queryset_has_only_published_organizations():
    published = OrganizationFactory()
    OrganizationFactory(publish=False)
    assert list(Organization.objects.live()) == [published]
