"""A small world for proposals: an NGO with two administrators and a plain member, an authority with a reviewer, an
administrator and a plain member, another NGO's administrator, a moderator and an editor."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.cache import cache

from members.models import Membership
from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory, UserFactory
from tests.factories.proposals import ProposalAuthorityFactory, ProposalFactory
from tests.participation.conftest import make_moderator


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    ngo = OrganizationFactory(name="Asociația Grădina Vecinilor")
    authority = ProposalAuthorityFactory(name="Primăria Sectorului 3")
    other = OrganizationFactory(name="Fundația Lumina")

    def member(organization, role, first_name):
        return MembershipFactory(organization=organization, role=role, user__first_name=first_name).user

    editor = UserFactory(first_name="Elena", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(content_type__app_label="proposals", codename="view_proposal"))
    return SimpleNamespace(
        ngo=ngo,
        authority=authority,
        other=other,
        proposer=member(ngo, Membership.Role.ADMINISTRATOR, "Ana"),
        proposer2=member(ngo, Membership.Role.ADMINISTRATOR, "Bogdan"),
        ngo_member=member(ngo, Membership.Role.MEMBER, "Carmen"),
        reviewer=member(authority, Membership.Role.REVIEWER, "Dorin"),
        authority_admin=member(authority, Membership.Role.ADMINISTRATOR, "Flavia"),
        authority_member=member(authority, Membership.Role.MEMBER, "Gelu"),
        outsider=member(other, Membership.Role.ADMINISTRATOR, "Horia"),
        moderator=make_moderator(first_name="Irina"),
        editor=editor,
        anonymous=AnonymousUser(),
    )


@pytest.fixture
def make_proposal(world):
    def make(state="draft", **kwargs):
        kwargs = {"proposing_organization": world.ngo, "addressed_authority": world.authority, **kwargs}
        return ProposalFactory(state=state, **kwargs)

    return make
