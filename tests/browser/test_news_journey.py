"""A reader goes from the home page to the news list and reads an article that counts its views."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsPage
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def news(transactional_db, home_page):
    index = NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    for number in range(3):
        NewsPageFactory(parent=index, title=f"Târg de economie socială, ediția {number + 1}")
    return index


def test_home_to_article_with_view_count(live_server, page, news):
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "ro")

    page.get_by_role("navigation", name="Navigare principală").get_by_role("link", name="Știri").click()
    expect(page).to_have_url(re.compile(r"/stiri/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Știri")

    page.get_by_role("link", name="Târg de economie socială, ediția 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Târg de economie socială, ediția 1")
    views = page.locator("[data-news-views-url]")
    expect(page.locator(".meta")).to_contain_text("Vizualizări")
    # The script counts this reading and shows the fresh number.
    expect(views).to_have_text("1")

    article = NewsPage.objects.get(title="Târg de economie socială, ediția 1")
    assert article.view_count == 1

    # Reading it again in the same session does not count twice.
    page.reload()
    expect(views).to_have_text("1")
    page.wait_for_load_state("networkidle")
    article.refresh_from_db()
    assert article.view_count == 1
