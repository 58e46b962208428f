"""Personal data (DESIGN §6): "Descarcă datele mele" and "Șterge contul"."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry, Revision

from directory.models import Organization
from members import services
from members.models import Membership
from tests.factories.members import PASSWORD, MembershipFactory
from tests.members.test_member_area import profile_data

pytestmark = pytest.mark.django_db


def log_in(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


@override_settings(AXES_ENABLED=True)  # its login records are part of the export
def test_data_export_holds_everything_about_the_member(client, organization, administrator, other_organization):
    MembershipFactory(user=administrator, organization=other_organization, requested=True, message="Vă rog.")
    EmailAddress.objects.create(user=administrator, email="ana.alt@example.org", verified=False, primary=False)
    log_in(client, administrator)
    client.post(
        reverse("members:organization_edit", args=[organization.pk]),
        profile_data(organization, name="Asociația Titan Verde"),
    )

    response = client.get(reverse("members:data_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="datele-mele-')
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)

    assert data["account"]["email"] == administrator.email
    assert data["account"]["first_name"] == administrator.first_name
    assert data["account"]["last_login"]
    assert "password" not in json.dumps(data)
    assert {(item["email"], item["verified"]) for item in data["email_addresses"]} == {
        (administrator.email, True),
        ("ana.alt@example.org", False),
    }
    memberships = {item["organization"]: item for item in data["memberships"]}
    assert memberships[organization.name]["role"] == "administrator"
    assert memberships[organization.name]["state"] == "approved"
    assert memberships[other_organization.name]["state"] == "requested"
    assert memberships[other_organization.name]["message"] == "Vă rog."
    assert [item["organization_id"] for item in data["organization_profile_changes"]] == [str(organization.pk)]
    assert len(data["sessions"]) == 1
    assert data["sessions"][0]["ip_address"] == "127.0.0.1"
    assert [item["ip_address"] for item in data["login_records"]["logins"]] == ["127.0.0.1"]


def test_data_export_holds_nothing_about_other_members(client, organization, administrator, member):
    log_in(client, member)
    text = client.get(reverse("members:data_export")).content.decode()
    assert administrator.email not in text
    assert administrator.first_name not in text


def test_account_deletion_needs_the_password(client, member):
    log_in(client, member)
    response = client.post(reverse("members:account_delete"), {"password": "gresita"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"] == [gettext("The password is not correct.")]
    assert get_user_model().objects.filter(pk=member.pk).exists()


@override_settings(AXES_ENABLED=True)
def test_account_deletion_deletes_personal_data_and_keeps_contributions(
    client, home_page, organization, administrator, moderator
):
    user_id, email = administrator.pk, administrator.email
    MembershipFactory(user=administrator, requested=True)
    log_in(client, administrator)
    other_device = log_in(Client(), administrator)
    client.post(
        reverse("members:organization_edit", args=[organization.pk]),
        profile_data(organization, name="Asociația Titan Verde"),
    )
    revision = Revision.objects.get(object_id=str(organization.pk), user_id=user_id)
    Client().post(reverse("account_login"), {"login": email, "password": "gresita"})
    # Failed logins are recorded under the account's username, whichever identifier was typed.
    assert AccessAttempt.objects.filter(username=administrator.username.lower()).exists()
    assert AccessLog.objects.filter(username=administrator.username).exists()
    assert UserSession.objects.filter(user_id=user_id).count() == 2

    response = client.post(reverse("members:account_delete"), {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert not response.context["user"].is_authenticated
    assert (
        gettext(
            "Your account and your personal data were deleted. "
            "What you published stays on the site, without your name."
        )
        in response.content.decode()
    )

    assert not get_user_model().objects.filter(pk=user_id).exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not Membership.objects.filter(user_id=user_id).exists()
    assert not UserSession.objects.filter(user_id=user_id).exists()
    assert not AccessAttempt.objects.filter(username=administrator.username.lower()).exists()
    assert not AccessLog.objects.filter(username=administrator.username).exists()
    # Logged out everywhere, not only in this browser.
    assert other_device.get(reverse("members:dashboard")).status_code == 302

    # What the member contributed stays, without their name.
    revision.refresh_from_db()
    assert revision.user is None
    assert revision.as_object().name == "Asociația Titan Verde"
    assert not ModelLogEntry.objects.filter(user_id=user_id).exists()
    assert ModelLogEntry.objects.filter(object_id=str(organization.pk), user__isnull=True).exists()
    organization = Organization.objects.get(pk=organization.pk)
    assert organization.workflow_in_progress
    assert organization.current_workflow_state.requested_by is None
    assert Membership.objects.filter(organization=organization).count() == 0


def test_the_delete_page_warns_sole_administrators(client, organization, administrator, member):
    log_in(client, administrator)
    page = client.get(reverse("members:account_delete")).content.decode()
    assert gettext("You are the only administrator of:") in page
    assert organization.name in page
    services.membership_make_administrator(membership=Membership.objects.get(user=member), by=administrator)
    page = client.get(reverse("members:account_delete")).content.decode()
    assert gettext("You are the only administrator of:") not in page


def test_data_export_holds_the_participation_records(client, organization, administrator, member):
    from participation import follows, notifications

    follows.follow(user=member, obj=organization)
    notifications.notify(recipients=[member], kind="decizii-aderare", title="Acum sunteți membru")
    notifications.preference_set(user=member, kind="decizii-aderare", frequency="zilnic")
    log_in(client, member)
    data = json.loads(client.get(reverse("members:data_export")).content)["participation"]
    assert [item["title"] for item in data["notifications"]] == ["Acum sunteți membru"]
    assert data["email_preferences"] == {"decizii-aderare": "zilnic"}
    assert [item["object"] for item in data["follows"]] == [organization.name]
    assert data["reports"] == []
