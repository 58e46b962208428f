"""The library's filters: kind, topic, publisher, year and "in force", counted against each other, lenient with
values they do not understand."""

import datetime

import pytest

from resources.filters import ResourceFilterSet
from resources.models import ResourceKind, ResourcePage
from tests.factories.directory import OrganizationFactory
from tests.factories.resources import ResourcePageFactory
from tests.factories.website import TopicFactory

from .conftest import strategy

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(resource_index):
    environment = TopicFactory(name="Mediu", slug="mediu")
    social = TopicFactory(name="Economie socială", slug="economie-sociala")
    city_hall = OrganizationFactory(name="Primăria Municipiului București", slug="pmb")
    return {
        "topics": {"mediu": environment, "economie-sociala": social},
        "city_hall": city_hall,
        "in_force": strategy(
            resource_index,
            start=2022,
            end=2099,
            title="Strategia de economie socială",
            publisher_organization=city_hall,
            publisher_name="",
            topics=[social],
        ),
        "expired": strategy(
            resource_index,
            start=2015,
            end=2020,
            title="Strategia 2015–2020",
            year=2015,
            publisher_organization=city_hall,
        ),
        "plan": ResourcePageFactory(
            parent=resource_index,
            kind=ResourceKind.ACTION_PLAN,
            title="Planul de acțiune pentru economia circulară",
            valid_from=datetime.date(2024, 1, 1),
            valid_until=datetime.date(2099, 12, 31),
            year=2024,
            topics=[environment],
        ),
        "study": ResourcePageFactory(
            parent=resource_index,
            title="Studiu despre compostare",
            year=2023,
            publisher_name="Compost Urban",
            topics=[environment, social],
        ),
        "toolkit": ResourcePageFactory(
            parent=resource_index, kind=ResourceKind.TOOLKIT, title="Set de instrumente", year=2023
        ),
    }


def listed(client, index, **query):
    response = client.get(index.url, query)
    assert response.status_code == 200
    return response, [page.title for page in response.context["resources"]]


def test_no_filter_lists_everything_newest_first(client, resource_index, library):
    _response, titles = listed(client, resource_index)
    assert titles[0] == "Planul de acțiune pentru economia circulară"
    assert titles[-1] == "Strategia 2015–2020"
    assert len(titles) == 5


def test_each_filter(client, resource_index, library):
    assert listed(client, resource_index, tip="strategie")[1] == [
        "Strategia de economie socială",
        "Strategia 2015–2020",
    ]
    assert set(listed(client, resource_index, tema="mediu")[1]) == {
        "Planul de acțiune pentru economia circulară",
        "Studiu despre compostare",
    }
    assert set(listed(client, resource_index, publicat_de="pmb")[1]) == {
        "Strategia de economie socială",
        "Strategia 2015–2020",
    }
    # A publisher named in text is a filter option too, by the slug of its name.
    assert listed(client, resource_index, publicat_de="compost-urban")[1] == ["Studiu despre compostare"]
    assert set(listed(client, resource_index, an="2023")[1]) == {"Studiu despre compostare", "Set de instrumente"}
    assert set(listed(client, resource_index, in_vigoare="da")[1]) == {
        "Strategia de economie socială",
        "Planul de acțiune pentru economia circulară",
    }
    assert listed(client, resource_index, in_vigoare="nu")[1] == ["Strategia 2015–2020"]
    # The menu's "Politici publice": strategies and policies in force.
    assert listed(client, resource_index, tip="strategie", in_vigoare="da")[1] == ["Strategia de economie socială"]


def test_counts_each_option_against_the_other_filters(client, resource_index, library):
    response, _titles = listed(client, resource_index, tema="mediu")
    facets = {name: {option.value: option.count for option in options} for name, options in filters_of(response)}
    assert facets["tip"]["plan-de-actiune"] == 1 and facets["tip"]["studiu"] == 1 and facets["tip"]["strategie"] == 0
    assert facets["tema"] == {"economie-sociala": 2, "mediu": 2}  # the topic filter is counted without itself
    assert facets["an"] == {"2024": 1, "2023": 1, "2022": 0, "2015": 0}
    assert facets["in_vigoare"] == {"da": 1, "nu": 0}
    html = response.content.decode()
    assert "Plan de acțiune (1)" in html
    assert "Compost Urban (1)" in html


def filters_of(response):
    filterset = response.context["filter_form"].filterset
    return filterset.facets().items()


def test_publisher_options_are_the_listed_publishers_only(resource_index, library):
    OrganizationFactory(name="Asociația fără resurse", slug="fara-resurse")
    draft = OrganizationFactory(name="Asociația Ciornă", slug="ciorna", publish=False)
    ResourcePageFactory(parent=resource_index, publisher_organization=draft, publisher_name="Asociația Ciornă (text)")
    filterset = ResourceFilterSet({}, ResourcePage.objects.live())
    options = dict(filterset.filters["publicat_de"].choices())
    assert options == {
        "asociatia-ciorna-text": "Asociația Ciornă (text)",
        "compost-urban": "Compost Urban",
        "pmb": "Primăria Municipiului București",
        "universitatea-din-bucuresti": "Universitatea din București",
    }


def test_a_typed_name_and_the_directory_profile_of_the_same_publisher_are_one_option(client, resource_index, library):
    typed = ResourcePageFactory(parent=resource_index, title="Raport scris de mână", publisher_name="PMB")
    typed.publisher_name = "Primăria Municipiului București"
    typed.save_revision().publish()
    _response, titles = listed(client, resource_index, publicat_de="pmb")
    assert set(titles) == {"Strategia de economie socială", "Strategia 2015–2020", "Raport scris de mână"}


@pytest.mark.parametrize(
    "query",
    [
        {"tip": "carte"},
        {"tema": "nu-exista"},
        {"publicat_de": "nimeni"},
        {"an": "1800"},
        {"an": "douămii"},
        {"in_vigoare": "poate"},
        {"tip": "\x00"},
        {"an": "9" * 400},
        {"tip": ["strategie", "studiu"]},
    ],
)
def test_values_not_understood_are_ignored_with_a_notice(client, resource_index, library, query):
    response = client.get(resource_index.url, query)
    assert response.status_code == 200
    assert len(response.context["resources"].object_list) == 5
    assert "a fost ignorat" in response.content.decode()


def test_old_style_yes_no_values_are_understood(client, resource_index, library):
    assert listed(client, resource_index, in_vigoare="true")[1] == listed(client, resource_index, in_vigoare="da")[1]
