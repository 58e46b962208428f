import pytest
from django.core.cache import cache
from django.urls import reverse

from members.models import Membership
from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory, UserFactory
from website.groups import MODERATORS, setup_groups


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth's rate limits count in the cache: each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_groups(db):
    return setup_groups()


@pytest.fixture
def organization(db):
    return OrganizationFactory(name="Asociația Vecinii din Titan", email="contact@vecinii-titan.example.org")


@pytest.fixture
def other_organization(db):
    return OrganizationFactory(name="Fundația Lumina", email="contact@lumina.example.org")


@pytest.fixture
def administrator(organization):
    """An administrator of `organization`."""
    return MembershipFactory(organization=organization, administrator=True, user__first_name="Ana").user


@pytest.fixture
def member(organization):
    """A plain (approved) member of `organization`."""
    return MembershipFactory(organization=organization, user__first_name="Mihai").user


@pytest.fixture
def outsider(db):
    """A member with a confirmed account who belongs to no organization."""
    return UserFactory(first_name="Ioana")


@pytest.fixture
def join_request(organization, outsider):
    return MembershipFactory(organization=organization, user=outsider, state=Membership.State.REQUESTED)


@pytest.fixture
def moderator(staff_groups):
    user = UserFactory(username="moderator", first_name="Mara")
    user.groups.add(staff_groups[MODERATORS])
    return user


@pytest.fixture
def login_url():
    return reverse("account_login")
