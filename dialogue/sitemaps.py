"""The public threads' pages, for sitemap.xml (next to Wagtail's pages): never a members-only or unapproved one."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from website.addresses import public_base_url

from .models import Thread


class ThreadSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Thread.objects.public().only("pk", "last_activity_at").order_by("pk")

    def location(self, thread):
        return reverse("dialogue:thread", args=[thread.pk])

    def lastmod(self, thread):
        return thread.last_activity_at

    def get_urls(self, page=1, site=None, protocol=None):
        # On the public address, like the pages (Wagtail's Site), whatever host the request named.
        address = urlsplit(public_base_url())
        return super().get_urls(page=page, site=SimpleNamespace(domain=address.netloc), protocol=address.scheme)
