"""Small things readers notice (issue #7 point 15): titles, dates, the readable site map."""

import re
from datetime import date, datetime

import pytest
from django.utils import formats, translation

from tests.factories.website import ContentPageFactory

pytestmark = pytest.mark.django_db

SITE_NAME = "Bucureștiul social și solidar"


def title_of(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


class TestTitles:
    def test_the_home_page_is_titled_by_the_site_name_once(self, client, home_page):
        home_page.seo_title = SITE_NAME
        home_page.save()
        assert title_of(client.get("/")) == SITE_NAME

    def test_the_home_page_without_an_seo_title(self, client, home_page):
        home_page.title = "Acasă"
        home_page.seo_title = ""
        home_page.save()
        assert title_of(client.get("/")) == SITE_NAME

    def test_other_pages_name_themselves_then_the_site(self, client, home_page):
        page = ContentPageFactory(parent=home_page, title="Despre", slug="despre")
        assert title_of(client.get(page.url)) == f"Despre · {SITE_NAME}"


class TestDates:
    @pytest.mark.parametrize("date_format", ["DATE_FORMAT", "j F Y", "j E Y"])
    def test_month_names_are_lowercase(self, date_format):
        with translation.override("ro"):
            assert formats.date_format(date(2026, 11, 27), date_format) == "27 noiembrie 2026"

    def test_every_month(self):
        with translation.override("ro"):
            names = [formats.date_format(date(2026, month, 1), "F") for month in range(1, 13)]
        assert names == [
            "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie",
            "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie",
        ]  # fmt: skip

    def test_date_times_too(self):
        with translation.override("ro"):
            assert formats.date_format(datetime(2026, 5, 4, 16, 30), "DATETIME_FORMAT") == "4 mai 2026, 16:30"


class TestSitemapPage:
    def test_the_footer_links_the_readable_site_map(self, client, home_page):
        html = client.get("/").content.decode()
        assert '<a href="/harta-site/">Harta site-ului</a>' in html
        assert 'href="/sitemap.xml">Harta' not in html

    def test_the_site_map_lists_the_sections_and_the_directory(self, client, home_page):
        ContentPageFactory(parent=home_page, title="Despre", slug="despre")
        ContentPageFactory(parent=home_page, title="Ciornă", slug="ciorna", live=False)
        response = client.get("/harta-site/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert title_of(response) == f"Harta site-ului · {SITE_NAME}"
        assert '<a href="/despre/">Despre</a>' in html
        assert "Ciornă" not in html
        assert 'href="/organizatii/"' in html
        assert 'href="/sitemap.xml"' in html

    def test_sitemap_xml_stays_for_search_engines(self, client, home_page):
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        assert b"<urlset" in response.content
