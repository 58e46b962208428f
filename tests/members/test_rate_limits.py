"""Issue #7, point 6: forms of the member area that create something or send email are limited per account and IP."""

import pytest
from django.test import override_settings
from django.urls import reverse

from directory.models import Organization
from members.models import Membership
from tests.factories.directory import OrganizationFactory
from tests.factories.members import UserFactory

pytestmark = pytest.mark.django_db

REFUSAL = "Ați trimis acest formular de prea multe ori"


def limits(action, **rates):
    from django.conf import settings

    return override_settings(RATE_LIMITS={**settings.RATE_LIMITS, action: rates})


def test_registering_organizations_is_limited_per_account(client, outsider):
    client.force_login(outsider)
    url = reverse("members:organization_register")
    with limits("organization_register", user="2/d", ip="100/d"):
        for number in range(2):
            response = client.post(url, {"name": f"Asociația {number}", "kind": "asociatie"})
            assert response.status_code == 302
        response = client.post(url, {"name": "Asociația a treia", "kind": "asociatie", "description": "Păstrat."})
    assert response.status_code == 429
    page = response.content.decode()
    assert REFUSAL in page
    assert 'value="Asociația a treia"' in page
    assert "Păstrat." in page
    assert Organization.objects.count() == 2


def test_invalid_submissions_do_not_count(client, outsider):
    client.force_login(outsider)
    url = reverse("members:organization_register")
    with limits("organization_register", user="1/d", ip="100/d"):
        for _ in range(3):
            assert client.post(url, {"name": "", "kind": "asociatie"}).status_code == 200
        assert client.post(url, {"name": "Asociația Bună", "kind": "asociatie"}).status_code == 302


def test_registering_organizations_is_limited_per_address(client):
    url = reverse("members:organization_register")
    with limits("organization_register", user="100/d", ip="2/d"):
        for number in range(2):
            client.force_login(UserFactory())
            assert client.post(url, {"name": f"Asociația {number}", "kind": "asociatie"}).status_code == 302
        client.force_login(UserFactory())
        assert client.post(url, {"name": "A treia", "kind": "asociatie"}).status_code == 429
        # Another address still may.
        response = client.post(url, {"name": "A treia", "kind": "asociatie"}, REMOTE_ADDR="198.51.100.9")
        assert response.status_code == 302


def test_join_requests_are_limited(client, outsider):
    first, second = OrganizationFactory(), OrganizationFactory()
    client.force_login(outsider)
    with limits("join_request", user="1/h", ip="100/h"):
        assert client.post(reverse("members:join_request", args=[first.pk]), {"message": ""}).status_code == 302
        response = client.post(reverse("members:join_request", args=[second.pk]), {"message": "Text păstrat"})
    assert response.status_code == 429
    assert REFUSAL in response.content.decode()
    assert "Text păstrat" in response.content.decode()
    assert Membership.objects.filter(user=outsider).count() == 1


def test_profile_changes_are_limited(client, outsider):
    client.force_login(outsider)
    url = reverse("members:profile")
    with limits("profile", user="1/h", ip="100/h"):
        assert client.post(url, {"first_name": "Ioana", "last_name": "Pop"}).status_code == 302
        response = client.post(url, {"first_name": "Alt", "last_name": "Nume"})
    assert response.status_code == 429
    outsider.refresh_from_db()
    assert outsider.first_name == "Ioana"


def test_organization_profile_changes_are_limited(client, organization, administrator):
    client.force_login(administrator)
    url = reverse("members:organization_edit", args=[organization.pk])
    revisions = organization.revisions.count()
    with limits("organization_edit", user="0/h", ip="100/h"):
        response = client.post(url, {"name": organization.name, "kind": organization.kind, "cui": organization.cui})
    assert response.status_code == 429
    assert REFUSAL in response.content.decode()
    assert organization.revisions.count() == revisions


def test_every_limited_action_has_limits():
    from django.conf import settings

    from website.ratelimit import parse_rate

    for action in ("contact_form", "organization_register", "organization_edit", "join_request", "profile"):
        for rate in settings.RATE_LIMITS[action].values():
            count, period = parse_rate(rate)
            assert count > 0
            assert period > 0


def test_default_limits_on_registering_organizations(client):
    """The limits of settings, not overridden: an account registers `user` organizations a day, an address `ip`,
    and the next one is answered with 429, the Romanian message and what was typed."""
    from django.conf import settings

    from website.ratelimit import parse_rate

    url = reverse("members:organization_register")
    per_account, _period = parse_rate(settings.RATE_LIMITS["organization_register"]["user"])
    per_address, _period = parse_rate(settings.RATE_LIMITS["organization_register"]["ip"])
    assert per_account < per_address

    member = UserFactory()
    client.force_login(member)
    for number in range(per_account):
        assert client.post(url, {"name": f"Asociația {number}", "kind": "asociatie"}).status_code == 302
    response = client.post(url, {"name": "Asociația în plus", "kind": "asociatie", "description": "Text păstrat."})
    assert response.status_code == 429
    page = response.content.decode()
    assert REFUSAL in page
    assert 'value="Asociația în plus"' in page
    assert "Text păstrat." in page

    # Other accounts, each registering one, from another address: up to that address's limit.
    address = "198.51.100.20"
    for number in range(per_address):
        client.force_login(UserFactory())
        response = client.post(url, {"name": f"Asociația B{number}", "kind": "asociatie"}, REMOTE_ADDR=address)
        assert response.status_code == 302
    client.force_login(UserFactory())
    response = client.post(url, {"name": "Încă una", "kind": "asociatie"}, REMOTE_ADDR=address)
    assert response.status_code == 429
    assert REFUSAL in response.content.decode()
    assert Organization.objects.count() == per_account + per_address
