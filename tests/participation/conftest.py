import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from tests.factories.members import UserFactory
from tests.testapp.models import Note


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderator(db):
    """A staff member with the moderators' permissions on the participation core."""
    return make_moderator(first_name="Maria", username="moderatoare")


def make_moderator(**kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="participation", codename="change_report"),
    )
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
