"""`/api/v2/organizations/`: published organizations only, the website's filters, 400 for bad input."""

import pytest

from directory.models import Organization
from tests.factories.directory import OrganizationFactory

pytestmark = pytest.mark.django_db

URL = "/api/v2/organizations/"


def names(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


@pytest.fixture
def organizations(home_page, environment, education):
    return {
        "titan": OrganizationFactory(
            name="Asociația Vecinii din Titan", topics=[environment], sectors=["sector-3"], seeking_partners=True
        ),
        "lumina": OrganizationFactory(
            name="Fundația Lumina Copiilor",
            kind=Organization.Kind.FOUNDATION,
            topics=[education],
            sectors=["sector-3", "sector-4"],
            verified=True,
        ),
        "pmb": OrganizationFactory(
            name="Primăria Municipiului București",
            kind=Organization.Kind.LOCAL_AUTHORITY,
            cui="4267117",
            sectors=["municipiu"],
            verified=True,
        ),
        "draft": OrganizationFactory(name="Asociația Ciornă", sectors=["sector-3"], publish=False),
    }


def test_list_shape_and_default_fields(client, organizations):
    response = client.get(URL)
    data = response.json()
    assert data["meta"] == {"total_count": 3}
    assert [item["name"] for item in data["items"]] == [
        "Asociația Vecinii din Titan",
        "Fundația Lumina Copiilor",
        "Primăria Municipiului București",
    ]
    item = data["items"][0]
    assert item["meta"]["type"] == "directory.Organization"
    assert item["meta"]["detail_url"] == f"http://testserver/api/v2/organizations/{organizations['titan'].pk}/"
    assert item["meta"]["html_url"] == "http://testserver/organizatii/asociatia-vecinii-din-titan/"
    assert item["sectors"] == [{"slug": "sector-3", "name": "Sector 3"}]
    assert item["topics"] == [{"id": item["topics"][0]["id"], "name": "Mediu", "slug": "mediu"}]
    assert item["seeking_partners"] is True


def test_no_private_or_internal_fields(client, organizations):
    item = client.get(URL, {"fields": "*"}).json()["items"][0]
    for private in ("live", "has_unpublished_changes", "latest_revision", "locked", "locked_by", "search_text"):
        assert private not in item
    assert item["cui"]
    with_unknown = client.get(URL, {"fields": "locked_by"})
    assert with_unknown.status_code == 400


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "fundatie"}, ["Fundația Lumina Copiilor"]),
        ({"kind": "fundatie,autoritate-locala"}, ["Fundația Lumina Copiilor", "Primăria Municipiului București"]),
        ({"sector": "sector-3"}, ["Asociația Vecinii din Titan", "Fundația Lumina Copiilor"]),
        ({"sector": "sector-3", "topic": "educatie"}, ["Fundația Lumina Copiilor"]),
        ({"sector": "sector-3", "verified": "true"}, ["Fundația Lumina Copiilor"]),
        ({"verified": "false"}, ["Asociația Vecinii din Titan"]),
        ({"seeking_partners": "true"}, ["Asociația Vecinii din Titan"]),
        ({"search": "bucuresti"}, ["Primăria Municipiului București"]),
        ({"slug": "fundatia-lumina-copiilor"}, ["Fundația Lumina Copiilor"]),
        ({"slug": "asociatia-ciorna"}, []),
        (
            {"order": "-name"},
            ["Primăria Municipiului București", "Fundația Lumina Copiilor", "Asociația Vecinii din Titan"],
        ),
        ({"limit": 1, "offset": 1}, ["Fundația Lumina Copiilor"]),
    ],
)
def test_filters(client, organizations, query, expected):
    assert names(client.get(URL, query)) == expected


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"kind": "partid"}, "unknown kind: partid"),
        ({"sector": "sector-9"}, "unknown sector: sector-9"),
        ({"topic": "nu-exista"}, "unknown topic: nu-exista"),
        ({"verified": "poate"}, "verified must be true or false"),
        ({"seeking_partners": "2"}, "seeking_partners must be true or false"),
        ({"name": "Fundația Lumina Copiilor"}, "not an operation or a recognised filter: name"),
        ({"cui": "4267117"}, "recognised filter: cui"),
        ({"live": "false"}, "recognised filter: live"),
        ({"order": "topics"}, "cannot order by 'topics'"),
        ({"order": "random"}, "cannot order by 'random'"),
        ({"limit": "1000"}, "limit cannot be higher than 100"),
        ({"offset": "-3"}, "offset must be a positive integer"),
        ({"kind": "asociatie\x00"}, "null characters are not allowed"),
        ({"search": "x" * 500}, "search: at most 200 characters"),
        ({"fields": "nu_exista"}, "unknown fields: nu_exista"),
    ],
)
def test_bad_parameters_answer_400_with_a_message(client, organizations, query, fragment):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert fragment in response.json()["message"]


def test_detail_by_id(client, organizations):
    pmb = organizations["pmb"]
    response = client.get(f"{URL}{pmb.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "Primăria Municipiului București"
    assert data["cui"] == "4267117"
    assert data["kind_label"]
    assert data["sectors"] == [{"slug": "municipiu", "name": "Municipiul București (întreg)"}]


def test_detail_of_a_draft_is_404(client, organizations):
    response = client.get(f"{URL}{organizations['draft'].pk}/")
    assert response.status_code == 404
    assert response.json() == {"message": "No Organization matches the given query."}


def test_find_by_slug_redirects_to_the_detail(client, organizations):
    lumina = organizations["lumina"]
    response = client.get(f"{URL}find/", {"slug": "fundatia-lumina-copiilor", "fields": "name"})
    assert response.status_code == 302
    assert response["Location"] == f"http://testserver{URL}{lumina.pk}/?fields=name"
    assert client.get(response["Location"]).json()["name"] == "Fundația Lumina Copiilor"


@pytest.mark.parametrize("query", [{"slug": "asociatia-ciorna"}, {"slug": "nu-exista"}, {}, {"id": "999999"}])
def test_find_of_missing_or_draft_is_404(client, organizations, query):
    assert client.get(f"{URL}find/", query).status_code == 404


def test_find_by_id(client, organizations):
    response = client.get(f"{URL}find/", {"id": organizations["titan"].pk})
    assert response.status_code == 302
    assert client.get(f"{URL}find/", {"id": "abc"}).status_code == 400


def test_pending_changes_are_not_served(client, organizations):
    titan = organizations["titan"]
    titan.name = "Nume nepublicat"
    titan.save_revision()
    assert "Nume nepublicat" not in client.get(URL).content.decode()
    assert client.get(f"{URL}{titan.pk}/").json()["name"] == "Asociația Vecinii din Titan"
