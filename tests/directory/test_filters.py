"""authority_options_for: the one rule for the options of a filter by authority (consultations, proposals)."""

import pytest
from django.db.models import Q

from directory.filters import DirectoryFilterSet, authority_options_for
from directory.models import Organization
from tests.factories.directory import OrganizationFactory

pytestmark = pytest.mark.django_db

LOCAL, INSTITUTION = Organization.Kind.LOCAL_AUTHORITY, Organization.Kind.PUBLIC_INSTITUTION

# Authorities named through the listed organizations themselves; without a listing, those in sector 3.
options = authority_options_for("pk", related=Q(sectors__slug="sector-3"))


@pytest.fixture
def organizations():
    return {
        "primaria": OrganizationFactory(name="Primăria Sectorului 3", kind=LOCAL, sectors=["sector-3"]),
        "scoala": OrganizationFactory(name="Școala Gimnazială nr. 1", kind=INSTITUTION, sectors=["sector-3"]),
        "ingrijire": OrganizationFactory(
            name="Îngrijire la Domiciliu", kind=INSTITUTION, sectors=["sector-3", "sector-4"]
        ),
        "inspectorat": OrganizationFactory(name="Inspectoratul Școlar", kind=INSTITUTION, sectors=["sector-4"]),
        "asociatie": OrganizationFactory(name="Asociația Vecinilor", sectors=["sector-3"]),
        "draft": OrganizationFactory(name="Agenția Nepublicată", kind=LOCAL, sectors=["sector-3"], publish=False),
    }


def expected(organizations, *keys):
    return [(organizations[key].slug, organizations[key].name) for key in keys]


def test_the_authorities_of_the_listed_rows_in_romanian_order(organizations):
    # The draft and the association are listed, but only published authorities are offered.
    filterset = DirectoryFilterSet(None, Organization.objects.all())
    assert list(options(filterset)) == expected(organizations, "inspectorat", "ingrijire", "primaria", "scoala")

    filterset = DirectoryFilterSet(None, Organization.objects.filter(sectors__slug="sector-4"))
    assert list(options(filterset)) == expected(organizations, "inspectorat", "ingrijire")


def test_without_a_listing_the_related_rows_decide(organizations):
    # Îngrijire is in two sectors and offered once.
    assert list(options()) == expected(organizations, "ingrijire", "primaria", "scoala")
