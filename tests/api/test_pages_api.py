import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories.website import ContentPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_pages_list_shape(client, home_page):
    ContentPageFactory(parent=home_page, title="Despre", slug="despre")
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 2
    assert {item["title"] for item in data["items"]} == {"Acasă", "Despre"}


def test_content_page_detail_renders_rich_text_as_html(client, home_page):
    topic = TopicFactory(name="Economie socială", slug="economie-sociala")
    image = Image.objects.create(title="Poză", file=get_test_image_file())
    page = ContentPageFactory(
        parent=home_page,
        slug="despre",
        listing_image=image,
        body=[
            ("paragraph", f'<p>Vezi <a linktype="page" id="{home_page.pk}">prima pagină</a>.</p>'),
            ("image", {"image": image, "alt_text": "O poză", "caption": ""}),
        ],
    )
    page.topics.set([topic])
    page.save_revision().publish()

    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["intro"] == page.intro
    assert data["topics"] == [{"id": topic.pk, "name": "Economie socială", "slug": "economie-sociala"}]
    paragraph, image_block = data["body"]
    assert 'href="/"' in paragraph["value"] or 'href="http://testserver/"' in paragraph["value"]
    assert "linktype" not in paragraph["value"]
    assert image_block["value"]["url"].startswith("http://testserver/")
    assert image_block["value"]["alt"] == "O poză"
    assert data["listing_image"]["url"].endswith(".webp")


def test_drafts_are_not_in_the_api(client, home_page):
    draft = ContentPageFactory(parent=home_page, slug="ciorna", live=False)
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    ids = [item["id"] for item in client.get("/api/v2/pages/").json()["items"]]
    assert draft.pk not in ids


def test_unknown_query_parameter_is_a_json_400(client, home_page):
    response = client.get("/api/v2/pages/?nu_exista=1")
    assert response.status_code == 400
    assert "message" in response.json()


@pytest.mark.parametrize("query", ["limit=abc", "offset=-1", "type=nu.Exista", "order=nu_exista"])
def test_bad_parameters_never_500(client, home_page, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400


def test_images_and_documents_endpoints(client, home_page):
    Image.objects.create(title="Poză", file=get_test_image_file())
    assert client.get("/api/v2/images/").json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/documents/").json()["meta"]["total_count"] == 0
