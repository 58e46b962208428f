"""A small world for the dialogue: two members (one of an NGO), a trusted member, a moderator and an editor; rate
limits start empty in every test."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.cache import cache

from members.models import Membership
from tests.factories.dialogue import PostFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory, UserFactory
from tests.participation.conftest import make_moderator


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def people(db):
    ngo = OrganizationFactory(name="Asociația Vecinii Solidari", live=True)
    asker = MembershipFactory(organization=ngo, role=Membership.Role.MEMBER, user__first_name="Ana").user
    helper = UserFactory(first_name="Bogdan", last_name="Ionescu")
    trusted = UserFactory(first_name="Carmen")
    # Two approved replies: past the default premoderation of a member's first two posts.
    PostFactory.create_batch(2, author=trusted)
    editor = UserFactory(first_name="Elena", is_staff=True)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editor.user_permissions.add(access_admin)
    return SimpleNamespace(
        ngo=ngo,
        asker=asker,
        helper=helper,
        trusted=trusted,
        moderator=make_moderator(first_name="Irina"),
        editor=editor,
        anonymous=AnonymousUser(),
    )
