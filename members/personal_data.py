"""The parts of a member's data export that this app holds: account, addresses, memberships, sessions, logins.

Registered in wagtail_hooks.py under PERSONAL_DATA_HOOK; other apps register their own parts the same way.
"""

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from axes.models import AccessAttempt, AccessLog
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Revision

from directory.models import Organization

from .models import Membership
from .selectors import login_names


def account_data(user):
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
    }


def email_address_data(user):
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("email")
    ]


def membership_data(user):
    return [
        {
            "organization": membership.organization.name,
            "organization_id": membership.organization_id,
            "role": membership.role,
            "state": membership.state,
            "message": membership.message,
            "requested_at": membership.created_at,
            "decided_at": membership.decided_at,
        }
        for membership in Membership.objects.filter(user=user).select_related("organization").order_by("created_at")
    ]


def revision_data(user):
    """Changes the member proposed to organization profiles (the profile data itself is the organization's)."""
    revisions = Revision.objects.filter(
        user=user, base_content_type=ContentType.objects.get_for_model(Organization)
    ).order_by("created_at")
    return [
        {"organization": revision.object_str, "organization_id": revision.object_id, "created_at": revision.created_at}
        for revision in revisions.only("object_str", "object_id", "created_at")
    ]


def session_data(user):
    return [
        {
            "started_at": session.created_at,
            "last_seen_at": session.last_seen_at,
            "ip_address": session.ip,
            "browser": session.user_agent,
        }
        for session in UserSession.objects.filter(user=user).order_by("created_at")
    ]


def login_record_data(user):
    """What the login throttling keeps: recent failed attempts and logins, with their IP address and browser."""
    names = login_names(user)
    attempts = AccessAttempt.objects.filter(username__in=names).order_by("attempt_time")
    logins = AccessLog.objects.filter(username__in=names).order_by("attempt_time")
    return {
        "failed_attempts": [
            {
                "time": attempt.attempt_time,
                "ip_address": attempt.ip_address,
                "browser": attempt.user_agent,
                "failures": attempt.failures_since_start,
            }
            for attempt in attempts
        ],
        "logins": [
            {
                "time": log.attempt_time,
                "logout_time": log.logout_time,
                "ip_address": log.ip_address,
                "browser": log.user_agent,
            }
            for log in logins
        ],
    }
