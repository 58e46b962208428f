"""The published organizations' profiles, for sitemap.xml (next to Wagtail's pages)."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap

from website.addresses import public_base_url

from .selectors import public_organizations


class OrganizationSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return public_organizations().only("slug", "last_published_at").order_by("pk")

    def lastmod(self, organization):
        return organization.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        # On the public address, like the pages (Wagtail's Site), whatever host the request named.
        address = urlsplit(public_base_url())
        return super().get_urls(page=page, site=SimpleNamespace(domain=address.netloc), protocol=address.scheme)
