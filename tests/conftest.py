"""Fixtures shared by the whole suite: a site whose root is a fresh HomePage."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site

from tests.factories.website import HomePageFactory


@pytest.fixture
def home_page(db):
    """The site's HomePage, replacing Wagtail's default welcome page.

    Live-server tests flush the database when they end (migration data included), so the
    locale, the root page and the site are recreated when missing.
    """
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePageFactory(parent=root)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home
