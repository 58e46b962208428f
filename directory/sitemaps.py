"""The published organizations' profiles, for sitemap.xml (next to Wagtail's pages)."""

from django.contrib.sitemaps import Sitemap

from .selectors import public_organizations


class OrganizationSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return public_organizations().only("slug", "last_published_at").order_by("pk")

    def lastmod(self, organization):
        return organization.last_published_at
