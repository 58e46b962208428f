"""Demo members: an organization administrator, members of several organizations, a pending request,
an authority reviewer, an organization registered by a member and waiting for moderation, and a moderator.

The people are data (demo_data/members.json); the passwords are here, since seed_demo prints them.
Idempotent: accounts, addresses and memberships that exist are left as they are.
"""

from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from directory import services as directory_services
from directory.models import Organization
from website.demo import load_data
from website.groups import MODERATORS

from .models import Membership

MEMBER_PASSWORD = "Membru-Demo-2026"  # noqa: S105 - a demo password, printed by seed_demo
MODERATOR_PASSWORD = "Moderator-Demo-2026"  # noqa: S105 - a demo password, printed by seed_demo

DATA = load_data(Path(__file__).resolve().parent / "demo_data" / "members.json")
# The organizations the demo members belong to (seeded by the directory's demo).
AFF = "Ateliere Fără Frontiere"
SECTOR_3 = "Primăria Sectorului 3"
PMB = "Primăria Municipiului București"
# Registered by a member from "Contul meu": a draft that waits for the moderators.
REGISTERED_ORGANIZATION = {
    name: value for name, value in DATA["registered_organization"].items() if name not in ("registered_by", "topics")
}
REGISTERED_BY = DATA["registered_organization"]["registered_by"]


def seed(*, home, topics):
    logins = [(DATA["moderator"]["role"], *_moderator(DATA["moderator"]))]
    for member in DATA["members"]:
        user = _member(member["email"], member["first_name"], member["last_name"], password=MEMBER_PASSWORD)
        for membership in member["memberships"]:
            organization = Organization.objects.filter(name=membership["organization"]).first()
            if organization is not None:
                _membership(user, organization, membership["role"], membership["state"])
        logins.append((member["role"], member["email"], MEMBER_PASSWORD))
    _registered_organization(topics)
    return logins


def _moderator(data):
    user = _member(
        data["email"], data["first_name"], data["last_name"], password=MODERATOR_PASSWORD, username=data["username"]
    )
    user.groups.add(Group.objects.get(name=MODERATORS))
    return data["username"], MODERATOR_PASSWORD


def _member(email, first_name, last_name, *, password, username=None):
    user, created = get_user_model().objects.get_or_create(
        username=username or email,
        defaults={"email": email, "first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_password(password)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _membership(user, organization, role, state):
    if Membership.objects.filter(user=user, organization=organization).exists():
        return
    decided = state != Membership.State.REQUESTED
    membership = Membership(
        user=user,
        organization=organization,
        role=role,
        state=state,
        decided_at=timezone.now() if decided else None,
        message="" if decided else DATA["join_request_message"],
    )
    membership.full_clean()
    membership.save()


def _registered_organization(topics):
    if Organization.objects.filter(name=REGISTERED_ORGANIZATION["name"]).exists():
        return
    user = get_user_model().objects.get(username=REGISTERED_BY)
    topic_slugs = DATA["registered_organization"]["topics"]
    directory_services.organization_register(
        user=user, data={**REGISTERED_ORGANIZATION, "topics": [topics[slug] for slug in topic_slugs], "sectors": []}
    )
