"""A reader filters the directory by sector and topic, then opens an organization's profile."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories.directory import OrganizationFactory
from tests.factories.website import TopicFactory


@pytest.fixture
def directory(transactional_db, home_page):
    environment = TopicFactory(name="Mediu", slug="mediu")
    education = TopicFactory(name="Educație", slug="educatie")
    OrganizationFactory(
        name="Asociația Vecinii din Titan",
        topics=[environment],
        sectors=["sector-3"],
        address="Bd. Camil Ressu nr. 10, Sector 3",
        latitude="44.421700",
        longitude="26.151200",
        phone="+40 21 000 11 22",
        seeking_partners=True,
        partnership_text="Căutăm o școală parteneră pentru o grădină didactică.",
    )
    OrganizationFactory(name="Fundația Lumina Copiilor", topics=[education], sectors=["sector-3"])
    OrganizationFactory(name="Compost Urban", topics=[environment], sectors=["sector-6"])
    OrganizationFactory(name="Asociația Ciornă", topics=[environment], sectors=["sector-3"], publish=False)


def test_filter_by_sector_and_topic_then_open_a_profile(live_server, page, directory):
    page.goto(live_server.url + "/organizatii/")
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    cards = page.locator("article.organization-card")
    expect(cards).to_have_count(3)

    filters = page.locator("form.directory__filters")
    sector_3 = filters.get_by_label(re.compile(r"^Sector 3\b"))
    expect(sector_3).to_be_visible()
    expect(filters.locator("label[for='sector-sector-3'] .facet-count")).to_have_text("(2)")
    sector_3.check()
    filters.get_by_label(re.compile(r"^Mediu\b")).check()
    filters.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/organizatii/\?.*sector=sector-3"))
    expect(page).to_have_url(re.compile(r"tema=mediu"))
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Asociația Vecinii din Titan")
    expect(page.get_by_text("Asociația Ciornă")).to_have_count(0)
    # The choices stay visible and the counts follow them.
    expect(filters.get_by_label(re.compile(r"^Sector 3\b"))).to_be_checked()
    expect(filters.get_by_label(re.compile(r"^Mediu\b"))).to_be_checked()
    expect(filters.locator("label[for='tema-educatie'] .facet-count")).to_have_text("(1)")

    cards.first.get_by_role("link", name="Asociația Vecinii din Titan").click()
    expect(page).to_have_url(re.compile(r"/organizatii/asociatia-vecinii-din-titan/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Asociația Vecinii din Titan")
    expect(page.locator("main")).to_contain_text("Bd. Camil Ressu nr. 10, Sector 3")
    expect(page.locator("main")).to_contain_text("Căutăm o școală parteneră pentru o grădină didactică.")
    expect(page.locator("a[href^='mailto:contact@asociatia-vecinii-din-titan']").first).to_be_visible()
    expect(page.locator("a[href='tel:+40210001122']")).to_be_visible()
    expect(page.locator("a[href*='openstreetmap.org/?mlat=44.421700&mlon=26.151200']")).to_be_visible()

    # The topic on the profile leads back to the directory, filtered by it.
    page.locator("main a.tag[href='/organizatii/?tema=mediu']").click()
    expect(cards).to_have_count(2)
