"""Password rules of our own, added to Django's in AUTH_PASSWORD_VALIDATORS (every form that sets a password)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class WhitespacePasswordValidator:
    """Refuses passwords of spaces only, with spaces at either end, or too short once their spaces are left out.

    Spaces inside a passphrase are fine; spaces cannot make a short password long enough.
    """

    def __init__(self, min_length=8):
        self.min_length = min_length

    def validate(self, password, user=None):
        if not password.strip():
            raise ValidationError(_("The password cannot be made only of spaces."), code="password_only_whitespace")
        if password != password.strip():
            raise ValidationError(
                _("The password cannot begin or end with a space."), code="password_surrounding_whitespace"
            )
        # Without spaces, Django's MinimumLengthValidator says it.
        if re.search(r"\s", password) and len(re.sub(r"\s", "", password)) < self.min_length:
            raise ValidationError(
                ngettext(
                    "The password must have at least %(min_length)d character besides spaces.",
                    "The password must have at least %(min_length)d characters besides spaces.",
                    self.min_length,
                ),
                code="password_too_short_without_whitespace",
                params={"min_length": self.min_length},
            )

    def get_help_text(self):
        return _("Your password cannot be made only of spaces or begin or end with a space.")
