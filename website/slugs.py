"""ASCII slugs for every web address: "Reparații școală" becomes "reparatii-scoala".

Wagtail's admin fills slugs in the browser; with WAGTAIL_ALLOW_UNICODE_SLUGS = False its
transliteration knows ș and ş but drops the legacy cedilla ţ ("reparaţii" → "reparaii"), and a
slug typed by hand loses every Romanian letter. The formatters below run before Wagtail's own
clean-up, and the form field does the same on the server, for pages and snippets alike.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import SlugInput

# Both spellings of ș and ț: comma below (correct) and the legacy cedilla that old keyboards type.
ROMANIAN_LETTERS = {
    "ă": "a",
    "â": "a",
    "î": "i",
    "ș": "s",
    "ş": "s",
    "ț": "t",
    "ţ": "t",
    "Ă": "A",
    "Â": "A",
    "Î": "I",
    "Ș": "S",
    "Ş": "S",
    "Ț": "T",
    "Ţ": "T",
}

# (regex, replacement) pairs for Wagtail's slug controller, applied before it slugifies.
SLUG_FORMATTERS = [
    ("[" + "".join(letter for letter, plain in ROMANIAN_LETTERS.items() if plain == ascii_letter) + "]", ascii_letter)
    for ascii_letter in sorted(set(ROMANIAN_LETTERS.values()))
]

ASCII_SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+\Z")


def transliterate(value):
    """Romanian (and other Latin) letters without their diacritics: "Știri țărănești" → "Stiri taranesti"."""
    value = "".join(ROMANIAN_LETTERS.get(character, character) for character in value)
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(character for character in decomposed if not unicodedata.combining(character))


class AsciiSlugFormField(forms.SlugField):
    """A slug that is plain ASCII: Romanian letters are transliterated, anything else is refused."""

    default_error_messages = {
        "invalid": _(
            "The web address may contain only letters without diacritics, digits and hyphens "
            "(for example “reparatii-scoala”)."
        ),
    }

    def __init__(self, *args, **kwargs):
        kwargs["allow_unicode"] = False
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return transliterate(value) if value else value

    def validate(self, value):
        super().validate(value)
        if value and not ASCII_SLUG_RE.match(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")


def slug_input():
    """Wagtail's slug widget, transliterating Romanian letters in the browser too."""
    return SlugInput(formatters=SLUG_FORMATTERS)
