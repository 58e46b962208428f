"""allauth, adapted: Romanian emails sent by the task worker, public addresses in links, messages for this site."""

from types import SimpleNamespace
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from participation.tasks import send_rendered_email
from website.addresses import public_host, public_url


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("This account is inactive."),
        "email_password_mismatch": _("The email address or the password is not correct."),
        "email_taken": _(
            "An account with this email address already exists. Log in, or reset your password if you forgot it."
        ),
        "enter_current_password": _("Type your current password."),
        "incorrect_password": _("The password is not correct."),
        "invalid_or_expired_key": _("The link has expired or is not valid."),
        "invalid_password_reset": _("The password reset link has expired or was already used."),
        "same_as_current": _("The new address must be different from the current one."),
        "rate_limited": _("Too many requests in a short time. Wait a minute and try again."),
        "too_many_login_attempts": _("Too many failed login attempts. Try again later."),
        "unverified_primary_email": _("Your email address must be confirmed first."),
        "unknown_email": _("There is no account with this email address."),
    }

    def send_mail(self, template_prefix, email, context):
        """Render the email now, in Romanian, and send it through the task worker.

        A mail server that is down never makes sign-up or password reset fail (or leave a half-created account):
        the worker retries or logs, and the member can ask for the email again.
        """
        site = SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=public_host())
        with translation.override(settings.LANGUAGE_CODE):
            message = self.render_mail(template_prefix, email, {"current_site": site, "email": email, **context})
        html = next(
            (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
        )
        if not html:
            html = render_to_string("account/email/base_message.html", {"body": message.body, "site_name": site.name})
        # Queued in the same transaction as the account change: the worker sees the task only if the change is
        # committed, and the request never waits for (or fails with) the mail server.
        send_rendered_email.enqueue(
            subject=message.subject, to=list(message.to), text=message.body, html=html, from_email=message.from_email
        )

    # Links in account emails use the site's one public address, never the host a request came in on.

    def get_email_confirmation_url(self, request, emailconfirmation):
        return public_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return public_url(path.replace("UID-KEY", quote(key)))
