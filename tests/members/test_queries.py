"""The member area's lists take the same number of queries whatever their length (DESIGN §14)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db


def queries(client, url, **params):
    """Queries of a second request (the first one fills per-process caches: site, content types)."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_dashboard(client, member, organization):
    client.force_login(member)
    url = reverse("members:dashboard")
    MembershipFactory(user=member, requested=True)
    few = queries(client, url)
    for _ in range(15):
        MembershipFactory(user=member)
        MembershipFactory(user=member, requested=True)
    assert queries(client, url) == few


def test_organization_page(client, administrator, organization):
    client.force_login(administrator)
    url = reverse("members:organization", args=[organization.pk])
    MembershipFactory(organization=organization)
    MembershipFactory(organization=organization, requested=True)
    few = queries(client, url)
    for _ in range(15):
        MembershipFactory(organization=organization)
        MembershipFactory(organization=organization, requested=True)
    assert queries(client, url) == few


def test_search(client, outsider):
    client.force_login(outsider)
    url = reverse("members:organization_search")
    OrganizationFactory(name="Asociația Cartier 0")
    few = queries(client, url, q="cartier")
    for number in range(1, 16):
        MembershipFactory(user=outsider, organization=OrganizationFactory(name=f"Asociația Cartier {number}"))
    assert queries(client, url, q="cartier") == few


def test_admin_memberships(client, moderator, organization):
    client.force_login(moderator)
    url = reverse("members_membership:index")
    MembershipFactory(organization=organization, requested=True)
    few = queries(client, url)
    for _ in range(15):
        MembershipFactory(requested=True)
        MembershipFactory()
    assert queries(client, url) == few
