"""Login throttling (django-axes): one counter per account whatever name was typed, and one per IP address."""

from allauth.account.models import EmailAddress
from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

LAST_ATTEMPT_WARNING = _(
    "You have one attempt left. After one more failed attempt, logging in will be blocked for a while; "
    "if you forgot your password, reset it instead."
)


def login_username(request, credentials):
    """The name failed logins are counted under: the account's username, lower-cased, whatever identifier was typed.

    allauth's form sends the address as `login` (credentials: `email`); the Wagtail admin's form sends `username`
    (a username or an address). Any case and any of the account's addresses count for the same account, so
    switching identifiers does not reset the count. A name that matches no account is counted as typed.
    """
    credentials = credentials or {}
    data = getattr(request, "POST", None) or {}
    for value in (credentials.get("email"), data.get("login"), credentials.get("username"), data.get("username")):
        if value:
            return account_name(value)
    return None


def account_name(identifier):
    """The lower-cased username of the account `identifier` (a username or an address) names, else `identifier`."""
    typed = str(identifier).strip().lower()
    users = get_user_model().objects.order_by("pk")
    by_username = users.filter(username__iexact=typed).values_list("username", flat=True)
    by_email = users.filter(email__iexact=typed).values_list("username", flat=True)
    by_address = (
        EmailAddress.objects.filter(email__iexact=typed).order_by("pk").values_list("user__username", flat=True)
    )
    # An address is looked up as an address first (allauth's backend does the same); anything else as a username.
    lookups = (by_email, by_address, by_username) if "@" in typed else (by_username, by_email, by_address)
    for lookup in lookups:
        username = lookup.first()
        if username:
            return username.lower()
    return typed


def address_failures(request):
    """Failed logins from the request's IP address within the cool-off period, whichever accounts they tried."""
    attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginAttemptHandler(AxesDatabaseHandler):
    """axes' database handler (per account and IP address), plus a higher limit per IP address for all accounts.

    The per-address limit stops one client from trying a few passwords on each of many accounts; it is higher than
    the per-account one so that colleagues behind one office address do not lock each other out.
    """

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or address_failures(request) >= settings.LOGIN_IP_FAILURE_LIMIT

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or not settings.AXES_LOCK_OUT_AT_FAILURE:
            return
        failures = address_failures(request)
        request.login_attempts_left = min(
            get_failure_limit(request, credentials) - getattr(request, "axes_failures_since_start", 0),
            settings.LOGIN_IP_FAILURE_LIMIT - failures,
        )
        if not request.axes_locked_out and failures >= settings.LOGIN_IP_FAILURE_LIMIT:
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send("axes", request=request, username=None, ip_address=request.axes_ip_address)


def login_warnings(request):
    """What a login form adds to its error after a failure: a warning when only one attempt is left."""
    if request is not None and getattr(request, "login_attempts_left", None) == 1:
        return [LAST_ATTEMPT_WARNING]
    return []
