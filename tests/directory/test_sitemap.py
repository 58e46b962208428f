"""Published profiles are listed for search engines, on the public address; drafts are not."""

import pytest
from django.contrib.sites.requests import RequestSite
from django.test import RequestFactory, override_settings

from directory.sitemaps import OrganizationSitemap
from tests.factories.directory import OrganizationFactory

pytestmark = pytest.mark.django_db


@override_settings(WAGTAILADMIN_BASE_URL="https://bucuresti-social.ro")
def test_sitemap_lists_published_profiles(home_page):
    published = OrganizationFactory(name="Asociația Publicată")
    OrganizationFactory(name="Asociația Ciornă", publish=False)
    # The request's host and scheme do not matter: WAGTAILADMIN_BASE_URL is the one public address.
    site = RequestSite(RequestFactory().get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000"))
    urls = OrganizationSitemap().get_urls(site=site, protocol="http")
    assert [entry["location"] for entry in urls] == ["https://bucuresti-social.ro/organizatii/asociatia-publicata/"]
    assert urls[0]["lastmod"] == published.last_published_at
