"""Moderation: one queue of everything that waits for staff, reports by members, and blocks.

Each app registers the kinds it submits with the `register_moderation_kind` hook:

    @hooks.register(MODERATION_KINDS_HOOK)
    def responses():
        return ModerationKind(
            key="recomandari", label=_("Consultation responses"), model=Response,
            pending=lambda: Response.objects.pending(), admin_url=lambda response: ...,
        )

Submissions built on `ModeratedSubmission` change state only through `MODERATION` (approve, reject, hide,
restore); other kinds (organizations, with Wagtail's workflow) only list their waiting items here.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import ModerationState, Report, SubmissionBlock
from .transitions import StateMachine, Transition

MODERATION_KINDS_HOOK = "register_moderation_kind"
MODERATE_PERMISSION = "participation.change_report"


@dataclass(frozen=True)
class ModerationKind:
    key: str
    label: str
    model: Any
    # () -> queryset of the items waiting for staff.
    pending: Any
    # (obj) -> the admin URL where staff decide.
    admin_url: Any
    # (obj) -> the item's short description in the queue; str(obj) by default.
    describe: Any = None
    # (queryset) -> the items members may report (public ones); None: nothing of this kind can be reported.
    reportable: Any = None
    # (submission, action, by) -> None: after a moderator's decision, in its transaction (e.g. notify someone).
    on_decision: Any = None


def moderation_kinds():
    """Registered kinds, by key, in registration order."""
    return {kind.key: kind for kind in (hook() for hook in hooks.get_hooks(MODERATION_KINDS_HOOK))}


def kind_for_model(model):
    for kind in moderation_kinds().values():
        if kind.model is model or (model._meta.concrete_model is kind.model):
            return kind
    return None


def is_moderator(user):
    """Staff who moderate what members submit (the "Moderatori" group)."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(MODERATE_PERMISSION))


def _roles(user, obj):
    return {"moderator"} if is_moderator(user) else set()


def _moderated(obj, transition, by, comment):
    obj.moderated_by = by
    obj.moderated_at = timezone.now()
    obj.moderation_reason = comment


# The moderation table, shared by every `ModeratedSubmission`. The moderator's comment becomes the reason.
MODERATION = StateMachine(
    field="moderation_state",
    roles=_roles,
    transitions=[
        Transition(ModerationState.PENDING, "approve", ModerationState.APPROVED, roles={"moderator"}),
        Transition(
            ModerationState.PENDING, "reject", ModerationState.REJECTED, roles={"moderator"}, comment_required=True
        ),
        Transition(
            ModerationState.APPROVED, "hide", ModerationState.HIDDEN, roles={"moderator"}, comment_required=True
        ),
        Transition(ModerationState.HIDDEN, "restore", ModerationState.APPROVED, roles={"moderator"}),
    ],
    before_save=_moderated,
)


@transaction.atomic
def submission_moderate(*, submission, action, by, reason=""):
    """A moderator approves, rejects, hides or restores a submission; the reason is kept and shown to its author."""
    submission = MODERATION.apply(obj=submission, action=action, by=by, comment=reason)
    if action in ("hide", "restore", "approve"):
        _resolve_reports(submission, by)
    kind = kind_for_model(type(submission))
    if kind is not None and kind.on_decision is not None:
        kind.on_decision(submission, action, by)
    return submission


def pending_counts():
    """{kind key: number of items waiting}, plus "rapoarte" for open reports."""
    counts = {key: kind.pending().count() for key, kind in moderation_kinds().items()}
    counts["rapoarte"] = Report.objects.filter(resolved_at__isnull=True).count()
    return counts


# Reports


def report_create(*, item, by, reason):
    """A logged-in member reports a public submission; once per member and item."""
    ensure_can_submit(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tell the moderators what is wrong.")}, code="required")
    kind = kind_for_model(type(item))
    if kind is None or kind.reportable is None or not kind.reportable(type(item)._default_manager.filter(pk=item.pk)):
        raise PermissionDenied
    content_type = ContentType.objects.get_for_model(item)
    if Report.objects.filter(reporter=by, content_type=content_type, object_id=str(item.pk)).exists():
        raise ValidationError(_("You have already reported this. The moderators will look at it."), code="duplicate")
    try:
        with transaction.atomic():
            return Report.objects.create(
                reporter=by, content_type=content_type, object_id=str(item.pk), reason=reason[:2000]
            )
    except IntegrityError as error:
        raise ValidationError(
            _("You have already reported this. The moderators will look at it."), code="duplicate"
        ) from error


def report_resolve(*, report, by):
    if not is_moderator(by):
        raise PermissionDenied
    Report.objects.filter(pk=report.pk, resolved_at__isnull=True).update(resolved_at=timezone.now(), resolved_by=by)


def _resolve_reports(item, by):
    Report.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=str(item.pk), resolved_at__isnull=True
    ).update(resolved_at=timezone.now(), resolved_by=by)


# Blocks


def block_reason(user):
    """Why the member may not submit anything ("" when they may)."""
    if not user.is_authenticated:
        return ""
    block = SubmissionBlock.objects.filter(user=user).only("reason").first()
    return block.reason if block else ""


def ensure_can_submit(user):
    """Refuse (ValidationError with the moderators' reason) a member whom moderators blocked."""
    if reason := block_reason(user):
        raise ValidationError(
            _("The moderators have stopped you from submitting content. Reason: %(reason)s") % {"reason": reason},
            code="blocked",
        )


def member_block(*, user, by, reason):
    if not is_moderator(by):
        raise PermissionDenied
    if not (reason or "").strip():
        raise ValidationError({"reason": _("The member will see this reason: it is required.")})
    block, _created = SubmissionBlock.objects.update_or_create(
        user=user, defaults={"reason": reason.strip(), "blocked_by": by}
    )
    return block


def member_unblock(*, user, by):
    if not is_moderator(by):
        raise PermissionDenied
    SubmissionBlock.objects.filter(user=user).delete()
