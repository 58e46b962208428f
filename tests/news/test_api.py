import pytest
from wagtail_factories import ImageFactory

from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v2/pages/"


@pytest.fixture
def article(news_index, home_page, economy):
    return NewsPageFactory(
        parent=news_index,
        title="Apel pentru întreprinderile sociale",
        author="Mihai Stan",
        source_name="AJOFM București",
        source_url="https://www.anofm.ro/",
        topics=[economy],
        tags=["Legea 219/2015", "AJOFM"],
        listing_image=ImageFactory(file__width=1280, file__height=720),
        body=[("paragraph", f'<p>Vezi <a linktype="page" id="{home_page.pk}">prima pagină</a>.</p>')],
    )


def assert_news_fields(item, article):
    assert item["title"] == "Apel pentru întreprinderile sociale"
    assert item["date"] == article.date.isoformat()
    assert item["author"] == "Mihai Stan"
    assert item["source"] == {"name": "AJOFM București", "url": "https://www.anofm.ro/"}
    assert item["tags"] == [{"name": "AJOFM", "slug": "ajofm"}, {"name": "Legea 219/2015", "slug": "legea-2192015"}]
    assert item["view_count"] == 0
    assert item["topics"] == [{"id": article.topics.get().pk, "name": "Economie socială", "slug": "economie-sociala"}]
    assert item["listing_image"]["width"] == 800
    paragraph = item["body"][0]
    assert paragraph["type"] == "paragraph"
    assert 'href="http://testserver/"' in paragraph["value"] or 'href="/"' in paragraph["value"]
    assert "linktype" not in paragraph["value"]


def test_list_with_every_field(client, article):
    response = client.get(LIST_URL, {"type": "news.NewsPage", "fields": "*"})
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    assert_news_fields(data["items"][0], article)


def test_detail(client, article):
    response = client.get(f"{LIST_URL}{article.pk}/")
    assert response.status_code == 200
    item = response.json()
    assert item["meta"]["type"] == "news.NewsPage"
    assert_news_fields(item, article)


def test_source_is_null_when_empty(client, news_index):
    NewsPageFactory(parent=news_index, source_name="", source_url="")
    item = client.get(LIST_URL, {"type": "news.NewsPage", "fields": "source"}).json()["items"][0]
    assert item["source"] is None


def test_drafts_are_not_listed(client, news_index):
    NewsPageFactory(parent=news_index, live=False)
    assert client.get(LIST_URL, {"type": "news.NewsPage"}).json()["meta"]["total_count"] == 0


def test_filter_and_order_by_date(client, news_index):
    newer = NewsPageFactory(parent=news_index)
    older = NewsPageFactory(parent=news_index)
    data = client.get(LIST_URL, {"type": "news.NewsPage", "order": "-date", "fields": "date"}).json()
    assert [item["id"] for item in data["items"]] == [newer.pk, older.pk]
    data = client.get(LIST_URL, {"type": "news.NewsPage", "date": older.date.isoformat()}).json()
    assert [item["id"] for item in data["items"]] == [older.pk]


def test_news_index_in_the_api(client, news_index):
    data = client.get(LIST_URL, {"type": "news.NewsIndexPage", "fields": "intro"}).json()
    assert data["items"][0]["intro"] == news_index.intro


def test_search(client, article, news_index):
    NewsPageFactory(parent=news_index, title="Grădini comunitare", intro="Despre mediu.")
    data = client.get(LIST_URL, {"type": "news.NewsPage", "search": "întreprinderile"}).json()
    assert [item["id"] for item in data["items"]] == [article.pk]
