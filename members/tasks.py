"""Emails to members, sent through Django's tasks framework (a worker in production, at once in development)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation


@task
def send_notification(*, template: str, recipients: list[str], context: dict):
    """Render members/email/<template>_subject.txt and _message.txt in Romanian and send one email to each recipient.

    One email per recipient, so that no member learns another member's address.
    """
    with translation.override(settings.LANGUAGE_CODE):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = " ".join(render_to_string(f"members/email/{template}_subject.txt", context).split())
        body = render_to_string(f"members/email/{template}_message.txt", context)
    for recipient in recipients:
        EmailMessage(subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body=body, to=[recipient]).send()
