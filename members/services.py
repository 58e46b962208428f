"""Everything that changes members' data: memberships, organizations registered or edited by members, accounts.

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
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState
from wagtail.users.models import UserProfile

from directory.models import Organization
from participation.moderation import ensure_can_submit
from participation.notifications import notify

from . import permissions, selectors
from .models import Membership
from .selectors import login_names, user_display_name
from .workflow import JOIN_REQUESTS, MEMBERSHIP_TRANSITIONS, PROFILE_MODERATION

# Other apps add their part of a member's data export with
#   @hooks.register(PERSONAL_DATA_HOOK)
#   def proposals(user): return "proposals", [...]   # a name and JSON-serialisable data
PERSONAL_DATA_HOOK = "members_personal_data"
# …and anonymise or delete their part before an account is deleted with
#   @hooks.register(ACCOUNT_DELETE_HOOK)
#   def proposals(user): ...
ACCOUNT_DELETE_HOOK = "members_before_account_delete"

# What an organization's administrators edit; staff-only fields (verified, logo, coordinates, slug) stay in the admin.
PROFILE_FIELDS = [
    "name",
    "short_name",
    "kind",
    "cui",
    "registration_number",
    "founding_year",
    "description",
    "topics",
    "sectors",
    "address",
    "postal_code",
    "email",
    "phone",
    "website",
    "facebook_url",
    "linkedin_url",
    "instagram_url",
    "youtube_url",
    "social_service_provider",
    "social_enterprise_certified",
    "social_enterprise_certificate",
    "seeking_partners",
    "partnership_text",
]


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


# Organizations registered and edited by members


@transaction.atomic
def organization_register(*, user, data) -> Organization:
    """A member registers a new organization: a draft that moderators approve; the member is its administrator."""
    values, relations = _split_profile_data(data)
    organization = Organization(**values, live=False)
    for name, items in relations.items():
        getattr(organization, name).set(items)
    organization.full_clean()
    organization.save()
    organization.save_revision(user=user, log_action=True)
    membership = Membership(
        user=user,
        organization=organization,
        role=Membership.Role.ADMINISTRATOR,
        state=Membership.State.APPROVED,
        decided_at=timezone.now(),
    )
    membership.full_clean()
    membership.save()
    _submit_for_moderation(organization, user)
    return organization


@transaction.atomic
def organization_profile_submit_change(*, organization, user, data):
    """An administrator proposes a change of the organization's public profile.

    The change becomes a new revision and goes to the moderators through the organization workflow; the
    organization's row (what the public sees) is left untouched until a moderator approves and publishes it.
    Returns the new revision.
    """
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if not permissions.can_edit_profile(user, organization):
        raise PermissionDenied
    ensure_profile_editable(organization, user)
    values, relations = _split_profile_data(data)
    draft = organization.get_latest_revision_as_object() if organization.latest_revision_id else organization
    for name, value in values.items():
        setattr(draft, name, value)
    for name, items in relations.items():
        getattr(draft, name).set(items)
    draft.full_clean()
    if not organization.live:
        # Nothing public to protect: a draft organization's row is its draft.
        draft.save()
    revision = draft.save_revision(user=user, log_action=True)
    _submit_for_moderation(draft, user)
    return revision


def ensure_profile_editable(organization, user):
    """Refuse while a moderator reviews the previous change (Wagtail locks the organization) or has locked it."""
    lock = organization.get_lock()
    if lock is not None and lock.for_user(user):
        if organization.workflow_in_progress:
            message = _(
                "Your previous change is waiting for a moderator. You can change the profile again after the "
                "moderator's decision."
            )
        else:
            message = _("A moderator is working on this profile. Try again later.")
        raise ValidationError(message, code="locked")


def _split_profile_data(data):
    """The profile's values and its many-to-many relations; fields members may not edit are ignored."""
    relations = {name: list(data[name]) for name in ("topics", "sectors") if name in data}
    values = {name: value for name, value in data.items() if name in PROFILE_FIELDS and name not in relations}
    return values, relations


def _submit_for_moderation(organization, user):
    """Start the organization workflow on the latest revision, or resume it after the moderator asked for changes."""
    # Members never see the Wagtail admin: its emails about approval or rejection (with admin links) are
    # replaced by members.signals, which writes to the organization's administrators.
    profile = UserProfile.get_for_user(user)
    if not user.has_perm("wagtailadmin.access_admin") and (
        profile.approved_notifications or profile.rejected_notifications
    ):
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])
    state = organization.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    if state is not None:
        # In progress (a staff member submitted it): restart on the new revision, as the admin's "Resubmit" does.
        state.cancel(user=user)
    workflow = organization.get_workflow()
    if workflow is not None:
        workflow.start(organization, user)


@transaction.atomic
def organization_moderation_finished(*, workflow_state, approved):
    """Tell an organization's administrators that moderators approved (published) or sent back a member's change."""
    organization = workflow_state.content_object
    requested_by = workflow_state.requested_by
    if not isinstance(organization, Organization) or requested_by is None:
        return
    if requested_by.has_perm("wagtailadmin.access_admin"):
        # Staff sent it to moderation from the admin: Wagtail's own notifications cover it.
        return
    comment = ""
    if not approved and workflow_state.current_task_state is not None:
        comment = workflow_state.current_task_state.comment
    values = {"organization": organization.name}
    if approved:
        title = _("The changes to the profile of %(organization)s were approved and published") % values
        url = organization.get_absolute_url()
    else:
        title = _("The moderators sent back the changes to the profile of %(organization)s") % values
        url = reverse("members:organization_edit", args=[organization.pk])
    notify(
        recipients=selectors.administrators(organization),
        kind=PROFILE_MODERATION,
        title=title,
        text=_("The moderator's comment: “%(comment)s”") % {"comment": comment} if comment else "",
        url=url,
        subject=organization,
    )


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
