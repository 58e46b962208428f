"""Limits on repeated submissions of the forms that create something or send email, per account and per client.

The one rule for "who is this client" (`client_ip`, `client_key`) also serves django-axes and the news view counter.

Each action has its limits in settings.RATE_LIMITS, e.g. `"contact_form": {"user": "5/h", "ip": "20/h"}` (a count per
`s`, `m`, `h` or `d`; several, comma-separated, all hold: `"4/m,30/h"` stops a burst and a long run). A submission
is counted in the cache (atomically, each counter expiring with its window); when one of the counters goes past its
limit, `consume` raises RateLimited, a ValidationError that the form shows.
"""

import ipaddress
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.forms.forms import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^(?P<count>\d+)/(?P<period>[smhd])$")
MESSAGE = _("You sent this form too many times in a short time. Wait a while and try again; what you typed was kept.")


class RateLimited(ValidationError):
    """Too many submissions: shown on the form like any other error, answered with HTTP 429."""

    def __init__(self):
        super().__init__(MESSAGE, code="rate_limited")


def parse_rate(rate):
    """`"5/h"` as (5, 3600)."""
    match = RATE.match(rate)
    if not match:
        raise ImproperlyConfigured(f"RATE_LIMITS: {rate!r} is not a rate like '5/h'.")
    return int(match["count"]), PERIODS[match["period"]]


def client_ip(request):
    """The client's IP address; behind TRUSTED_PROXY_COUNT proxies, the one the outermost proxy saw (as allauth).

    Also django-axes' AXES_CLIENT_IP_CALLABLE, so that login throttling and these limits count the same address.
    """
    remote = request.META.get("REMOTE_ADDR") or ""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
    candidate = forwarded[-proxies] if proxies and len(forwarded) >= proxies else remote
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote or "unknown"


def client_key(request):
    """The client as counters count it, or None without a valid address.

    An IPv6 client is its /64 network (one host usually holds a whole /64, so it cannot count as many clients by
    changing addresses), an IPv4-mapped IPv6 address is the IPv4 address.
    """
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return None
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def consume(request, action):
    """Count a submission of `action` by the request's account and IP address; RateLimited when it is one too many."""
    try:
        limits = settings.RATE_LIMITS[action]
    except KeyError as error:
        raise ImproperlyConfigured(f"RATE_LIMITS has no limits for {action!r}.") from error
    subjects = {"ip": client_key(request) or "unknown"}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        subjects["user"] = user.pk
    exceeded = False
    for kind, subject in subjects.items():
        rates = [rate.strip() for rate in limits.get(kind, "").split(",") if rate.strip()]
        for rate in rates:
            key = f"ratelimit:{action}:{kind}:{subject}" + (f":{rate}" if len(rates) > 1 else "")
            if _hit(key, *parse_rate(rate)):
                exceeded = True
    if exceeded:
        raise RateLimited


def _hit(key, limit, period):
    """Add one to the counter `key` (created with `period` seconds to live); True when it is now past `limit`."""
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:
        # The counter expired between add() and incr(): this submission starts a new window.
        cache.add(key, 1, timeout=period)
        count = 1
    return count > limit


def form_status(form):
    """The HTTP status of a form page shown again: 429 when the form was refused for too many submissions."""
    return 429 if form.has_error(NON_FIELD_ERRORS, "rate_limited") else 200
