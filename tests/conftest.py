"""Fixtures shared by the whole suite: a site whose root is a fresh HomePage, and data built once for a module."""

from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from tests.factories.website import HomePageFactory


def make_home_page():
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


@pytest.fixture
def home_page(db):
    return make_home_page()


@contextmanager
def once_per_module(django_db_blocker):
    """A home page and what the block adds, built once for a module's tests (the demo content takes seconds).

    Everything is created in a transaction that is rolled back after the module; each test runs, as usual, in a
    savepoint inside it, so what a test changes is gone before the next one. For module-scoped fixtures:

        @pytest.fixture(scope="module")
        def demo_home(django_db_setup, django_db_blocker):
            with once_per_module(django_db_blocker) as (home, unblocked):
                with unblocked():
                    seed(home)
                yield home

    and a function-scoped `home_page` in the module returning it, so that no test makes another home page.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        home = make_home_page()
    try:
        yield home, django_db_blocker.unblock
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
