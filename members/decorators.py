"""Who may enter the member area ("Contul meu")."""

from functools import wraps

from allauth.account.internal.flows.email_verification import send_verification_email_for_user
from allauth.account.utils import has_verified_email
from django.contrib.auth.decorators import login_required
from django.shortcuts import render


def member_required(view):
    """A logged-in account whose email address is confirmed; otherwise the "confirm your address" page.

    Whatever door a session came through (the members' login, the admin's, a password reset), an account whose
    primary address is not confirmed acts nowhere in the member area: it gets a new confirmation link instead.
    """

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not has_verified_email(user, user.email or None):
            send_verification_email_for_user(request, user)
            return render(request, "account/verified_email_required.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped
