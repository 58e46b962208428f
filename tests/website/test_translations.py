"""The Romanian catalogue is complete and compiled: nothing a reader sees falls back to English."""

from pathlib import Path

import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ro" / "LC_MESSAGES" / "django.po"


def test_every_entry_is_translated():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_is_up_to_date():
    catalogue = polib.pofile(str(CATALOGUE))
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    expected = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in catalogue.translated_entries()
    }
    actual = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in compiled}
    assert actual == expected


def test_romanian_letters_use_comma_below():
    """ş/ţ with cedilla (U+015F, U+0163 and capitals) are the legacy, wrong forms in Romanian."""
    text = CATALOGUE.read_text(encoding="utf-8")
    for wrong in "şţŞŢ":
        assert wrong not in text, f"{wrong!r} (cedilla) found; use ș/ț (comma below)"
