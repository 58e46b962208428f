"""The demo members that `seed_demo` creates and prints."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from directory.models import Organization
from members import demo as members_demo
from members.models import Membership
from tests.factories.directory import OrganizationFactory
from website import demo

pytestmark = pytest.mark.django_db

ORGANIZATIONS = [
    members_demo.AFF,
    members_demo.SECTOR_3,
    members_demo.PMB,
    "Asociația Reparăm Împreună",
    "Asociația Școala de Meserii Ferentari",
]


@pytest.fixture
def seeded(staff_groups, home_page):
    for name in ORGANIZATIONS:
        kind = Organization.Kind.LOCAL_AUTHORITY if name.startswith("Primăria") else Organization.Kind.ASSOCIATION
        OrganizationFactory(name=name, kind=kind)
    return members_demo.seed(home=home_page, topics=demo.topics())


def test_seed_is_idempotent(seeded, home_page):
    counts = (get_user_model().objects.count(), Membership.objects.count(), Organization.objects.count())
    assert members_demo.seed(home=home_page, topics=demo.topics()) == seeded
    assert (get_user_model().objects.count(), Membership.objects.count(), Organization.objects.count()) == counts


def test_seed_prints_working_logins(seeded):
    assert len(seeded) == 5
    for role, login, password in seeded:
        user = get_user_model().objects.get(username=login)
        assert user.check_password(password), role
        assert EmailAddress.objects.get(user=user, primary=True).verified, role
        assert not user.is_staff, role


def test_seed_roles(seeded):
    moderator = get_user_model().objects.get(username="moderator")
    assert moderator.has_perm("members.change_membership")
    assert moderator.has_perm("wagtailadmin.access_admin")
    for role, login, _password in seeded[1:]:
        assert not get_user_model().objects.get(username=login).has_perm("wagtailadmin.access_admin"), role

    aff = Organization.objects.get(name=members_demo.AFF)
    assert (
        Membership.objects.administrators().filter(organization=aff, user__username="ana.popescu@example.org").exists()
    )
    assert Membership.objects.requested().filter(organization=aff).count() == 1
    assert Membership.objects.approved().filter(user__username="mihai.ionescu@example.org").count() == 2
    reviewer = Membership.objects.approved().get(
        user__username="radu.stan@example.org", organization__name=members_demo.SECTOR_3
    )
    assert reviewer.organization.kind == Organization.Kind.LOCAL_AUTHORITY

    registered = Organization.objects.get(name=members_demo.REGISTERED_ORGANIZATION["name"])
    assert not registered.live
    assert registered.workflow_in_progress
    assert (
        Membership.objects.administrators()
        .filter(organization=registered, user__username=members_demo.REGISTERED_BY)
        .exists()
    )
