import pytest
from django.core.cache import cache

from tests.factories.members import UserFactory
from tests.testapp.models import Note
from website.groups import MODERATORS, setup_groups


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderator(home_page):
    """A staff moderator (the site's root page is needed for the group's page permissions)."""
    groups = setup_groups()
    user = UserFactory(first_name="Maria", username="moderatoare", is_staff=True)
    user.groups.add(groups[MODERATORS])
    return user


@pytest.fixture
def member(db):
    return UserFactory(first_name="Mihai")


@pytest.fixture
def other_member(db):
    return UserFactory(first_name="Ioana")


@pytest.fixture
def note(member):
    return Note.objects.create(author=member, text="O propunere de test")
