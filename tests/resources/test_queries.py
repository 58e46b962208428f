"""The library's listings cost the same number of queries for 3 resources as for 30 (DESIGN §14)."""

import pytest
import wagtail_factories
from wagtail.images.tests.utils import get_test_image_file

from resources.models import ResourceKind, ResourceRelatedPage
from resources.services import resource_record_download
from tests.factories.directory import OrganizationFactory, sector
from tests.factories.resources import ResourceDocumentFactory, ResourcePageFactory
from tests.factories.website import TopicFactory
from tests.limits import HOME_MAX_QUERIES

pytestmark = pytest.mark.django_db

# Five of them count the options of the kind, topic, publisher, year and "in force" filters, three read the
# publishers and the years offered.
INDEX_MAX_QUERIES = 28
API_MAX_QUERIES = 16
PROFILE_MAX_QUERIES = 30


@pytest.fixture
def make_resources(resource_index, settings):
    settings.RESOURCES_PER_PAGE = 50
    image = wagtail_factories.ImageFactory(file=get_test_image_file())
    topics = [TopicFactory(), TopicFactory()]
    publisher = OrganizationFactory(name="Primăria Sectorului 3", slug="ps3")
    made = []

    def make(count):
        for number in range(count):
            page = ResourcePageFactory(
                parent=resource_index,
                kind=ResourceKind.STRATEGY,
                listing_image=image,
                topics=topics,
                sectors=[sector("sector-3")],
                year=2000 + number % 20,
                publisher_organization=publisher if number % 2 else None,
                publisher_name=f"Editura {number}",
                adopting_authority=None,
            )
            ResourceDocumentFactory(page=page, document__collection=image.collection)
            if made:
                page.related_links = [ResourceRelatedPage(target=made[-1])]
                page.save_revision().publish()
            resource_record_download(resource=page)
            made.append(page)
        return publisher

    return make


def warm_up(client, url):
    """A first request creates image renditions; the ones after it are what we measure."""
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_index(client, resource_index, make_resources, django_assert_max_num_queries, count):
    make_resources(count)
    url = f"{resource_index.url}?tip=strategie&in_vigoare=nu"
    warm_up(client, url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        response = client.get(url)
    assert response.content.decode().count('class="card"') == count


@pytest.mark.parametrize("count", [3, 30])
def test_api_list(client, make_resources, django_assert_max_num_queries, count):
    make_resources(count)
    url = "/api/v2/pages/?type=resources.ResourcePage&fields=*&limit=50"
    warm_up(client, url)
    with django_assert_max_num_queries(API_MAX_QUERIES):
        response = client.get(url)
    items = response.json()["items"]
    assert len(items) == count
    assert all(item["documents"] and item["download_count"] == 1 for item in items)
    assert sum(len(item["related_pages"]) for item in items) == count - 1


@pytest.mark.parametrize("count", [3, 30])
def test_home_page_block(client, make_resources, django_assert_max_num_queries, count):
    make_resources(count)
    warm_up(client, "/")
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        response = client.get("/")
    assert response.content.decode().count("resource-meta__badges") == 3


@pytest.mark.parametrize("count", [3, 30])
def test_publisher_profile(client, make_resources, django_assert_max_num_queries, count):
    publisher = make_resources(count)
    url = publisher.get_absolute_url()
    warm_up(client, url)
    with django_assert_max_num_queries(PROFILE_MAX_QUERIES):
        response = client.get(url)
    assert response.content.decode().count("/resurse/") >= count // 2
