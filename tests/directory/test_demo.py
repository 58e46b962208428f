"""The demo directory: about 60 organizations, every kind, all six sectors, the real authorities."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from directory import demo
from directory.models import Organization
from directory.validators import validate_cui
from tests.conftest import once_per_module
from website import demo as website_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """The demo directory, seeded once for this module's tests."""
    with once_per_module(django_db_blocker) as (home, unblocked):
        with unblocked():
            get_user_model().objects.create_user("editor", "editor@example.org", "x")
            assert demo.seed(home=home, topics=website_demo.topics()) == []
        yield home


@pytest.fixture
def home_page(seeded_once, db):
    return seeded_once


@pytest.fixture
def seeded(seeded_once, db):
    return Organization.objects.all()


def test_about_sixty_organizations_of_every_kind_in_every_sector(seeded):
    live = Organization.objects.live()
    assert 55 <= live.count() <= 65
    assert set(live.values_list("kind", flat=True)) == set(Organization.Kind.values)
    for number in range(1, 7):
        assert live.filter(sectors__slug=f"sector-{number}").count() >= 5, number
    assert live.filter(sectors__slug="municipiu").exists()


def test_real_authorities_and_the_platform_ngo(seeded):
    pmb = Organization.objects.get(cui="4267117")
    assert pmb.name == "Primăria Municipiului București"
    assert pmb.live and pmb.verified
    sector_3 = Organization.objects.get(name="Primăria Sectorului 3")
    assert sector_3.live
    validate_cui(sector_3.cui)
    assert [sector.slug for sector in sector_3.sectors.all()] == ["sector-3"]
    for number in range(1, 7):
        assert Organization.objects.live().filter(name=f"Primăria Sectorului {number}").exists()
        assert Organization.objects.live().filter(short_name=f"DGASPC Sector {number}").exists()
    aff = Organization.objects.get(name="Ateliere Fără Frontiere")
    assert aff.live and aff.verified and aff.seeking_partners


def test_states_cover_drafts_pending_changes_and_moderation(seeded):
    assert Organization.objects.filter(live=False).count() >= 3
    pending = Organization.objects.filter(live=True, has_unpublished_changes=True)
    assert pending.count() >= 3
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 1
    assert Organization.objects.live().filter(verified=True).count() >= 20
    assert Organization.objects.live().filter(seeking_partners=True).count() >= 10


def test_data_is_well_formed(seeded):
    for organization in seeded:
        organization.full_clean()
        if organization.cui:
            validate_cui(organization.cui)
        for text in (organization.name, organization.description, organization.address, organization.partnership_text):
            assert not set("şţŞŢ") & set(text), organization.name  # comma-below ș and ț only
    assert seeded.filter(logo__isnull=False).count() > 40


def test_seeding_again_changes_nothing(seeded, home_page):
    before = {o.pk: (o.name, o.latest_revision_id) for o in Organization.objects.all()}
    demo.seed(home=home_page, topics=website_demo.topics())
    assert {o.pk: (o.name, o.latest_revision_id) for o in Organization.objects.all()} == before
