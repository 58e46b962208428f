"""The only ways a collaboration proposal is created, changed, moved between states, discussed and joined.

Every function checks who acts (proposals.permissions), validates (full_clean) and runs in one transaction:
forbidden actions raise PermissionDenied (HTTP 403), refused ones ValidationError with a Romanian message;
nothing is half-saved. The website, the admin and the demo data all call these.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.models import Organization, Sector
from participation.moderation import ensure_can_submit, is_moderator
from participation.notifications import notify
from participation.uploads import validate_attachment
from website import ratelimit
from website.models import Topic

from . import permissions
from .models import (
    CONTENT_FIELDS,
    MAX_ATTACHMENTS,
    PARTNERING_STATES,
    Proposal,
    ProposalAttachment,
    ProposalComment,
    ProposalPartner,
    ProposalState,
)
from .workflow import PARTNER_TRANSITIONS, PROPOSAL_TRANSITIONS, PROPOSALS, authority_side, both_sides, proposer_side

REMINDER_AFTER = timedelta(days=30)
RELATIONS = {"topics": Topic, "sectors": Sector}


def _require_member(user):
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied


def _consume(request, action):
    if request is not None:
        ratelimit.consume(request, action)


def _locked(proposal):
    return (
        Proposal.objects.select_for_update()
        .select_related("proposing_organization", "addressed_authority")
        .get(pk=proposal.pk)
    )


def _not_editable(proposal):
    return ValidationError(
        _("This proposal cannot be changed now: it is “%(state)s”.") % {"state": proposal.get_state_display()},
        code="not_editable",
    )


def _authority_error(authority):
    if authority is None or not isinstance(authority, Organization) or not authority.is_authority:
        return _("Choose a local public authority or a public institution.")
    if not authority.live:
        return _("This authority is not published in the directory.")
    return None


def _set_values(proposal, data, fields):
    """Copy the values of `fields` present in `data` onto `proposal`; return the relations to set after saving."""
    relations = {}
    for name in fields:
        if name not in data:
            continue
        value = data[name]
        if name in RELATIONS:
            relations[name] = _related(name, value)
        elif isinstance(value, str):
            setattr(proposal, name, value.strip())
        else:
            setattr(proposal, name, value)
    return relations


def _related(name, values):
    model = RELATIONS[name]
    keys = set()
    for value in values or []:
        key = value.pk if isinstance(value, model) else value
        try:
            keys.add(int(key))
        except (TypeError, ValueError):
            raise ValidationError({name: _("Choose from the list.")}, code="invalid_choice") from None
    found = list(model.objects.filter(pk__in=keys))
    if len(found) != len(keys):
        raise ValidationError({name: _("Choose from the list.")}, code="invalid_choice")
    return found


def _save(proposal, relations):
    proposal.full_clean()
    proposal.save()
    for name, objects in relations.items():
        getattr(proposal, name).set(objects)
    return proposal


def _acting_organization(user, proposal, allowed_roles):
    """On whose behalf `user` acts: the proposing organization, the authority, or nobody's (staff)."""
    roles = permissions.roles(user, proposal) & set(allowed_roles)
    if permissions.PROPOSER in roles:
        return proposal.proposing_organization
    if permissions.REVIEWER in roles:
        return proposal.addressed_authority
    return None


# The proposal itself


@transaction.atomic
def proposal_create(*, organization, authority, by, data, request=None):
    """An administrator of `organization` starts a draft addressed to `authority` (a published authority).

    `data` holds CONTENT_FIELDS (others are ignored); a draft may be incomplete, but not invalid.
    """
    _require_member(by)
    if organization is None or not permissions.can_create(by, organization):
        raise PermissionDenied
    ensure_can_submit(by)
    if error := _authority_error(authority):
        raise ValidationError({"addressed_authority": error}, code="not_authority")
    _consume(request, "proposal_create")
    proposal = Proposal(proposing_organization=organization, addressed_authority=authority, created_by=by)
    relations = _set_values(proposal, data, CONTENT_FIELDS)
    return _save(proposal, relations)


@transaction.atomic
def proposal_update(*, proposal, by, data):
    """The proposer changes a draft or a proposal whose changes were requested (and, while a draft, its authority);
    staff correct a submitted proposal's content and results. Only the keys present in `data` change."""
    _require_member(by)
    proposal = _locked(proposal)
    if permissions.can_edit(by, proposal):
        ensure_can_submit(by)
        fields = list(CONTENT_FIELDS)
        if proposal.state == ProposalState.DRAFT and "addressed_authority" in data:
            if error := _authority_error(data["addressed_authority"]):
                raise ValidationError({"addressed_authority": error}, code="not_authority")
            proposal.addressed_authority = data["addressed_authority"]
    elif permissions.can_correct(by, proposal):
        fields = [*CONTENT_FIELDS, "results_summary"]
    elif permissions.PROPOSER in permissions.roles(by, proposal):
        raise _not_editable(proposal)
    else:
        raise PermissionDenied
    relations = _set_values(proposal, data, fields)
    return _save(proposal, relations)


@transaction.atomic
def proposal_transition(*, proposal, action, by, comment="", results_summary=None):
    """Apply `action` of the transition table (proposals.workflow) as `by`; returns the updated proposal.

    For "complete", `results_summary` (if given) is written first; the project needs one to be completed.
    """
    _require_member(by)
    if not is_moderator(by):
        ensure_can_submit(by)
    if action == "complete" and results_summary is not None and results_summary.strip():
        proposal = proposal_report_results(proposal=proposal, by=by, results_summary=results_summary)
    transition = PROPOSAL_TRANSITIONS.find(proposal.state, action)
    organization = _acting_organization(by, proposal, transition.roles) if transition else None
    return PROPOSAL_TRANSITIONS.apply(
        obj=proposal, action=action, by=by, comment=comment, acting_organization=organization
    )


@transaction.atomic
def proposal_report_results(*, proposal, by, results_summary):
    """While the project runs, the proposer or the authority's reviewer writes what it achieved (public once it is
    completed, like the rest of the proposal)."""
    _require_member(by)
    proposal = _locked(proposal)
    if proposal.state != ProposalState.IN_PROGRESS:
        raise ValidationError(
            {"results_summary": _("Results can be written while the project is in progress.")}, code="not_in_progress"
        )
    if not permissions.can_report_results(by, proposal):
        raise PermissionDenied
    text = (results_summary or "").strip()
    if not text:
        raise ValidationError({"results_summary": _("Describe the project's results.")}, code="required")
    proposal.results_summary = text
    proposal.full_clean()
    proposal.save(update_fields=["results_summary", "updated_at"])
    return proposal


# Private messages


@transaction.atomic
def comment_add(*, proposal, by, text, request=None):
    """A private message between the two sides (or from staff) on a submitted proposal; the other side is told."""
    _require_member(by)
    proposal = Proposal.objects.select_related("proposing_organization", "addressed_authority").get(pk=proposal.pk)
    if not permissions.can_comment(by, proposal):
        raise PermissionDenied
    ensure_can_submit(by)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your message.")}, code="required")
    _consume(request, "proposal_comment")
    comment = ProposalComment(
        proposal=proposal,
        author=by,
        acting_organization=_acting_organization(by, proposal, permissions.roles(by, proposal)),
        text=text,
    )
    comment.full_clean()
    comment.save()
    recipients = both_sides(proposal)
    transaction.on_commit(
        lambda: notify(
            recipients=recipients,
            kind=PROPOSALS,
            title=_("New message about the proposal “%(title)s”") % {"title": proposal.title},
            text=text,
            url=proposal.get_absolute_url(),
            subject=proposal,
            exclude=by,
        )
    )
    return comment


# Partners


@transaction.atomic
def partner_offer(*, proposal, organization, by, role, message="", request=None):
    """An administrator of another organization offers to join an accepted or running proposal, with its role."""
    _require_member(by)
    proposal = _locked(proposal)
    if proposal.state not in PARTNERING_STATES:
        raise ValidationError(
            _("Partners can join only an accepted or running proposal."), code="not_open_to_partners"
        )
    if organization is not None and organization.pk in (
        proposal.proposing_organization_id,
        proposal.addressed_authority_id,
    ):
        raise ValidationError(_("Your organization is already part of this proposal."), code="already_part")
    if not permissions.can_offer_partnership(by, organization, proposal):
        raise PermissionDenied
    ensure_can_submit(by)
    if not organization.live:
        raise ValidationError(
            _("Your organization's profile must be approved by the moderators before it offers partnerships."),
            code="organization_not_live",
        )
    if ProposalPartner.objects.filter(proposal=proposal, organization=organization).exists():
        raise ValidationError(
            _("%(organization)s has already offered to join this proposal.") % {"organization": organization.name},
            code="duplicate",
        )
    role = (role or "").strip()
    if not role:
        raise ValidationError({"role": _("Say what your organization would do in the project.")}, code="required")
    _consume(request, "proposal_partner_offer")
    partner = ProposalPartner(
        proposal=proposal, organization=organization, role=role, message=(message or "").strip(), offered_by=by
    )
    partner.full_clean()
    try:
        with transaction.atomic():
            partner.save()
    except IntegrityError as error:
        raise ValidationError(
            _("%(organization)s has already offered to join this proposal.") % {"organization": organization.name},
            code="duplicate",
        ) from error
    recipients = proposer_side(proposal)
    transaction.on_commit(
        lambda: notify(
            recipients=recipients,
            kind=PROPOSALS,
            title=_("%(organization)s offers to join “%(title)s”")
            % {"organization": organization.name, "title": proposal.title},
            text=f"{partner.role}\n{partner.message}".strip(),
            url=proposal.get_absolute_url(),
            subject=proposal,
            exclude=by,
        )
    )
    return partner


def partner_accept(*, partner, by, comment=""):
    """The proposer accepts an offer: the organization appears among the proposal's partners."""
    return _partner_decide(partner=partner, action="accept", by=by, comment=comment)


def partner_decline(*, partner, by, comment=""):
    return _partner_decide(partner=partner, action="decline", by=by, comment=comment)


@transaction.atomic
def _partner_decide(*, partner, action, by, comment):
    _require_member(by)
    ensure_can_submit(by)
    partner = ProposalPartner.objects.select_related("proposal", "organization").get(pk=partner.pk)
    return PARTNER_TRANSITIONS.apply(
        obj=partner, action=action, by=by, comment=comment, acting_organization=partner.proposal.proposing_organization
    )


# Attachments


def _check_attachments_allowed(by, proposal):
    if permissions.can_manage_attachments(by, proposal):
        return
    if permissions.PROPOSER in permissions.roles(by, proposal):
        raise _not_editable(proposal)
    raise PermissionDenied


@transaction.atomic
def attachment_add(*, proposal, by, upload, title=""):
    """Attach a PDF, DOC, DOCX or ODT (≤ 10 MB, content checked) to a proposal the proposer may still change."""
    _require_member(by)
    proposal = _locked(proposal)
    _check_attachments_allowed(by, proposal)
    ensure_can_submit(by)
    if upload is None:
        raise ValidationError({"file": _("Choose a file.")}, code="required")
    try:
        validate_attachment(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    if proposal.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            _("A proposal may have at most %(count)d attachments: remove one first.") % {"count": MAX_ATTACHMENTS},
            code="too_many",
        )
    title = (title or "").strip() or (upload.name or "").rsplit(".", 1)[0].strip() or _("Attachment")
    attachment = ProposalAttachment(proposal=proposal, title=title[:200], uploaded_by=by)
    attachment.file = upload
    attachment.full_clean()
    attachment.save()  # the last step: everything that could refuse it was checked before the file is written
    return attachment


@transaction.atomic
def attachment_remove(*, attachment, by):
    attachment = ProposalAttachment.objects.select_related("proposal").get(pk=attachment.pk)
    _require_member(by)
    proposal = _locked(attachment.proposal)
    _check_attachments_allowed(by, proposal)
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


# The 30-day reminder


def _reminder_due(now):
    limit = now - REMINDER_AFTER
    return Q(state=ProposalState.SUBMITTED, submitted_at__lte=limit) & (
        Q(reminded_at__isnull=True) | Q(reminded_at__lte=limit)
    )


def reminders_send(*, now=None):
    """Remind the authority of each submitted proposal it has not taken into review within 30 days: once per 30-day
    period of waiting (a second run the same day reminds nobody). Returns the proposals reminded."""
    now = now or timezone.now()
    reminded = []
    for proposal in Proposal.objects.filter(_reminder_due(now)).select_related("addressed_authority"):
        with transaction.atomic():
            # Claimed by this run only: two runs at once cannot both remind.
            if not Proposal.objects.filter(_reminder_due(now), pk=proposal.pk).update(reminded_at=now):
                continue
            days = proposal.days_waiting_at(now)
            notify(
                recipients=authority_side(proposal),
                kind=PROPOSALS,
                title=_("A proposal waits for your answer: “%(title)s”") % {"title": proposal.title},
                text=ngettext(
                    "It was submitted %(days)d day ago and has not been taken into review.",
                    "It was submitted %(days)d days ago and has not been taken into review.",
                    days,
                )
                % {"days": days},
                url=proposal.get_absolute_url(),
                subject=proposal,
            )
            reminded.append(proposal)
    return reminded
