"""Issue #7, point 15: the directory's filter options, and topics wherever readers see them, in Romanian order."""

import random

import pytest
from django.urls import reverse

from members.forms import OrganizationProfileForm
from tests.factories.directory import OrganizationFactory
from tests.factories.website import TopicFactory
from website.models import Topic

pytestmark = pytest.mark.django_db

ROMANIAN_ORDER = ["Abilități", "Ăsta", "Incluziune", "Îngrijire", "Juridic", "Sănătate", "Șanse", "Tineret", "Țară"]


@pytest.fixture
def topics():
    names = list(ROMANIAN_ORDER)
    random.Random(3).shuffle(names)
    return [TopicFactory(name=name, slug=f"tema-{ROMANIAN_ORDER.index(name)}") for name in names]


def test_topic_options_of_the_directory_filters(client, home_page, topics):
    response = client.get(reverse("directory:index"))
    assert [facet.label for facet in response.context["facets"]["topics"]] == ROMANIAN_ORDER
    page = response.content.decode()
    positions = [page.index(f'for="tema-tema-{number}"') for number in range(len(ROMANIAN_ORDER))]
    assert positions == sorted(positions)


def test_kind_options_in_romanian_order_with_other_last(client, home_page):
    labels = [str(facet.label) for facet in client.get(reverse("directory:index")).context["facets"]["kinds"]]
    assert labels == [
        "asociație",
        "autoritate publică locală",
        "federație",
        "fundație",
        "instituție publică",
        "întreprindere socială",
        "altă entitate",
    ]


def test_sectors_keep_their_own_order(client, home_page):
    labels = [facet.label for facet in client.get(reverse("directory:index")).context["facets"]["sectors"]]
    assert labels[:6] == [f"Sector {number}" for number in range(1, 7)]


def test_topics_of_an_organization_on_its_card_and_profile(client, home_page, topics):
    organization = OrganizationFactory(name="Asociația Ordinii", topics=topics, publish=True)
    listing = client.get(reverse("directory:index")).context["organizations"]
    assert [topic.name for topic in listing[0].topics.all()] == ROMANIAN_ORDER
    profile = client.get(reverse("directory:detail", args=[organization.slug])).content.decode()
    positions = [profile.index(f"?tema=tema-{number}") for number in range(len(ROMANIAN_ORDER))]
    assert positions == sorted(positions)


def test_topic_checkboxes_of_the_member_organization_form(topics):
    assert [label for _value, label in OrganizationProfileForm().fields["topics"].choices] == ROMANIAN_ORDER


def test_default_order_of_topics_is_romanian(topics):
    assert [topic.name for topic in Topic.objects.all()] == ROMANIAN_ORDER
