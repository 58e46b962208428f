"""Guide listings cost the same number of queries for 3 guides as for 30 (DESIGN §14)."""

import pytest
import wagtail_factories
from wagtail.images.tests.utils import get_test_image_file

from guides.models import ActKind
from tests.factories.guides import GuideQuestionFactory, LegalActFactory, LegislationGuidePageFactory
from tests.factories.website import TopicFactory
from tests.limits import HOME_MAX_QUERIES

pytestmark = pytest.mark.django_db

# Two of them count the options of the topic and act filters.
INDEX_MAX_QUERIES = 20
API_MAX_QUERIES = 14


@pytest.fixture
def make_guides(guide_index, settings):
    settings.GUIDES_PER_PAGE = 50

    def make(count):
        image = wagtail_factories.ImageFactory(file=get_test_image_file())
        topics = [TopicFactory(), TopicFactory()]
        for _ in range(count):
            guide = LegislationGuidePageFactory(parent=guide_index, listing_image=image, topics=topics)
            LegalActFactory(page=guide, kind=ActKind.LAW)
            LegalActFactory(page=guide, kind=ActKind.GOVERNMENT_DECISION)
            GuideQuestionFactory(page=guide)

    return make


@pytest.mark.parametrize("count", [3, 30])
def test_index(client, guide_index, make_guides, django_assert_max_num_queries, count):
    make_guides(count)
    assert client.get(guide_index.url).status_code == 200  # creates the renditions
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        response = client.get(f"{guide_index.url}?act=lege")
    assert response.content.decode().count('class="card"') == count


@pytest.mark.parametrize("count", [3, 30])
def test_api_list(client, make_guides, django_assert_max_num_queries, count):
    make_guides(count)
    url = "/api/v2/pages/?type=guides.LegislationGuidePage&fields=*&limit=50"
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(API_MAX_QUERIES):
        response = client.get(url)
    assert len(response.json()["items"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_home_page_cards(client, make_guides, django_assert_max_num_queries, count):
    make_guides(count)
    assert client.get("/").status_code == 200
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        response = client.get("/")
    assert response.content.decode().count("guide-meta__reviewed") == 3
