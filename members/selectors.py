"""Reading members and memberships: what the member area and the emails show."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from directory.filters import DirectoryFilterSet
from directory.models import Organization
from directory.selectors import public_organizations
from directory.validators import normalize_cui

from .models import Membership


def user_display_name(user):
    """The name a member is shown by: their full name, else their username (never their email on its own)."""
    return user.get_full_name().strip() or user.get_username()


def memberships_of(user):
    """The member's requests and memberships, newest first, with their organizations."""
    return Membership.objects.filter(user=user).select_related("organization").order_by("-created_at", "-pk")


def open_membership(user, organization):
    """The member's request waiting for approval or approved membership in the organization, if any."""
    return Membership.objects.open().filter(user=user, organization=organization).first()


def approved_membership(user, organization):
    if not user.is_authenticated:
        return None
    return Membership.objects.approved().filter(user=user, organization=organization).first()


def organization_members(organization):
    """Approved members of the organization, administrators first, then reviewers, with their accounts."""
    return (
        Membership.objects.approved()
        .filter(organization=organization)
        .select_related("user")
        .order_by("role", "user__first_name", "user__last_name", "pk")
    )


def pending_requests(organization):
    return (
        Membership.objects.requested().filter(organization=organization).select_related("user").order_by("created_at")
    )


def pending_request_counts(user):
    """For each organization the member administers, how many requests to join wait for a decision (none: absent)."""
    administered = Membership.objects.administrators().filter(user=user).values("organization_id")
    return dict(
        Membership.objects.requested()
        .filter(organization_id__in=administered)
        .order_by()
        .values("organization_id")
        .annotate(count=Count("pk"))
        .values_list("organization_id", "count")
    )


def organizations_to_join(query):
    """Published organizations matching `query`: words of their name or description, or their fiscal code (CUI)
    typed with or without "RO" and spaces ("RO 4267117", "4267 117")."""
    organizations = public_organizations()
    filters = DirectoryFilterSet({"q": query}, organizations)
    matches = filters.apply(organizations)
    cui = normalize_cui(query)
    if cui.isascii() and cui.isdigit():
        matches = matches | organizations.filter(cui=cui)
    return filters.order(matches, None)


def administrators(organization):
    """The active members who administer `organization` (whom its join requests and moderation news concern)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organization=organization,
            memberships__state=Membership.State.APPROVED,
            memberships__role=Membership.Role.ADMINISTRATOR,
        )
        .distinct()
    )


def reviewers(organization):
    """The active members who answer for `organization` (an authority): its reviewers and its administrators."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organization=organization,
            memberships__state=Membership.State.APPROVED,
            memberships__role__in=Membership.REVIEWER_ROLES,
        )
        .distinct()
    )


def moderators():
    """Active staff who decide memberships (the "Moderatori" group, and superusers)."""
    can_moderate = Q(
        groups__permissions__content_type__app_label="members",
        groups__permissions__codename="change_membership",
    ) | Q(is_superuser=True)
    return get_user_model().objects.filter(can_moderate, is_active=True).distinct()


def login_names(user):
    """The names login attempts are recorded under (django-axes): the username and every email address."""
    emails = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return {user.get_username().lower(), user.email.lower(), *(email.lower() for email in emails)} - {""}


def organizations_administered_alone(user):
    """Organizations whose only administrator is this member (deleting the account leaves them without one)."""
    administered = Membership.objects.administrators().filter(user=user).values("organization_id")
    administrators = Count(
        "memberships",
        filter=Q(memberships__state=Membership.State.APPROVED, memberships__role=Membership.Role.ADMINISTRATOR),
    )
    return list(
        Organization.objects.filter(pk__in=administered)
        .annotate(administrator_count=administrators)
        .filter(administrator_count=1)
        .order_by("sort_name")
    )
