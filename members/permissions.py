"""Who may do what with memberships and organization profiles: the one place these rules live.

Services call these before changing anything; views call them to decide what to show.
"""

from .models import Membership

MODERATE_PERMISSION = "members.change_membership"


def is_moderator(user):
    """Staff who manage memberships in the Wagtail admin (the "Moderatori" group)."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(MODERATE_PERMISSION))


def is_member(user, organization):
    return bool(
        user
        and user.is_authenticated
        and Membership.objects.approved().filter(user=user, organization=organization).exists()
    )


def is_administrator(user, organization):
    return bool(
        user
        and user.is_authenticated
        and Membership.objects.administrators().filter(user=user, organization=organization).exists()
    )


def is_reviewer(user, organization):
    """Answers for an authority (recommendations, debate requests): its reviewers and its administrators, who hold
    every right of their organization."""
    return bool(
        user
        and user.is_authenticated
        and Membership.objects.reviewers().filter(user=user, organization=organization).exists()
    )


def can_view_organization_area(user, organization):
    """An organization's page in "Contul meu": its members and its administrators."""
    return is_member(user, organization)


def can_manage_members(user, organization):
    """Approve or reject join requests and name administrators and reviewers: the organization's administrators or
    a moderator."""
    return is_administrator(user, organization) or is_moderator(user)


def can_edit_profile(user, organization):
    """Propose changes to the public profile from "Contul meu": the organization's administrators.

    (Moderators edit organizations in the Wagtail admin.)
    """
    return is_administrator(user, organization)
