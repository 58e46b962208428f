"""Issue #7, points 8 and 12: passwords of spaces are refused everywhere; the password rules speak correct Romanian."""

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tests.factories.members import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WEAK = ["        ", " \t  \u00a0    ", "  Parola-2026  ", " Parola-de-test-2026", "a b c d e f g"]


@pytest.mark.parametrize("password", WEAK)
def test_the_validator_refuses_whitespace_passwords(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_passphrase_with_inner_spaces_is_fine():
    validate_password("trei mere verzi pe bancă")


@pytest.mark.parametrize("password", ["          ", "  Sigur-pe-ea-2026  "])
def test_sign_up_refuses_whitespace_passwords(client, password):
    data = {
        "first_name": "Elena",
        "last_name": "Marinescu",
        "email": "elena@example.org",
        "password1": password,
        "password2": password,
    }
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert "Parola nu poate" in response.content.decode()
    assert response.context["form"].errors
    assert not response.context["form"].is_valid()


def test_password_change_refuses_whitespace_passwords(client):
    user = UserFactory()
    client.force_login(user)
    spaces = "            "
    response = client.post(
        reverse("account_change_password"), {"oldpassword": PASSWORD, "password1": spaces, "password2": spaces}
    )
    assert response.status_code == 200
    assert "Parola nu poate fi formată doar din spații." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_admin_refuses_whitespace_passwords(admin_client):
    spaces = "            "
    data = {
        "username": "nou",
        "email": "nou@example.org",
        "first_name": "Nou",
        "last_name": "Editor",
        "password1": spaces,
        "password2": spaces,
    }
    response = admin_client.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 200
    assert "Parola nu poate fi formată doar din spații." in response.content.decode()
    assert not UserFactory._meta.model.objects.filter(username="nou").exists()


def test_password_rules_are_in_correct_romanian():
    with translation.override("ro"):
        messages = []
        for password in ["abc", "12345678901", "password"]:
            try:
                validate_password(password)
            except ValidationError as error:
                messages += error.messages
        texts = " ".join(messages + [str(text) for text in password_validators_help_texts()])
    assert "Această parolă este prea scurtă" in texts
    assert "This password" not in texts
    assert "Acestă" not in texts
    assert " sa " not in texts
    assert "ş" not in texts and "ţ" not in texts
