"""Issue #11, point 1: /cautare/ with facets, highlighted snippets, pagination, an empty state; never a 500."""

import re

import pytest
from django.urls import reverse

from tests.factories.news import NewsPageFactory

URL = "/cautare/"


def result_titles(response):
    return [hit.document.title for hit in response.context["hits"]]


def test_the_url(db):
    assert reverse("search:search") == URL


def test_results_with_highlighted_snippets_and_the_query_kept(client, corpus):
    response = client.get(URL, {"q": "sedinta publica"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="sedinta publica"' in html
    assert result_titles(response) == [corpus.news.title]
    assert "<mark>Ședință</mark> <mark>publică</mark> despre economia socială în București" in html
    assert '<h2 id="cautare-rezultate" class="results-summary" role="status">' in html
    assert "1 rezultat pentru „sedinta publica”" in html
    assert "<title>1 rezultat pentru „sedinta publica”" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_facets_count_by_type_and_topic_and_filter(client, corpus):
    response = client.get(URL, {"q": "economie sociala"})
    facets = {facet.key: facet.count for facet in response.context["outcome"].kind_facets}
    assert facets["stiri"] == 1
    assert facets["ghiduri"] == 1
    assert facets["finantari"] == 1
    topics = {facet.key: facet.count for facet in response.context["outcome"].topic_facets}
    assert topics == {"economie-sociala": 3}
    html = response.content.decode()
    assert 'Știri <span class="facet-count">(1)</span>' in html
    assert "?q=economie+sociala&amp;tip=ghiduri" in html

    response = client.get(URL, {"q": "economie sociala", "tip": "ghiduri"})
    assert result_titles(response) == [corpus.guide.title]
    assert response.context["outcome"].total == 1
    # The type facets still count every type, so that a reader can switch.
    assert {facet.key for facet in response.context["outcome"].kind_facets} >= {"stiri", "ghiduri", "finantari"}
    assert 'aria-current="true">Ghiduri' in response.content.decode()

    response = client.get(URL, {"q": "granturi", "tema": "mediu"})
    assert result_titles(response) == [corpus.closed_call.title]
    assert "Închis" in response.content.decode()


def test_several_types_at_once(client, corpus):
    response = client.get(URL + "?q=economie+sociala&tip=stiri&tip=ghiduri")
    assert sorted(result_titles(response)) == sorted([corpus.news.title, corpus.guide.title])


def test_pagination(client, news_index):
    for number in range(23):
        NewsPageFactory(parent=news_index, title=f"Atelier de reparații {number}", slug=f"atelier-{number}")
    response = client.get(URL, {"q": "atelier reparatii"})
    assert response.context["outcome"].total == 23
    assert len(result_titles(response)) == 10
    assert 'start="1"' in response.content.decode()

    response = client.get(URL, {"q": "atelier reparatii", "page": 3})
    assert len(result_titles(response)) == 3
    assert 'start="21"' in response.content.decode()

    seen = set()
    for page in (1, 2, 3):
        seen.update(result_titles(client.get(URL, {"q": "atelier reparatii", "page": page})))
    assert len(seen) == 23


@pytest.mark.parametrize("page", ["99", "-1", "0", "abc", "1e9", "99999999999999999999999", "", "\x00"])
def test_a_page_out_of_range_gives_a_page_of_results(client, corpus, page):
    response = client.get(URL, {"q": "granturi", "page": page})
    assert response.status_code == 200
    assert len(result_titles(response)) == 2


def test_the_empty_state_names_the_query_and_suggests(client, corpus):
    response = client.get(URL, {"q": "economie vulcani"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nu am găsit rezultate pentru „economie vulcani”" in html
    assert 'value="economie vulcani"' in html
    # Searching one of the words at a time.
    assert '<a href="?q=economie">economie</a>' in html
    assert '<a href="?q=vulcani">vulcani</a>' in html
    # Browsing the sections of the site.
    assert 'href="/organizatii/"' in html


def test_the_empty_state_offers_to_drop_the_filters(client, corpus):
    response = client.get(URL, {"q": "vulcani", "tip": "stiri", "tema": "mediu"})
    assert '<a href="?q=vulcani">' in response.content.decode()


def test_an_empty_query_invites_to_search(client, corpus):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nu am găsit" not in html
    assert 'id="cautare-q"' in html
    assert response.context["outcome"].total == 0


@pytest.mark.parametrize(
    "params",
    [
        {"q": '" * ( ) OR NEAR -'},
        {"q": "x" * 5000},
        {"q": "Zâmbet " * 800},
        {"q": "\x00"},
        {"q": "sedinta\x00publica"},
        {"q": "<script>alert(1)</script>"},
        {"q": "sedinta", "tip": "nu-exista"},
        {"q": "sedinta", "tip": "\x00"},
        {"q": "sedinta", "tip": ["stiri"] * 500},
        {"q": "sedinta", "tema": "nu-exista"},
        {"q": "sedinta", "tema": "\x00<b>"},
        {"q": "sedinta", "tema": "a" * 5000},
        {"q": ["sedinta", "granturi"]},
    ],
)
def test_bad_input_never_fails(client, corpus, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_unknown_type_and_topic_are_left_out_and_said(client, corpus):
    response = client.get(URL, {"q": "sedinta", "tip": "nu-exista", "tema": "nici-asta"})
    html = response.content.decode()
    assert "Nu există tipul de rezultat „nu-exista”" in html
    assert "Nu există tema „nici-asta”" in html
    assert len(result_titles(response)) == 2


def test_operators_alone_say_no_results_and_how_to_search(client, corpus):
    html = client.get(URL, {"q": '" * ( )'}).content.decode()
    assert "Nu am găsit rezultate pentru „&quot; * ( )”" in html
    assert "Scrieți cel puțin un cuvânt" in html


def test_the_header_has_a_search_box_on_every_page(client, corpus):
    html = client.get("/").content.decode()
    form = re.search(r'<form class="site-search"[^>]*>.*?</form>', html, re.S).group()
    assert 'action="/cautare/"' in form
    assert 'role="search"' in form
    assert '<label class="visually-hidden" for="site-search-q">' in form
    assert 'name="q"' in form


def test_search_is_in_the_navigation(client, corpus):
    html = client.get("/").content.decode()
    assert '<a class="site-nav__link" href="/cautare/">Căutare</a>' in html
    html = client.get(URL, {"q": "x"}).content.decode()
    assert '<a class="site-nav__link" href="/cautare/" aria-current="page">Căutare</a>' in html
