"""Notifications: one function creates them; members read them in "Contul meu" and get emails as they chose.

Apps declare their kinds through the `register_notification_kind` hook:

    @hooks.register(NOTIFICATION_KINDS_HOOK)
    def membership_kinds():
        return [NotificationKind("membership", _("Requests to join my organizations"))]

Emails leave through the task worker after the transaction commits, so a mail server that is down never
breaks a request or leaves half-saved data: the notification is stored, the task fails and is logged.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from website.addresses import public_url

from .models import Frequency, Notification, NotificationPreference

NOTIFICATION_KINDS_HOOK = "register_notification_kind"
UNSUBSCRIBE_SALT = "participation.unsubscribe"


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str
    default: str = Frequency.IMMEDIATE


def notification_kinds():
    """Every registered kind, by key, in registration order."""
    kinds = {}
    for hook in hooks.get_hooks(NOTIFICATION_KINDS_HOOK):
        for kind in hook():
            kinds[kind.key] = kind
    return kinds


def frequencies_for(user):
    """The member's choice for every kind (the kind's default where they chose nothing)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "frequency"))
    return {key: chosen.get(key, kind.default) for key, kind in notification_kinds().items()}


def preference_set(*, user, kind, frequency):
    if kind not in notification_kinds():
        raise ValueError(f"Unknown notification kind {kind!r}.")
    NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"frequency": Frequency(frequency)})


def notify(*, recipients, kind, title, text="", url="", subject=None, exclude=None):
    """Notify each recipient (users) once: a row in "Contul meu" and, for those who want it at once, an email.

    `title` is one line (the email's subject), `text` the details.

    `subject` is the object the notification is about (for grouping and clean-up); `exclude` is usually
    the person who acted, who needs no notification of their own action.
    """
    if kind not in notification_kinds():
        raise ValueError(f"Unknown notification kind {kind!r}: register it with the {NOTIFICATION_KINDS_HOOK} hook.")
    users = {user.pk: user for user in recipients if user is not None and user.is_active}
    if exclude is not None:
        users.pop(exclude.pk, None)
    if not users:
        return []
    content_type = ContentType.objects.get_for_model(subject) if subject is not None else None
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                kind=kind,
                content_type=content_type,
                object_id=str(subject.pk) if subject is not None else "",
                title=title[:200],
                text=text[:500],
                url=url,
            )
            for user in users.values()
        ]
    )
    default = notification_kinds()[kind].default
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=users, kind=kind).values_list("user_id", "frequency")
    )
    immediate = [n.pk for n in notifications if chosen.get(n.recipient_id, default) == Frequency.IMMEDIATE]
    if immediate:
        from .tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.enqueue(notification_ids=immediate))
    return notifications


def mark_read(*, user, notification_ids=None):
    """Mark the member's notifications read (all of them, or those ids); returns how many changed."""
    unread = Notification.objects.unread().filter(recipient=user)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return Notification.objects.unread().filter(recipient=user).count()


# One-click unsubscribe links: signed, so that nobody can unsubscribe someone else.


def unsubscribe_token(*, user, kind):
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(*, user, kind):
    return public_url(reverse("participation:unsubscribe", args=[unsubscribe_token(user=user, kind=kind)]))


def unsubscribe_read(token):
    """The (user id, kind) a token was made for, or None when it was tampered with or names no known kind."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or data.get("k") not in notification_kinds():
        return None
    return data["u"], data["k"]
