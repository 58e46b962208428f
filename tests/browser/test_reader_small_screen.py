"""Issue #7, point 15: on a 360 px phone the directory results come first; the filters open with a "Filtre" button."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP_USER_AGENT
from tests.factories.directory import OrganizationFactory
from tests.factories.website import TopicFactory

PHONE = {"width": 360, "height": 740}
TOPICS = [
    "Educație",
    "Mediu",
    "Sănătate",
    "Incluziune socială",
    "Îngrijire la domiciliu",
    "Cultură",
    "Sport",
    "Tineret",
    "Vârstnici",
    "Locuire",
    "Ocupare",
    "Persoane cu dizabilități",
    "Drepturile omului",
    "Economie socială",
    "Participare civică",
]


@pytest.fixture
def directory(transactional_db, home_page):
    topics = [TopicFactory(name=name, slug=f"tema-{number}") for number, name in enumerate(TOPICS)]
    for number in range(30):
        OrganizationFactory(
            name=f"Asociația Cartierului {number:02d}",
            topics=topics[number % 5 : number % 5 + 3],
            sectors=[f"sector-{number % 6 + 1}"],
            publish=True,
        )


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="ro-RO", viewport=PHONE, user_agent=DESKTOP_USER_AGENT)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_first_result_is_near_the_top_and_the_filters_open_with_a_button(live_server, phone, directory):
    phone.goto(live_server.url + "/organizatii/")
    first_card = phone.locator("article.organization-card").first
    expect(first_card).to_be_visible()
    top = first_card.evaluate("element => element.getBoundingClientRect().top + window.scrollY")
    assert top <= 1.5 * PHONE["height"], f"the first result starts {top:.0f} px down"

    filters = phone.locator("form.directory__filters")
    expect(filters).to_be_hidden()
    button = phone.locator("details.filters-toggle > summary")
    expect(button).to_have_text("Filtre")
    button.click()
    expect(filters).to_be_visible()
    expect(filters.get_by_label(re.compile(r"^Sector 3\b"))).to_be_visible()

    # Applied filters keep the form open and say how many there are.
    filters.get_by_label(re.compile(r"^Sector 3\b")).check()
    filters.get_by_label(re.compile(r"^Mediu\b")).check()
    filters.locator("button[type=submit]").click()
    expect(phone).to_have_url(re.compile(r"sector=sector-3"))
    expect(button).to_have_text("Filtre (2 active)")
    expect(filters).to_be_visible()


def test_on_a_wide_screen_the_filters_are_open(live_server, page, directory):
    page.goto(live_server.url + "/organizatii/")
    expect(page.locator("details.filters-toggle")).to_have_attribute("open", "")
    expect(page.locator("form.directory__filters")).to_be_visible()
