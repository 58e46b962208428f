"""Everything that changes members' data: memberships and accounts.

Organizations, including those members register or edit from "Contul meu", change in directory.services.

Each function checks who may act (members.permissions), validates, and runs in one transaction.
Business-rule violations raise ValidationError with a message for the member; forbidden actions raise
PermissionDenied (HTTP 403).
"""

from allauth.usersessions.models import UserSession
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import ModelLogEntry, PageLogEntry

from directory.models import Organization
from participation.moderation import ensure_can_submit
from participation.notifications import notify
from website.hooks import ACCOUNT_DELETE_HOOK, PERSONAL_DATA_HOOK

from . import permissions, selectors
from .models import Membership
from .selectors import login_names, user_display_name
from .workflow import JOIN_REQUESTS, MEMBERSHIP_TRANSITIONS

# Apps add their part of a member's data export, and anonymise it before an account is deleted, through
# PERSONAL_DATA_HOOK and ACCOUNT_DELETE_HOOK (website/hooks.py says how).

# Memberships


def organization_join_refusal(*, organization) -> str:
    """Why nobody can ask to join `organization` now ("" when they can)."""
    if organization.live:
        return ""
    return _("%(organization)s is not published in the directory yet, so it cannot receive requests to join.") % {
        "organization": organization.name
    }


@transaction.atomic
def membership_request(*, user, organization, message="") -> Membership:
    """The member asks to join a published organization; its administrators (or the moderators) are notified."""
    ensure_can_submit(user)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if refusal := organization_join_refusal(organization=organization):
        raise ValidationError(refusal, code="organization_not_published")
    existing = Membership.objects.open().filter(user=user, organization=organization).first()
    if existing is not None and existing.state == Membership.State.REQUESTED:
        raise ValidationError(
            _("You already asked to join %(organization)s. Your request is waiting for a decision.")
            % {"organization": organization.name},
            code="request_pending",
        )
    if existing is not None:
        raise ValidationError(
            _("You are already a member of %(organization)s.") % {"organization": organization.name},
            code="already_member",
        )
    membership = Membership(user=user, organization=organization, message=message.strip())
    membership.full_clean()
    membership.save()
    _notify_join_request(membership)
    return membership


def membership_approve(*, membership, by) -> Membership:
    return MEMBERSHIP_TRANSITIONS.apply(obj=membership, action="approve", by=by)


def membership_reject(*, membership, by) -> Membership:
    return MEMBERSHIP_TRANSITIONS.apply(obj=membership, action="reject", by=by)


@transaction.atomic
def membership_make_administrator(*, membership, by) -> Membership:
    """An organization's administrator (or a moderator) makes another approved member an administrator."""
    membership = Membership.objects.select_for_update().select_related("organization", "user").get(pk=membership.pk)
    if not permissions.can_manage_members(by, membership.organization):
        raise PermissionDenied
    if membership.state != Membership.State.APPROVED:
        raise ValidationError(_("Only an approved member can become an administrator."), code="not_approved")
    if membership.role == Membership.Role.ADMINISTRATOR:
        raise ValidationError(
            _("%(member)s is already an administrator.") % {"member": user_display_name(membership.user)},
            code="already_administrator",
        )
    membership.role = Membership.Role.ADMINISTRATOR
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove_administrator(*, membership, by) -> Membership:
    """A moderator takes the administrator role back (the member stays a member)."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not permissions.is_moderator(by):
        raise PermissionDenied
    if membership.role != Membership.Role.ADMINISTRATOR:
        raise ValidationError(_("This member is not an administrator."), code="not_administrator")
    membership.role = Membership.Role.MEMBER
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_make_reviewer(*, membership, by) -> Membership:
    """An authority's administrator (or a moderator) names an approved member reviewer: they answer the
    recommendations sent to the authority and see its debate requests."""
    membership = Membership.objects.select_for_update().select_related("organization", "user").get(pk=membership.pk)
    if not permissions.can_manage_members(by, membership.organization):
        raise PermissionDenied
    if membership.state != Membership.State.APPROVED:
        raise ValidationError(_("Only an approved member can become a reviewer."), code="not_approved")
    if membership.role == Membership.Role.REVIEWER:
        raise ValidationError(
            _("%(member)s is already a reviewer.") % {"member": user_display_name(membership.user)},
            code="already_reviewer",
        )
    if membership.role == Membership.Role.ADMINISTRATOR:
        raise ValidationError(
            _("%(member)s is an administrator and already holds every right of the organization.")
            % {"member": user_display_name(membership.user)},
            code="administrator",
        )
    membership.role = Membership.Role.REVIEWER
    membership.full_clean()  # refuses an organization that is not an authority
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove_reviewer(*, membership, by) -> Membership:
    """An authority's administrator (or a moderator) takes the reviewer role back (the member stays a member)."""
    membership = Membership.objects.select_for_update().select_related("organization").get(pk=membership.pk)
    if not permissions.can_manage_members(by, membership.organization):
        raise PermissionDenied
    if membership.role != Membership.Role.REVIEWER:
        raise ValidationError(_("This member is not a reviewer."), code="not_reviewer")
    membership.role = Membership.Role.MEMBER
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_add_founder(*, user, organization) -> Membership:
    """The member who registered `organization` (directory.services.organization_register) is its first
    administrator, approved at once; an organization that already has members gets no founder."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if Membership.objects.filter(organization=organization).exists():
        raise PermissionDenied
    membership = Membership(
        user=user,
        organization=organization,
        role=Membership.Role.ADMINISTRATOR,
        state=Membership.State.APPROVED,
        decided_at=timezone.now(),
    )
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def membership_add(*, user, organization, role, by) -> Membership:
    """A moderator adds a member to an organization directly (approving the member's request if there is one)."""
    if not permissions.is_moderator(by):
        raise PermissionDenied
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    membership = Membership.objects.open().filter(user=user, organization=organization).first()
    if membership is not None and membership.state == Membership.State.APPROVED:
        raise ValidationError(
            _("%(member)s is already a member of %(organization)s.")
            % {"member": user_display_name(user), "organization": organization.name},
            code="already_member",
        )
    if membership is not None:
        # The member asked to join: the moderator's decision goes through the table (and is logged).
        membership = MEMBERSHIP_TRANSITIONS.apply(obj=membership, action="approve", by=by)
        if membership.role != role:
            membership.role = role
            membership.full_clean()
            membership.save(update_fields=["role"])
        return membership
    membership = Membership(
        user=user, organization=organization, role=role, state=Membership.State.APPROVED, decided_by=by
    )
    membership.decided_at = timezone.now()
    membership.full_clean()
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as error:
        # Another request for the same member and organization was approved at the same moment.
        raise ValidationError(
            _("This member already belongs to the organization or has a request waiting for approval."),
            code="duplicate",
        ) from error
    return membership


# Personal data


def account_export_data(*, user) -> dict:
    """Everything the platform holds about the member, as JSON-serialisable data (the "Descarcă datele mele" file)."""
    data = {"generated_at": timezone.now().isoformat(), "site": settings.WAGTAIL_SITE_NAME}
    for hook in hooks.get_hooks(PERSONAL_DATA_HOOK):
        name, part = hook(user)
        data[name] = part
    return data


@transaction.atomic
def account_delete(*, user):
    """Delete the account and the personal data; what the member contributed stays, without their name.

    Memberships, email addresses, sessions and login records go; revisions, workflow requests and history
    entries keep their content but lose their author (Wagtail's foreign keys are SET_NULL; the history's
    user ids, kept without a foreign key, are cleared here).
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    for hook in hooks.get_hooks(ACCOUNT_DELETE_HOOK):
        hook(user)
    ModelLogEntry.objects.filter(user_id=user.pk).update(user=None)
    PageLogEntry.objects.filter(user_id=user.pk).update(user=None)
    _end_sessions(user)
    _forget_login_attempts(user)
    user.delete()


def _end_sessions(user):
    for session in UserSession.objects.filter(user=user):
        session.end()


def _forget_login_attempts(user):
    names = login_names(user)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__in=names).delete()


# Notifications


def _notify_join_request(membership):
    organization = membership.organization
    recipients = list(selectors.administrators(organization))
    if recipients:
        url = reverse("members:organization", args=[organization.pk])
    else:
        # Nobody administers the organization on the platform yet: the moderators decide in the admin.
        recipients = list(selectors.moderators())
        url = reverse("members_membership:index") + f"?organization={organization.pk}&state=requested"
    values = {"member": user_display_name(membership.user), "organization": organization.name}
    text = _("Their message: “%(message)s”") % {"message": membership.message} if membership.message else ""
    notify(
        recipients=recipients,
        kind=JOIN_REQUESTS,
        title=_("%(member)s asks to join %(organization)s") % values,
        text=text,
        url=url,
        subject=membership,
    )
