"""The demo proposals: every state, between the demo directory's real organizations, moved through the workflow (so
each timeline is real), dated in the past, with partners, private messages and one that has waited past 30 days."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from directory import demo as directory_demo
from members import demo as members_demo
from members.models import Membership
from participation.models import Notification, TransitionLog
from proposals import demo as proposals_demo
from proposals import selectors, services
from proposals.models import Proposal, ProposalComment, ProposalPartner, ProposalState
from tests.conftest import once_per_module
from website import demo as website_demo
from website.groups import setup_groups

pytestmark = pytest.mark.django_db

S = ProposalState
AUTHORITIES = {"Primăria Municipiului București", "Primăria Sectorului 3"}
# The date each workflow field takes: the first or the last log of these actions.
DATES = {
    "first_submitted_at": ("first", {"submit"}),
    "submitted_at": ("last", {"submit"}),
    "first_answer_at": ("first", {"start_review"}),
    "decided_at": ("last", {"accept", "reject"}),
    "completed_at": ("last", {"complete"}),
}


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """The directory's, the members' and the proposals' demo, seeded once for this module's tests."""
    with once_per_module(django_db_blocker) as (home, unblocked):
        with unblocked():
            setup_groups()
            get_user_model().objects.create_user("editor", "editor@example.org", "x")
            topics = website_demo.topics()
            directory_demo.seed(home=home, topics=topics)
            members_demo.seed(home=home, topics=topics)
            logins = proposals_demo.seed(home=home, topics=topics)
        yield home, topics, logins


@pytest.fixture
def home_page(seeded_once, db):
    return seeded_once[0]


@pytest.fixture
def seeded(seeded_once, db):
    _home, topics, logins = seeded_once
    return topics, logins


def counts():
    return (
        Proposal.objects.count(),
        TransitionLog.objects.count(),
        ProposalComment.objects.count(),
        ProposalPartner.objects.count(),
        Proposal.topics.through.objects.count(),
        Proposal.sectors.through.objects.count(),
        get_user_model().objects.count(),
        Membership.objects.count(),
        sorted(Proposal.objects.values_list("pk", "state", "created_at", "updated_at", "submitted_at")),
    )


def logs_of(proposal):
    return list(TransitionLog.objects.for_object(proposal).order_by("created_at", "pk"))


def test_seeding_twice_changes_nothing(seeded, home_page):
    topics, logins = seeded
    first = counts()
    assert proposals_demo.seed(home=home_page, topics=topics) == logins
    assert counts() == first


def test_every_state_between_the_demo_ngos_and_authorities(seeded):
    _topics, logins = seeded
    proposals = list(Proposal.objects.select_related("proposing_organization", "addressed_authority"))
    assert {proposal.state for proposal in proposals} == set(S.values)
    assert {proposal.addressed_authority.name for proposal in proposals} == AUTHORITIES
    assert all(proposal.proposing_organization.live for proposal in proposals)
    assert not any(proposal.proposing_organization.is_authority for proposal in proposals)
    assert len({proposal.proposing_organization_id for proposal in proposals}) >= 3
    for proposal in proposals:
        assert proposal.topics.exists() and proposal.sectors.exists(), proposal.title
        if proposal.state != S.DRAFT:
            assert proposal.missing_for_submission() == {}, proposal.title
    completed = next(proposal for proposal in proposals if proposal.state == S.COMPLETED)
    assert completed.results_summary
    # The demo people who propose and offer partnerships log in with the printed passwords.
    assert len(logins) == 3
    for role, username, password in logins:
        user = get_user_model().objects.get(username=username)
        assert user.check_password(password), role
        assert Membership.objects.administrators().filter(user=user).count() == 1, role


def test_each_timeline_is_the_workflows_and_dates_the_proposal(seeded):
    now = timezone.now()
    for proposal in Proposal.objects.all():
        logs = logs_of(proposal)
        if proposal.state == S.DRAFT:
            assert logs == []
            continue
        assert logs[0].from_state == S.DRAFT and logs[0].action == "submit", proposal.title
        for before, after in zip(logs, logs[1:], strict=False):
            assert after.from_state == before.to_state, proposal.title
            assert after.created_at > before.created_at, proposal.title
        assert logs[-1].to_state == proposal.state, proposal.title
        assert proposal.created_at < logs[0].created_at <= logs[-1].created_at <= proposal.updated_at < now
        assert all(log.actor_id for log in logs), proposal.title
        for field, (which, actions) in DATES.items():
            moments = [log.created_at for log in logs if log.action in actions]
            expected = (moments[0] if which == "first" else moments[-1]) if moments else None
            assert getattr(proposal, field) == expected, (proposal.title, field)
    # Spread over more than a year, never on the day of seeding.
    oldest = Proposal.objects.order_by("created_at").first()
    assert now - oldest.created_at > timedelta(days=365)
    assert not TransitionLog.objects.filter(created_at__gte=now - timedelta(hours=12)).exists()


def test_one_submitted_proposal_has_waited_past_30_days_and_its_authority_is_reminded(seeded):
    waiting = [proposal for proposal in Proposal.objects.waiting_for_review() if proposal.days_waiting > 30]
    assert len(waiting) == 1
    reminded = services.reminders_send()
    assert [proposal.pk for proposal in reminded] == [waiting[0].pk]
    reviewer = get_user_model().objects.get(username="radu.stan@example.org")
    assert Notification.objects.filter(recipient=reviewer, object_id=str(waiting[0].pk)).exists()


def test_accepted_partners_and_a_pending_offer(seeded):
    partners = ProposalPartner.objects.select_related("proposal")
    accepted = [partner for partner in partners if partner.state == ProposalPartner.State.ACCEPTED]
    offered = [partner for partner in partners if partner.state == ProposalPartner.State.OFFERED]
    assert len(accepted) >= 2 and len(offered) == 1
    assert all(partner.proposal.is_public for partner in partners)
    with_partners = accepted[0].proposal
    assert len(selectors.accepted_partners(with_partners)) >= 2
    for partner in accepted:
        assert partner.proposal.decided_at < partner.created_at < partner.decided_at
        assert partner.decided_by_id == members_user("ana.popescu@example.org").pk
    assert offered[0].decided_at is None


def members_user(username):
    return get_user_model().objects.get(username=username)


def test_private_messages_are_dated_between_the_two_sides(seeded):
    comments = list(ProposalComment.objects.select_related("proposal", "acting_organization"))
    assert len(comments) >= 4
    for comment in comments:
        proposal = comment.proposal
        assert comment.acting_organization_id in (proposal.proposing_organization_id, proposal.addressed_authority_id)
        assert proposal.first_submitted_at < comment.created_at < timezone.now() - timedelta(days=1)


def test_public_proposals_are_visible_and_the_others_are_not(seeded, client):
    public = set(Proposal.objects.public().values_list("pk", flat=True))
    assert {Proposal.objects.get(pk=pk).state for pk in public} == {S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED}
    assert set(Proposal.objects.visible_to(AnonymousUser()).values_list("pk", flat=True)) == public
    response = client.get("/api/v2/proposals/")
    assert response.status_code == 200
    assert {item["id"] for item in response.json()["items"]} == public
    for proposal in Proposal.objects.exclude(pk__in=public):
        assert client.get(f"/api/v2/proposals/{proposal.pk}/").status_code == 404, proposal.state
    # The draft is seen by its organization's members only, not by the authority it is addressed to.
    draft = Proposal.objects.get(state=S.DRAFT)
    assert draft in Proposal.objects.visible_to(members_user("ana.popescu@example.org"))
    assert draft not in Proposal.objects.visible_to(members_user("radu.stan@example.org"))
