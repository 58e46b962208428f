"""Who may do what with collaboration proposals: the one place these rules live (DESIGN §8).

Services check these before changing anything; views, templates and the API ask them what to show.
The roles on a proposal: the proposer (an administrator of the proposing organization), the reviewer (a reviewer
or administrator of the addressed authority, members.permissions.is_reviewer) and the moderator (staff).
"""

from members import permissions as member_permissions
from members.models import Membership
from participation.moderation import is_moderator

from .models import EDITABLE_STATES, PARTNERING_STATES, ProposalState

PROPOSER = "proposer"
REVIEWER = "reviewer"
MODERATOR = "moderator"
VIEW_PERMISSION = "proposals.view_proposal"


def _active(user):
    return bool(user and user.is_authenticated and user.is_active)


def is_staff(user):
    """Staff who see every proposal once submitted (never drafts): moderators and staff allowed to view proposals."""
    return _active(user) and (is_moderator(user) or user.has_perm(VIEW_PERMISSION))


def member_organization_ids(user):
    """The organizations `user` is an approved member of (a subquery)."""
    return Membership.objects.approved().filter(user=user).values("organization_id")


def roles(user, proposal):
    """The roles `user` holds on `proposal` (what the transition table names)."""
    found = set()
    if not _active(user):
        return found
    if member_permissions.is_administrator(user, proposal.proposing_organization_id):
        found.add(PROPOSER)
    if member_permissions.is_reviewer(user, proposal.addressed_authority_id):
        found.add(REVIEWER)
    if is_moderator(user):
        found.add(MODERATOR)
    return found


def _was_submitted(proposal):
    return proposal.first_submitted_at is not None


def can_view(user, proposal):
    """Public proposals: anyone. Others: the proposing organization's members (drafts included); once submitted,
    also the addressed authority's members and staff."""
    if proposal.is_public:
        return True
    return can_view_private(user, proposal)


def can_view_private(user, proposal):
    """Private messages, attachments and the timeline's comments: the two organizations' members and staff
    (the authority and staff only once the proposal was submitted)."""
    if not _active(user):
        return False
    if member_permissions.is_member(user, proposal.proposing_organization_id):
        return True
    if not _was_submitted(proposal):
        return False
    return member_permissions.is_member(user, proposal.addressed_authority_id) or is_staff(user)


def can_create(user, organization):
    """An organization proposes through one of its administrators."""
    return _active(user) and member_permissions.is_administrator(user, organization)


def can_edit(user, proposal):
    """The proposer writes the content while it is a draft or changes were requested."""
    return proposal.state in EDITABLE_STATES and PROPOSER in roles(user, proposal)


def can_correct(user, proposal):
    """Staff correct the content of a submitted proposal in the admin (never a draft, which they do not see)."""
    return _was_submitted(proposal) and is_moderator(user)


def can_manage_attachments(user, proposal):
    return can_edit(user, proposal) or can_correct(user, proposal)


def can_download_attachment(user, proposal):
    return can_view_private(user, proposal)


def can_comment(user, proposal):
    """Private messages once submitted: the proposer, the authority's reviewers and moderators."""
    return _was_submitted(proposal) and bool(roles(user, proposal))


def can_report_results(user, proposal):
    """While the project runs, the proposer or the authority's reviewer (or a moderator) writes its results."""
    return proposal.state == ProposalState.IN_PROGRESS and bool(roles(user, proposal))


def can_offer_partnership(user, organization, proposal):
    """Another organization's administrator offers to join an accepted or running proposal."""
    return (
        proposal.state in PARTNERING_STATES
        and organization is not None
        and organization.pk not in (proposal.proposing_organization_id, proposal.addressed_authority_id)
        and _active(user)
        and member_permissions.is_administrator(user, organization)
    )


def can_decide_partner(user, partner):
    """The proposer accepts or declines an offer."""
    return PROPOSER in roles(user, partner.proposal)


def available_actions(user, proposal):
    """The transitions `user` may apply now, for buttons (the service checks again)."""
    from .workflow import PROPOSAL_TRANSITIONS

    return PROPOSAL_TRANSITIONS.available(proposal, user)
