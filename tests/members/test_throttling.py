"""Repeated failed logins are throttled (django-axes): per address and IP, with a Romanian lockout page."""

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext

from tests.factories.members import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]

LIMIT = 5


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=LIMIT):
        yield


def log_in(client, email, password, ip="203.0.113.7"):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def test_repeated_failures_lock_the_address_out_even_with_the_right_password(client):
    user = UserFactory(email="ana@example.org")
    for _ in range(LIMIT - 1):
        response = log_in(client, "ana@example.org", "gresita")
        assert response.status_code == 200  # the form again, with its error
    response = log_in(client, "ana@example.org", "gresita")
    assert response.status_code == 429
    assert gettext("Too many failed logins") in response.content.decode()
    assert '<html lang="ro">' in response.content.decode()

    response = log_in(client, "ana@example.org", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username=user.username.lower()).exists()
    assert user.last_login is None


def test_the_address_is_counted_whatever_its_case(client):
    UserFactory(email="ana@example.org")
    for _ in range(LIMIT - 1):
        log_in(client, "Ana@Example.org", "gresita")
    assert log_in(client, "ANA@example.org", "gresita").status_code == 429


def test_lockout_is_per_address_and_ip(client):
    UserFactory(email="ana@example.org")
    UserFactory(email="mihai@example.org")
    for _ in range(LIMIT):
        log_in(client, "ana@example.org", "gresita")
    # Another member logging in from the same network, and the same member from elsewhere, are not blocked.
    assert log_in(client, "mihai@example.org", PASSWORD).status_code == 302
    client.post(reverse("account_logout"))
    assert log_in(client, "ana@example.org", PASSWORD, ip="198.51.100.20").status_code == 302


def test_a_successful_login_resets_the_count(client):
    UserFactory(email="ana@example.org")
    for _ in range(LIMIT - 1):
        log_in(client, "ana@example.org", "gresita")
    assert log_in(client, "ana@example.org", PASSWORD).status_code == 302
    client.post(reverse("account_logout"))
    for _ in range(LIMIT - 1):
        assert log_in(client, "ana@example.org", "gresita").status_code == 200
    assert log_in(client, "ana@example.org", PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(client):
    UserFactory(username="editor", email="editor@example.org")
    for _ in range(LIMIT):
        response = client.post(
            reverse("wagtailadmin_login"), {"username": "editor", "password": "gresita"}, REMOTE_ADDR="203.0.113.7"
        )
    assert response.status_code == 429


def test_too_many_reset_emails_get_a_romanian_page(client):
    UserFactory(email="ana@example.org")
    for _ in range(5):  # allauth's limit: 5 reset emails a minute per address
        assert client.post(reverse("account_reset_password"), {"email": "ana@example.org"}).status_code == 302
    response = client.post(reverse("account_reset_password"), {"email": "ana@example.org"})
    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="ro">' in page
    assert gettext("You sent too many requests in a short time. Wait a minute, then try again.") in page


# Issue #7, point 2: one counter per account whatever identifier is typed, a limit per IP address, and a warning.


def admin_log_in(client, username, password, ip="203.0.113.7"):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_username_and_addresses_of_one_account_share_one_counter(client):
    UserFactory(username="Editor", email="editor@example.org")
    # Username on the admin form, address on the admin form, address on the members' form, any case.
    admin_log_in(client, "editor", "gresita")
    admin_log_in(client, "EDITOR@example.org", "gresita")
    log_in(client, "Editor@Example.org", "gresita")
    admin_log_in(client, "eDiToR", "gresita")
    assert AccessAttempt.objects.filter(username="editor").count() == 1
    response = log_in(client, "editor@example.org", "gresita")
    assert response.status_code == 429
    # Locked out on both doors, whichever name is typed, even with the right password.
    assert admin_log_in(client, "editor", PASSWORD).status_code == 429
    assert log_in(client, "editor@example.org", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_secondary_address_counts_for_its_account(client):
    user = UserFactory(username="ana", email="ana@example.org")
    EmailAddress.objects.create(user=user, email="ana.popescu@example.org", verified=True, primary=False)
    for _ in range(LIMIT - 1):
        log_in(client, "ana.popescu@example.org", "gresita")
    assert log_in(client, "ana@example.org", "gresita").status_code == 429


@override_settings(LOGIN_IP_FAILURE_LIMIT=8)
def test_one_address_trying_many_accounts_is_locked_out(client):
    for number in range(7):
        UserFactory(email=f"membru{number}@example.org")
    responses = [log_in(client, f"membru{number}@example.org", "gresita") for number in range(4)]
    responses += [admin_log_in(client, f"membru{number}", "gresita") for number in range(4, 7)]
    assert [response.status_code for response in responses] == [200] * 7
    # The eighth failure from this address, on a new account: the address is locked out, on every form.
    assert log_in(client, "necunoscut@example.org", "gresita").status_code == 429
    assert log_in(client, "membru0@example.org", PASSWORD).status_code == 429
    assert admin_log_in(client, "membru1", PASSWORD).status_code == 429
    # Another address is not affected.
    assert log_in(client, "membru0@example.org", PASSWORD, ip="198.51.100.20").status_code == 302


def test_the_attempt_before_the_last_one_warns(client):
    UserFactory(email="ana@example.org")
    warning = "Mai aveți o singură încercare"
    for _ in range(LIMIT - 2):
        response = log_in(client, "ana@example.org", "gresita")
        assert warning not in response.content.decode()
    response = log_in(client, "ana@example.org", "gresita")
    assert response.status_code == 200
    assert gettext("The email address or the password is not correct.") in response.content.decode()
    assert warning in response.content.decode()
    assert log_in(client, "ana@example.org", "gresita").status_code == 429


def test_the_admin_login_warns_too(client):
    UserFactory(username="editor", email="editor@example.org")
    for _ in range(LIMIT - 2):
        admin_log_in(client, "editor", "gresita")
    response = admin_log_in(client, "editor", "gresita")
    assert "Mai aveți o singură încercare" in response.content.decode()
