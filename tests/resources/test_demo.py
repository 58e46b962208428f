"""The demo library: a dozen resources across kinds and topics, strategies in force and expired, generated files;
seeding twice changes nothing."""

import pytest
from wagtail.documents import get_document_model

from directory import demo as directory_demo
from resources import demo as resources_demo
from resources.models import ResourceDocument, ResourceIndexPage, ResourceKind, ResourcePage, ResourceRelatedPage
from resources.text import document_text
from resources.validity import ValidityStatus
from tests.conftest import once_per_module
from website import demo as website_demo

pytestmark = pytest.mark.django_db


def counts():
    return (
        ResourceIndexPage.objects.count(),
        ResourcePage.objects.count(),
        ResourceDocument.objects.count(),
        ResourceRelatedPage.objects.count(),
        get_document_model().objects.count(),
        ResourcePage.topics.through.objects.count(),
        ResourcePage.sectors.through.objects.count(),
    )


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """The directory's and the library's demo, seeded once for this module's tests."""
    with once_per_module(django_db_blocker) as (home, unblocked):
        with unblocked():
            topics = website_demo.topics()
            directory_demo.seed(home=home, topics=topics)
            assert resources_demo.seed(home=home, topics=topics) == []
        yield home, topics


@pytest.fixture
def home_page(seeded_once, db):
    return seeded_once[0]


@pytest.fixture
def seeded(seeded_once, db):
    return seeded_once[1]


def test_seeding_twice_gives_the_same_content(home_page, seeded):
    first = counts()
    assert resources_demo.seed(home=home_page, topics=seeded) == []
    assert counts() == first


def test_a_dozen_resources_across_kinds_with_strategies_in_force_and_expired(client, seeded):
    index = ResourceIndexPage.objects.get()
    assert index.slug == "resurse" and index.show_in_menus and index.live
    resources = list(ResourcePage.objects.live().for_listing())
    assert len(resources) >= 12
    assert {page.kind for page in resources} == set(ResourceKind.values)
    assert len({topic.pk for page in resources for topic in page.topics.all()}) >= 8
    strategies = [page for page in resources if page.kind == ResourceKind.STRATEGY]
    statuses = [page.validity_status for page in strategies]
    assert statuses.count(ValidityStatus.IN_FORCE) >= 2
    assert statuses.count(ValidityStatus.EXPIRED) >= 1
    # Publishers and authorities from the directory, where they are.
    assert sum(1 for page in resources if page.public_publisher_organization) >= 9
    assert all(page.public_adopting_authority for page in strategies)
    assert all(page.documents.all() or page.external_url for page in resources)
    for page in resources:
        assert client.get(page.url).status_code == 200
    assert client.get(index.url).status_code == 200
    assert client.get(index.url, {"tip": "strategie", "in_vigoare": "da"}).context["resources"].paginator.count >= 2


def test_the_generated_files_are_real_and_readable(client, seeded):
    page = ResourcePage.objects.get(slug="strategia-economiei-sociale-bucuresti")
    attached = page.documents.get()
    response = client.get(f"{page.url}descarca/{attached.document_id}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "clauze sociale" in document_text(attached.document)
    assert attached.format_label.startswith("PDF, ")
    dataset = ResourcePage.objects.get(kind=ResourceKind.DATASET).documents.get()
    assert dataset.extension == "csv" and "Tipografia Socială Rahova" in document_text(dataset.document)
