"""One declarative way to change state: a table of transitions per model, and one function that applies them.

    MEMBERSHIP_TRANSITIONS = StateMachine(
        field="state",
        roles=membership_roles,                      # (user, obj) -> the roles the user has on obj
        transitions=[
            Transition("requested", "approve", "approved", roles={"org_admin", "moderator"}),
            Transition("requested", "reject", "rejected", roles={"org_admin", "moderator"}),
        ],
        on_change=membership_changed,                # (obj, log) -> None, run after commit (notifications)
    )
    MEMBERSHIP_TRANSITIONS.apply(obj=membership, action="approve", by=user)

`apply` locks the row, checks that the action exists in the current state and that the actor has one of its
roles, requires a comment where the table says so, writes the new state and a `TransitionLog` row in one
transaction, and runs `on_change` after commit. Nothing else assigns the state field.
"""

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import TransitionLog


@dataclass(frozen=True)
class Transition:
    source: str
    action: str
    target: str
    roles: frozenset[str] = dataclasses.field(default_factory=frozenset)
    comment_required: bool = False

    def __post_init__(self):
        object.__setattr__(self, "roles", frozenset(self.roles))


class TransitionRefused(ValidationError):
    """The action does not exist in the object's current state (or lacks its comment)."""


@dataclass
class StateMachine:
    transitions: Iterable[Transition]
    roles: Callable
    field: str = "state"
    # (obj, transition, by, comment) -> None: set the fields that go with the new state (decided_at, …), before saving.
    before_save: Callable | None = None
    # (obj, log) -> None: after commit, e.g. notify.
    on_change: Callable | None = None
    # What a member reads when the action does not exist in the object's state (a generic message by default).
    refused_message: str | None = None
    refused_code: str = "transition_not_allowed"
    table: dict = dataclasses.field(init=False)

    def __post_init__(self):
        self.transitions = tuple(self.transitions)
        self.table = {}
        for transition in self.transitions:
            key = (transition.source, transition.action)
            if key in self.table:
                raise ValueError(f"Two transitions for action {transition.action!r} from {transition.source!r}.")
            self.table[key] = transition

    @property
    def actions(self):
        return sorted({transition.action for transition in self.transitions})

    @property
    def states(self):
        return sorted({t.source for t in self.transitions} | {t.target for t in self.transitions})

    def find(self, state, action):
        return self.table.get((state, action))

    def available(self, obj, user):
        """The transitions `user` may apply to `obj` now (for buttons: the service checks again)."""
        state = getattr(obj, self.field)
        candidates = [t for t in self.transitions if t.source == state]
        if not candidates:
            return []
        roles = set(self.roles(user, obj))
        return [t for t in candidates if t.roles & roles]

    @transaction.atomic
    def apply(self, *, obj, action, by, comment="", acting_organization=None):
        """Apply `action` to `obj` as `by`; return the updated object (a fresh, locked copy)."""
        model = type(obj)
        locked = model._default_manager.select_for_update().get(pk=obj.pk)
        state = getattr(locked, self.field)
        transition = self.find(state, action)
        if transition is None:
            message = self.refused_message or _("This action is not possible now: the item is “%(state)s”.") % {
                "state": _state_label(locked, self)
            }
            raise TransitionRefused(message, code=self.refused_code)
        if not transition.roles & set(self.roles(by, locked)):
            raise PermissionDenied
        comment = (comment or "").strip()
        if transition.comment_required and not comment:
            raise TransitionRefused(_("Please explain your decision in a comment."), code="comment_required")
        setattr(locked, self.field, transition.target)
        if self.before_save is not None:
            self.before_save(locked, transition, by, comment)
        locked.full_clean()
        locked.save()
        log = TransitionLog.objects.create(
            target=locked,
            action=transition.action,
            from_state=state,
            to_state=transition.target,
            actor=by if by is not None and by.is_authenticated else None,
            acting_organization=acting_organization,
            comment=comment,
        )
        if self.on_change is not None:
            transaction.on_commit(lambda: self.on_change(locked, log))
        return locked


def _state_label(obj, machine):
    display = getattr(obj, f"get_{machine.field}_display", None)
    return display() if display else getattr(obj, machine.field)
