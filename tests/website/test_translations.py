"""The Romanian catalogue is complete and compiled: nothing a reader sees falls back to English."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ro" / "LC_MESSAGES" / "django.po"
# Hand-kept Romanian for texts that Django, Wagtail and allauth bring (makemessages never rewrites it).
OVERRIDES = Path(settings.BASE_DIR) / "locale_overrides" / "ro" / "LC_MESSAGES" / "django.po"
CATALOGUES = pytest.mark.parametrize("catalogue_path", [CATALOGUE, OVERRIDES], ids=["project", "overrides"])


@CATALOGUES
def test_every_entry_is_translated(catalogue_path):
    catalogue = polib.pofile(str(catalogue_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@CATALOGUES
def test_compiled_catalogue_is_up_to_date(catalogue_path):
    catalogue = polib.pofile(str(catalogue_path))
    compiled = polib.mofile(str(catalogue_path.with_suffix(".mo")))
    expected = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in catalogue.translated_entries()
    }
    actual = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in compiled}
    assert actual == expected


@CATALOGUES
def test_romanian_letters_use_comma_below(catalogue_path):
    """ş/ţ with cedilla (U+015F, U+0163 and capitals) are the legacy, wrong forms in Romanian."""
    text = catalogue_path.read_text(encoding="utf-8")
    for wrong in "şţŞŢ":
        assert wrong not in text, f"{wrong!r} (cedilla) found; use ș/ț (comma below)"


def test_the_overrides_win_over_the_libraries_own_romanian():
    with translation.override("ro"):
        # allauth's own catalogue says "Salutari de la …" (no diacritics, informal).
        assert (
            translation.gettext("Hello from %(site_name)s!") == "Bună ziua! Vă scriem de pe platforma %(site_name)s."
        )
        # Django's own has the typo "Acestă parolă".
        assert translation.gettext("This password is too common.").startswith("Această parolă")
