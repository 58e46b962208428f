"""The public proposals' pages, for sitemap.xml (next to Wagtail's pages): never a draft or a private one."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from website.addresses import public_base_url

from .models import Proposal


class ProposalSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Proposal.objects.public().only("pk", "updated_at").order_by("pk")

    def location(self, proposal):
        return reverse("proposals:detail", args=[proposal.pk])

    def lastmod(self, proposal):
        return proposal.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        # On the public address, like the pages (Wagtail's Site), whatever host the request named.
        address = urlsplit(public_base_url())
        return super().get_urls(page=page, site=SimpleNamespace(domain=address.netloc), protocol=address.scheme)
