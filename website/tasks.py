from django.core.mail import EmailMessage
from django.tasks import task


@task
def send_form_submission(*, subject, body, recipient, reply_to=""):
    """Email a contact-form submission to the site's contact address."""
    EmailMessage(subject=subject, body=body, to=[recipient], reply_to=[reply_to] if reply_to else None).send()
