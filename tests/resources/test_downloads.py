"""A resource's files: their format and size shown before downloading, a readable Romanian name after, and every
download counted once, atomically, whatever the editors publish meanwhile."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction

from resources import files, services
from resources.models import ResourceDownloadCount, ResourcePage
from tests.factories.resources import ResourceDocumentFactory, ResourcePageFactory, pdf_document

pytestmark = pytest.mark.django_db

TITLE = "Strategia de incluziune socială 2022–2027"


@pytest.fixture
def resource(resource_index):
    page = ResourcePageFactory(parent=resource_index, title="Strategia de incluziune socială")
    ResourceDocumentFactory(page=page, document=pdf_document(TITLE))
    return page


def download_url(page, attached=None):
    attached = attached or page.documents.get()
    return f"{page.url}descarca/{attached.document_id}/"


def count(page):
    return ResourcePage.objects.get(pk=page.pk).download_count


def test_the_file_keeps_a_readable_romanian_name(client, resource):
    response = client.get(download_url(resource))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="strategia-de-incluziune-sociala-2022-2027.pdf"; '
        "filename*=UTF-8''Strategia%20de%20incluziune%20social%C4%83%202022%E2%80%932027.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_the_title_given_on_the_resource_names_the_file(client, resource):
    attached = resource.documents.get()
    attached.title = "Anexa 1: planul de acțiune (ediția revizuită)"
    attached.save()
    response = client.get(download_url(resource))
    assert 'filename="anexa-1-planul-de-actiune-editia-revizuita.pdf"' in response["Content-Disposition"]
    # Characters that cannot be in a file name are left out of the readable name too.
    assert (
        "filename*=UTF-8''Anexa%201%20planul%20de%20ac%C8%9Biune%20%28edi%C8%9Bia%20revizuit%C4%83%29.pdf"
        in (response["Content-Disposition"])
    )


def test_each_download_is_counted_and_shown(client, resource):
    assert count(resource) == 0
    for _ in range(3):
        client.get(download_url(resource))
    assert count(resource) == 3
    with translation.override("ro"):
        assert "Descărcată de 3 ori" in client.get(resource.url).content.decode()


def test_a_head_request_is_not_a_download(client, resource):
    assert client.head(download_url(resource)).status_code == 200
    assert count(resource) == 0


def test_the_count_is_an_atomic_update_and_survives_publishing(resource):
    stale = ResourcePage.objects.get(pk=resource.pk)
    services.resource_record_download(resource=stale)
    with CaptureQueriesContext(connection) as queries:
        # Another reader holding the same old object: the database adds, nothing is overwritten.
        assert services.resource_record_download(resource=stale) == 2
    updates = [query["sql"] for query in queries if query["sql"].startswith("UPDATE")]
    assert len(updates) == 1 and '"count" = ("resources_resourcedownloadcount"."count" + 1)' in updates[0]
    # An editor publishing a revision made before the downloads does not put back an older count.
    resource.intro = "Un rezumat nou."
    resource.save_revision().publish()
    assert count(resource) == 2
    assert ResourceDownloadCount.objects.get(resource=resource).count == 2


@pytest.mark.parametrize("case", ["unknown", "other resource", "draft", "missing file"])
def test_what_cannot_be_served_is_a_404_and_not_counted(client, resource_index, resource, case):
    url = download_url(resource)
    if case == "unknown":
        url = f"{resource.url}descarca/999999/"
    elif case == "other resource":
        other = ResourcePageFactory(parent=resource_index)
        url = f"{other.url}descarca/{resource.documents.get().document_id}/"
    elif case == "draft":
        resource.unpublish()
    else:
        document = resource.documents.get().document
        document.file.storage.delete(document.file.name)
    assert client.get(url).status_code == 404
    assert count(resource) == 0


def test_a_file_in_a_private_collection_asks_for_a_login(client, resource):
    collection = Collection.get_first_root_node().add_child(name="Documente interne")
    document = resource.documents.get().document
    document.collection = collection
    document.save()
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    response = client.get(download_url(resource))
    assert response.status_code == 302
    assert count(resource) == 0


class TestLabels:
    def test_size_in_romanian(self):
        with translation.override("ro"):
            assert files.size_label(int(2.4 * 1024 * 1024)) == "2,4 MB"
            assert files.size_label(850 * 1024) == "850 KB"
            assert files.size_label(300) == "1 KB"
            assert files.size_label(3 * 1024**3) == "3,0 GB"
            assert files.size_label(None) == ""

    def test_format_before_downloading(self):
        with translation.override("ro"):
            assert files.format_label("strategia.PDF", int(2.4 * 1024 * 1024)) == "PDF, 2,4 MB"
            assert files.format_label("date.csv", None) == "CSV"

    def test_names(self):
        assert files.ascii_name("Ședința „de lucru”: ce urmează?", "docx") == "sedinta-de-lucru-ce-urmeaza.docx"
        assert files.ascii_name("„”", "pdf") == "document.pdf"
        assert files.readable_name('a/b\\c:d*e?f"g<h>i|j\x00', "pdf") == "a b c d e f g h i j.pdf"
        assert files.readable_name("x" * 500, "pdf") == "x" * files.MAX_NAME_LENGTH + ".pdf"
