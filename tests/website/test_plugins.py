"""The site shell imports no app; apps plug in through website/hooks.py, whose hooks answer as website expects."""

import ast
from pathlib import Path

import pytest
from django.contrib.sitemaps import Sitemap
from django.test import RequestFactory
from wagtail import hooks
from wagtail.api.v2.views import BaseAPIViewSet

from website import hooks as site_hooks
from website.groups import EDITORS, MODERATORS

WEBSITE = Path(__file__).resolve().parents[2] / "website"
APPS = {"news", "guides", "funding", "directory", "members", "participation"}


def _imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_website_imports_no_content_or_participation_app():
    modules = [path for path in WEBSITE.rglob("*.py") if not {"settings", "tests"} & set(path.parts)]
    assert len(modules) > 20
    offending = {
        f"{path.relative_to(WEBSITE.parent)}: {name}"
        for path in modules
        for name in _imported_modules(path)
        if name.split(".")[0] in APPS
    }
    assert offending == set()


@pytest.fixture
def request_(rf: RequestFactory):
    return rf.get("/")


def test_navigation_entries(db, request_):
    entries = site_hooks.navigation_items(request_)
    assert [entry["url"] for entry in entries] == [
        "/politici-publice/",
        "/cautare/",
        "/propuneri/",
        "/dialog/",
        "/organizatii/",
    ]
    assert all(isinstance(entry["title"], str) and isinstance(entry["order"], int) for entry in entries)


def test_staff_permissions_are_groups_of_app_label_codename_pairs():
    for hook in hooks.get_hooks(site_hooks.STAFF_PERMISSIONS_HOOK):
        permissions = hook()
        assert set(permissions) <= {EDITORS, MODERATORS}
        for pairs in permissions.values():
            assert all(isinstance(app_label, str) and isinstance(codename, str) for app_label, codename in pairs)
    registered = {
        app_label
        for hook in hooks.get_hooks(site_hooks.STAFF_PERMISSIONS_HOOK)
        for pairs in hook().values()
        for app_label, _codename in pairs
    }
    assert {"directory", "members", "participation"} <= registered


def test_demo_loaders_are_ordered_callables():
    orders = [hook()[0] for hook in hooks.get_hooks(site_hooks.DEMO_DATA_HOOK)]
    assert len(orders) == len(set(orders)) >= 5
    loaders = site_hooks.demo_loaders()
    assert [loader.__module__ for loader in loaders][:5] == [
        "directory.demo",
        "members.demo",
        "news.demo",
        "guides.demo",
        "funding.demo",
    ]


def test_home_page_blocks(db, request_):
    blocks = [hook(request_) for hook in hooks.get_hooks(site_hooks.HOME_PAGE_BLOCKS_HOOK)]
    assert [block["id"] for block in sorted(blocks, key=lambda block: block["order"])] == [
        "home-funding",
        "home-consultations",
        "home-proposals",
        "home-assistance",
        "home-news",
        "home-guides",
        "home-resources",
    ]
    for block in blocks:
        assert {"order", "id", "title", "more_label", "items", "card_meta"} <= set(block)
        assert list(block["items"]) == []
    assert site_hooks.home_page_blocks(request_) == []  # nothing to show, no section


def test_sitemaps_and_profile_sections():
    sitemaps = site_hooks.sitemaps()
    assert set(sitemaps) == {"organizations", "proposals", "dialogue"}
    assert all(issubclass(sitemap, Sitemap) for sitemap in sitemaps.values())
    assert hooks.get_hooks(site_hooks.PROFILE_SECTIONS_HOOK)


def test_api_endpoints():
    endpoints = dict(site_hooks.api_endpoints())
    assert set(endpoints) == {
        "topics",
        "funding-calls",
        "organizations",
        "consultations",
        "proposals",
        "threads",
        "search",
    }
    assert all(issubclass(viewset, BaseAPIViewSet) for viewset in endpoints.values())
