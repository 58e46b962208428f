"""Demo members: an organization administrator, members of several organizations, a pending request,
an authority reviewer, an organization registered by a member and waiting for moderation, and a moderator.

Idempotent: accounts, addresses and memberships that exist are left as they are.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from directory.models import Organization
from website.groups import MODERATORS

from . import services
from .models import Membership

MEMBER_PASSWORD = "Membru-Demo-2026"  # noqa: S105 - a demo password, printed by seed_demo
MODERATOR_PASSWORD = "Moderator-Demo-2026"  # noqa: S105 - a demo password, printed by seed_demo

AFF = "Ateliere Fără Frontiere"
SECTOR_3 = "Primăria Sectorului 3"
PMB = "Primăria Municipiului București"

# (role shown by seed_demo, email, first name, last name, [(organization, role, state)])
MEMBERS = [
    (
        "Administrator de organizație (Ateliere Fără Frontiere)",
        "ana.popescu@example.org",
        "Ana",
        "Popescu",
        [(AFF, Membership.Role.ADMINISTRATOR, Membership.State.APPROVED)],
    ),
    (
        "Membru (Ateliere Fără Frontiere și alte organizații)",
        "mihai.ionescu@example.org",
        "Mihai",
        "Ionescu",
        [
            (AFF, Membership.Role.MEMBER, Membership.State.APPROVED),
            ("Asociația Reparăm Împreună", Membership.Role.MEMBER, Membership.State.APPROVED),
            ("Asociația Școala de Meserii Ferentari", Membership.Role.MEMBER, Membership.State.REQUESTED),
        ],
    ),
    (
        "Membru cu o cerere în așteptare (Ateliere Fără Frontiere)",
        "ioana.dumitrescu@example.org",
        "Ioana",
        "Dumitrescu",
        [(AFF, Membership.Role.MEMBER, Membership.State.REQUESTED)],
    ),
    (
        "Evaluator al autorității (Primăria Sectorului 3)",
        "radu.stan@example.org",
        "Radu",
        "Stan",
        [
            (SECTOR_3, Membership.Role.ADMINISTRATOR, Membership.State.APPROVED),
            (PMB, Membership.Role.MEMBER, Membership.State.APPROVED),
        ],
    ),
]

# Registered by Ioana from "Contul meu": a draft that waits for the moderators.
REGISTERED_ORGANIZATION = {
    "name": "Asociația Grădina Comunitară Titan",
    "kind": Organization.Kind.ASSOCIATION,
    "description": "Vecini din Titan care îngrijesc împreună o grădină comunitară și organizează ateliere de compost.",
    "email": "gradina.titan@example.org",
}
REGISTERED_BY = "ioana.dumitrescu@example.org"


def seed(*, home, topics):
    logins = [("Moderator (administrare, „Moderatori”)", *_moderator())]
    for role, email, first_name, last_name, memberships in MEMBERS:
        user = _member(email, first_name, last_name, password=MEMBER_PASSWORD)
        for name, member_role, state in memberships:
            organization = Organization.objects.filter(name=name).first()
            if organization is not None:
                _membership(user, organization, member_role, state)
        logins.append((role, email, MEMBER_PASSWORD))
    _registered_organization(topics)
    return logins


def _moderator():
    username, email = "moderator", "moderator@bucuresti-social.ro"
    user = _member(email, "Mara", "Moderator", password=MODERATOR_PASSWORD, username=username)
    user.groups.add(Group.objects.get(name=MODERATORS))
    return username, MODERATOR_PASSWORD


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
        message="" if decided else "Lucrez ca voluntar la atelierul de reparații din 2024.",
    )
    membership.full_clean()
    membership.save()


def _registered_organization(topics):
    if Organization.objects.filter(name=REGISTERED_ORGANIZATION["name"]).exists():
        return
    user = get_user_model().objects.get(username=REGISTERED_BY)
    services.organization_register(
        user=user,
        data={**REGISTERED_ORGANIZATION, "topics": [topics["mediu"], topics["incluziune-sociala"]], "sectors": []},
    )
