"""Issue #7, point 1: the admin's login signs in staff only, and no session acts in "Contul meu" unconfirmed."""

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext

from members.models import Membership
from tests.factories.directory import OrganizationFactory
from tests.factories.members import PASSWORD, UserFactory
from website.groups import EDITORS

pytestmark = pytest.mark.django_db

ADMIN_REFUSAL = "nu corespund"  # Wagtail's "… and password didn't match", in Romanian


def admin_log_in(client, username, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("confirmed", [True, False])
def test_a_member_cannot_log_in_to_the_admin(client, confirmed):
    UserFactory(username="membru", email="membru@example.org", verified_email=confirmed)
    for identifier in ("membru", "membru@example.org"):
        response = admin_log_in(client, identifier)
        assert response.status_code == 200
        assert ADMIN_REFUSAL in response.content.decode()
        assert not is_logged_in(client)
    # Nothing else opens either: no admin, no member area.
    assert client.get(reverse("members:dashboard")).status_code == 302
    assert not is_logged_in(client)


def test_the_refusal_looks_like_a_wrong_password(client):
    UserFactory(username="membru", email="membru@example.org")
    right = admin_log_in(client, "membru").content.decode()
    wrong = admin_log_in(client, "membru", "gresita").content.decode()
    assert ADMIN_REFUSAL in right
    assert ADMIN_REFUSAL in wrong


@override_settings(AXES_ENABLED=True)
def test_a_refused_member_counts_as_a_failed_login(client):
    UserFactory(username="membru", email="membru@example.org")
    admin_log_in(client, "membru")
    assert AccessAttempt.objects.get(username="membru").failures_since_start == 1


def test_staff_log_in_to_the_admin(client, staff_groups):
    editor = UserFactory(username="editor")
    editor.groups.add(staff_groups[EDITORS])
    response = admin_log_in(client, "editor")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_admin_login_form_is_in_romanian(client):
    page = client.get(reverse("wagtailadmin_login")).content.decode()
    assert ">Password<" not in page
    assert gettext("Password") == "Parolă"
    assert "Parolă" in page


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("members:dashboard", "get"),
        ("members:profile", "post"),
        ("members:organization_search", "get"),
        ("members:organization_register", "post"),
        ("members:join_request", "post"),
    ],
)
def test_an_unconfirmed_session_is_sent_to_confirm_its_address(client, name, method):
    """Whatever door the session came through (here: force_login), the member area asks for the confirmation first."""
    user = UserFactory(email="neconfirmat@example.org", verified_email=False)
    organization = OrganizationFactory()
    args = [organization.pk] if name == "members:join_request" else []
    client.force_login(user)
    response = getattr(client, method)(reverse(name, args=args), {"message": "Vreau să intru", "first_name": "X"})
    assert response.status_code == 403
    assert gettext("Confirm your email address") in response.content.decode()
    assert not Membership.objects.exists()
    assert [message.to for message in mail.outbox] == [["neconfirmat@example.org"]]


def test_an_unconfirmed_primary_address_is_not_enough_even_with_another_confirmed(client):
    user = UserFactory(email="nou@example.org", verified_email=False)
    EmailAddress.objects.create(user=user, email="nou@example.org", verified=False, primary=True)
    EmailAddress.objects.create(user=user, email="vechi@example.org", verified=True, primary=False)
    client.force_login(user)
    assert client.get(reverse("members:dashboard")).status_code == 403


def test_a_confirmed_member_enters(client):
    client.force_login(UserFactory())
    assert client.get(reverse("members:dashboard")).status_code == 200
