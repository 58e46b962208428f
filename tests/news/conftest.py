import pytest
from django.core.cache import caches

from tests.factories.news import NewsIndexPageFactory
from tests.factories.website import TopicFactory


@pytest.fixture(autouse=True)
def empty_caches():
    """Rendition and page caches outlive each test's rolled-back rows: start every test without them."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def economy(db):
    return TopicFactory(name="Economie socială", slug="economie-sociala")


@pytest.fixture
def environment(db):
    return TopicFactory(name="Mediu", slug="mediu")
