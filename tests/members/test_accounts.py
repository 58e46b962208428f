"""Accounts (DESIGN §6): sign up, confirm the email address, log in, log out, reset and change the password."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tests.factories.members import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SITE_NAME = "Bucureștiul social și solidar"
NEW_PASSWORD = "Alta-parola-sigura-77"


def signup_data(**changes):
    return {
        "first_name": "Elena",
        "last_name": "Marinescu",
        "email": "elena.marinescu@example.org",
        "password1": "Sigur-pe-ea-2026",
        "password2": "Sigur-pe-ea-2026",
        **changes,
    }


def link_in(message, path_prefix):
    """The first link of `message` whose path starts with `path_prefix`, as a path."""
    match = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S+)", message.body)
    assert match, message.body
    return match.group(1)


def log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_full_journey_sign_up_confirm_log_in_reset(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/cont/inregistrare/"

    response = client.post(reverse("account_signup"), signup_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email="elena.marinescu@example.org")
    assert (user.first_name, user.last_name) == ("Elena", "Marinescu")
    assert not user.is_staff
    assert not is_logged_in(client)

    # The confirmation email: in Romanian, with the site's name and a link to /cont/confirmare-email/….
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["elena.marinescu@example.org"]
    assert SITE_NAME in confirmation.subject
    assert SITE_NAME in confirmation.body
    # Formal Romanian (locale_overrides replaces allauth's informal "Salutari de la …" / "Primești"), HTML too.
    assert "Bună ziua" in confirmation.body
    assert "dumneavoastră" in confirmation.body
    assert "Primești" not in confirmation.body and "Salutari" not in confirmation.body
    html = {mimetype: content for content, mimetype in confirmation.alternatives}["text/html"]
    assert 'href="http://testserver/cont/confirmare-email/' in html
    link = link_in(confirmation, "/cont/confirmare-email/")

    # Not confirmed yet: logging in only sends the member back to "confirm your address".
    response = log_in(client, "elena.marinescu@example.org", "Sigur-pe-ea-2026")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not is_logged_in(client)

    # Opening the link only shows a page: mail scanners that follow links confirm nothing.
    response = client.get(link)
    assert response.status_code == 200
    assert "elena.marinescu@example.org" in response.content.decode()
    assert not EmailAddress.objects.get(email="elena.marinescu@example.org").verified
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert EmailAddress.objects.get(email="elena.marinescu@example.org").verified

    # The link cannot be used twice; the page says so.
    response = client.get(link)
    assert response.status_code == 200
    assert (
        gettext("This confirmation link has expired, was already used or is not valid.") in response.content.decode()
    )

    response = log_in(client, "elena.marinescu@example.org", "Sigur-pe-ea-2026")
    assert response.status_code == 302
    assert response["Location"] == reverse("members:dashboard")
    assert is_logged_in(client)
    page = client.get(reverse("members:dashboard")).content.decode()
    assert "Elena Marinescu" in page

    # Log out (a POST), then reset the password through the emailed link.
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert not is_logged_in(client)

    mail.outbox.clear()
    response = client.post(reverse("account_reset_password"), {"email": "elena.marinescu@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert SITE_NAME in mail.outbox[0].subject
    reset_link = link_in(mail.outbox[0], "/cont/parola/resetare/cheie/")

    response = client.get(reset_link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    assert form_url.endswith("-set-password/")
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")

    # The reset link works once.
    client.cookies.clear()
    response = client.get(reset_link, follow=True)
    assert gettext("This password reset link has expired or was already used.") in response.content.decode()

    # The old password no longer works, the new one does.
    response = log_in(client, "elena.marinescu@example.org", "Sigur-pe-ea-2026")
    assert response.status_code == 200
    assert not is_logged_in(client)
    response = log_in(client, "elena.marinescu@example.org", NEW_PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_expired_confirmation_link_is_refused_with_a_clear_message(client):
    client.post(reverse("account_signup"), signup_data())
    link = link_in(mail.outbox[0], "/cont/confirmare-email/")
    with override_settings(ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS=0):
        response = client.get(link)
        assert gettext("This confirmation link has expired, was already used or is not valid.") in (
            response.content.decode()
        )
        assert client.post(link).status_code == 404
    assert not EmailAddress.objects.get(email="elena.marinescu@example.org").verified


def test_invalid_confirmation_link(client):
    response = client.get("/cont/confirmare-email/MQ:nu-e-o-cheie-valida/")
    assert response.status_code == 200
    assert (
        gettext("This confirmation link has expired, was already used or is not valid.") in response.content.decode()
    )


def test_expired_reset_link_is_refused_with_a_clear_message(client, monkeypatch):
    user = UserFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})
    reset_link = link_in(mail.outbox[0], "/cont/parola/resetare/cheie/")
    later = timezone.now() + timezone.timedelta(days=30)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later.replace(tzinfo=None))
    response = client.get(reset_link, follow=True)
    assert gettext("This password reset link has expired or was already used.") in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_never_tells_whether_an_address_has_an_account(client):
    UserFactory(email="ana@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "ana@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nimeni@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_duplicate_email_is_refused_with_a_clear_message(client):
    UserFactory(email="ocupat@example.org")
    response = client.post(reverse("account_signup"), signup_data(email="Ocupat@Example.org"))
    assert response.status_code == 200
    errors = response.context["form"].errors["email"]
    assert errors == [
        gettext("An account with this email address already exists. Log in, or reset your password if you forgot it.")
    ]
    assert get_user_model().objects.filter(email__iexact="ocupat@example.org").count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("scurt1", "password_too_short"),
        ("12345678901", "password_entirely_numeric"),
        ("password123", "password_too_common"),
    ],
)
def test_weak_password_is_refused(client, password, code):
    response = client.post(reverse("account_signup"), signup_data(password1=password, password2=password))
    assert response.status_code == 200
    assert code in [error.code for error in response.context["form"].errors.as_data()["password1"]]
    assert not get_user_model().objects.filter(email="elena.marinescu@example.org").exists()


def test_password_like_the_name_is_refused(client):
    response = client.post(
        reverse("account_signup"),
        signup_data(email="marinescuelena@example.org", password1="marinescuelena", password2="marinescuelena"),
    )
    assert "password_too_similar" in [error.code for error in response.context["form"].errors.as_data()["password1"]]


def test_signup_form_keeps_what_was_typed(client):
    response = client.post(
        reverse("account_signup"), signup_data(last_name="", password2="Altceva-2026", email="elena@example.org")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Elena"' in page
    assert 'value="elena@example.org"' in page
    assert "last_name" in response.context["form"].errors
    assert "password2" in response.context["form"].errors
    assert 'class="error-summary"' in page
    # Passwords are never sent back to the browser.
    assert "Sigur-pe-ea-2026" not in page


def test_login_form_keeps_the_address_and_says_what_is_wrong(client):
    UserFactory(email="ana@example.org")
    response = log_in(client, "ana@example.org", "gresita")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="ana@example.org"' in page
    assert gettext("The email address or the password is not correct.") in page
    assert not is_logged_in(client)


def test_header_for_visitors_and_members(client):
    visitor = client.get(reverse("account_login")).content.decode()
    assert f'href="{reverse("account_signup")}"' in visitor
    assert f'href="{reverse("account_login")}"' in visitor
    assert reverse("account_logout") not in visitor

    user = UserFactory(first_name="Ana", last_name="Popescu")
    client.force_login(user)
    member = client.get(reverse("account_login"), follow=True).content.decode()
    header = member.split('<header class="site-header">')[1].split("</header>")[0]
    assert "Ana Popescu" in header
    assert f'href="{reverse("members:dashboard")}"' in header
    assert f'action="{reverse("account_logout")}"' in header
    assert 'method="post"' in header
    assert f'href="{reverse("account_signup")}"' not in header


def test_logout_needs_a_post(client):
    client.force_login(UserFactory())
    response = client.get(reverse("account_logout"))
    assert response.status_code == 200
    assert is_logged_in(client)
    client.post(reverse("account_logout"))
    assert not is_logged_in(client)


def test_change_password(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("account_change_password")
    response = client.post(url, {"oldpassword": "gresita", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 200
    assert "oldpassword" in response.context["form"].errors
    response = client.post(url, {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_change_email_needs_the_new_address_confirmed(client):
    user = UserFactory(email="vechi@example.org")
    client.force_login(user)
    response = client.post(reverse("account_email"), {"email": "nou@example.org", "action_add": ""})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nou@example.org"]
    user.refresh_from_db()
    assert user.email == "vechi@example.org"

    link = link_in(mail.outbox[0], "/cont/confirmare-email/")
    client.post(link)
    user.refresh_from_db()
    assert user.email == "nou@example.org"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified", "primary")) == [
        ("nou@example.org", True, True)
    ]


def test_change_email_to_an_address_in_use_is_refused(client):
    UserFactory(email="ocupat@example.org")
    client.force_login(UserFactory())
    response = client.post(reverse("account_email"), {"email": "ocupat@example.org", "action_add": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert mail.outbox == []


def test_account_pages_use_romanian_addresses():
    assert reverse("account_login") == "/cont/autentificare/"
    assert reverse("account_signup") == "/cont/inregistrare/"
    assert reverse("account_logout") == "/cont/iesire/"
    assert reverse("account_reset_password") == "/cont/parola/resetare/"
    assert reverse("members:dashboard") == "/contul-meu/"


def test_account_pages_render_in_the_site_layout(client):
    for name in ("account_login", "account_signup", "account_reset_password", "account_reset_password_done"):
        page = client.get(reverse(name)).content.decode()
        assert '<html lang="ro">' in page, name
        assert 'class="site-header"' in page, name
        assert 'name="robots" content="noindex"' in page, name


def test_a_mail_server_that_is_down_neither_fails_sign_up_nor_leaves_half_an_account(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    response = client.post(reverse("account_signup"), signup_data(email="fara.posta@example.org"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email="fara.posta@example.org")
    assert user.emailaddress_set.get().verified is False  # whole account; the member can ask for the email again


def test_password_reset_with_the_mail_server_down_still_answers(client, monkeypatch):
    UserFactory(email="resetare@example.org")

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    response = client.post(reverse("account_reset_password"), {"email": "resetare@example.org"})
    assert response.status_code == 302
