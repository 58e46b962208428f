"""Everything that creates, changes, submits for moderation or publishes an organization.

The Wagtail admin, `import_organizations`, the demo data and members ("Contul meu") all go through these
functions. Each checks who may act (directory.permissions, members.permissions), validates (full_clean)
and runs in one transaction; forbidden actions raise PermissionDenied, invalid values ValidationError.
`by=None` is the platform itself: a management command that staff run on the server, trusted.
A published organization's row always holds its public values: a change is a revision until published.
"""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Revision, WorkflowState
from wagtail.users.models import UserProfile

from members import permissions as member_permissions
from members import selectors as member_selectors
from members.services import membership_add_founder
from members.workflow import PROFILE_MODERATION
from participation.moderation import ensure_can_submit
from participation.notifications import notify

from . import permissions
from .fields import MEMBER_EDITABLE_FIELDS, PUBLIC_FIELDS, RELATION_FIELDS
from .models import Organization

# Staff set every public field; members only those of MEMBER_EDITABLE_FIELDS (the others are ignored).
STAFF_EDITABLE_FIELDS = PUBLIC_FIELDS


# Staff: the admin and the import


@transaction.atomic
def organization_create(
    *, data: Mapping[str, Any], by: AbstractBaseUser | None, publish: bool = False
) -> Organization:
    """Add an organization: published at once when `publish` (and `by` may publish), otherwise a draft."""
    _require(by is None or permissions.can_add(by))
    if publish:
        _require(by is None or permissions.can_publish(by))
    organization, revision = _create(data=data, fields=STAFF_EDITABLE_FIELDS, by=by)
    if publish:
        _publish(revision, by=by)
        organization.refresh_from_db()
    return organization


@transaction.atomic
def organization_update(
    *, organization: Organization, data: Mapping[str, Any], by: AbstractBaseUser | None, publish: bool = False
) -> Revision:
    """Change an organization: a new revision, published when `publish`.

    Otherwise a draft organization's row takes the new values (it is its draft), while a published one keeps
    its public values and the revision waits as a change for a moderator to publish. Returns the revision.
    """
    _require(by is None or permissions.can_change(by))
    if publish:
        _require(by is None or permissions.can_publish(by))
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    _draft, revision = _revise(organization, data=data, fields=STAFF_EDITABLE_FIELDS, by=by)
    if publish:
        _publish(revision, by=by)
    return revision


@transaction.atomic
def organization_publish(
    *, organization: Organization, by: AbstractBaseUser | None, revision: Revision | None = None
) -> Revision:
    """Make `revision` (by default the latest) public; refused without a valid CUI (Organization.publish)."""
    _require(by is None or permissions.can_publish(by))
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if revision is None:
        revision = organization.latest_revision or organization.save_revision(user=by)
    if str(revision.object_id) != str(organization.pk):
        raise PermissionDenied
    _publish(revision, by=by)
    return revision


@transaction.atomic
def organization_submit_for_moderation(*, organization: Organization, by: AbstractBaseUser) -> None:
    """Send the organization's latest revision to the moderators (Wagtail's workflow), or back to them after
    they asked for changes: its administrators from "Contul meu", staff from the admin."""
    _require(member_permissions.can_edit_profile(by, organization) or permissions.can_change(by))
    _submit(Organization.objects.select_for_update().get(pk=organization.pk), by)


# Members: registering an organization and proposing changes to its profile


@transaction.atomic
def organization_register(*, user: AbstractBaseUser, data: Mapping[str, Any]) -> Organization:
    """A member registers a new organization: a draft that moderators approve; the member is its administrator."""
    _require(permissions.can_register(user))
    ensure_can_submit(user)
    organization, _revision = _create(data=data, fields=MEMBER_EDITABLE_FIELDS, by=user)
    membership_add_founder(user=user, organization=organization)
    _submit(organization, user)
    return organization


@transaction.atomic
def organization_profile_submit_change(
    *, organization: Organization, user: AbstractBaseUser, data: Mapping[str, Any]
) -> Revision:
    """An administrator proposes a change of the organization's public profile.

    The change becomes a new revision and goes to the moderators through the organization workflow; the
    organization's row (what the public sees) is left untouched until a moderator approves and publishes it.
    Fields members may not edit are ignored. Returns the new revision.
    """
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    _require(member_permissions.can_edit_profile(user, organization))
    ensure_can_submit(user)
    ensure_profile_editable(organization=organization, user=user)
    draft, revision = _revise(organization, data=data, fields=MEMBER_EDITABLE_FIELDS, by=user)
    _submit(draft, user)
    return revision


def ensure_profile_editable(*, organization: Organization, user: AbstractBaseUser) -> None:
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


@transaction.atomic
def organization_moderation_finished(*, workflow_state: WorkflowState, approved: bool) -> None:
    """Tell an organization's administrators that moderators approved (published) or sent back a member's change."""
    organization = workflow_state.content_object
    requested_by = workflow_state.requested_by
    # Wagtail's workflow signals come for every model with a workflow; pages are not ours.
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
        recipients=member_selectors.administrators(organization),
        kind=PROFILE_MODERATION,
        title=title,
        text=_("The moderator's comment: “%(comment)s”") % {"comment": comment} if comment else "",
        url=url,
        subject=organization,
    )


# The steps, for the functions above (rights already checked, inside their transaction)


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _apply(organization, data, fields):
    """Set the values of `data` that are in `fields` (many-to-many relations too); the rest is ignored."""
    for name, value in data.items():
        if name in fields and name not in RELATION_FIELDS:
            setattr(organization, name, value)
    for name in RELATION_FIELDS:
        if name in data and name in fields:
            getattr(organization, name).set(list(data[name]))


def _create(*, data, fields, by):
    """A new draft organization and its first revision."""
    organization = Organization(live=False)
    _apply(organization, data, fields)
    organization.full_clean()
    organization.save()
    log(instance=organization, action="wagtail.create", user=by)
    revision = organization.save_revision(user=by, clean=False)
    return organization, revision


def _revise(organization, *, data, fields, by):
    """The organization with `data` on top of its latest values (a change sent back by a moderator included)
    and the new revision that holds them."""
    draft = organization
    if organization.live and organization.has_unpublished_changes and organization.latest_revision_id:
        draft = organization.get_latest_revision_as_object()
    _apply(draft, data, fields)
    draft.full_clean()
    if not organization.live:
        # Nothing public to protect: a draft organization's row is its draft.
        draft.save()
    return draft, draft.save_revision(user=by, clean=False, log_action=True)


def _publish(revision, *, by):
    # Rights were checked by the service; Organization.publish() still refuses values without a valid CUI.
    revision.publish(user=by, skip_permission_checks=True)


def _submit(organization, user):
    """Start the organization workflow on the latest revision, or resume it after the moderator asked for changes."""
    # Members never see the Wagtail admin: its emails about approval or rejection (with admin links) are
    # replaced by organization_moderation_finished, which writes to the organization's administrators.
    if not user.has_perm("wagtailadmin.access_admin"):
        profile = UserProfile.get_for_user(user)
        if profile.approved_notifications or profile.rejected_notifications:
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
