"""The public listings and the view counter, fed hostile query strings and ids: never a server error.

The listings' filters are optional and a value they do not understand is ignored with a notice, so every
answer here is a page (200) or, for ids that match nothing, a 404. Runs on SQLite and PostgreSQL.
"""

import re

import pytest
from django.test import Client

from tests.factories.directory import OrganizationFactory
from tests.factories.funding import FundingCallPageFactory, FundingIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory, LegislationGuidePageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
HOSTILE_VALUES = [
    "",
    " ",
    "\x00",
    "a\x00b",
    HUGE,
    "-" + HUGE,
    "9223372036854775808",
    "-1",
    "0",
    "1.5",
    "1e9",
    "NaN",
    "١٢",
    "ăîșțâ ĂÎȘȚÂ ş ţ",
    "😀\u202e\ufeff",
    "x" * 5000,
    " ".join(["cuvânt"] * 300),
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "%_\\",
    "*",
    ",,,",
    "last",
    "../../../etc/passwd",
    "<script>alert(1)</script>",
    "\r\n\t",
]
# Parameters a listing reads without a form field for them (links, pagination); the others are read from the
# page's own form fields, so a new filter is fuzzed as soon as the page offers it.
DIRECTORY_PARAMETERS = ["q", "tip", "sector", "tema", "parteneri", "verificat", "ordine", "page"]
NEWS_PARAMETERS = ["tema", "eticheta", "page"]
FORM_FIELD_NAME = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"")


@pytest.fixture
def client():
    """A client that reports server errors as 500 answers, so one run lists them all."""
    return Client(raise_request_exception=False)


@pytest.fixture
def listings(home_page):
    """Each public listing, with something in it: `{url: parameters}`."""
    topic = TopicFactory(name="Economie socială", slug="economie-sociala")
    news_index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news_index, tags=["voluntariat"], topics=[topic])
    funding_index = FundingIndexPageFactory(parent=home_page)
    FundingCallPageFactory(parent=funding_index, topics=[topic])
    guide_index = GuideIndexPageFactory(parent=home_page)
    LegislationGuidePageFactory(parent=guide_index, topics=[topic])
    OrganizationFactory(name="Asociația Vecinii din Titan", topics=[topic], sectors=["sector-3"])
    return {
        "/organizatii/": DIRECTORY_PARAMETERS,
        "/organizatii/export.csv": DIRECTORY_PARAMETERS,
        "/organizatii/export.json": DIRECTORY_PARAMETERS,
        news_index.url: NEWS_PARAMETERS,
        funding_index.url: ["page"],
        guide_index.url: ["page"],
    }


def parameters(client, url, known):
    """`known` and the names of the fields the listing's own forms send."""
    response = client.get(url)
    html = "" if response.streaming else response.content.decode()
    names = set(FORM_FIELD_NAME.findall(html))
    return sorted((names | set(known)) - {"csrfmiddlewaretoken"})


def test_listings_survive_hostile_query_strings(client, listings):
    found = []
    for url, known in listings.items():
        names = parameters(client, url, known)
        assert names != ["page"], f"{url} offers no filter fields: the page changed, or this test reads it wrong"
        for parameter in names:
            for value in HOSTILE_VALUES:
                response = client.get(url, {parameter: value})
                if response.status_code >= 500:
                    found.append(f"{url}?{parameter}={value[:40]!r}: {response.status_code}")
            repeated = client.get(url, {parameter: ["1", HUGE, "\x00"]})
            if repeated.status_code >= 500:
                found.append(f"{url}?{parameter} repeated: {repeated.status_code}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("page_id", ["0", "9223372036854775807", "9223372036854775808", HUGE, "9" * 400])
def test_view_counter_answers_404_for_ids_that_match_nothing(client, home_page, page_id):
    assert client.post(f"/stiri/vizualizari/{page_id}/").status_code == 404
    assert client.get(f"/stiri/vizualizari/{page_id}/pixel.gif").status_code == 404


def test_organization_profile_with_a_hostile_slug(client, home_page):
    for slug in ["x" * 5000, HUGE, "a%00b", "%C8%99"]:
        assert client.get(f"/organizatii/{slug}/").status_code == 404
