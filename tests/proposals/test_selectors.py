"""Who sees which proposal (DESIGN §8), the listings' constant query counts and the authority's figures."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.follows import followable_object
from participation.models import TransitionLog
from proposals import permissions, selectors, services
from proposals.models import Proposal, ProposalPartner, ProposalState
from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory
from tests.factories.proposals import ProposalFactory, ProposalPartnerFactory
from website.models import Topic

pytestmark = pytest.mark.django_db
S = ProposalState
PUBLIC = {S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED}

# Who may read a proposal in each state, besides everyone for public ones (DESIGN §8).
OWN_ORGANIZATION = {"proposer", "proposer2", "ngo_member"}
AUTHORITY_AND_STAFF = {"reviewer", "authority_admin", "authority_member", "moderator", "editor"}
EVERYONE = [*OWN_ORGANIZATION, *AUTHORITY_AND_STAFF, "outsider", "anonymous"]


def may_see(role, state, was_submitted):
    if state in PUBLIC or role in OWN_ORGANIZATION:
        return True
    return was_submitted and role in AUTHORITY_AND_STAFF


@pytest.mark.parametrize("state", S.values)
def test_visibility_in_every_state(world, make_proposal, state):
    proposal = make_proposal(state=state)
    was_submitted = proposal.first_submitted_at is not None
    for role in EVERYONE:
        user = getattr(world, role)
        expected = may_see(role, state, was_submitted)
        assert permissions.can_view(user, proposal) is expected, (state, role)
        assert Proposal.objects.visible_to(user).filter(pk=proposal.pk).exists() is expected, (state, role)
        assert (selectors.visible_proposal(user, proposal.pk) is not None) is expected, (state, role)
        # Private messages and attachments: never the public's, even on a public proposal.
        private = may_see(role, "private", was_submitted)
        assert permissions.can_view_private(user, proposal) is private, (state, role)


def test_a_draft_withdrawn_stays_with_its_organization(world, make_proposal):
    proposal = make_proposal(state=S.WITHDRAWN)  # never submitted
    assert proposal.first_submitted_at is None
    assert not permissions.can_view(world.reviewer, proposal)
    assert not permissions.can_view(world.moderator, proposal)
    assert permissions.can_view(world.ngo_member, proposal)


def test_public_proposals_and_following(world, make_proposal):
    proposals = {state: make_proposal(state=state) for state in S.values}
    assert set(Proposal.objects.public()) == {proposals[state] for state in PUBLIC}
    for state, proposal in proposals.items():
        found = followable_object(label="proposals.proposal", pk=proposal.pk, user=world.outsider)
        assert (found is not None) is (state in PUBLIC), state


def test_member_lists(world, make_proposal):
    draft = make_proposal()
    waiting = make_proposal(state=S.SUBMITTED)
    assert set(selectors.proposals_of(world.ngo_member)) == {draft, waiting}
    assert list(selectors.proposals_received_by(world.authority_member)) == [waiting]
    assert list(selectors.proposals_of(world.outsider)) == []
    assert list(selectors.proposals_received_by(world.outsider)) == []


def test_an_organizations_public_proposals_as_proposer_or_partner(world, make_proposal):
    own = make_proposal(state=S.ACCEPTED)
    make_proposal(state=S.UNDER_REVIEW)
    joined = ProposalFactory(state=S.IN_PROGRESS)
    ProposalPartnerFactory(proposal=joined, organization=world.ngo, state=ProposalPartner.State.ACCEPTED)
    offered = ProposalFactory(state=S.ACCEPTED)
    ProposalPartnerFactory(proposal=offered, organization=world.ngo)
    assert set(selectors.organization_public_proposals(world.ngo)) == {own, joined}


def test_authority_stats(world, make_proposal):
    now = timezone.now()
    for days, state in [(2, S.ACCEPTED), (4, S.REJECTED), (10, S.IN_PROGRESS)]:
        make_proposal(
            state=state, first_submitted_at=now - timedelta(days=20), first_answer_at=now - timedelta(20 - days)
        )
    make_proposal(state=S.SUBMITTED)
    make_proposal()  # a draft is not received
    assert selectors.authority_stats(world.authority) == {
        "received": 4,
        "accepted": 2,
        "rejected": 1,
        "waiting": 1,
        "median_days_to_first_answer": 4.0,
    }
    assert selectors.authority_stats(world.other)["median_days_to_first_answer"] is None


def test_timelines_public_and_private(world, make_proposal):
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    services.proposal_transition(proposal=proposal, action="start_review", by=world.reviewer)
    services.proposal_transition(proposal=proposal, action="accept", by=world.reviewer, comment="Felicitări, intern.")
    logs = selectors.timeline(proposal)
    assert [(log.action_label, log.state_label) for log in logs] == [
        ("Trimite autorității", "trimisă"),
        ("Preia în analiză", "în analiză"),
        ("Acceptă", "acceptată"),
    ]
    assert logs[-1].comment == "Felicitări, intern."
    public = selectors.public_timeline_entries(logs)
    assert [entry["state"] for entry in public] == [S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED]
    assert all(set(entry) == {"state", "label", "at"} for entry in public)


def _listing_queries(world, count):
    topic = Topic.objects.get_or_create(name="Mediu", slug="mediu")[0]
    for _ in range(count):
        proposal = ProposalFactory(state=S.ACCEPTED, topics=[topic])
        ProposalPartnerFactory(proposal=proposal, state=ProposalPartner.State.ACCEPTED)
        TransitionLog.objects.create(
            content_type=ContentType.objects.get_for_model(Proposal),
            object_id=str(proposal.pk),
            action="accept",
            from_state=S.UNDER_REVIEW,
            to_state=S.ACCEPTED,
        )
    with CaptureQueriesContext(connection) as queries:
        proposals = selectors.attach_timelines(selectors.public_proposals())
        for proposal in proposals:
            str(proposal.proposing_organization), str(proposal.addressed_authority)
            [t.name for t in proposal.topics.all()], [s.name for s in proposal.sectors.all()]
            [p.organization.name for p in proposal.accepted_partner_list]
            [entry["label"] for entry in selectors.public_timeline_entries(proposal.timeline_list)]
    assert len(proposals) >= count
    return len(queries)


def test_listing_queries_do_not_grow_with_the_rows(world):
    assert _listing_queries(world, 2) == _listing_queries(world, 8) <= 6


def test_a_long_timeline_reads_in_one_query(world, make_proposal, django_assert_max_num_queries):
    proposal = make_proposal(state=S.SUBMITTED)
    for _ in range(15):
        services.proposal_transition(proposal=proposal, action="start_review", by=world.reviewer)
        services.proposal_transition(proposal=proposal, action="request_changes", by=world.reviewer, comment="Încă")
        services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    with django_assert_max_num_queries(2):
        logs = selectors.timeline(proposal)
        [(log.actor.get_full_name(), str(log.acting_organization), log.state_label) for log in logs]
    assert len(logs) == 45


def test_an_offer_from_an_unrelated_organization_does_not_make_it_visible(world, make_proposal):
    proposal = make_proposal(state=S.UNDER_REVIEW)
    stranger = OrganizationFactory()
    MembershipFactory(organization=stranger, administrator=True)
    ProposalPartnerFactory(proposal=proposal, organization=stranger)
    assert not Proposal.objects.visible_to(stranger.memberships.get().user).filter(pk=proposal.pk).exists()
