"""The five listings (news, guides, funding calls, consultations, directory) filter through one mechanism
(website/filters.py).

The same behaviour everywhere for an unknown, a malformed, a repeated and an empty value; counts per option;
a constant number of queries as rows grow; and the API reads the same filter sets, strictly.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.filters import ConsultationFilterSet
from consultations.models import ConsultationIndexPage
from directory.filters import DirectoryFilterSet
from funding.filters import FundingFilterSet
from guides.filters import GuideFilterSet
from news.filters import NewsFilterSet
from tests.factories.consultations import AuthorityFactory, ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories.directory import OrganizationFactory, sector
from tests.factories.funding import FundingCallPageFactory, FundingIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory, LegalActFactory, LegislationGuidePageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


@dataclass
class Listing:
    name: str
    url: str
    api_url: str
    results_key: str  # the page of results in the template's context
    make: object  # make(count, topics) adds `count` items on these topics
    single: str  # a parameter that takes one value, and two values it accepts
    single_values: tuple

    def count(self, response):
        return response.context[self.results_key].paginator.count


@pytest.fixture
def topics(db):
    return {
        "mediu": TopicFactory(name="Mediu", slug="mediu"),
        "educatie": TopicFactory(name="Educație", slug="educatie"),
    }


@pytest.fixture
def listings(home_page, topics):
    news_index = NewsIndexPageFactory(parent=home_page)
    guide_index = GuideIndexPageFactory(parent=home_page)
    funding_index = FundingIndexPageFactory(parent=home_page)
    consultation_index = ConsultationIndexPageFactory(parent=home_page)
    # A draft organization: the directory's listing counts only its own rows.
    authority = AuthorityFactory(publish=False)

    def news(count, on):
        for _number in range(count):
            NewsPageFactory(parent=news_index, topics=on, tags=["voluntariat"])

    def guides(count, on):
        for _number in range(count):
            LegalActFactory(page=LegislationGuidePageFactory(parent=guide_index, topics=on), kind="lege")

    def calls(count, on):
        for _number in range(count):
            FundingCallPageFactory(parent=funding_index, topics=on, applicant_kinds=["ong"])

    def consultations(count, on):
        for _number in range(count):
            ConsultationPageFactory(
                parent=consultation_index, authority=authority, topics=on, sectors=[sector("sector-3")]
            )

    def organizations(count, on):
        for _number in range(count):
            OrganizationFactory(topics=on, sectors=["sector-3"])

    return {
        "news": Listing(
            "news",
            news_index.url,
            "/api/v2/pages/?type=news.NewsPage",
            "page_obj",
            news,
            "tema",
            ("mediu", "educatie"),
        ),
        "guides": Listing(
            "guides",
            guide_index.url,
            "/api/v2/pages/?type=guides.LegislationGuidePage",
            "guides",
            guides,
            "act",
            ("lege", "hg"),
        ),
        "funding": Listing(
            "funding",
            funding_index.url,
            "/api/v2/pages/?type=funding.FundingCallPage",
            "calls",
            calls,
            "stare",
            ("deschis", "inchis"),
        ),
        "consultations": Listing(
            "consultations",
            consultation_index.url,
            "/api/v2/pages/?type=consultations.ConsultationPage",
            "consultations",
            consultations,
            "stare",
            ("open", "closed"),
        ),
        "directory": Listing(
            "directory",
            "/organizatii/",
            "/api/v2/organizations/?",
            "page_obj",
            organizations,
            "verificat",
            ("da", "nu"),
        ),
    }


@pytest.fixture
def filled(listings, topics):
    """Each listing with two items on "mediu" and one on "educație"."""
    for listing in listings.values():
        listing.make(2, [topics["mediu"]])
        listing.make(1, [topics["educatie"]])
    return listings


LISTINGS = ["news", "guides", "funding", "consultations", "directory"]


def ignored(response):
    return [(str(label), value) for label, value, _reason in response.context["ignored_filters"]]


@pytest.mark.parametrize("name", LISTINGS)
def test_a_known_topic_narrows_the_results(client, filled, name):
    listing = filled[name]
    response = client.get(listing.url, {"tema": "mediu"})
    assert response.status_code == 200
    assert listing.count(response) == 2
    assert ignored(response) == []


@pytest.mark.parametrize("name", LISTINGS)
@pytest.mark.parametrize(
    "value",
    [
        "nu-exista",  # unknown
        "mediu\x00",  # malformed: NUL
        "x" * 5000,  # malformed: far too long
        "<script>alert(1)</script>",
        "' OR 1=1 --",
    ],
)
def test_an_unknown_or_malformed_value_is_ignored_with_a_notice(client, filled, name, value):
    listing = filled[name]
    response = client.get(listing.url, {"tema": value})
    assert response.status_code == 200
    assert listing.count(response) == 3  # the listing is the unfiltered one
    assert [label for label, _value in ignored(response)] == ["Temă"]
    html = response.content.decode()
    assert "notice--warning" in html
    assert "Filtrul „Temă” a fost ignorat" in html.replace("“", "„")


@pytest.mark.parametrize("name", LISTINGS)
def test_a_parameter_repeated_with_different_values_is_ignored_with_a_notice(client, filled, name):
    listing = filled[name]
    response = client.get(listing.url, {listing.single: list(listing.single_values)})
    assert response.status_code == 200
    assert listing.count(response) == 3
    assert len(ignored(response)) == 1
    assert "Alegeți o singură valoare." in response.content.decode()


@pytest.mark.parametrize("name", LISTINGS)
def test_a_parameter_repeated_with_the_same_value_counts_once(client, filled, name):
    listing = filled[name]
    response = client.get(listing.url, {"tema": ["mediu", "mediu"]})
    assert listing.count(response) == 2
    assert ignored(response) == []


@pytest.mark.parametrize("name", LISTINGS)
@pytest.mark.parametrize("value", ["", " ", "   "])
def test_an_empty_value_is_no_filter_and_no_notice(client, filled, name, value):
    listing = filled[name]
    response = client.get(listing.url, {"tema": value})
    assert listing.count(response) == 3
    assert ignored(response) == []
    assert "notice--warning" not in response.content.decode()


@pytest.mark.parametrize("name", LISTINGS)
def test_each_topic_shows_how_many_results_it_gives(client, filled, name):
    listing = filled[name]
    html = client.get(listing.url).content.decode()
    assert "Mediu (2)" in html or 'Mediu <span class="facet-count">(2)</span>' in html
    assert "Educație (1)" in html or 'Educație <span class="facet-count">(1)</span>' in html


@pytest.mark.parametrize(
    ("filterset", "query"),
    [
        (NewsFilterSet, {"eticheta": "voluntariat"}),
        (GuideFilterSet, {"act": "lege"}),
        (FundingFilterSet, {"stare": "deschis"}),
        (ConsultationFilterSet, {"sector": "sector-3"}),
        (DirectoryFilterSet, {"sector": "sector-3"}),
    ],
)
def test_counts_follow_the_other_filters_but_not_their_own(filled, topics, filterset, query):
    queryset = {
        NewsFilterSet: "news.NewsPage",
        GuideFilterSet: "guides.LegislationGuidePage",
        FundingFilterSet: "funding.FundingCallPage",
        ConsultationFilterSet: "consultations.ConsultationPage",
        DirectoryFilterSet: "directory.Organization",
    }[filterset]
    model = apps.get_model(queryset)
    rows = model.objects.live()
    filters = filterset({**query, "tema": "mediu"}, rows)
    assert filters.qs.count() == 2
    topic_counts = {option.value: option.count for option in filters.facets()["tema"]}
    # Topics are counted under the other filter, not under the chosen topic.
    assert topic_counts["mediu"] == 2
    assert topic_counts["educatie"] == 1
    (other,) = query
    chosen = [option for option in filters.facets()[other] if option.selected]
    assert len(chosen) == 1 and chosen[0].count == 2


def test_funding_status_counts_and_romanian_values(client, home_page, topics):
    index = FundingIndexPageFactory(parent=home_page)
    now = timezone.now()
    FundingCallPageFactory(parent=index, deadline=now + timedelta(days=30))
    FundingCallPageFactory(parent=index, deadline=now + timedelta(days=3))
    FundingCallPageFactory(parent=index, opens_on=timezone.localdate() + timedelta(days=5))
    FundingCallPageFactory(
        parent=index, opens_on=timezone.localdate() - timedelta(days=40), deadline=now - timedelta(days=1)
    )
    response = client.get(index.url)
    html = response.content.decode()
    assert "Deschise pentru aplicații (2)" in html
    counts = {}
    for value, expected in [("deschis", 2), ("se-inchide-curand", 1), ("in-curand", 1), ("inchis", 1)]:
        counts[value] = client.get(index.url, {"stare": value}).context["calls"].paginator.count
        assert counts[value] == expected, value
    # The values of the first version keep bookmarked links working.
    for former, current in [
        ("accepting", "deschis"),
        ("closing_soon", "se-inchide-curand"),
        ("upcoming", "in-curand"),
    ]:
        assert client.get(index.url, {"stare": former}).context["calls"].paginator.count == counts[current]
    assert 'value="deschis" selected' in client.get(index.url, {"stare": "accepting"}).content.decode()


@pytest.mark.parametrize("name", LISTINGS)
def test_query_count_is_constant_as_rows_grow(client, listings, topics, django_assert_max_num_queries, settings, name):
    settings.NEWS_PER_PAGE = settings.GUIDES_PER_PAGE = settings.FUNDING_PER_PAGE = 100
    settings.CONSULTATIONS_PER_PAGE = 100
    listing = listings[name]
    query = {"tema": "mediu"}
    listing.make(5, [topics["mediu"], topics["educatie"]])
    client.get(listing.url, query)
    with CaptureQueriesContext(connection) as five:
        assert listing.count(client.get(listing.url, query)) == 5
    listing.make(45, [topics["mediu"], topics["educatie"]])
    with django_assert_max_num_queries(len(five)):
        assert listing.count(client.get(listing.url, query)) == 50


@pytest.mark.parametrize("name", LISTINGS)
def test_the_api_reads_the_same_filters_strictly(client, filled, name):
    listing = filled[name]
    website = client.get(listing.url, {"tema": "mediu"})
    api = client.get(f"{listing.api_url}&topic=mediu")
    assert api.status_code == 200, api.json()
    assert api.json()["meta"]["total_count"] == listing.count(website) == 2
    # A value the website ignores with a notice is a 400 in the API.
    assert ignored(client.get(listing.url, {"tema": "nu-exista"}))
    unknown = client.get(f"{listing.api_url}&topic=nu-exista")
    assert unknown.status_code == 400
    assert "unknown topic: nu-exista" in unknown.json()["message"]
    # The API knows the listing's single-valued filter under its English name, with the same values.
    filterset = {
        "news": NewsFilterSet,
        "guides": GuideFilterSet,
        "funding": FundingFilterSet,
        "consultations": ConsultationFilterSet,
        "directory": DirectoryFilterSet,
    }[name]
    api_name = filterset.base_filters[listing.single].api_name
    if listing.single != "verificat":
        value = listing.single_values[0]
        assert client.get(f"{listing.api_url}&{api_name}={value}").status_code == 200
        assert client.get(f"{listing.api_url}&{api_name}=nu-exista").status_code == 400


def test_api_page_filters_are_known_only_for_their_page_type(client, filled):
    assert client.get("/api/v2/pages/?topic=mediu").status_code == 400
    assert client.get("/api/v2/pages/?type=news.NewsPage&status=deschis").status_code == 400
    assert client.get("/api/v2/pages/?type=funding.FundingCallPage&status=deschis").json()["meta"]["total_count"] == 3
    bad = client.get("/api/v2/pages/?type=funding.FundingCallPage&status=open")
    assert bad.status_code == 400
    assert "unknown status: open; use one of: deschis, se-inchide-curand, in-curand, inchis" in bad.json()["message"]


def test_consultations_filter_by_sector_on_the_website_and_in_the_api(client, listings, topics):
    listing = listings["consultations"]
    listing.make(2, [topics["mediu"]])  # in Sector 3
    ConsultationPageFactory(parent=ConsultationIndexPage.objects.get())  # in no sector
    response = client.get(listing.url, {"sector": "sector-3"})
    assert listing.count(response) == 2
    assert "Sector 3 (2)" in client.get(listing.url).content.decode()
    for url in ("/api/v2/consultations/?", listing.api_url + "&"):
        assert client.get(f"{url}sector=sector-3").json()["meta"]["total_count"] == 2, url
        unknown = client.get(f"{url}sector=sector-9")
        assert unknown.status_code == 400 and "unknown sector: sector-9" in unknown.json()["message"], url
