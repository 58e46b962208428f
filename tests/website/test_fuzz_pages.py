"""The public listings and the view counter, fed hostile query strings and ids: never a server error.

The listings' filters are optional and a value they do not understand is ignored with a notice, so every
answer here is a page (200) or, for ids that match nothing, a 404. Runs on SQLite and PostgreSQL.
"""

import pytest
from django.test import Client

from funding.forms import FundingFilterForm
from guides.forms import GuideFilterForm
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
# The parameters each listing reads; forms declare theirs, the others are read by name in the view or model.
DIRECTORY_PARAMETERS = ["q", "tip", "sector", "tema", "parteneri", "verificat", "ordine", "page"]
NEWS_PARAMETERS = ["tema", "eticheta", "page"]


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
        funding_index.url: [*FundingFilterForm.base_fields, "page"],
        guide_index.url: [*GuideFilterForm.base_fields, "page"],
    }


def test_listings_survive_hostile_query_strings(client, listings):
    found = []
    for url, parameters in listings.items():
        for parameter in parameters:
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
