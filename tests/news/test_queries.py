"""Queries per request must not grow with the number of news listed (DESIGN §14)."""

import pytest
from wagtail_factories import ImageFactory

from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db

# The same bound for 3 and 30 articles: anything per item would break it at 30.
INDEX_MAX_QUERIES = 20
API_MAX_QUERIES = 10
RSS_MAX_QUERIES = 13
DETAIL_MAX_QUERIES = 22


@pytest.fixture
def make_news(news_index, economy, environment):
    def make(count):
        image = ImageFactory(file__width=1280, file__height=720)
        return [
            NewsPageFactory(
                parent=news_index,
                topics=[economy, environment],
                tags=["ONG", f"eticheta-{n}"],
                listing_image=image if n % 2 else ImageFactory(file__width=1280, file__height=720),
            )
            for n in range(count)
        ]

    return make


@pytest.mark.parametrize("count", [3, 30])
def test_news_index(client, settings, make_news, django_assert_max_num_queries, count):
    settings.NEWS_PER_PAGE = 50
    make_news(count)
    client.get("/stiri/")  # renditions are created on the first view only
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        response = client.get("/stiri/", {"tema": "mediu"})
    assert response.content.decode().count('class="card"') == count


@pytest.mark.parametrize("count", [3, 30])
def test_api_list(client, make_news, django_assert_max_num_queries, count):
    make_news(count)
    params = {"type": "news.NewsPage", "fields": "*", "limit": 50}
    client.get("/api/v2/pages/", params)
    with django_assert_max_num_queries(API_MAX_QUERIES):
        response = client.get("/api/v2/pages/", params)
    assert len(response.json()["items"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_rss(client, make_news, django_assert_max_num_queries, count):
    make_news(count)
    with django_assert_max_num_queries(RSS_MAX_QUERIES):
        response = client.get("/stiri/rss/")
    assert response.content.decode().count("<item>") == min(count, 20)


@pytest.mark.parametrize("count", [3, 30])
def test_news_page_with_related_news(client, make_news, django_assert_max_num_queries, count):
    article = make_news(count)[0]
    client.get(article.url)
    with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
        response = client.get(article.url)
    assert response.status_code == 200
