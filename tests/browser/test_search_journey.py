"""A reader types in the header's search box and picks a suggestion with the keyboard; another searches with the form
and reads highlighted results (issue #11)."""

import re

import pytest
from django.core.cache import cache
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.factories.directory import OrganizationFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.website import TopicFactory


@pytest.fixture
def site(transactional_db, home_page):
    cache.clear()  # the suggestions are cached
    topic = TopicFactory(name="Economie socială", slug="economie-sociala")
    news = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(
        parent=news,
        title="Ședință publică despre economia socială",
        intro="Primăria invită asociațiile din cartier la dezbatere.",
        topics=[topic],
    )
    NewsPageFactory(parent=news, title="Zâmbete la grădinița din Titan", intro="Serbare de primăvară.")
    OrganizationFactory(name="Asociația Zâmbet pentru Copii", description="Meditații gratuite în Sectorul 3.")
    OrganizationFactory(name="Asociația Ascunsă", publish=False)


def search_box(page):
    return page.get_by_role("combobox", name=gettext("Search the site"))


def test_pick_a_suggestion_with_the_keyboard(live_server, page, site):
    page.goto(live_server.url + "/")
    box = search_box(page)
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("zamb", delay=40)

    listbox = page.get_by_role("listbox")
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)
    expect(box).to_have_attribute("aria-expanded", "true")
    # The organization whose name matches comes first; each choice says what it is.
    expect(options.first).to_contain_text("Asociația Zâmbet pentru Copii")
    expect(options.first).to_contain_text("Organizații")
    expect(options.nth(1)).to_contain_text("Zâmbete la grădinița din Titan")
    # Screen readers hear how many there are.
    expect(page.locator("[data-suggest-status]")).to_have_text("2 sugestii")

    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.first).to_have_attribute("aria-selected", "false")
    box.press("ArrowUp")
    expect(options.first).to_have_attribute("aria-selected", "true")

    # Escape closes the list; typing again opens it.
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")

    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/organizatii/asociatia-zambet-pentru-copii/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Asociația Zâmbet pentru Copii")


def test_a_plain_search_shows_highlighted_results(live_server, page, site):
    page.goto(live_server.url + "/")
    box = search_box(page)
    box.fill("sedinta publica")
    # Enter without choosing a suggestion submits the form: a search for what was typed.
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/cautare/\?q=sedinta\+publica$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Search the site"))
    expect(page.locator(".results-summary")).to_have_text("1 rezultat pentru „sedinta publica”")
    result = page.locator(".search-result")
    expect(result).to_have_count(1)
    expect(result.locator("mark")).to_have_text(["Ședință", "publică"])
    # The query stays in the page's box.
    expect(page.locator("#cautare-q")).to_have_value("sedinta publica")

    result.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ședință publică despre economia socială")


def test_drafts_are_never_suggested_and_nothing_breaks_without_matches(live_server, page, site):
    page.goto(live_server.url + "/")
    box = search_box(page)
    box.press_sequentially("ascun", delay=40)
    expect(page.locator("[data-suggest-status]")).to_have_text(gettext("No suggestions"))
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press("Enter")
    expect(page.locator(".results-summary")).to_contain_text("Nu am găsit rezultate")
