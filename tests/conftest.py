"""Fixtures shared by the whole suite: a site whose root is a fresh HomePage."""

import pytest
from wagtail.models import Page, Site

from tests.factories.website import HomePageFactory


@pytest.fixture
def home_page(db):
    """The site's HomePage, replacing Wagtail's default welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home
