"""Resources in the partner API's pages endpoint: their fields, and the library's filters (strict: 400 on a value
it does not know)."""

import pytest

from resources.models import ResourceKind, ResourceRelatedPage
from tests.factories.consultations import AuthorityFactory
from tests.factories.directory import OrganizationFactory, sector
from tests.factories.resources import ResourceDocumentFactory, ResourcePageFactory, pdf_document
from tests.factories.website import TopicFactory

from .conftest import strategy

pytestmark = pytest.mark.django_db

URL = "/api/v2/pages/"
TYPE = {"type": "resources.ResourcePage"}


def items(client, **query):
    response = client.get(URL, {**TYPE, **query})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_a_strategy_with_every_field(client, resource_index):
    authority = AuthorityFactory(name="Primăria Sectorului 3", slug="ps3")
    topic = TopicFactory(name="Incluziune socială", slug="incluziune-sociala")
    page = strategy(
        resource_index,
        start=2022,
        end=2099,
        title="Strategia de incluziune socială",
        publisher_organization=authority,
        publisher_name="",
        authors="Elena Dobre",
        adopting_authority=authority,
        adopting_act="HCL Sector 3 nr. 215/2022",
        topics=[topic],
        sectors=[sector("sector-3")],
    )
    ResourceDocumentFactory(page=page, document=pdf_document("Strategia 2022–2099"))
    other = ResourcePageFactory(parent=resource_index, title="Studiu conex")
    page.related_links = [ResourceRelatedPage(target=other)]
    page.save_revision().publish()
    page.refresh_from_db()

    item = client.get(f"{URL}{page.pk}/").json()
    assert item["meta"]["type"] == "resources.ResourcePage"
    assert item["kind"] == "strategie"
    assert item["kind_label"] == "Strategie sau politică publică"
    assert item["publisher"] == {
        "name": "Primăria Sectorului 3",
        "organization": {"id": authority.pk, "name": "Primăria Sectorului 3", "slug": "ps3", "url": item_url(item)},
    }
    assert item["authors"] == "Elena Dobre"
    assert item["year"] == 2022
    assert item["language"] == "ro"
    assert item["sectors"] == [{"slug": "sector-3", "name": "Sector 3"}]
    assert item["topics"] == [{"id": topic.pk, "name": "Incluziune socială", "slug": "incluziune-sociala"}]
    assert item["valid_from"] == "2022-01-01" and item["valid_until"] == "2099-12-31"
    assert item["period"] == "2022–2099"
    assert item["validity_status"] == "in-vigoare" and item["in_force"] is True
    assert item["adopting_authority"]["slug"] == "ps3"
    assert item["adopting_act"] == "HCL Sector 3 nr. 215/2022"
    assert item["download_count"] == 0
    [document] = item["documents"]
    assert document["title"] == "Strategia 2022–2099"
    assert document["url"].endswith(f"/resurse/{page.slug}/descarca/{page.documents.get().document_id}/")
    assert document["file_extension"] == "pdf"
    assert document["file_size"] > 0 and document["format"] == "PDF, 1 KB"
    assert item["related_pages"] == [
        {"id": other.pk, "title": "Studiu conex", "type": "resources.ResourcePage", "url": item_url(item, other)}
    ]


def item_url(item, page=None):
    """The absolute address the API gives (the site's public address) of an organization or a page."""
    base = item["meta"]["html_url"].split("/resurse/")[0]
    if page is None:
        return f"{base}/organizatii/ps3/"
    return f"{base}{page.url}"


def test_a_draft_publisher_and_authority_are_not_shown(client, resource_index):
    draft = OrganizationFactory(name="Asociația Ciornă", publish=False)
    page = ResourcePageFactory(parent=resource_index, publisher_organization=draft, publisher_name="Asociația X")
    item = client.get(f"{URL}{page.pk}/").json()
    assert item["publisher"] == {"name": "Asociația X", "organization": None}
    assert item["adopting_authority"] is None
    assert item["validity_status"] is None and item["in_force"] is False and item["period"] == ""


@pytest.fixture
def library(resource_index):
    city_hall = OrganizationFactory(name="Primăria Municipiului București", slug="pmb")
    environment = TopicFactory(name="Mediu", slug="mediu")
    return {
        "in_force": strategy(resource_index, start=2022, end=2099, publisher_organization=city_hall),
        "expired": strategy(resource_index, start=2015, end=2020, year=2015),
        "study": ResourcePageFactory(parent=resource_index, year=2023, topics=[environment]),
        "video": ResourcePageFactory(parent=resource_index, kind=ResourceKind.VIDEO, year=2023, publisher_name="TVR"),
    }


def ids(client, **query):
    return {item["id"] for item in items(client, **query)}


def test_filters(client, library):
    assert ids(client) == {page.pk for page in library.values()}
    assert ids(client, kind="strategie") == {library["in_force"].pk, library["expired"].pk}
    assert ids(client, topic="mediu") == {library["study"].pk}
    assert ids(client, publisher="pmb") == {library["in_force"].pk}
    assert ids(client, publisher="tvr") == {library["video"].pk}
    assert ids(client, year="2023") == {library["study"].pk, library["video"].pk}
    assert ids(client, in_force="true") == {library["in_force"].pk}
    assert ids(client, in_force="false") == {library["expired"].pk}
    assert ids(client, kind="strategie", year="2015") == {library["expired"].pk}


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "carte"},
        {"kind": ""},
        {"topic": "nu-exista"},
        {"publisher": "nimeni"},
        {"year": "1800"},
        {"year": "două mii"},
        {"in_force": "poate"},
        {"valid_from": "ieri"},
        {"adopting_authority": "pmb"},
        {"implementing": "x"},
    ],
)
def test_bad_filters_are_a_json_400(client, library, query):
    response = client.get(URL, {**TYPE, **query})
    assert response.status_code == 400
    assert response.json()["message"]


def test_unknown_kind_names_the_known_ones(client, library):
    message = client.get(URL, {**TYPE, "kind": "carte"}).json()["message"]
    assert message.startswith("unknown kind: carte; use one of: studiu, raport, strategie")


def test_the_index_page_is_in_the_api_too(client, resource_index):
    response = client.get(URL, {"type": "resources.ResourceIndexPage", "fields": "intro"})
    assert [item["id"] for item in response.json()["items"]] == [resource_index.pk]
