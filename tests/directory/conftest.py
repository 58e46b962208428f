import pytest
from django.contrib.auth import get_user_model

from tests.factories.website import TopicFactory
from website.groups import EDITORS, MODERATORS, setup_groups


@pytest.fixture
def environment(db):
    return TopicFactory(name="Mediu", slug="mediu")


@pytest.fixture
def education(db):
    return TopicFactory(name="Educație", slug="educatie")


@pytest.fixture
def staff_groups(db):
    return setup_groups()


@pytest.fixture
def editor(staff_groups):
    user = get_user_model().objects.create_user("elena", "elena@example.org", "parola-editor")
    user.groups.add(staff_groups[EDITORS])
    return user


@pytest.fixture
def moderator(staff_groups):
    user = get_user_model().objects.create_user("mihai", "mihai@example.org", "parola-moderator")
    user.groups.add(staff_groups[MODERATORS])
    return user
