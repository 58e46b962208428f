"""The 30-day reminder to an authority that has not taken a submitted proposal into review, and `days_waiting`."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from participation.models import Notification
from proposals import services
from proposals.models import ProposalState

pytestmark = pytest.mark.django_db
S = ProposalState


def submitted(make_proposal, days_ago, *, now, state=S.SUBMITTED):
    moment = now - days_ago
    return make_proposal(state=state, first_submitted_at=moment, submitted_at=moment)


def reminded(now):
    return [proposal.pk for proposal in services.reminders_send(now=now)]


def test_reminded_at_thirty_days_not_before(world, make_proposal):
    now = timezone.now()
    early = submitted(make_proposal, timedelta(days=30) - timedelta(seconds=1), now=now)
    due = submitted(make_proposal, timedelta(days=30), now=now)
    assert reminded(now) == [due.pk]
    recipients = set(Notification.objects.filter(object_id=str(due.pk)).values_list("recipient", flat=True))
    assert recipients == {world.reviewer.pk, world.authority_admin.pk}
    notification = Notification.objects.filter(recipient=world.reviewer).get()
    assert notification.title == f"O propunere așteaptă răspunsul dumneavoastră: „{due.title}”"
    assert notification.text == "A fost trimisă acum 30 de zile și nu a fost încă preluată în analiză."
    assert not Notification.objects.filter(object_id=str(early.pk)).exists()


def test_once_per_thirty_days_of_waiting(world, make_proposal):
    now = timezone.now()
    proposal = submitted(make_proposal, timedelta(days=31), now=now)
    assert reminded(now) == [proposal.pk]
    assert reminded(now) == []  # a second run the same day
    assert reminded(now + timedelta(days=29, hours=23)) == []
    assert reminded(now + timedelta(days=30)) == [proposal.pk]  # still waiting a month later
    assert Notification.objects.filter(recipient=world.reviewer).count() == 2


@pytest.mark.parametrize("state", [S.DRAFT, S.UNDER_REVIEW, S.CHANGES_REQUESTED, S.ACCEPTED, S.REJECTED, S.WITHDRAWN])
def test_only_proposals_still_waiting_for_review(world, make_proposal, state):
    now = timezone.now()
    moment = now - timedelta(days=45)
    make_proposal(state=state, first_submitted_at=moment if state != S.DRAFT else None, submitted_at=moment)
    assert reminded(now) == []
    assert not Notification.objects.exists()


def test_a_resubmission_starts_a_new_wait(world, make_proposal):
    now = timezone.now()
    proposal = submitted(make_proposal, timedelta(days=40), now=now)
    assert reminded(now) == [proposal.pk]
    for action, by, comment in [
        ("start_review", world.reviewer, ""),
        ("request_changes", world.reviewer, "Completați bugetul."),
        ("submit", world.proposer, ""),
    ]:
        proposal = services.proposal_transition(proposal=proposal, action=action, by=by, comment=comment)
    assert proposal.reminded_at is None
    assert reminded(timezone.now() + timedelta(days=29)) == []
    assert reminded(timezone.now() + timedelta(days=30, minutes=1)) == [proposal.pk]


def test_the_command_reports_what_it_did(world, make_proposal, capsys):
    submitted(make_proposal, timedelta(days=35), now=timezone.now())
    call_command("proposal_reminders")
    call_command("proposal_reminders")
    out = capsys.readouterr().out
    assert out.splitlines() == ["Reminders sent for 1 proposal(s).", "Reminders sent for 0 proposal(s)."]


def test_days_waiting(make_proposal):
    now = timezone.now()
    proposal = submitted(make_proposal, timedelta(days=12, hours=5), now=now)
    assert proposal.days_waiting_at(now) == 12
    assert proposal.days_waiting == 12
    assert make_proposal(state=S.UNDER_REVIEW).days_waiting is None
    assert make_proposal().days_waiting is None
