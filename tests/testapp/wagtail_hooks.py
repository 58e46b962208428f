from django.urls import reverse
from wagtail import hooks

from participation.follows import FOLLOWABLE_HOOK, Followable
from participation.models import Frequency
from participation.moderation import MODERATION_KINDS_HOOK, ModerationKind
from participation.notifications import NOTIFICATION_KINDS_HOOK, NotificationKind

from .models import Note


@hooks.register(MODERATION_KINDS_HOOK)
def notes():
    return ModerationKind(
        key="note",
        label="Note de test",
        model=Note,
        pending=lambda: Note.objects.pending().order_by("created_at"),
        admin_url=lambda note: reverse("participation_moderation:decide", args=["note", note.pk]),
        reportable=lambda queryset: queryset.approved(),
    )


@hooks.register(NOTIFICATION_KINDS_HOOK)
def note_kinds():
    return [
        NotificationKind("note", "Note de test"),
        NotificationKind("note-zilnic", "Rezumatul notelor de test", default=Frequency.DAILY),
    ]


@hooks.register(FOLLOWABLE_HOOK)
def followable_notes():
    return Followable(Note, visible=lambda queryset, user: queryset.approved())
