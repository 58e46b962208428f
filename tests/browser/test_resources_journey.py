"""A reader looks for the strategies in the resources library, opens one in force and downloads its document."""

import re
from datetime import date

import pytest
from django.utils.translation import gettext, pgettext
from playwright.sync_api import expect
from wagtail.models import Collection

from resources.models import ResourceKind, ResourcePage
from tests.factories.consultations import AuthorityFactory
from tests.factories.resources import (
    ResourceDocumentFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    pdf_document,
)

DOCUMENT_TITLE = "Strategia serviciilor sociale – Sectorul 3, 2025–2099"


@pytest.fixture
def library(transactional_db, home_page):
    # A live-server test before this one flushed the migrations' root collection: documents need it.
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    index = ResourceIndexPageFactory(parent=home_page, show_in_menus=True)
    sector_3 = AuthorityFactory(name="Primăria Sectorului 3", slug="primaria-sectorului-3")
    in_force = ResourcePageFactory(
        parent=index,
        title="Strategia de dezvoltare a serviciilor sociale a Sectorului 3",
        kind=ResourceKind.STRATEGY,
        year=2025,
        publisher_organization=sector_3,
        publisher_name="",
        adopting_authority=sector_3,
        adopting_act="HCL Sector 3 nr. 187/2025",
        valid_from=date(2025, 1, 1),
        valid_until=date(2099, 12, 31),
        external_url="",
    )
    document = pdf_document(DOCUMENT_TITLE, ["Centre de zi pentru vârstnici și îngrijire la domiciliu."])
    ResourceDocumentFactory(page=in_force, document=document)
    ResourcePageFactory(
        parent=index,
        title="Strategia de incluziune socială a Sectorului 3 pentru perioada 2015–2020",
        kind=ResourceKind.STRATEGY,
        year=2015,
        valid_from=date(2015, 1, 1),
        valid_until=date(2020, 12, 31),
    )
    ResourcePageFactory(parent=index, title="Compostarea în blocuri: set de instrumente", kind=ResourceKind.TOOLKIT)
    return in_force


def test_a_reader_finds_a_strategy_in_force_and_downloads_it(live_server, page, library, tmp_path):
    page.goto(live_server.url + "/")
    navigation = page.get_by_role("navigation", name=gettext("Main navigation"))
    navigation.get_by_role("link", name="Resurse", exact=True).click()
    expect(page).to_have_url(re.compile(r"/resurse/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Resurse")
    results = page.get_by_role("region", name=re.compile(r"3 resurse"))
    expect(results.get_by_role("article")).to_have_count(3)

    # Filter by kind: strategies and public policies.
    filters = page.get_by_role("form", name=gettext("Filter resources"))
    filters.get_by_label(gettext("Kind"), exact=True).select_option("strategie")
    filters.get_by_role("button", name=gettext("Show resources")).click()
    expect(page).to_have_url(re.compile(r"[?&]tip=strategie"))
    results = page.get_by_role("region", name=re.compile(r"2 resurse"))
    cards = results.get_by_role("article")
    expect(cards).to_have_count(2)
    expect(page.get_by_text("Compostarea în blocuri")).to_have_count(0)
    kind = pgettext("resource kind", "Strategy or public policy")
    expect(cards.first).to_contain_text(kind)
    # Case-sensitive: "Nu mai este în vigoare" holds "în vigoare" too.
    in_force = cards.filter(has_text=re.compile(re.escape(gettext("In force"))))
    expect(in_force).to_have_count(1)
    expect(cards.filter(has_text=gettext("No longer in force"))).to_have_count(1)

    # Open the one in force.
    in_force.get_by_role("link", name="Strategia de dezvoltare a serviciilor sociale a Sectorului 3").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Strategia de dezvoltare a serviciilor sociale a Sectorului 3"
    )
    main = page.get_by_role("main")
    expect(main.get_by_text(gettext("In force"), exact=True)).to_be_visible()
    expect(main).to_contain_text("2025–2099")
    expect(main).to_contain_text("HCL Sector 3 nr. 187/2025")

    # Its document: the format and size are shown before downloading, the file keeps its readable name.
    files = page.get_by_role("region", name=gettext("Read the resource"))
    link = files.get_by_role("link", name=DOCUMENT_TITLE)
    expect(files).to_contain_text("(PDF, 1 KB)")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == f"{DOCUMENT_TITLE}.pdf"
    saved = tmp_path / "strategia.pdf"
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-1.4")
    assert ResourcePage.objects.get(pk=library.pk).download_count == 1
