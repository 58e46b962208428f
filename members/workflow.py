"""Memberships' states and who moves them: the one table (participation.transitions), and whom each change notifies."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participation.notifications import NotificationKind, notify
from participation.transitions import StateMachine, Transition

from . import permissions
from .models import Membership

JOIN_REQUESTS = "cereri-aderare"
JOIN_DECISIONS = "decizii-aderare"
PROFILE_MODERATION = "profil-organizatie"

NOTIFICATION_KINDS = [
    NotificationKind(JOIN_REQUESTS, gettext_lazy("Requests to join the organizations I administer")),
    NotificationKind(JOIN_DECISIONS, gettext_lazy("Answers to my requests to join an organization")),
    NotificationKind(PROFILE_MODERATION, gettext_lazy("Moderation of my organizations' profile changes")),
]


def membership_roles(user, membership):
    roles = set()
    if permissions.is_moderator(user):
        roles.add("moderator")
    if permissions.is_administrator(user, membership.organization):
        roles.add("org_admin")
    if user is not None and user.is_authenticated and user.pk == membership.user_id:
        roles.add("requester")
    return roles


def _decided(membership, transition, by, comment):
    membership.decided_at = timezone.now()
    membership.decided_by = by


def _notify_decision(membership, log):
    approved = membership.state == Membership.State.APPROVED
    values = {"organization": membership.organization.name}
    notify(
        recipients=[membership.user],
        kind=JOIN_DECISIONS,
        title=(
            _("You are now a member of %(organization)s")
            if approved
            else _("Your request to join %(organization)s was not approved")
        )
        % values,
        text=log.comment,
        url=reverse("members:dashboard"),
        subject=membership,
    )


MEMBERSHIP_TRANSITIONS = StateMachine(
    field="state",
    roles=membership_roles,
    transitions=[
        Transition(Membership.State.REQUESTED, "approve", Membership.State.APPROVED, roles={"org_admin", "moderator"}),
        Transition(Membership.State.REQUESTED, "reject", Membership.State.REJECTED, roles={"org_admin", "moderator"}),
    ],
    before_save=_decided,
    on_change=_notify_decision,
    refused_message=gettext_lazy("This request has already been decided."),
    refused_code="already_decided",
)
