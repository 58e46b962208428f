"""The transition table of DESIGN §8, over every state × action × role: what is allowed succeeds, is logged and
notifies exactly the two sides (never the one who acted); everything else is refused and changes nothing."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from participation.models import Notification, TransitionLog
from proposals import services
from proposals.models import Proposal, ProposalState
from tests.factories.members import MembershipFactory

S = ProposalState
ACTIONS = ["submit", "start_review", "request_changes", "accept", "reject", "start", "complete", "withdraw"]
ROLES = [
    "proposer",
    "ngo_member",
    "reviewer",
    "authority_admin",
    "authority_member",
    "moderator",
    "outsider",
    "anonymous",
]

# DESIGN §8, written out again here (not read from proposals.workflow), so that the test checks the code against it.
PROPOSER, AUTHORITY, MODERATOR = {"proposer"}, {"reviewer", "authority_admin"}, {"moderator"}
TABLE = {
    (S.DRAFT, "submit"): (S.SUBMITTED, PROPOSER),
    (S.SUBMITTED, "start_review"): (S.UNDER_REVIEW, AUTHORITY | MODERATOR),
    (S.UNDER_REVIEW, "request_changes"): (S.CHANGES_REQUESTED, AUTHORITY | MODERATOR),
    (S.CHANGES_REQUESTED, "submit"): (S.SUBMITTED, PROPOSER),
    (S.UNDER_REVIEW, "accept"): (S.ACCEPTED, AUTHORITY | MODERATOR),
    (S.UNDER_REVIEW, "reject"): (S.REJECTED, AUTHORITY | MODERATOR),
    (S.ACCEPTED, "start"): (S.IN_PROGRESS, PROPOSER | AUTHORITY),
    (S.IN_PROGRESS, "complete"): (S.COMPLETED, AUTHORITY | MODERATOR),
    (S.DRAFT, "withdraw"): (S.WITHDRAWN, PROPOSER),
    (S.SUBMITTED, "withdraw"): (S.WITHDRAWN, PROPOSER),
    (S.CHANGES_REQUESTED, "withdraw"): (S.WITHDRAWN, PROPOSER),
}


def snapshot(proposal):
    proposal.refresh_from_db()
    return {
        field.attname: getattr(proposal, field.attname)
        for field in Proposal._meta.concrete_fields
        if field.attname != "updated_at"
    }


@pytest.mark.django_db
@pytest.mark.parametrize("state", S.values)
@pytest.mark.parametrize("action", ACTIONS)
def test_every_state_action_and_role(world, make_proposal, state, action, django_capture_on_commit_callbacks):
    """One test per (state, action), every role in turn, each on a fresh proposal in `state`."""
    for role in ROLES:
        proposal = make_proposal(state=state)
        actor = getattr(world, role)
        rule = TABLE.get((state, action))
        before = snapshot(proposal)
        case = f"{state} × {action} × {role}"

        def act(proposal=proposal, actor=actor):
            with django_capture_on_commit_callbacks(execute=True):
                return services.proposal_transition(
                    proposal=proposal,
                    action=action,
                    by=actor,
                    comment="Motivul deciziei",
                    results_summary="Rezultate bune",
                )

        notifications = Notification.objects.filter(object_id=str(proposal.pk))
        if rule is not None and role in rule[1]:
            target = rule[0]
            assert act().state == target, case
            proposal.refresh_from_db()
            assert proposal.state == target, case
            log = TransitionLog.objects.for_object(proposal).get()
            assert (log.action, log.from_state, log.to_state, log.actor, log.comment) == (
                action,
                state,
                target,
                actor,
                "Motivul deciziei",
            ), case
            on_behalf_of = world.ngo if role == "proposer" else world.authority if role in AUTHORITY else None
            assert log.acting_organization == on_behalf_of, case
            # The proposer side always hears; the authority of everything but a draft withdrawn; never the actor.
            expected = {world.proposer, world.proposer2}
            if (state, action) != (S.DRAFT, "withdraw"):
                expected |= {world.reviewer, world.authority_admin}
            expected.discard(actor)
            assert {n.recipient for n in notifications.filter(kind="propuneri")} == expected, case
            assert notifications.count() == len(expected), case
        else:
            expected_error = PermissionDenied if rule is not None or role == "anonymous" else ValidationError
            with pytest.raises(expected_error):
                act()
            assert snapshot(proposal) == before, case
            assert not TransitionLog.objects.for_object(proposal).exists(), case
            assert not notifications.exists(), case


@pytest.mark.django_db
@pytest.mark.parametrize(("state", "action"), [(S.UNDER_REVIEW, "request_changes"), (S.UNDER_REVIEW, "reject")])
def test_changes_requested_and_rejected_need_a_comment(world, make_proposal, state, action):
    proposal = make_proposal(state=state)
    with pytest.raises(ValidationError) as error:
        services.proposal_transition(proposal=proposal, action=action, by=world.reviewer, comment="  ")
    assert error.value.code == "comment_required"
    assert "comentariu" in error.value.messages[0]
    proposal.refresh_from_db()
    assert proposal.state == state
    assert not TransitionLog.objects.exists()


@pytest.mark.django_db
def test_completing_needs_a_results_summary(world, make_proposal):
    proposal = make_proposal(state=S.IN_PROGRESS)
    with pytest.raises(ValidationError) as error:
        services.proposal_transition(proposal=proposal, action="complete", by=world.reviewer)
    assert error.value.message_dict["results_summary"] == [
        "Descrieți rezultatele proiectului înainte de a-l marca drept finalizat."
    ]
    proposal.refresh_from_db()
    assert proposal.state == S.IN_PROGRESS

    # Results the proposer reported earlier are enough.
    services.proposal_report_results(proposal=proposal, by=world.proposer, results_summary="350 de participanți.")
    proposal = services.proposal_transition(proposal=proposal, action="complete", by=world.reviewer)
    assert (proposal.state, proposal.results_summary) == (S.COMPLETED, "350 de participanți.")
    assert proposal.completed_at is not None


@pytest.mark.django_db
def test_a_refused_transition_says_why_in_romanian(world, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    with pytest.raises(ValidationError) as error:
        services.proposal_transition(proposal=proposal, action="reject", by=world.reviewer, comment="Nu")
    assert "nu este posibilă" in error.value.messages[0]
    assert "acceptată" in error.value.messages[0]


@pytest.mark.django_db
def test_a_reviewer_of_another_authority_cannot_act(world, make_proposal):
    """A forged action on another authority's proposal: refused, nothing changes."""
    proposal = make_proposal(state=S.SUBMITTED)
    elsewhere = MembershipFactory(organization=world.other, role="evaluator").user
    with pytest.raises(PermissionDenied):
        services.proposal_transition(proposal=proposal, action="start_review", by=elsewhere)
    proposal.refresh_from_db()
    assert proposal.state == S.SUBMITTED


@pytest.mark.django_db
def test_a_requested_but_unapproved_membership_gives_no_role(world, make_proposal):
    proposal = make_proposal(state=S.DRAFT)
    applicant = MembershipFactory(organization=world.ngo, role="membru", requested=True).user
    with pytest.raises(PermissionDenied):
        services.proposal_transition(proposal=proposal, action="submit", by=applicant)


@pytest.mark.django_db
def test_the_dates_of_the_workflow(world, make_proposal):
    proposal = make_proposal()
    proposal = services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    first = proposal.first_submitted_at
    assert first is not None and proposal.submitted_at == first
    proposal = services.proposal_transition(proposal=proposal, action="start_review", by=world.reviewer)
    answered = proposal.first_answer_at
    assert answered is not None
    proposal = services.proposal_transition(
        proposal=proposal, action="request_changes", by=world.reviewer, comment="Detaliați bugetul."
    )
    proposal = services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    assert proposal.first_submitted_at == first
    assert proposal.submitted_at > first
    proposal = services.proposal_transition(proposal=proposal, action="start_review", by=world.reviewer)
    assert proposal.first_answer_at == answered
    proposal = services.proposal_transition(proposal=proposal, action="accept", by=world.reviewer)
    assert proposal.decided_at is not None
    assert [log.to_state for log in TransitionLog.objects.for_object(proposal)] == [
        S.SUBMITTED,
        S.UNDER_REVIEW,
        S.CHANGES_REQUESTED,
        S.SUBMITTED,
        S.UNDER_REVIEW,
        S.ACCEPTED,
    ]


@pytest.mark.django_db
def test_followers_of_a_public_proposal_hear_of_its_changes(world, make_proposal, django_capture_on_commit_callbacks):
    from participation.follows import follow
    from tests.factories.members import UserFactory

    proposal = make_proposal(state=S.ACCEPTED)
    fan = UserFactory(first_name="Jana")
    follow(user=fan, obj=proposal)
    follow(user=world.proposer2, obj=proposal)  # already told as the proposer side: not twice
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_transition(proposal=proposal, action="start", by=world.proposer)
    assert list(Notification.objects.filter(kind="propuneri-urmarite").values_list("recipient", flat=True)) == [fan.pk]
    assert Notification.objects.filter(recipient=world.proposer2).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_accepting_and_rejecting_at_once_exactly_one_wins(world, make_proposal):
    proposal = make_proposal(state=S.UNDER_REVIEW)
    barrier = threading.Barrier(2)
    outcomes = {}

    def act(user, action):
        try:
            barrier.wait(timeout=10)
            services.proposal_transition(proposal=proposal, action=action, by=user, comment="Decizia noastră")
            outcomes[action] = "ok"
        except ValidationError:
            outcomes[action] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(world.reviewer, "accept")),
        threading.Thread(target=act, args=(world.authority_admin, "reject")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["ok", "refused"]
    winner = next(action for action, outcome in outcomes.items() if outcome == "ok")
    proposal.refresh_from_db()
    assert proposal.state == {"accept": S.ACCEPTED, "reject": S.REJECTED}[winner]
    [log] = TransitionLog.objects.for_object(proposal)
    assert log.action == winner
