"""Issue #7, point 15: listing filters fold behind a "Filtre" button, open (and counted) when filters are applied."""

import re

import pytest
from django.urls import reverse

from tests.factories.funding import FundingIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

TOGGLE = re.compile(r'<details class="filters-toggle"( open)?>\s*<summary[^>]*>([^<]*)</summary>')


def toggle(response):
    assert response.status_code == 200
    match = TOGGLE.search(response.content.decode())
    assert match, "the filters are not behind a Filtre button"
    return bool(match[1]), match[2].strip()


@pytest.fixture
def topic(db):
    return TopicFactory(name="Mediu", slug="mediu")


def test_directory(client, home_page, topic):
    assert toggle(client.get(reverse("directory:index"))) == (False, "Filtre")
    # Sorting alone is not a filter.
    assert toggle(client.get(reverse("directory:index"), {"ordine": "recente"})) == (False, "Filtre")
    response = client.get(reverse("directory:index"), {"sector": ["sector-1", "sector-2"], "tema": "mediu"})
    assert toggle(response) == (True, "Filtre (3 active)")
    assert toggle(client.get(reverse("directory:index"), {"q": "vecinii"})) == (True, "Filtre (1 activ)")


@pytest.mark.parametrize("factory", [GuideIndexPageFactory, FundingIndexPageFactory])
def test_shared_filter_form(client, home_page, topic, factory):
    index = factory(parent=home_page)
    assert toggle(client.get(index.url)) == (False, "Filtre")
    assert toggle(client.get(index.url, {"tema": "mediu"})) == (True, "Filtre (1 activ)")
    # A value that was ignored opens the form too, so the reader sees why.
    assert toggle(client.get(index.url, {"tema": "nu-exista"}))[0] is True


def test_the_script_that_opens_them_on_wide_screens_is_same_origin(client, home_page):
    assert '<script src="/static/js/filters-toggle.js" defer></script>' in client.get(reverse("directory:index")).text
