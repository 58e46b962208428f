"""Issue #11, point 5: /api/v2/search/ gives the page's results, types and facets in the API's list shape."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import SearchDocument
from search.query import search
from tests.search.test_queries import add_matches

URL = "/api/v2/search/"


def titles(response):
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("params", "page_params"),
    [
        ({"q": "economie sociala"}, {"q": "economie sociala"}),
        ({"q": "granturi"}, {"q": "granturi"}),
        ({"q": "Şedinţa"}, {"q": "Şedinţa"}),
        ({"q": "asociatiile"}, {"q": "asociatiile"}),
        ({"q": "economie sociala", "type": "stiri,ghiduri"}, {"q": "economie sociala", "tip": ["stiri", "ghiduri"]}),
        ({"q": "granturi", "topic": "mediu"}, {"q": "granturi", "tema": "mediu"}),
    ],
)
def test_the_same_results_in_the_same_order_as_the_page(client, corpus, params, page_params):
    response = client.get(URL, {**params, "limit": 100})
    assert response.status_code == 200
    page = client.get("/cautare/", page_params)
    outcome = page.context["outcome"]
    assert titles(response) == [hit.document.title for hit in outcome.hits()]
    assert titles(response)[:10] == [hit.document.title for hit in page.context["hits"]]
    assert response.json()["meta"]["total_count"] == outcome.total > 0


def test_items_link_to_the_public_address_with_plain_and_highlighted_snippets(client, corpus):
    response = client.get(URL, {"q": "sedinta publica"})
    body = response.json()
    assert body["meta"]["total_count"] == 1
    [item] = body["items"]
    assert item["type"] == "stiri"
    assert item["type_label"] == "Știri"
    assert item["title"] == corpus.news.title
    assert item["title_html"] == "<mark>Ședință</mark> <mark>publică</mark> despre economia socială în București"
    assert item["url"] == settings.WAGTAILADMIN_BASE_URL.rstrip("/") + corpus.news.url
    assert item["snippet"].startswith("Primăria invită asociațiile")
    assert "<" not in item["snippet"]
    assert item["date"] == corpus.news.date.isoformat()
    assert item["topics"] == [{"slug": "economie-sociala", "name": "Economie socială"}]
    assert body["meta"]["query"] == {"text": "sedinta publica", "terms": ["sedinta", "publica"]}


def test_snippets_mark_the_words_found_and_escape_the_text(client, corpus):
    item = client.get(URL, {"q": "bicicleta"}).json()["items"][0]
    assert item["type"] == "recomandari"
    assert "<mark>biciclete</mark>" in item["snippet_html"]
    assert "biciclete" in item["snippet"]


def test_facets_count_types_and_topics_like_the_page(client, corpus):
    meta = client.get(URL, {"q": "economie sociala", "type": "ghiduri"}).json()["meta"]
    page = client.get("/cautare/", {"q": "economie sociala", "tip": "ghiduri"}).context["outcome"]
    assert meta["total_count"] == 1
    assert {facet["type"]: facet["count"] for facet in meta["facets"]["types"]} == {
        facet.key: facet.count for facet in page.kind_facets
    }
    assert {"type": "ghiduri", "label": "Ghiduri", "count": 1, "selected": True} in meta["facets"]["types"]
    types = {facet["type"]: facet["count"] for facet in meta["facets"]["types"]}
    assert types["stiri"] == types["finantari"] == 1
    assert meta["facets"]["topics"] == [
        {"topic": "economie-sociala", "name": "Economie socială", "count": 1, "selected": False}
    ]


def test_limit_and_offset_slice_the_ranked_results(client, news_index):
    from tests.factories.news import NewsPageFactory

    for number in range(7):
        NewsPageFactory(parent=news_index, title=f"Atelier de reparații {number}", slug=f"atelier-{number}")
    everything = titles(client.get(URL, {"q": "atelier", "limit": 100}))
    assert len(everything) == 7
    assert titles(client.get(URL, {"q": "atelier", "limit": 3})) == everything[:3]
    assert titles(client.get(URL, {"q": "atelier", "limit": 3, "offset": 3})) == everything[3:6]
    past_the_end = client.get(URL, {"q": "atelier", "offset": 50}).json()
    assert past_the_end["items"] == []
    assert past_the_end["meta"]["total_count"] == 7


def test_a_detail_is_one_search_document(client, corpus):
    document = SearchDocument.objects.for_object(corpus.guide).get()
    response = client.get(f"{URL}{document.pk}/")
    assert response.status_code == 200
    item = response.json()
    assert item["id"] == document.pk
    assert item["type"] == "ghiduri"
    assert item["title"] == corpus.guide.title
    assert item["url"].endswith(corpus.guide.url)
    assert client.get(f"{URL}find/", {"id": document.pk}).status_code == 302
    assert client.get(f"{URL}0/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {},
        {"q": '" * ( ) OR NEAR -'},
        {"q": "   "},
        {"q": "vulcani"},
    ],
)
def test_empty_or_operator_only_queries_find_nothing(client, corpus, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "sedinta", "type": "nu-exista"}, "unknown type: nu-exista; use one of: organizatii"),
        ({"q": "sedinta", "type": ","}, "type: give a value"),
        ({"q": "sedinta", "topic": "nu-exista"}, "unknown topic: nu-exista"),
        ({"q": "x" * 201}, "q: at most 200 characters"),
        ({"q": "x" * 5000}, "at most 1000 characters"),
        ({"q": "sedinta\x00"}, "null characters are not allowed"),
        ({"q": ["sedinta", "granturi"]}, "give this parameter once"),
        ({"q": "sedinta", "limit": 101}, "limit cannot be higher than 100"),
        ({"q": "sedinta", "limit": "-1"}, "limit must be a positive integer"),
        ({"q": "sedinta", "offset": "abc"}, "offset must be a positive integer"),
        ({"q": "sedinta", "search": "sedinta"}, "not an operation or a recognised filter: search"),
        ({"q": "sedinta", "tip": "stiri"}, "not an operation or a recognised filter: tip"),
        ({"q": "sedinta", "fields": "title"}, "not an operation or a recognised filter: fields"),
    ],
)
def test_bad_input_is_a_json_400(client, corpus, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.parametrize("query", ["tezaur", "nepublicată", "Ascunsă", "trotuar", "jignitor", "zmeu", "parolă"])
def test_private_and_unpublished_things_never_appear(client, corpus, query):
    """A draft page, a password-protected page, a draft organization, pending and rejected recommendations and
    unpublished changes to a live page: no result, no facet, no document to ask for by id."""
    response = client.get(URL, {"q": query})
    assert response.json()["meta"]["total_count"] == 0
    assert response.json()["meta"]["facets"] == {"types": [], "topics": []}
    hidden = [corpus.draft_page, corpus.private_page, corpus.draft_organization, corpus.pending, corpus.rejected]
    for obj in hidden:
        assert not SearchDocument.objects.for_object(obj).exists()


def queries_for(client, params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(context.captured_queries), response.json()["meta"]["total_count"]


def test_queries_do_not_grow_with_results(client, news_index, funding_index, social_economy, environment):
    add_matches(news_index, funding_index, social_economy, environment, 1, 0)
    params = {"q": "voluntariat", "limit": 100}
    filtered = {"q": "voluntariat", "type": "stiri,organizatii", "topic": "economie-sociala", "limit": 100}
    client.get(URL, params)  # Warm the caches (site root paths, content types).
    few = {"all": queries_for(client, params), "filtered": queries_for(client, filtered)}
    add_matches(news_index, funding_index, social_economy, environment, 9, 1)
    many = {"all": queries_for(client, params), "filtered": queries_for(client, filtered)}
    assert few["all"][1] == 3
    assert many["all"][1] == 30
    assert many["filtered"][1] == 20
    assert {name: count for name, (count, _total) in many.items()} == {
        name: count for name, (count, _total) in few.items()
    }
    # The search's 5 (facets 2, topics' names, ranked matches, the slice's documents), the slice's topics, and
    # the topic filter's check (2 more when filtered).
    assert many["all"][0] <= 6
    assert many["filtered"][0] <= 8
    assert len(search("voluntariat", per_page=50).page_obj.object_list) == 30
