"""Members never reach the Wagtail admin; moderators manage memberships there."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from members.models import Membership
from tests.factories.members import MembershipFactory, UserFactory
from website.groups import EDITORS

pytestmark = pytest.mark.django_db

INDEX = "members_membership:index"


@pytest.mark.parametrize("path", ["/admin/", "/admin/members_membership/", "/admin/snippets/directory/organization/"])
def test_members_are_turned_away_from_the_admin(client, administrator, path):
    client.force_login(administrator)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_new_account_has_no_admin_rights(client):
    client.post(
        reverse("account_signup"),
        {
            "first_name": "Elena",
            "last_name": "Marinescu",
            "email": "elena@example.org",
            "password1": "Sigur-pe-ea-2026",
            "password2": "Sigur-pe-ea-2026",
        },
    )
    user = get_user_model().objects.get(email="elena@example.org")
    assert not user.is_staff
    assert not user.is_superuser
    assert not user.groups.exists()
    assert not user.has_perm("wagtailadmin.access_admin")


def test_moderator_lists_and_filters_memberships(client, moderator, organization, other_organization, join_request):
    MembershipFactory(organization=other_organization, requested=True)
    MembershipFactory(organization=organization)
    client.force_login(moderator)
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    response = client.get(reverse(INDEX), {"state": "requested", "organization": organization.pk})
    assert list(response.context["object_list"]) == [join_request]
    assert reverse("members_membership:approve", args=[join_request.pk]) in response.content.decode()
    response = client.get(reverse(INDEX), {"q": "Ioana"})
    assert list(response.context["object_list"]) == [join_request]


def test_moderator_approves_and_rejects_in_the_admin(client, moderator, organization, join_request):
    client.force_login(moderator)
    url = reverse("members_membership:approve", args=[join_request.pk])
    assert client.get(url).status_code == 200
    join_request.refresh_from_db()
    assert join_request.state == "requested"  # the GET only asks for confirmation
    response = client.post(url)
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert (join_request.state, join_request.decided_by) == ("approved", moderator)

    other = MembershipFactory(organization=organization, requested=True)
    client.post(reverse("members_membership:reject", args=[other.pk]))
    other.refresh_from_db()
    assert other.state == "rejected"


def test_moderator_adds_a_member_by_email(client, moderator, organization, outsider):
    client.force_login(moderator)
    url = reverse("members_membership:add")
    response = client.post(url, {"email": "nimeni@example.org", "organization": organization.pk, "role": "membru"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    response = client.post(
        url, {"email": outsider.email.upper(), "organization": organization.pk, "role": "administrator"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    membership = Membership.objects.get(user=outsider, organization=organization)
    assert (membership.state, membership.role, membership.decided_by) == ("approved", "administrator", moderator)
    # Adding the same member again says so, on the form.
    response = client.post(url, {"email": outsider.email, "organization": organization.pk, "role": "membru"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_moderator_changes_a_role(client, moderator, organization, member):
    membership = Membership.objects.get(user=member)
    client.force_login(moderator)
    url = reverse("members_membership:edit", args=[membership.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"role": "administrator"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "administrator"
    client.post(url, {"role": "membru"})
    membership.refresh_from_db()
    assert membership.role == "membru"


def test_moderator_cannot_make_a_pending_request_administrator(client, moderator, join_request):
    client.force_login(moderator)
    response = client.post(reverse("members_membership:edit", args=[join_request.pk]), {"role": "administrator"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    join_request.refresh_from_db()
    assert join_request.role == "membru"


def test_editors_do_not_manage_memberships(client, staff_groups, join_request):
    editor = UserFactory(username="editor")
    editor.groups.add(staff_groups[EDITORS])
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse(INDEX)).status_code in (302, 403)
    response = client.post(reverse("members_membership:approve", args=[join_request.pk]))
    assert response.status_code in (302, 403)
    join_request.refresh_from_db()
    assert join_request.state == "requested"
