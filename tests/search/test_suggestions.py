"""Issue #11, point 4: /cautare/sugestii/?q= completes organization names and page titles, as JSON."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories.directory import OrganizationFactory
from tests.factories.news import NewsPageFactory

URL = "/cautare/sugestii/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def suggestions(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["count"] == len(body["suggestions"])
    return body["suggestions"]


def test_the_url(db):
    assert reverse("search:suggestions") == URL


@pytest.mark.parametrize("typed", ["zâmb", "zamb", "ZÂMBET", "asociatia zamb", "asoc zâmbet"])
def test_an_organization_name_completes_however_it_is_typed(client, corpus, typed):
    assert suggestions(client, q=typed)[0] == {
        "title": "Asociația Zâmbet pentru Copii",
        "type": "organizatii",
        "type_label": "Organizații",
        "url": corpus.organization.get_absolute_url(),
    }


def test_page_titles_complete_too_with_their_kind(client, corpus):
    found = suggestions(client, q="regulamentul parc")
    assert found == [
        {
            "title": "Regulamentul parcărilor de reședință",
            "type": "consultari",
            "type_label": "Consultări publice",
            "url": corpus.consultation.url,
        }
    ]
    # Both spellings of ş/ș, with and without diacritics.
    for typed in ("şedinţa", "sedinta", "ȘEDINȚ"):
        assert {item["title"] for item in suggestions(client, q=typed)} == {
            corpus.news.title,
            corpus.cedilla_news.title,
        }


def test_organizations_only_with_tip(client, corpus, news_index):
    NewsPageFactory(parent=news_index, title="Zâmbete la grădinița din cartier")
    assert {item["type"] for item in suggestions(client, q="zamb")} == {"organizatii", "stiri"}
    assert [item["title"] for item in suggestions(client, q="zamb", tip="organizatii")] == [
        "Asociația Zâmbet pentru Copii"
    ]


def test_an_organization_named_as_typed_comes_first_and_at_most_eight(client, home_page):
    for number in range(12):
        OrganizationFactory(name=f"Asociația Vecinii {number}", description="Vecinii din Titan.")
    OrganizationFactory(name="Vecinii", description="Asociația de locatari.")
    found = suggestions(client, q="vecinii")
    assert len(found) == 8
    assert found[0]["title"] == "Vecinii"


@pytest.mark.parametrize("typed", ["tezaur", "ascun", "trotuar", "jignitor", "zmeu", "parol", "bicicle"])
def test_nothing_private_unpublished_or_without_a_title_of_its_own(client, corpus, typed):
    """Drafts, private pages, draft organizations, recommendations (approved or not: their titles are "Recomandare
    de la …"), unpublished changes."""
    assert suggestions(client, q=typed) == []


@pytest.mark.parametrize(
    ("params", "finds_something"),
    [
        ({}, False),
        ({"q": ""}, False),
        ({"q": "z"}, False),
        ({"q": '" * ( ) OR NEAR -'}, False),
        ({"q": "x" * 5000}, False),
        ({"q": "\x00"}, False),
        ({"q": "zamb", "tip": "nu-exista"}, False),
        ({"q": "zamb", "tip": "<b>"}, False),
        ({"q": "<script>alert(1)</script>"}, False),
        ({"q": "Zâmbet " * 800}, True),
        ({"q": "zamb\x00"}, True),
        ({"q": ["zamb", "granturi"]}, True),
        ({"q": "zamb", "tip": "\x00"}, True),
        ({"q": "zamb", "tip": ["organizatii"] * 500}, True),
    ],
)
def test_bad_input_gives_a_list_never_an_error(client, corpus, params, finds_something):
    found = suggestions(client, **params)
    assert isinstance(found, list)
    assert bool(found) == finds_something
    assert "<script" not in str(found)


def test_answers_are_cacheable_and_cached(client, corpus, django_assert_max_num_queries):
    response = client.get(URL, {"q": "zamb"})
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    # The same meaning, typed otherwise, is served from the cache without a query.
    with django_assert_max_num_queries(0):
        assert suggestions(client, q="ZÂMB")[0]["title"] == "Asociația Zâmbet pentru Copii"


def test_one_query_whatever_the_number_of_matches(client, home_page, django_assert_max_num_queries):
    for number in range(30):
        OrganizationFactory(name=f"Asociația Grădina {number}")
    with django_assert_max_num_queries(1):
        assert len(suggestions(client, q="gradina")) == 8


def test_the_header_search_box_asks_for_suggestions_with_a_local_script(client, corpus):
    html = client.get("/").content.decode()
    assert 'data-suggest-url="/cautare/sugestii/"' in html
    assert '<script src="/static/js/search-suggest.js' in html
    assert 'role="status" aria-live="polite" data-suggest-status data-none="Nicio sugestie"' in html
    # The plural forms the script picks from (Intl.PluralRules "one", "few", "other").
    assert 'data-one="1 sugestie" data-few="2 sugestii" data-other="20 de sugestii"' in html
    # The page stays a plain form without JavaScript: no role or state the script would add.
    assert 'role="combobox"' not in html


def test_members_choose_an_organization_from_the_same_suggestions(client, corpus):
    from tests.factories.members import UserFactory

    client.force_login(UserFactory())
    html = client.get(reverse("members:organization_search")).content.decode()
    assert 'data-suggest-url="/cautare/sugestii/?tip=organizatii"' in html
    assert 'data-suggest-mode="fill"' in html
