"""The public directory: filters that combine, counts per value, search, sorting, pagination, profiles."""

import pytest
from django.urls import reverse
from wagtail import hooks

from directory.models import Organization
from directory.views import PROFILE_SECTIONS_HOOK
from tests.factories.directory import OrganizationFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("directory:index")


def names(response):
    return [organization.name for organization in response.context["organizations"]]


def facet(response, dimension, value):
    return next(item for item in response.context["facets"][dimension] if item.value == value)


@pytest.fixture
def directory(home_page, environment, education):
    """Five published organizations and one draft, spread over kinds, sectors and topics."""
    return {
        "titan": OrganizationFactory(
            name="Asociația Vecinii din Titan",
            topics=[environment],
            sectors=["sector-3"],
            seeking_partners=True,
        ),
        "lumina": OrganizationFactory(
            name="Fundația Lumina Copiilor",
            kind=Organization.Kind.FOUNDATION,
            topics=[education],
            sectors=["sector-3", "sector-4"],
            verified=True,
        ),
        "scoala": OrganizationFactory(
            name="Școala de Meserii Ferentari",
            topics=[education, environment],
            sectors=["sector-5"],
            verified=True,
            seeking_partners=True,
            description="Cursuri de calificare în București.",
        ),
        "pmb": OrganizationFactory(
            name="Primăria Municipiului București",
            kind=Organization.Kind.LOCAL_AUTHORITY,
            sectors=["municipiu"],
            verified=True,
        ),
        "compost": OrganizationFactory(
            name="Compost Urban",
            kind=Organization.Kind.SOCIAL_ENTERPRISE,
            topics=[environment],
            sectors=["sector-6"],
        ),
        "draft": OrganizationFactory(
            name="Asociația Ciornă", topics=[environment], sectors=["sector-3"], verified=True, publish=False
        ),
    }


def test_listing_shows_published_organizations_alphabetically(client, directory):
    response = client.get(INDEX)
    assert response.status_code == 200
    # "Școala" sorts with S, not after Z.
    assert names(response) == [
        "Asociația Vecinii din Titan",
        "Compost Urban",
        "Fundația Lumina Copiilor",
        "Primăria Municipiului București",
        "Școala de Meserii Ferentari",
    ]
    html = response.content.decode()
    assert "Asociația Ciornă" not in html
    assert 'href="/organizatii/compost-urban/"' in html


def test_filters_combine(client, directory):
    assert names(client.get(INDEX, {"sector": "sector-3"})) == [
        "Asociația Vecinii din Titan",
        "Fundația Lumina Copiilor",
    ]
    assert names(client.get(INDEX, {"sector": "sector-3", "tema": "mediu"})) == ["Asociația Vecinii din Titan"]
    assert names(client.get(INDEX, {"tema": "mediu", "verificat": "1"})) == ["Școala de Meserii Ferentari"]
    assert names(client.get(INDEX, {"tema": "mediu", "parteneri": "1", "tip": "asociatie"})) == [
        "Asociația Vecinii din Titan",
        "Școala de Meserii Ferentari",
    ]
    # Several values of one filter widen it.
    assert names(client.get(INDEX, {"sector": ["sector-5", "sector-6"]})) == [
        "Compost Urban",
        "Școala de Meserii Ferentari",
    ]
    assert names(client.get(INDEX, {"tip": ["fundatie", "autoritate-locala"], "verificat": "1"})) == [
        "Fundația Lumina Copiilor",
        "Primăria Municipiului București",
    ]


def test_an_organization_in_two_chosen_sectors_is_listed_once(client, directory):
    response = client.get(INDEX, {"sector": ["sector-3", "sector-4"]})
    assert names(response) == ["Asociația Vecinii din Titan", "Fundația Lumina Copiilor"]
    assert response.context["page_obj"].paginator.count == 2


def test_counts_per_filter_value(client, directory):
    response = client.get(INDEX)
    assert facet(response, "kinds", "asociatie").count == 2
    assert facet(response, "kinds", "fundatie").count == 1
    assert facet(response, "kinds", "federatie").count == 0
    assert facet(response, "sectors", "sector-3").count == 2  # the draft is not counted
    assert facet(response, "sectors", "municipiu").count == 1
    assert facet(response, "topics", "mediu").count == 3
    assert facet(response, "topics", "educatie").count == 2
    assert response.context["facets"]["verified"] == 3
    assert response.context["facets"]["seeking_partners"] == 2
    html = response.content.decode()
    assert 'for="sector-sector-3">Sector 3 <span class="facet-count">(2)</span>' in html


def test_counts_follow_the_other_filters_but_not_their_own(client, directory):
    response = client.get(INDEX, {"sector": "sector-3"})
    # Topics and kinds are counted inside Sector 3 …
    assert facet(response, "topics", "mediu").count == 1
    assert facet(response, "topics", "educatie").count == 1
    assert facet(response, "kinds", "intreprindere-sociala").count == 0
    assert response.context["facets"]["verified"] == 1
    # … while each sector keeps its own count, so readers can see what choosing another one would give.
    assert facet(response, "sectors", "sector-5").count == 1
    assert facet(response, "sectors", "sector-3").selected
    assert not facet(response, "sectors", "sector-5").selected


def test_search_ignores_case_and_diacritics(client, directory):
    assert names(client.get(INDEX, {"q": "scoala"})) == ["Școala de Meserii Ferentari"]
    assert names(client.get(INDEX, {"q": "BUCURESTI"})) == [
        "Primăria Municipiului București",
        "Școala de Meserii Ferentari",
    ]
    assert names(client.get(INDEX, {"q": "vecinii titan"})) == ["Asociația Vecinii din Titan"]
    assert names(client.get(INDEX, {"q": "ciornă"})) == []
    # The legacy cedilla spelling finds the comma-below one.
    assert names(client.get(INDEX, {"q": "şcoala"})) == ["Școala de Meserii Ferentari"]


def test_sort_by_newest(client, directory):
    assert names(client.get(INDEX, {"ordine": "recente"}))[0] == "Compost Urban"
    assert names(client.get(INDEX, {"ordine": "necunoscut"}))[0] == "Asociația Vecinii din Titan"


@pytest.mark.parametrize(
    "query",
    [
        {"tip": "partid-politic"},
        {"sector": "sector-9"},
        {"tema": "nu-exista"},
        {"tip": "asociatie\x00"},
        {"sector": "sector-3\x00' OR 1=1 --"},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, directory, query):
    """Like every listing's filters (website/filters.py): the value is dropped and reported, never an error."""
    response = client.get(INDEX, query)
    assert response.status_code == 200
    assert names(response) == names(client.get(INDEX))
    assert len(response.context["ignored_filters"]) == 1
    assert "notice--warning" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"q": "\x00"},
        {"q": "x" * 5000},
        {"parteneri": "poate"},
        {"verificat": ["1", "0"]},
        {"page": "-1"},
        {"page": "abc"},
        {"ordine": "\x00"},
    ],
)
def test_odd_input_never_fails(client, directory, query):
    assert client.get(INDEX, query).status_code == 200


def test_pagination_beyond_the_end_shows_the_last_page(client, home_page, settings, monkeypatch):
    monkeypatch.setattr("directory.views.PER_PAGE", 2)
    for number in range(5):
        OrganizationFactory(name=f"Organizația {number}")
    first = client.get(INDEX)
    assert names(first) == ["Organizația 0", "Organizația 1"]
    assert 'rel="next"' in first.content.decode()
    last = client.get(INDEX, {"page": 99})
    assert last.status_code == 200
    assert last.context["page_obj"].number == 3
    assert names(last) == ["Organizația 4"]
    # Filters are kept in the pagination links.
    filtered = client.get(INDEX, {"q": "organizatia"}).content.decode()
    assert "?q=organizatia&amp;page=2" in filtered


def test_profile_shows_contact_topics_sectors_and_badges(client, home_page, environment):
    organization = OrganizationFactory(
        name="Asociația Vecinii din Titan",
        short_name="AVT",
        cui="4267117",
        topics=[environment],
        sectors=["sector-3", "municipiu"],
        address="Bd. Camil Ressu nr. 10, Sector 3",
        postal_code="031741",
        latitude="44.421700",
        longitude="26.151200",
        phone="+40 21 000 11 22",
        website="https://vecinii.example.org/",
        facebook_url="https://www.facebook.com/vecinii",
        verified=True,
        seeking_partners=True,
        partnership_text="Căutăm o școală parteneră.",
        founding_year=2016,
    )
    response = client.get(organization.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for expected in [
        "<h1>Asociația Vecinii din Titan</h1>",
        "Bd. Camil Ressu nr. 10, Sector 3, 031741",
        "https://www.openstreetmap.org/?mlat=44.421700&amp;mlon=26.151200",
        "44.421700, 26.151200",
        'href="mailto:contact@asociatia-vecinii-din-titan.example.org"',
        'href="tel:+40210001122"',
        'href="https://vecinii.example.org/"',
        'href="https://www.facebook.com/vecinii"',
        "4267117",
        "2016",
        'href="/organizatii/?tema=mediu"',
        'href="/organizatii/?sector=sector-3"',
        "Municipiul București (întreg)",
        "badge--verified",
        "badge--partners",
        "Căutăm o școală parteneră.",
        '<link rel="canonical" href="http://testserver/organizatii/asociatia-vecinii-din-titan/">',
    ]:
        assert expected in html, expected


def test_profile_escapes_organization_text(client, home_page):
    organization = OrganizationFactory(name="Asociația <script>alert(1)</script>", description="<b>bold</b>")
    html = client.get(organization.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_profile_sections_from_other_apps(client, home_page):
    organization = OrganizationFactory(name="Primăria Sectorului 3")

    def calls(organization, request):
        return {"title": "Finanțări", "items": [("Apel pentru ONG-uri", "/finantari/apel/")]}

    def nothing(organization, request):
        return {"title": "Consultări publice", "items": []}

    plain = client.get(organization.get_absolute_url()).content.decode()
    assert "Finanțări" not in plain
    with (
        hooks.register_temporarily(PROFILE_SECTIONS_HOOK, calls),
        hooks.register_temporarily(PROFILE_SECTIONS_HOOK, nothing),
    ):
        html = client.get(organization.get_absolute_url()).content.decode()
    assert '<a href="/finantari/apel/">Apel pentru ONG-uri</a>' in html
    assert "Consultări publice" not in html  # an empty section renders nothing


def test_listing_links_to_filtered_exports(client, directory):
    html = client.get(INDEX, {"sector": "sector-3", "page": "1"}).content.decode()
    assert 'href="/organizatii/export.csv?sector=sector-3"' in html
    assert 'href="/organizatii/export.json?sector=sector-3"' in html
