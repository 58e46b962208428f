"""Reads for the proposal pages, "Contul meu", profiles, the home page and the API: what to show, never what to
allow (see permissions). Each list reads in a constant number of queries, however long it is.
"""

from statistics import median

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from participation.models import TransitionLog

from . import permissions
from .models import Proposal, ProposalPartner, ProposalState

ANSWERED_STATES = (ProposalState.ACCEPTED, ProposalState.IN_PROGRESS, ProposalState.COMPLETED)


def public_proposals():
    """Accepted, in progress and completed proposals, newest decision first, ready for cards."""
    return Proposal.objects.public().for_listing().order_by("-decided_at", "-pk")


def recent_accepted(limit=3):
    """For the home page: the latest accepted proposals (in progress and completed ones included)."""
    return public_proposals()[:limit]


def visible_proposal(user, pk):
    """The proposal `pk` if `user` may read it, else None (answer 404)."""
    return Proposal.objects.visible_to(user).for_listing().filter(pk=pk).first()


def proposals_of(user):
    """The proposals of the member's organizations (drafts included), latest change first."""
    if not user.is_authenticated:
        return Proposal.objects.none()
    return (
        Proposal.objects.filter(proposing_organization__in=permissions.member_organization_ids(user))
        .for_listing()
        .order_by("-updated_at", "-pk")
    )


def proposals_received_by(user):
    """The proposals submitted to the authorities the member belongs to, those waiting for review first."""
    if not user.is_authenticated:
        return Proposal.objects.none()
    return (
        Proposal.objects.ever_submitted()
        .filter(addressed_authority__in=permissions.member_organization_ids(user))
        .for_listing()
        .order_by("submitted_at", "pk")
    )


def organization_public_proposals(organization):
    """Public proposals of an organization, as proposer or as an accepted partner (for its profile)."""
    as_partner = ProposalPartner.objects.accepted().filter(organization=organization).values("proposal_id")
    return (
        Proposal.objects.public()
        .filter(Q(proposing_organization=organization) | Q(pk__in=as_partner))
        .for_listing()
        .order_by("-decided_at", "-pk")
    )


def authority_stats(organization):
    """How many proposals an authority received, accepted and rejected, how many wait for review, and its median days
    from a first submission to a first answer (None before any answer), in two queries."""
    received = Proposal.objects.ever_submitted().filter(addressed_authority=organization)
    counts = received.aggregate(
        received=Count("pk"),
        accepted=Count("pk", filter=Q(state__in=ANSWERED_STATES)),
        rejected=Count("pk", filter=Q(state=ProposalState.REJECTED)),
        waiting=Count("pk", filter=Q(state=ProposalState.SUBMITTED)),
    )
    delays = [
        (answered - submitted).total_seconds() / 86400
        for submitted, answered in received.filter(first_answer_at__isnull=False).values_list(
            "first_submitted_at", "first_answer_at"
        )
    ]
    counts["median_days_to_first_answer"] = round(median(delays), 1) if delays else None
    return counts


def timeline(proposal):
    """Every state change, oldest first, with who made it, on whose behalf and their comment (for the two sides and
    staff), each with `state_label` and `action_label`."""
    return _labelled(TransitionLog.objects.for_object(proposal).select_related("actor", "acting_organization"))


def _labelled(logs):
    from .workflow import ACTION_LABELS

    logs = list(logs)
    for log in logs:
        log.state_label = ProposalState(log.to_state).label if log.to_state in ProposalState.values else log.to_state
        log.action_label = ACTION_LABELS.get(log.action, log.action)
    return logs


def public_timeline_entries(logs):
    """What anyone may read of a timeline: the dates and the states, without people or comments."""
    return [
        {"state": log.to_state, "label": ProposalState(log.to_state).label, "at": log.created_at}
        for log in logs
        if log.to_state in ProposalState.values
    ]


def attach_timelines(proposals):
    """Set `timeline_list` (state changes, oldest first) on each proposal, in one query for all of them."""
    proposals = list(proposals)
    by_id = {str(proposal.pk): proposal for proposal in proposals}
    for proposal in proposals:
        proposal.timeline_list = []
    if proposals:
        logs = TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Proposal), object_id__in=list(by_id)
        ).order_by("created_at", "pk")
        for log in _labelled(logs):
            by_id[log.object_id].timeline_list.append(log)
    return proposals


def comments(proposal):
    """The private messages, oldest first."""
    return proposal.comments.select_related("author", "acting_organization")


def attachments(proposal):
    return proposal.attachments.select_related("uploaded_by")


def partner_offers(proposal):
    """Every offer (waiting, accepted, declined), for the proposer's page."""
    return proposal.partners.select_related("organization", "offered_by")


def accepted_partners(proposal):
    return proposal.partners.accepted().select_related("organization")
