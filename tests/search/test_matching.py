"""Issue #11, point 2: Romanian matching, the same on SQLite and PostgreSQL, and nothing private ever found."""

import pytest

from search.query import find

# (query, titles that must be found, titles that must not be)
NEWS = "Ședință publică despre economia socială în București"
CEDILLA_NEWS = "Şedinţa consiliului local din Sectorul 4"
GUIDE = "Legea 219/2015 privind economia socială"
OPEN_CALL = "Granturi pentru întreprinderi sociale"
CLOSED_CALL = "Granturi pentru grădini urbane"
CONSULTATION = "Regulamentul parcărilor de reședință"
CONTENT = "Despre proiect"
ORGANIZATION = "Asociația Zâmbet pentru Copii"
RECOMMENDATION_TEXT = "biciclete"
DRAFT_PAGE = "Știre nepublicată despre tezaur"
PRIVATE_PAGE = "Pagină cu parolă"
DRAFT_ORGANIZATION = "Fundația Ascunsă"

TABLE = [
    # Without diacritics, the document with them.
    ("Bucuresti", [NEWS], []),
    ("economie sociala", [NEWS, GUIDE, OPEN_CALL], [CLOSED_CALL]),
    ("gradini urbane", [CLOSED_CALL], [OPEN_CALL]),
    # With diacritics, the document without them (and cedilla documents with comma-below queries).
    ("ședință", [NEWS, CEDILLA_NEWS], [GUIDE]),
    ("sedinta", [NEWS, CEDILLA_NEWS], [GUIDE]),
    ("organizațiile", [CEDILLA_NEWS, CONTENT], []),
    # Legacy cedilla and upper case in the query.
    ("ŞEDINŢA", [NEWS, CEDILLA_NEWS], []),
    ("şedinţă", [NEWS, CEDILLA_NEWS], []),
    ("BUCUREȘTI", [NEWS], []),
    ("ZÂMBET", [ORGANIZATION], []),
    # Word forms: plural and articled forms find the dictionary form, and the other way round.
    ("asociațiile", [NEWS, ORGANIZATION], []),
    ("asociație", [NEWS, ORGANIZATION], []),
    ("asociat", [NEWS, ORGANIZATION], []),
    ("întreprindere socială", [GUIDE, OPEN_CALL], []),
    ("parcari", [CONSULTATION], []),
    ("meditatii gratuite", [ORGANIZATION], []),
    # Every word must match.
    ("economie sociala Bucuresti", [NEWS], [GUIDE]),
    # Published but unrelated content is found by its own words.
    ("platforma", [CONTENT], []),
    ("Legea 219/2015", [GUIDE], []),
    # Never found: drafts, private pages, unpublished organizations, unapproved recommendations, draft changes.
    ("tezaur", [], [DRAFT_PAGE, PRIVATE_PAGE]),
    ("Fundatia Ascunsa", [], [DRAFT_ORGANIZATION]),
    ("trotuar", [], []),
    ("jignitor", [], []),
    ("zmeu", [], [CONTENT]),
]


def titles(query, **filters):
    outcome = find(query, **filters)
    return [hit.document.title for hit in outcome.hits()]


@pytest.mark.parametrize(("query", "expected", "excluded"), TABLE, ids=[row[0] for row in TABLE])
def test_romanian_queries(corpus, query, expected, excluded):
    found = titles(query)
    for title in expected:
        assert title in found, f"{query!r} should find {title!r}; found {found}"
    for title in excluded:
        assert title not in found, f"{query!r} must not find {title!r}"
    if not expected:
        assert found == []


def test_approved_recommendations_are_found_with_their_consultation(corpus):
    outcome = find(RECOMMENDATION_TEXT)
    (hit,) = outcome.hits()
    assert hit.document.kind == "recomandari"
    assert hit.document.url == f"{corpus.consultation.url}#recomandare-{corpus.approved.pk}"
    assert "<mark>biciclete</mark>" in hit.snippet_html


def test_nothing_private_is_found_by_any_word_of_it(corpus):
    for query in ["nepublicată", "confidențial", "parolă", "nepublicata moderare", "trotuar lat", "vecini", "zmeu"]:
        assert titles(query) == [], query


def test_the_public_keeps_the_published_text_of_a_page_with_draft_changes(corpus):
    assert titles("leaga organizatiile neguvernamentale") == [CONTENT]


@pytest.mark.parametrize(
    "query",
    [
        '" * ( ) OR NEAR -',
        '"',
        "***",
        "()",
        "-",
        "OR",
        "AND NOT NEAR",
        "'; DROP TABLE search_searchdocument; --",
        "%_%",
    ],
)
def test_operator_characters_alone_search_nothing_and_never_fail(corpus, query):
    outcome = find(query)
    assert outcome.total == 0
    assert outcome.hits() == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"economie sociala"', [NEWS, GUIDE, OPEN_CALL]),
        ("economie* OR sociala", [NEWS, GUIDE, OPEN_CALL]),
        ("(Zambet) -", [ORGANIZATION]),
        ("Zambet NEAR meditatii", [ORGANIZATION]),
        ("zambet:copii^", [ORGANIZATION]),
    ],
)
def test_operator_characters_around_words_are_ignored(corpus, query, expected):
    assert sorted(titles(query)) == sorted(expected)


def test_a_five_thousand_character_query_is_harmless(corpus):
    outcome = find("a" * 5000)
    assert outcome.query.terms == ("a" * 40,)
    assert outcome.total == 0
    # The box keeps 200 characters, cut between words; the search reads at most 8 different words.
    outcome = find("Zambet " + "a" * 5000)
    assert outcome.query.text == "Zambet"
    assert [hit.document.title for hit in outcome.hits()] == [ORGANIZATION]
    outcome = find("Zambet " * 1000)
    assert len(outcome.query.text) <= 200
    assert outcome.query.terms == ("zambet",)
    assert outcome.total == 1
    assert find(" ".join(f"cuvant{number}" for number in range(1000))).query.terms[-1] == "cuvant7"
