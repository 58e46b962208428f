"""search.text: one Romanian normalization for documents and queries, a parser that nothing breaks, highlights."""

import pytest

from search.text import (
    fix_cedillas,
    highlight,
    indexable,
    normalize,
    parse_query,
    romanian_lower,
    snippet,
    stem_prefix,
    word_matches,
)


@pytest.mark.parametrize(
    "spelling",
    ["ședință", "şedinţă", "ȘEDINȚĂ", "ŞEDINŢĂ", "Sedinta", "s\u0326edint\u0326a\u0306", "  ședință  "],
)
def test_every_spelling_of_a_word_normalizes_the_same(spelling):
    assert normalize(spelling) == "sedinta"


def test_normalize_folds_every_romanian_letter_and_collapses_spaces():
    assert (
        normalize("Întreprinderi  sociale în\tBucurești: ĂÂÎȘȚ ăâîșț")
        == "intreprinderi sociale in bucuresti: aaist aaist"
    )
    assert normalize(None) == ""


def test_romanian_lower_keeps_diacritics_with_comma_below():
    assert romanian_lower("ŞEDINŢA Asociaţiilor") == "ședința asociațiilor"
    assert fix_cedillas("Şeful ţării") == "Șeful țării"


def test_indexed_text_holds_both_spellings():
    assert indexable("Asociațiile din București") == "asociațiile asociatiile din bucurești bucuresti"
    assert indexable("<b>Legea</b> 219/2015") == "b legea b 219 2015"


def test_the_directory_folds_with_the_same_function():
    from directory.text import fix_cedillas as directory_fix_cedillas
    from directory.text import fold

    assert fold is normalize
    assert directory_fix_cedillas is fix_cedillas


@pytest.mark.parametrize(
    ("raw", "terms"),
    [
        ("", ()),
        (None, ()),
        ("   ", ()),
        ('" * ( ) OR NEAR -', ()),
        ("economie socială", ("economie", "socială")),
        ("Economie ECONOMIE economie", ("economie",)),
        ('"economie sociala" OR (Bucuresti*) NOT -sector', ("economie", "sociala", "bucuresti", "sector")),
        ("ŞEDINŢĂ", ("ședință",)),
        ("e-mail", ("e", "mail")),
        ("café\x00crème", ("café", "crème")),
        ("'; DROP TABLE x; --", ("drop", "table", "x")),
        ("1 2 3 4 5 6 7 8 9 10", ("1", "2", "3", "4", "5", "6", "7", "8")),
    ],
)
def test_the_parser_keeps_words_only(raw, terms):
    assert parse_query(raw).terms == terms


def test_the_parser_keeps_the_text_for_the_box_within_limits():
    parsed = parse_query("  Zâmbet   pentru copii ")
    assert parsed.text == "Zâmbet pentru copii"
    assert parsed.folded_terms == ("zambet", "pentru", "copii")
    assert parsed.search_string == "zâmbet pentru copii"
    long = parse_query("cuvânt " * 1000)
    assert len(long.text) <= 200
    assert long.text.endswith("cuvânt")
    assert parse_query("x" * 5000).terms == ("x" * 40,)
    assert not parse_query("***")


@pytest.mark.parametrize(
    ("term", "word", "matches"),
    [
        ("asociat", "asociatiile", True),
        ("asociatiile", "asociatie", True),
        ("asociatie", "asociatiile", True),
        ("sedinta", "sedintele", True),
        ("bucuresti", "bucuresti", True),
        ("og", "og", True),
        ("og", "ogor", False),
        ("economie", "economia", True),
        ("sociala", "sociale", True),
        ("mediu", "educatie", False),
    ],
)
def test_word_matches(term, word, matches):
    assert word_matches(term, word) is matches


@pytest.mark.parametrize(
    ("term", "prefix"),
    [("economie", "econom"), ("asociatiile", "asociat"), ("sedinta", "sedint"), ("arta", "arta"), ("og", "og")],
)
def test_stem_prefix(term, prefix):
    assert stem_prefix(term) == prefix


def test_highlight_escapes_first_and_marks_every_spelling():
    html = highlight("<script>alert(1)</script> Şedinţa & ședința", ("sedinta",))
    assert html == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Şedinţa</mark> &amp; <mark>ședința</mark>"


def test_highlight_cannot_be_tricked_into_markup():
    assert "<b>" not in highlight("<b>mark</b>", ("b", "mark"))
    assert highlight("<b>mark</b>", ("mark",)) == "&lt;b&gt;<mark>mark</mark>&lt;/b&gt;"


def test_the_snippet_shows_the_words_around_the_first_match():
    text = " ".join(f"cuvânt{number}" for number in range(100)) + " întreprinderi sociale " + "final " * 50
    result = snippet(text, ("intreprindere",), length=20)
    assert result.startswith("… ")
    assert result.endswith(" …")
    assert "<mark>întreprinderi</mark>" in result
    assert len(result.split()) <= 23


def test_the_snippet_of_a_text_without_a_match_is_its_beginning():
    assert snippet("Un text scurt.", ("altceva",)) == "Un text scurt."
    assert snippet("", ("altceva",)) == ""
