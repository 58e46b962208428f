"""One public address (WAGTAILADMIN_BASE_URL) in every absolute link the site builds, whatever host was asked."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from tests.factories.directory import OrganizationFactory
from tests.factories.funding import FundingCallPageFactory, FundingIndexPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from website import demo

PUBLIC = "https://bucuresti-social.example"
ROOT = Path(settings.BASE_DIR)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_caches():
    """Wagtail caches the sites' root paths: start every test without them."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def public_site(home_page):
    """The content of a small site whose public address differs from the host the test client names."""
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC):
        call_command("sync_site", stdout=io.StringIO())
        news_index = NewsIndexPageFactory(parent=home_page)
        article = NewsPageFactory(parent=news_index, title="Centru comunitar nou", slug="centru-comunitar-nou")
        funding_index = FundingIndexPageFactory(parent=home_page)
        call = FundingCallPageFactory(parent=funding_index, title="Granturi locale", slug="granturi-locale")
        organization = OrganizationFactory(name="Asociația Vecinii din Titan")
        yield {"article": article, "call": call, "organization": organization}


def links(client, public_site):
    """Every absolute URL the site hands out, by where it came from (the client asks for `testserver`)."""
    found = {}
    article, call, organization = public_site["article"], public_site["call"], public_site["organization"]

    html = client.get(article.url).content.decode()
    found["canonical link"] = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
    found["og:url"] = re.findall(r'<meta property="og:url" content="([^"]+)"', html)
    profile = client.get(organization.get_absolute_url()).content.decode()
    found["profile canonical"] = re.findall(r'<link rel="canonical" href="([^"]+)"', profile)

    found["sitemap.xml"] = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
    robots = client.get("/robots.txt").content.decode()
    found["robots.txt"] = re.findall(r"^Sitemap: (\S+)$", robots, flags=re.MULTILINE)

    rss = client.get("/stiri/rss/").content.decode()
    found["RSS"] = re.findall(r"<link>([^<]+)</link>", rss) + re.findall(r"<guid[^>]*>([^<]+)</guid>", rss)
    found["RSS self"] = re.findall(r'<atom:link href="([^"]+)"', rss)

    ical = client.get("/finantari/calendar.ics").content.decode().replace("\r\n ", "")
    found["iCal"] = re.findall(r"^URL:(\S+)\r$", ical, flags=re.MULTILINE)
    found["iCal UID host"] = [
        f"https://{uid}/" for uid in re.findall(r"^UID:[^@]+@(\S+)\r$", ical, flags=re.MULTILINE)
    ]

    pages = client.get("/api/v2/pages/", {"type": "news.NewsPage"}).json()["items"]
    found["API detail_url"] = [item["meta"]["detail_url"] for item in pages]
    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    found["API html_url"] = [detail["meta"]["html_url"]]
    calls = client.get(f"/api/v2/pages/{call.pk}/").json()
    found["API funding call html_url"] = [calls["meta"]["html_url"]]
    organizations = client.get("/api/v2/organizations/").json()["items"]
    found["API organizations"] = [item["meta"]["html_url"] for item in organizations] + [
        item["meta"]["detail_url"] for item in organizations
    ]

    export = client.get("/organizatii/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    found["CSV profile_url"] = [row["profile_url"] for row in rows]
    exported = client.get("/organizatii/export.json").json()["items"]
    found["JSON profile_url"] = [item["profile_url"] for item in exported]
    return found


def test_every_absolute_link_uses_the_public_address(client, public_site):
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC):
        found = links(client, public_site)
    for source, urls in found.items():
        assert urls, f"{source}: no URL found"
        wrong = [url for url in urls if not url.startswith(PUBLIC + "/")]
        assert not wrong, f"{source} does not use {PUBLIC}: {wrong}"
    assert f"{PUBLIC}/stiri/centru-comunitar-nou/" in found["canonical link"]
    assert f"{PUBLIC}/organizatii/asociatia-vecinii-din-titan/" in found["sitemap.xml"]
    assert found["CSV profile_url"] == [f"{PUBLIC}/organizatii/asociatia-vecinii-din-titan/"]


def test_demo_site_has_the_address_make_run_serves(db):
    """seed_demo's Site is WAGTAILADMIN_BASE_URL, e.g. 127.0.0.1:8000, not `localhost`."""
    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000", WAGTAILAPI_BASE_URL="http://127.0.0.1:8000"):
        home = demo.home_page()
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")
        assert home.full_url == "http://127.0.0.1:8000/"


def test_make_run_serves_the_default_public_address():
    """`make run` passes http://HOST:PORT as WAGTAILADMIN_BASE_URL; its defaults are the settings' default."""
    makefile = (ROOT / "Makefile").read_text()
    host = re.search(r"^HOST \?= (\S+)$", makefile, flags=re.MULTILINE).group(1)
    port = re.search(r"^PORT \?= (\S+)$", makefile, flags=re.MULTILINE).group(1)
    assert re.search(r"^BASE_URL \?= http://\$\(HOST\):\$\(PORT\)$", makefile, flags=re.MULTILINE)
    assert re.search(r"^\tWAGTAILADMIN_BASE_URL=\$\(BASE_URL\) \$\(MANAGE\) seed_demo$", makefile, flags=re.MULTILINE)
    base_settings = (ROOT / "website" / "settings" / "base.py").read_text()
    assert f'os.environ.get("WAGTAILADMIN_BASE_URL", "http://{host}:{port}")' in base_settings
