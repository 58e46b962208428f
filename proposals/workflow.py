"""A proposal's states and who moves them (DESIGN §8): the one table, applied by the participation core, and whom
each change notifies. Partners' offers have their own small table.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members import selectors as member_selectors
from participation.follows import followers
from participation.models import Frequency
from participation.notifications import NotificationKind, notify
from participation.transitions import StateMachine, Transition

from . import permissions
from .models import PARTNERING_STATES, ProposalPartner, ProposalState

S = ProposalState
PROPOSER, REVIEWER, MODERATOR = permissions.PROPOSER, permissions.REVIEWER, permissions.MODERATOR

# Notification kinds: what concerns the member's organizations, and the public proposals they follow.
PROPOSALS = "propuneri"
FOLLOWED_PROPOSALS = "propuneri-urmarite"
NOTIFICATION_KINDS = [
    NotificationKind(PROPOSALS, gettext_lazy("Collaboration proposals of my organizations")),
    NotificationKind(FOLLOWED_PROPOSALS, gettext_lazy("Collaboration proposals I follow"), default=Frequency.DAILY),
]

# What each action is called on buttons, in the timeline and in notifications.
ACTION_LABELS = {
    "submit": gettext_lazy("Submit to the authority"),
    "start_review": gettext_lazy("Take into review"),
    "request_changes": gettext_lazy("Request changes"),
    "accept": gettext_lazy("Accept"),
    "reject": gettext_lazy("Reject"),
    "start": gettext_lazy("Start the project"),
    "complete": gettext_lazy("Mark completed"),
    "withdraw": gettext_lazy("Withdraw"),
}

PROPOSAL_TRANSITIONS_TABLE = [
    Transition(S.DRAFT, "submit", S.SUBMITTED, roles={PROPOSER}),
    Transition(S.SUBMITTED, "start_review", S.UNDER_REVIEW, roles={REVIEWER, MODERATOR}),
    Transition(
        S.UNDER_REVIEW, "request_changes", S.CHANGES_REQUESTED, roles={REVIEWER, MODERATOR}, comment_required=True
    ),
    Transition(S.CHANGES_REQUESTED, "submit", S.SUBMITTED, roles={PROPOSER}),
    Transition(S.UNDER_REVIEW, "accept", S.ACCEPTED, roles={REVIEWER, MODERATOR}),
    Transition(S.UNDER_REVIEW, "reject", S.REJECTED, roles={REVIEWER, MODERATOR}, comment_required=True),
    Transition(S.ACCEPTED, "start", S.IN_PROGRESS, roles={PROPOSER, REVIEWER}),
    # The results summary (on the proposal, see _before_save) is what "complete" requires.
    Transition(S.IN_PROGRESS, "complete", S.COMPLETED, roles={REVIEWER, MODERATOR}),
    Transition(S.DRAFT, "withdraw", S.WITHDRAWN, roles={PROPOSER}),
    Transition(S.SUBMITTED, "withdraw", S.WITHDRAWN, roles={PROPOSER}),
    Transition(S.CHANGES_REQUESTED, "withdraw", S.WITHDRAWN, roles={PROPOSER}),
]


def _before_save(proposal, transition, by, comment):
    """The dates and checks that go with the new state, in the transition's transaction (an error undoes it)."""
    now = timezone.now()
    match transition.target:
        case S.SUBMITTED:
            missing = proposal.missing_for_submission()
            if missing:
                raise ValidationError(missing)
            if not proposal.proposing_organization.live:
                raise ValidationError(
                    _("Your organization's profile must be approved by the moderators before it submits proposals."),
                    code="organization_not_live",
                )
            if not (proposal.addressed_authority.live and proposal.addressed_authority.is_authority):
                raise ValidationError(
                    {"addressed_authority": _("Choose a local public authority or a public institution.")},
                    code="not_authority",
                )
            proposal.first_submitted_at = proposal.first_submitted_at or now
            proposal.submitted_at = now
            proposal.reminded_at = None  # a new wait: reminders count from this submission
        case S.UNDER_REVIEW:
            proposal.first_answer_at = proposal.first_answer_at or now
        case S.ACCEPTED | S.REJECTED:
            proposal.decided_at = now
        case S.COMPLETED:
            if not proposal.results_summary.strip():
                raise ValidationError(
                    {"results_summary": _("Describe the project's results before marking it completed.")},
                    code="results_required",
                )
            proposal.completed_at = now


def proposer_side(proposal):
    """The proposing organization's administrators."""
    return list(member_selectors.administrators(proposal.proposing_organization_id))


def authority_side(proposal):
    """The addressed authority's reviewers and administrators, once the proposal was submitted (never a draft's)."""
    if proposal.first_submitted_at is None:
        return []
    return list(member_selectors.reviewers(proposal.addressed_authority_id))


def both_sides(proposal):
    return proposer_side(proposal) + authority_side(proposal)


def _state_title(proposal, state):
    values = {"title": proposal.title, "state": ProposalState(state).label}
    return _("Proposal “%(title)s”: %(state)s") % values


def _notify_transition(proposal, log):
    """Both sides hear of every change (but the one who made it); followers of a public proposal too, once."""
    sides = both_sides(proposal)
    title = _state_title(proposal, log.to_state)
    url = proposal.get_absolute_url()
    notify(
        recipients=sides, kind=PROPOSALS, title=title, text=log.comment, url=url, subject=proposal, exclude=log.actor
    )
    if proposal.is_public:
        notify(
            recipients=followers(proposal).exclude(pk__in=[user.pk for user in sides]),
            kind=FOLLOWED_PROPOSALS,
            title=title,
            url=url,
            subject=proposal,
            exclude=log.actor,
        )


PROPOSAL_TRANSITIONS = StateMachine(
    field="state",
    roles=permissions.roles,
    transitions=PROPOSAL_TRANSITIONS_TABLE,
    before_save=_before_save,
    on_change=_notify_transition,
)


# Partners' offers: the proposer accepts or declines, while the proposal is open to partners.


def _partner_roles(user, partner):
    return {PROPOSER} if permissions.can_decide_partner(user, partner) else set()


def _partner_decided(partner, transition, by, comment):
    if partner.proposal.state not in PARTNERING_STATES:
        raise ValidationError(
            _("Partners can join only an accepted or running proposal."), code="not_open_to_partners"
        )
    partner.decided_at = timezone.now()
    partner.decided_by = by


def _notify_partner_decision(partner, log):
    accepted = partner.state == ProposalPartner.State.ACCEPTED
    values = {"organization": partner.organization.name, "title": partner.proposal.title}
    notify(
        recipients=member_selectors.administrators(partner.organization_id),
        kind=PROPOSALS,
        title=(
            _("%(organization)s is now a partner of “%(title)s”")
            if accepted
            else _("The offer of %(organization)s to join “%(title)s” was declined")
        )
        % values,
        text=log.comment,
        url=partner.proposal.get_absolute_url(),
        subject=partner.proposal,
        exclude=log.actor,
    )


PARTNER_TRANSITIONS = StateMachine(
    field="state",
    roles=_partner_roles,
    transitions=[
        Transition(ProposalPartner.State.OFFERED, "accept", ProposalPartner.State.ACCEPTED, roles={PROPOSER}),
        Transition(ProposalPartner.State.OFFERED, "decline", ProposalPartner.State.DECLINED, roles={PROPOSER}),
    ],
    before_save=_partner_decided,
    on_change=_notify_partner_decision,
    refused_message=gettext_lazy("This offer has already been answered."),
    refused_code="already_decided",
)
