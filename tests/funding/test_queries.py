"""Listings cost the same number of queries for 3 calls as for 30 (DESIGN §14)."""

from datetime import timedelta

import pytest
import wagtail_factories
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file

from tests.factories.funding import FundingCallDocumentFactory, FundingCallPageFactory
from tests.factories.website import TopicFactory
from tests.limits import HOME_MAX_QUERIES

pytestmark = pytest.mark.django_db

# Four of them count the options of the status, applicant, topic and currency filters.
INDEX_MAX_QUERIES = 22
CALENDAR_MAX_QUERIES = 13
API_MAX_QUERIES = 14


@pytest.fixture
def make_calls(funding_index, settings):
    settings.FUNDING_PER_PAGE = 50

    def make(count):
        image = wagtail_factories.ImageFactory(file=get_test_image_file())
        topics = [TopicFactory(), TopicFactory()]
        for number in range(count):
            call = FundingCallPageFactory(
                parent=funding_index,
                listing_image=image,
                applicant_kinds=["ong", "imm"],
                topics=topics,
                deadline=timezone.now() + timedelta(days=3 + number),
            )
            FundingCallDocumentFactory(page=call, document__collection=image.collection)

    return make


def warm_up(client, url):
    """A first request creates image renditions; the ones after it are what we measure."""
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_index(client, funding_index, make_calls, django_assert_max_num_queries, count):
    make_calls(count)
    warm_up(client, funding_index.url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        response = client.get(f"{funding_index.url}?stare=accepting&solicitant=ong")
    assert response.content.decode().count('class="card"') == count


@pytest.mark.parametrize("count", [3, 30])
def test_calendar(client, funding_index, make_calls, django_assert_max_num_queries, count):
    make_calls(count)
    with django_assert_max_num_queries(CALENDAR_MAX_QUERIES):
        response = client.get("/finantari/calendar.ics")
    assert response.content.decode().count("BEGIN:VEVENT") == count


@pytest.mark.parametrize("count", [3, 30])
def test_api_list(client, make_calls, django_assert_max_num_queries, count):
    make_calls(count)
    url = "/api/v2/pages/?type=funding.FundingCallPage&fields=*&limit=50"
    warm_up(client, url)
    with django_assert_max_num_queries(API_MAX_QUERIES):
        response = client.get(url)
    assert len(response.json()["items"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_home_page_cards(client, make_calls, django_assert_max_num_queries, count):
    make_calls(count)
    warm_up(client, "/")
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        response = client.get("/")
    assert response.content.decode().count("call-meta__status") == 3
