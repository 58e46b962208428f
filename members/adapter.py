"""allauth, adapted: the site's own name in emails, and error messages worded for this site."""

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils.translation import gettext_lazy as _


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
        # Without django.contrib.sites, allauth would name the site after the request's host name.
        request = allauth_context.request
        domain = request.get_host() if request is not None else settings.WAGTAILADMIN_BASE_URL.split("://")[-1]
        site = SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=domain)
        super().send_mail(template_prefix, email, {"current_site": site, **context})
