"""Where resources surface besides the library: the site search (with the text of their files), the menu's
"Politici publice", the publishers' and authorities' profiles."""

import pytest
from django.test import RequestFactory

from resources.models import ResourceDocument
from resources.wagtail_hooks import (
    adopted_policies_section,
    public_policies_navigation,
    published_resources_section,
)
from search.models import SearchDocument
from search.query import find
from tests.factories.consultations import AuthorityFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.resources import ResourceDocumentFactory, ResourcePageFactory, pdf_document

from .conftest import strategy

pytestmark = pytest.mark.django_db


def titles(query, **kwargs):
    return [hit.document.title for hit in find(query, **kwargs).hits()]


class TestSearch:
    def test_finds_resources_by_title_summary_and_the_text_of_their_files(self, resource_index):
        page = ResourcePageFactory(
            parent=resource_index,
            title="Barometrul incluziunii sociale",
            intro="O anchetă în treizeci de cartiere.",
            publisher_name="Universitatea din București",
        )
        ResourceDocumentFactory(
            page=page, document=pdf_document("Barometrul – ediția 2023", ["Gospodăriile din Ferentari și Rahova."])
        )
        assert titles("barometrul") == ["Barometrul incluziunii sociale"]
        assert titles("anchetă cartiere") == ["Barometrul incluziunii sociale"]
        # Words found only inside the PDF, typed without diacritics.
        assert titles("gospodariile ferentari") == ["Barometrul incluziunii sociale"]
        assert [facet.key for facet in find("ferentari").kind_facets] == ["resurse"]
        document = SearchDocument.objects.for_object(page).get()
        assert document.kind == "resurse" and document.url == page.url

    def test_a_file_added_or_removed_updates_the_search(self, resource_index):
        page = ResourcePageFactory(parent=resource_index, title="Studiu despre reparații")
        assert titles("compostor") == []
        attached = ResourceDocumentFactory(page=page, document=pdf_document("Anexa", ["Un compostor în curte."]))
        assert titles("compostor") == ["Studiu despre reparații"]
        ResourceDocument.objects.filter(pk=attached.pk).delete()
        from search.services import object_changed

        object_changed(obj=page)  # what the after_publish_page hook does in the admin
        assert titles("compostor") == []

    def test_drafts_and_unpublished_resources_are_not_found(self, resource_index):
        ResourcePageFactory(parent=resource_index, title="Ciornă despre compostare", live=False)
        page = ResourcePageFactory(parent=resource_index, title="Raport despre compostare")
        assert titles("compostare") == ["Raport despre compostare"]
        page.unpublish()
        assert titles("compostare") == []


class TestNavigation:
    def test_public_policies_lead_to_the_strategies_in_force(self, client, home_page, resource_index):
        entry = public_policies_navigation(RequestFactory().get("/"))
        assert entry == {"title": "Politici publice", "url": "/politici-publice/", "order": 80}
        in_force = strategy(resource_index, start=2022, end=2099, title="Strategia în vigoare")
        strategy(resource_index, start=2015, end=2020, year=2015, title="Strategia expirată")
        html = client.get("/").content.decode()
        assert '<a class="site-nav__link" href="/politici-publice/">Politici publice</a>' in html
        response = client.get(entry["url"])
        assert response.status_code == 302
        assert response["Location"] == "/resurse/?tip=strategie&in_vigoare=da"
        listed = client.get(response["Location"]).context["resources"]
        assert [page.pk for page in listed] == [in_force.pk]

    def test_the_menu_entry_costs_no_query(self, django_assert_num_queries):
        with django_assert_num_queries(0):
            public_policies_navigation(RequestFactory().get("/"))

    def test_without_a_library_it_is_a_404(self, client, home_page):
        assert client.get("/politici-publice/").status_code == 404
        assert client.post("/politici-publice/").status_code == 405


class TestProfiles:
    def test_a_publisher_lists_its_resources(self, client, resource_index):
        publisher = OrganizationFactory(name="Compost Urban", slug="compost-urban")
        ResourcePageFactory(parent=resource_index, title="Compostarea în blocuri", publisher_organization=publisher)
        ResourcePageFactory(parent=resource_index, title="Ciornă", publisher_organization=publisher, live=False)
        section = published_resources_section(publisher, RequestFactory().get("/"))
        assert section["title"] == "Resurse publicate"
        assert [label for label, _url in section["items"]] == ["Compostarea în blocuri (Studiu sau cercetare, 2024)"]
        html = client.get(publisher.get_absolute_url()).content.decode()
        assert "Resurse publicate" in html and "/resurse/" in html

    def test_an_authority_lists_the_policies_it_adopted_for_others(self, resource_index):
        authority = AuthorityFactory(name="Primăria Sectorului 3")
        strategy(
            resource_index,
            start=2022,
            end=2099,
            title="Strategia pentru servicii sociale",
            adopting_authority=authority,
            publisher_name="DGASPC Sector 3",
        )
        strategy(
            resource_index,
            start=2022,
            end=2099,
            title="Strategia publicată chiar de ea",
            adopting_authority=authority,
            publisher_organization=authority,
        )
        section = adopted_policies_section(authority, RequestFactory().get("/"))
        assert [label for label, _url in section["items"]] == [
            "Strategia pentru servicii sociale (2022–2099, În vigoare)"
        ]
        assert adopted_policies_section(OrganizationFactory(), RequestFactory().get("/")) is None
