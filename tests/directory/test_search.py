"""The directory's `?q=` is the site-wide search's: Romanian matching, relevance order (names first) with a query."""

import pytest
from django.urls import reverse

from tests.factories.directory import OrganizationFactory, valid_cui

pytestmark = pytest.mark.django_db

INDEX = reverse("directory:index")


def names(response):
    return [organization.name for organization in response.context["organizations"]]


@pytest.fixture
def organizations(home_page, environment, education):
    return {
        "lumina": OrganizationFactory(
            name="Fundația Lumina Copiilor",
            description="Meditații pentru copiii din Titan și din Balta Albă.",
            topics=[education],
            sectors=["sector-3"],
        ),
        "titan": OrganizationFactory(
            name="Asociația Vecinii din Titan",
            description="Grădini comunitare.",
            topics=[environment],
            sectors=["sector-3"],
        ),
        "aripi": OrganizationFactory(
            name="Asociația Aripi",
            description="Cursuri de grădinărit în parcul Titan.",
            topics=[environment],
            sectors=["sector-4"],
        ),
        "compost": OrganizationFactory(name="Compost Urban", description="Compost din cartierele Capitalei."),
        "draft": OrganizationFactory(name="Asociația Titan Ascunsă", publish=False),
    }


def test_a_search_lists_names_that_match_first(client, organizations):
    response = client.get(INDEX, {"q": "titan"})
    assert names(response)[0] == "Asociația Vecinii din Titan"
    assert sorted(names(response)[1:]) == ["Asociația Aripi", "Fundația Lumina Copiilor"]
    html = response.content.decode()
    assert '<option value="relevanta" selected>Relevanță</option>' in html


def test_without_a_search_or_when_asked_the_order_is_by_name(client, organizations):
    assert names(client.get(INDEX)) == [
        "Asociația Aripi",
        "Asociația Vecinii din Titan",
        "Compost Urban",
        "Fundația Lumina Copiilor",
    ]
    assert 'value="relevanta"' not in client.get(INDEX).content.decode()
    assert names(client.get(INDEX, {"q": "titan", "ordine": "nume"})) == [
        "Asociația Aripi",
        "Asociația Vecinii din Titan",
        "Fundația Lumina Copiilor",
    ]
    # Relevance without a search is the order by name.
    assert names(client.get(INDEX, {"ordine": "relevanta"}))[0] == "Asociația Aripi"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("copii", ["Fundația Lumina Copiilor"]),
        ("gradinile", ["Asociația Aripi", "Asociația Vecinii din Titan"]),
        ("gradinarit", ["Asociația Aripi"]),
        ("Grădinărit", ["Asociația Aripi"]),
        ("ASOCIAŢIA ARIPI", ["Asociația Aripi"]),
        ("capitala", ["Compost Urban"]),
        ('" * ( ) OR -', []),
        ("ascunsa", []),
    ],
)
def test_romanian_matching_of_the_search(client, organizations, query, expected):
    assert sorted(names(client.get(INDEX, {"q": query}))) == expected


def test_the_other_filters_and_their_counts_apply_to_what_the_search_finds(client, organizations):
    response = client.get(INDEX, {"q": "titan", "sector": "sector-3"})
    assert names(response)[0] == "Asociația Vecinii din Titan"
    assert len(names(response)) == 2
    facets = response.context["facets"]
    counts = {option.value: option.count for option in facets["sectors"]}
    assert counts["sector-3"] == 2
    assert counts["sector-4"] == 1
    topics = {option.value: option.count for option in facets["topics"]}
    assert topics == {"educatie": 1, "mediu": 1}


def test_the_exports_follow_the_search(client, organizations):
    response = client.get(reverse("directory:export_json"), {"q": "titan"})
    assert [item["name"] for item in response.json()["items"]][0] == "Asociația Vecinii din Titan"
    assert response.json()["meta"]["total_count"] == 3


def test_the_api_search_finds_the_same(client, organizations):
    response = client.get("/api/v2/organizations/", {"search": "gradinarit"})
    assert [item["name"] for item in response.json()["items"]] == ["Asociația Aripi"]


SEARCH = reverse("search:search")


@pytest.fixture
def by_code(home_page):
    """Two published organizations with known fiscal codes and a draft whose code must never be found."""
    return {
        "lumina": OrganizationFactory(name="Fundația Lumina Copiilor", cui=valid_cui(3141592)),
        "titan": OrganizationFactory(name="Asociația Vecinii din Titan", cui=valid_cui(2718281)),
        "draft": OrganizationFactory(name="Asociația Ascunsă", cui=valid_cui(1618033), publish=False),
    }


def search_titles(response):
    return [hit.document.title for hit in response.context["hits"]]


@pytest.mark.parametrize("prefix", ["", "RO", "ro"])
def test_an_organization_is_found_by_its_fiscal_code(client, by_code, prefix):
    query = prefix + by_code["lumina"].cui
    assert names(client.get(INDEX, {"q": query})) == ["Fundația Lumina Copiilor"]
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert search_titles(response) == ["Fundația Lumina Copiilor"]
    # The result shows the code that was found, as the document spells it.
    assert f"<mark>{query.upper()}</mark>" in response.content.decode()


def test_a_draft_is_not_found_by_its_fiscal_code(client, by_code):
    cui = by_code["draft"].cui
    assert names(client.get(INDEX, {"q": cui})) == []
    assert search_titles(client.get(SEARCH, {"q": cui})) == []


def test_a_changed_fiscal_code_is_searched_once_published(client, by_code):
    organization = by_code["titan"]
    old, new = organization.cui, valid_cui(2718282)
    organization.cui = f"RO {new}"
    organization.save_revision().publish()
    organization.refresh_from_db()
    assert organization.cui == new
    assert names(client.get(INDEX, {"q": new})) == ["Asociația Vecinii din Titan"]
    assert search_titles(client.get(SEARCH, {"q": f"RO{new}"})) == ["Asociația Vecinii din Titan"]
    assert names(client.get(INDEX, {"q": old})) == []
    assert search_titles(client.get(SEARCH, {"q": old})) == []
