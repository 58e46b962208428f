"""The one moderation queue lists organizations in Wagtail's workflow and requests to join, with counts."""

import pytest
from django.urls import reverse

from directory.models import Organization
from members.models import Membership
from tests.factories.members import MembershipFactory
from tests.members.test_moderation import submit_change

pytestmark = pytest.mark.django_db


def test_the_queue_lists_profile_changes_and_join_requests(client, organization, administrator, outsider, moderator):
    client.force_login(administrator)
    submit_change(client, organization, name="Asociația Titan Verde")
    MembershipFactory(organization=organization, user=outsider, state=Membership.State.REQUESTED)
    assert list(Organization.objects.in_moderation()) == [organization]

    client.force_login(moderator)
    page = client.get(reverse("participation_moderation:queue")).content.decode()
    assert "Organizații și modificări de profil (1)" in page
    assert "Cereri de aderare la organizații (1)" in page
    assert organization.name in page
    assert reverse(Organization.snippet_viewset.get_url_name("edit"), args=[organization.pk]) in page

    only_requests = client.get(reverse("participation_moderation:queue") + "?tip=cereri-aderare").content.decode()
    assert "Cereri de aderare la organizații (1)" in only_requests
    assert reverse(Organization.snippet_viewset.get_url_name("edit"), args=[organization.pk]) not in only_requests

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Așteaptă moderarea" in dashboard or "În așteptarea moderării" in dashboard


def test_the_organizations_listing_filters_those_waiting_for_moderation(
    client, organization, administrator, moderator
):
    other = Organization.objects.exclude(pk=organization.pk).first()
    client.force_login(administrator)
    submit_change(client, organization, name="Asociația Titan Verde")
    client.force_login(moderator)
    url = reverse(Organization.snippet_viewset.get_url_name("list"))
    waiting = client.get(url, {"in_moderation": "true"})
    assert waiting.status_code == 200
    assert [item.pk for item in waiting.context["object_list"]] == [organization.pk]
    rest = client.get(url, {"in_moderation": "false"}).context["object_list"]
    assert organization.pk not in [item.pk for item in rest]
    if other is not None:
        assert other.pk in [item.pk for item in rest]
