"""Emails of notifications, sent by the task worker (`manage.py db_worker`): at once, or in a daily digest."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from website.addresses import public_url

from .models import Frequency, Notification, NotificationPreference


def send_email(*, template, recipient, context, unsubscribe=""):
    """Render participation/email/<template>.txt and .html in Romanian and send them to one recipient."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "unsubscribe_url": unsubscribe, **context}
        subject = " ".join(render_to_string(f"participation/email/{template}_subject.txt", context).split())
        text = render_to_string(f"participation/email/{template}.txt", context)
        html = render_to_string(f"participation/email/{template}.html", context)
    headers = {}
    if unsubscribe:
        # RFC 8058: mail programs show their own one-click "Unsubscribe" button.
        headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    message = EmailMultiAlternatives(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body=text, to=[recipient], headers=headers
    )
    message.attach_alternative(html, "text/html")
    message.send()


@task
def send_rendered_email(*, subject: str, to: list[str], text: str, html: str = "", from_email: str = ""):
    """Send an email rendered during the request (account emails): the request never waits for the mail server."""
    message = EmailMultiAlternatives(subject=subject, body=text, to=to, from_email=from_email or None)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@task
def send_notification_emails(*, notification_ids: list[int]):
    """Email each of these notifications to its recipient, once."""
    from .notifications import unsubscribe_url

    for notification in Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related(
        "recipient"
    ):
        user = notification.recipient
        if not user.email or not user.is_active:
            continue
        send_email(
            template="notification",
            recipient=user.email,
            context={"notification": notification, "url": public_url(notification.url) if notification.url else ""},
            unsubscribe=unsubscribe_url(user=user, kind=notification.kind),
        )
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@task
def send_daily_digests():
    """One email per member who chose daily digests, with their notifications of the last day not yet emailed."""
    from .notifications import notification_kinds, unsubscribe_url

    kinds = notification_kinds()
    daily = defaultdict(set)
    for user_id, kind in NotificationPreference.objects.filter(frequency=Frequency.DAILY).values_list(
        "user_id", "kind"
    ):
        daily[user_id].add(kind)
    for key, kind in kinds.items():
        if kind.default == Frequency.DAILY:
            # Members who chose nothing for a kind that is daily by default.
            chose = set(NotificationPreference.objects.filter(kind=key).values_list("user_id", flat=True))
            for user_id in (
                Notification.objects.filter(kind=key, emailed_at__isnull=True)
                .exclude(recipient_id__in=chose)
                .values_list("recipient_id", flat=True)
            ):
                daily[user_id].add(key)
    since = timezone.now() - timedelta(days=7)
    sent = 0
    for user_id, user_kinds in daily.items():
        with transaction.atomic():
            pending = list(
                Notification.objects.select_for_update()
                .filter(recipient_id=user_id, kind__in=user_kinds, emailed_at__isnull=True, created_at__gte=since)
                .select_related("recipient")
                .order_by("kind", "created_at")
            )
            if not pending or not pending[0].recipient.email:
                continue
            user = pending[0].recipient
            groups = defaultdict(list)
            for notification in pending:
                groups[notification.kind].append(notification)
            sections = [
                {
                    "label": kinds[kind].label if kind in kinds else kind,
                    "items": [{"text": n.title, "url": public_url(n.url) if n.url else ""} for n in items],
                    "unsubscribe_url": unsubscribe_url(user=user, kind=kind),
                }
                for kind, items in groups.items()
            ]
            send_email(
                template="digest",
                recipient=user.email,
                context={"sections": sections, "count": len(pending)},
                unsubscribe=sections[0]["unsubscribe_url"] if len(sections) == 1 else "",
            )
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
            sent += 1
    return sent
