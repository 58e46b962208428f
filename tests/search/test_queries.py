"""Searching costs the same number of queries for 3 results as for 30 (DESIGN §14)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.query import search
from tests.factories.directory import OrganizationFactory
from tests.factories.funding import FundingCallPageFactory
from tests.factories.news import NewsPageFactory

URL = "/cautare/"


def add_matches(news_index, funding_index, social_economy, environment, count, start):
    for number in range(start, start + count):
        NewsPageFactory(
            parent=news_index,
            title=f"Voluntariat în cartier {number}",
            slug=f"voluntariat-{number}",
            topics=[social_economy, environment],
        )
        FundingCallPageFactory(
            parent=funding_index,
            title=f"Granturi pentru voluntariat {number}",
            slug=f"granturi-voluntariat-{number}",
            topics=[environment],
        )
        OrganizationFactory(name=f"Asociația Voluntariat {number}", topics=[social_economy])


def queries_for(callable_):
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)


def test_search_queries_do_not_grow_with_results(news_index, funding_index, social_economy, environment, client):
    add_matches(news_index, funding_index, social_economy, environment, 1, 0)
    client.get(URL, {"q": "voluntariat"})  # Warm the caches (site root paths, content types).
    few = {
        "all": queries_for(lambda: search("voluntariat", per_page=50)),
        "filtered": queries_for(lambda: search("voluntariat", kinds=["stiri"], topic="mediu", per_page=50)),
        "page": queries_for(lambda: client.get(URL, {"q": "voluntariat"})),
    }
    add_matches(news_index, funding_index, social_economy, environment, 9, 1)
    many = {
        "all": queries_for(lambda: search("voluntariat", per_page=50)),
        "filtered": queries_for(lambda: search("voluntariat", kinds=["stiri"], topic="mediu", per_page=50)),
        "page": queries_for(lambda: client.get(URL, {"q": "voluntariat"})),
    }
    assert search("voluntariat", per_page=50).outcome.total == 30
    assert len(search("voluntariat", per_page=50).page_obj.object_list) == 30
    assert many == few
    # Facets (2), ranked matches (1), the page's documents (1), topics' names (1); one more to read the topic.
    assert few["all"] <= 5
    assert few["filtered"] <= 6


def test_the_page_stays_within_budget(corpus, client, django_assert_max_num_queries):
    client.get(URL, {"q": "x"})  # Warm the caches (site root paths, content types).
    # The search's 6, the site's header and footer 4 (site, navigation and its restrictions, settings).
    with django_assert_max_num_queries(10):
        response = client.get(URL, {"q": "economie sociala", "tip": "stiri", "tema": "economie-sociala"})
    assert response.status_code == 200
