"""Published profiles are listed for search engines; drafts are not."""

import pytest
from django.contrib.sites.requests import RequestSite
from django.test import RequestFactory

from directory.sitemaps import OrganizationSitemap
from tests.factories.directory import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_profiles(home_page):
    published = OrganizationFactory(name="Asociația Publicată")
    OrganizationFactory(name="Asociația Ciornă", publish=False)
    site = RequestSite(RequestFactory().get("/sitemap.xml", HTTP_HOST="bucuresti-social.ro"))
    urls = OrganizationSitemap().get_urls(site=site, protocol="https")
    assert [entry["location"] for entry in urls] == ["https://bucuresti-social.ro/organizatii/asociatia-publicata/"]
    assert urls[0]["lastmod"] == published.last_published_at
