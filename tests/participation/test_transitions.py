"""The transition mechanism, table-driven on the shared moderation table: every state × action × role."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from participation.models import ModerationState, TransitionLog
from participation.moderation import MODERATION, submission_moderate
from participation.transitions import StateMachine, Transition
from tests.participation.conftest import make_moderator
from tests.testapp.models import Note

ACTIONS = ["approve", "reject", "hide", "restore"]
ALLOWED = {
    (ModerationState.PENDING, "approve"): ModerationState.APPROVED,
    (ModerationState.PENDING, "reject"): ModerationState.REJECTED,
    (ModerationState.APPROVED, "hide"): ModerationState.HIDDEN,
    (ModerationState.HIDDEN, "restore"): ModerationState.APPROVED,
}


@pytest.mark.django_db
@pytest.mark.parametrize("state", ModerationState.values)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ["moderator", "member", "author"])
def test_every_state_action_and_role(state, action, role, moderator, member, other_member):
    note = Note.objects.create(author=member, text="Text", moderation_state=state)
    actor = {"moderator": moderator, "member": other_member, "author": member}[role]
    target = ALLOWED.get((state, action))

    if target is not None and role == "moderator":
        result = submission_moderate(submission=note, action=action, by=actor, reason="Motivul moderatorului")
        assert result.moderation_state == target
        log = TransitionLog.objects.for_object(note).get()
        assert (log.from_state, log.to_state, log.action, log.actor) == (state, target, action, moderator)
        assert log.comment == "Motivul moderatorului"
        note.refresh_from_db()
        assert note.moderated_by == moderator
        assert note.moderation_reason == "Motivul moderatorului"
    else:
        expected = PermissionDenied if target is not None else ValidationError
        with pytest.raises(expected):
            submission_moderate(submission=note, action=action, by=actor, reason="x")
        note.refresh_from_db()
        assert note.moderation_state == state
        assert note.moderated_by is None
        assert not TransitionLog.objects.for_object(note).exists()


@pytest.mark.django_db
def test_a_refused_action_says_why_in_romanian(moderator, note):
    with pytest.raises(ValidationError) as error:
        submission_moderate(submission=note, action="restore", by=moderator)
    assert "nu este posibilă" in error.value.messages[0]
    assert "așteaptă moderarea" in error.value.messages[0]


@pytest.mark.django_db
def test_rejecting_needs_a_comment(moderator, note):
    with pytest.raises(ValidationError) as error:
        submission_moderate(submission=note, action="reject", by=moderator, reason="   ")
    assert error.value.code == "comment_required"
    note.refresh_from_db()
    assert note.moderation_state == ModerationState.PENDING


@pytest.mark.django_db
def test_an_unknown_action_changes_nothing(moderator, note):
    with pytest.raises(ValidationError):
        submission_moderate(submission=note, action="publish-everything", by=moderator)
    note.refresh_from_db()
    assert note.moderation_state == ModerationState.PENDING


def test_a_table_with_two_rules_for_the_same_action_is_refused():
    with pytest.raises(ValueError, match="Two transitions"):
        StateMachine(
            roles=lambda user, obj: set(),
            transitions=[Transition("a", "go", "b"), Transition("a", "go", "c")],
        )


@pytest.mark.django_db
def test_available_lists_what_the_user_may_do(moderator, member, note):
    assert [t.action for t in MODERATION.available(note, moderator)] == ["approve", "reject"]
    assert MODERATION.available(note, member) == []


@pytest.mark.django_db(transaction=True)
def test_on_change_runs_after_commit_only(moderator, note):
    seen = []
    machine = StateMachine(
        field="moderation_state",
        roles=lambda user, obj: {"moderator"},
        transitions=[Transition(ModerationState.PENDING, "approve", ModerationState.APPROVED, roles={"moderator"})],
        on_change=lambda obj, log: seen.append((obj.pk, log.to_state)),
    )
    machine.apply(obj=note, action="approve", by=moderator)
    assert seen == [(note.pk, ModerationState.APPROVED)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_moderators_at_the_same_moment_exactly_one_wins(moderator, member):
    second = make_moderator(first_name="Dan")
    note = Note.objects.create(author=member, text="Concurentă")
    barrier = threading.Barrier(2)
    outcomes = []

    def act(user, action):
        try:
            barrier.wait(timeout=10)
            submission_moderate(submission=note, action=action, by=user, reason="Decizie")
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(moderator, "approve")),
        threading.Thread(target=act, args=(second, "reject")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["ok", "refused"]
    assert TransitionLog.objects.for_object(note).count() == 1
