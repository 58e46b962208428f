"""The reviewer role: members of an authority who answer for it; named and taken back by its administrators."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from directory.models import Organization
from members import permissions, selectors, services
from members.models import Membership
from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def codes(error):
    return [item.code for item in error.value.error_list]


@pytest.fixture
def authority(db):
    return OrganizationFactory(name="Primăria Sectorului 3", kind=Organization.Kind.LOCAL_AUTHORITY)


@pytest.fixture
def authority_admin(authority):
    return MembershipFactory(organization=authority, administrator=True, user__first_name="Radu").user


@pytest.fixture
def clerk(authority):
    """A plain member of the authority."""
    return MembershipFactory(organization=authority, user__first_name="Elena", user__last_name="Vasile")


def role_of(membership):
    return Membership.objects.get(pk=membership.pk).role


# The rule


def test_the_authority_kinds_are_one_rule():
    assert OrganizationFactory.build(kind=Organization.Kind.LOCAL_AUTHORITY).is_authority
    assert OrganizationFactory.build(kind=Organization.Kind.PUBLIC_INSTITUTION).is_authority
    for kind in set(Organization.Kind) - set(Organization.AUTHORITY_KINDS):
        assert not OrganizationFactory.build(kind=kind).is_authority, kind


def test_reviewers_and_administrators_review_plain_members_and_outsiders_do_not(authority, authority_admin, clerk):
    reviewer = MembershipFactory(organization=authority, role=Membership.Role.REVIEWER).user
    requested = MembershipFactory(organization=authority, requested=True).user
    other_reviewer = MembershipFactory(
        organization=OrganizationFactory(kind=Organization.Kind.PUBLIC_INSTITUTION), role=Membership.Role.REVIEWER
    ).user
    assert permissions.is_reviewer(reviewer, authority)
    assert permissions.is_reviewer(authority_admin, authority)
    for user in (clerk.user, requested, other_reviewer, UserFactory()):
        assert not permissions.is_reviewer(user, authority)
    assert set(selectors.reviewers(authority)) == {reviewer, authority_admin}
    # A reviewer is not an administrator: no join decisions, no profile changes.
    assert not permissions.can_manage_members(reviewer, authority)
    assert not permissions.can_edit_profile(reviewer, authority)


# Services


def test_the_administrator_names_a_reviewer_and_takes_the_role_back(authority_admin, clerk):
    membership = services.membership_make_reviewer(membership=clerk, by=authority_admin)
    assert membership.role == role_of(clerk) == "evaluator"
    assert permissions.is_reviewer(clerk.user, clerk.organization)
    with pytest.raises(ValidationError) as error:
        services.membership_make_reviewer(membership=clerk, by=authority_admin)
    assert codes(error) == ["already_reviewer"]

    membership = services.membership_remove_reviewer(membership=clerk, by=authority_admin)
    assert membership.role == role_of(clerk) == "membru"
    assert membership.state == Membership.State.APPROVED  # still a member
    assert not permissions.is_reviewer(clerk.user, clerk.organization)
    with pytest.raises(ValidationError) as error:
        services.membership_remove_reviewer(membership=clerk, by=authority_admin)
    assert codes(error) == ["not_reviewer"]


def test_a_moderator_names_reviewers_too(staff_groups, clerk):
    from website.groups import MODERATORS

    moderator = UserFactory()
    moderator.groups.add(staff_groups[MODERATORS])
    services.membership_make_reviewer(membership=clerk, by=moderator)
    assert role_of(clerk) == "evaluator"


def test_plain_members_reviewers_and_other_administrators_cannot_name_reviewers(authority, clerk):
    reviewer = MembershipFactory(organization=authority, role=Membership.Role.REVIEWER)
    outside_admin = MembershipFactory(administrator=True).user
    for user in (clerk.user, reviewer.user, outside_admin):
        with pytest.raises(PermissionDenied):
            services.membership_make_reviewer(membership=clerk, by=user)
        with pytest.raises(PermissionDenied):
            services.membership_remove_reviewer(membership=reviewer, by=user)
    assert (role_of(clerk), role_of(reviewer)) == ("membru", "evaluator")


def test_an_organization_that_is_not_an_authority_has_no_reviewers():
    association = OrganizationFactory(kind=Organization.Kind.ASSOCIATION)
    administrator = MembershipFactory(organization=association, administrator=True).user
    member = MembershipFactory(organization=association)
    with pytest.raises(ValidationError) as error:
        services.membership_make_reviewer(membership=member, by=administrator)
    assert error.value.messages == [
        "Doar membrii unei autorități publice locale sau ai unei instituții publice pot fi evaluatori."
    ]
    assert role_of(member) == "membru"


def test_requests_and_administrators_are_not_named_reviewers(authority, authority_admin):
    request = MembershipFactory(organization=authority, requested=True)
    with pytest.raises(ValidationError) as error:
        services.membership_make_reviewer(membership=request, by=authority_admin)
    assert codes(error) == ["not_approved"]
    admin_membership = Membership.objects.get(user=authority_admin)
    with pytest.raises(ValidationError) as error:
        services.membership_make_reviewer(membership=admin_membership, by=authority_admin)
    assert codes(error) == ["administrator"]
    assert (role_of(request), role_of(admin_membership)) == ("membru", "administrator")


def test_a_reviewer_can_become_administrator(authority_admin, clerk):
    services.membership_make_reviewer(membership=clerk, by=authority_admin)
    services.membership_make_administrator(membership=clerk, by=authority_admin)
    assert role_of(clerk) == "administrator"


# "Contul meu"


def test_the_authority_page_shows_roles_in_romanian_and_the_buttons(client, authority, authority_admin, clerk):
    reviewer = MembershipFactory(organization=authority, role=Membership.Role.REVIEWER, user__first_name="Dan")
    client.force_login(authority_admin)
    page = client.get(reverse("members:organization", args=[authority.pk])).content.decode()
    assert "<td>Evaluator</td>" in page and "<td>Administrator</td>" in page and "<td>Membru</td>" in page
    assert reverse("members:membership_make_reviewer", args=[clerk.pk]) in page
    assert reverse("members:membership_remove_reviewer", args=[reviewer.pk]) in page
    assert f'action="{reverse("members:membership_make_reviewer", args=[reviewer.pk])}"' not in page
    assert "Numește evaluator" in page and "Retrage rolul de evaluator" in page


def test_the_administrator_names_and_removes_a_reviewer_from_the_page(client, authority, authority_admin, clerk):
    client.force_login(authority_admin)
    response = client.post(reverse("members:membership_make_reviewer", args=[clerk.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("members:organization", args=[authority.pk])
    assert "Elena Vasile este acum evaluator pentru Primăria Sectorului 3." in response.content.decode()
    assert role_of(clerk) == "evaluator"
    response = client.post(reverse("members:membership_remove_reviewer", args=[clerk.pk]), follow=True)
    assert "Elena Vasile nu mai este evaluator pentru Primăria Sectorului 3." in response.content.decode()
    assert role_of(clerk) == "membru"


def test_a_plain_member_gets_403_and_nothing_changes(client, authority, clerk):
    colleague = MembershipFactory(organization=authority)
    reviewer = MembershipFactory(organization=authority, role=Membership.Role.REVIEWER)
    client.force_login(clerk.user)
    page = client.get(reverse("members:organization", args=[authority.pk])).content.decode()
    assert "Numește evaluator" not in page and "Retrage rolul de evaluator" not in page
    assert "<td>Evaluator</td>" in page  # the roles are shown to every member
    assert client.post(reverse("members:membership_make_reviewer", args=[colleague.pk])).status_code == 403
    assert client.post(reverse("members:membership_remove_reviewer", args=[reviewer.pk])).status_code == 403
    assert (role_of(colleague), role_of(reviewer)) == ("membru", "evaluator")
    # GET is not a way around it either.
    assert client.get(reverse("members:membership_make_reviewer", args=[colleague.pk])).status_code == 405


def test_an_association_page_has_no_reviewer_buttons_and_a_forged_post_is_refused(client):
    association = OrganizationFactory(kind=Organization.Kind.ASSOCIATION)
    administrator = MembershipFactory(organization=association, administrator=True).user
    member = MembershipFactory(organization=association)
    client.force_login(administrator)
    page = client.get(reverse("members:organization", args=[association.pk])).content.decode()
    assert "Numește administrator" in page
    assert "Numește evaluator" not in page
    response = client.post(reverse("members:membership_make_reviewer", args=[member.pk]), follow=True)
    assert response.status_code == 200
    assert "pot fi evaluatori" in response.content.decode()
    assert role_of(member) == "membru"


def test_the_dashboard_shows_the_reviewer_badge(client, authority, clerk, authority_admin):
    services.membership_make_reviewer(membership=clerk, by=authority_admin)
    client.force_login(clerk.user)
    page = client.get(reverse("members:dashboard")).content.decode()
    assert '<span class="badge badge--open">Evaluator</span>' in page


# The Wagtail admin (moderators)


def test_a_moderator_sets_the_reviewer_role_in_the_admin(client, staff_groups, authority, authority_admin, clerk):
    from website.groups import MODERATORS

    moderator = UserFactory()
    moderator.groups.add(staff_groups[MODERATORS])
    client.force_login(moderator)
    admin_membership = Membership.objects.get(user=authority_admin)
    for membership, steps in ((clerk, ["evaluator", "membru"]), (admin_membership, ["evaluator", "administrator"])):
        url = reverse("members_membership:edit", args=[membership.pk])
        for role in steps:
            assert client.post(url, {"role": role}).status_code == 302
            assert role_of(membership) == role


def test_the_admin_refuses_a_reviewer_outside_an_authority(client, staff_groups):
    from website.groups import MODERATORS

    moderator = UserFactory()
    moderator.groups.add(staff_groups[MODERATORS])
    membership = MembershipFactory(organization=OrganizationFactory(kind=Organization.Kind.FOUNDATION))
    client.force_login(moderator)
    response = client.post(reverse("members_membership:edit", args=[membership.pk]), {"role": "evaluator"})
    assert response.status_code == 200
    assert "pot fi evaluatori" in response.content.decode()
    assert role_of(membership) == "membru"
