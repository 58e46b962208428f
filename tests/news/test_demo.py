import pytest
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Page

from news import demo as news_demo
from news.models import NewsIndexPage, NewsPage, NewsPageTag
from website import demo

pytestmark = pytest.mark.django_db

CEDILLA_LETTERS = "şţŞŢ"  # the legacy spellings: Romanian uses ș ț (comma below)


def counts():
    return {
        "pages": Page.objects.count(),
        "news": NewsPage.objects.count(),
        "tags": Tag.objects.count(),
        "tagged": NewsPageTag.objects.count(),
        "images": Image.objects.count(),
    }


def test_seed_is_idempotent(home_page):
    topics = demo.topics()
    assert news_demo.seed(home=home_page, topics=topics) == []
    first = counts()
    assert news_demo.seed(home=home_page, topics=topics) == []
    assert counts() == first


def test_seed_builds_the_news_section(client, home_page):
    news_demo.seed(home=home_page, topics=demo.topics())
    index = NewsIndexPage.objects.get()
    assert (index.title, index.slug, index.show_in_menus) == ("Știri", "stiri", True)
    assert index.get_parent().specific == home_page

    news = NewsPage.objects.child_of(index).live()
    assert 18 <= news.count() <= 25
    assert len({page.date.strftime("%Y-%m") for page in news}) >= 3  # spread over recent months
    assert all(page.topics.exists() and page.tags.exists() and page.listing_image for page in news)
    assert news.filter(view_count__gt=0).exists()
    assert news.exclude(source_url="").exists()

    text = " ".join(f"{page.title} {page.intro} {page.body.raw_data}" for page in news)
    for name in ("Primăria Municipiului București", "Primăria Sectorului 3", "AJOFM", "Legii 219/2015"):
        assert name in text
    assert not set(CEDILLA_LETTERS) & set(text)

    response = client.get("/stiri/")
    assert response.status_code == 200
    assert client.get(news.first().url).status_code == 200
