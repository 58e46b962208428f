"""The library's pages: where they go in the tree, what the listing and a resource's page show."""

import datetime

import pytest
from wagtail.models import Page

from resources.models import ResourceIndexPage, ResourceKind, ResourcePage, ResourceRelatedPage
from tests.factories.consultations import AuthorityFactory, ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.guides import GuideIndexPageFactory, LegislationGuidePageFactory
from tests.factories.resources import ResourceDocumentFactory, ResourcePageFactory, pdf_document
from tests.factories.website import ContentPageFactory, TopicFactory
from website.models import HomePage

from .conftest import strategy

pytestmark = pytest.mark.django_db


class TestTreeRules:
    def test_index_goes_under_the_home_page_once(self, home_page):
        assert ResourceIndexPage.allowed_parent_page_models() == [HomePage]
        assert ResourceIndexPage in HomePage.allowed_subpage_models()
        assert ResourceIndexPage.can_create_at(home_page)
        assert ResourceIndexPage.objects.count() == 0
        home_page.add_child(instance=ResourceIndexPage(title="Resurse", slug="resurse"))
        assert not ResourceIndexPage.can_create_at(home_page)

    def test_resources_go_under_the_index_only(self, home_page, resource_index):
        assert ResourcePage.allowed_parent_page_models() == [ResourceIndexPage]
        assert ResourceIndexPage.allowed_subpage_models() == [ResourcePage]
        assert ResourcePage.can_create_at(resource_index)
        assert not ResourcePage.can_create_at(home_page)
        assert not ResourcePage.can_create_at(ContentPageFactory(parent=home_page))
        assert ResourcePage.allowed_subpage_models() == []

    def test_index_is_not_allowed_under_root_or_another_page(self, home_page):
        assert not ResourceIndexPage.can_exist_under(Page.get_first_root_node())
        assert not ResourceIndexPage.can_exist_under(ContentPageFactory(parent=home_page))


class TestListing:
    def test_lists_live_resources_newest_first(self, client, resource_index):
        older = ResourcePageFactory(parent=resource_index, title="Studiu din 2021", year=2021)
        newer = ResourcePageFactory(
            parent=resource_index, title="Raport din 2025", year=2025, kind=ResourceKind.REPORT
        )
        ResourcePageFactory(parent=resource_index, title="Ciornă nepublicată", live=False)
        response = client.get(resource_index.url)
        assert response.status_code == 200
        assert [page.pk for page in response.context["resources"]] == [newer.pk, older.pk]
        html = response.content.decode()
        assert "Ciornă nepublicată" not in html
        assert "Raport" in html and "2025" in html
        assert "2 resurse" in html

    def test_paginates(self, client, resource_index, settings):
        settings.RESOURCES_PER_PAGE = 2
        for year in (2020, 2021, 2022):
            ResourcePageFactory(parent=resource_index, year=year)
        first = client.get(resource_index.url)
        assert [page.year for page in first.context["resources"]] == [2022, 2021]
        last = client.get(resource_index.url, {"page": "2"})
        assert [page.year for page in last.context["resources"]] == [2020]
        assert client.get(resource_index.url, {"page": "abc"}).status_code == 200

    def test_cards_show_kind_publisher_and_whether_a_strategy_is_in_force(self, client, resource_index):
        strategy(resource_index, start=2022, end=2099, title="Strategia de incluziune socială")
        strategy(resource_index, start=2015, end=2020, title="Strategia veche", year=2015)
        html = client.get(resource_index.url).content.decode()
        assert "Strategie sau politică publică" in html
        assert "În vigoare" in html
        assert "Nu mai este în vigoare" in html
        assert "2022–2099" in html and "2015–2020" in html
        assert "Universitatea din București" in html


class TestResourcePage:
    def test_shows_what_the_resource_is(self, client, resource_index):
        publisher = OrganizationFactory(name="Ateliere Fără Frontiere", slug="ateliere-fara-frontiere")
        authority = AuthorityFactory(name="Primăria Municipiului București", slug="pmb")
        topic = TopicFactory(name="Economie socială", slug="economie-sociala")
        page = strategy(
            resource_index,
            start=2022,
            end=2099,
            title="Strategia pentru economia socială",
            publisher_organization=publisher,
            publisher_name="",
            authors="Ioana Lazăr, Andrei Stoica",
            adopting_authority=authority,
            adopting_act="HCGMB nr. 412/2022",
            topics=[topic],
        )
        ResourceDocumentFactory(page=page, document=pdf_document("Strategia 2022–2099"))
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<a href="/organizatii/ateliere-fara-frontiere/">Ateliere Fără Frontiere</a>' in html
        assert "Ioana Lazăr, Andrei Stoica" in html
        assert '<a href="/organizatii/pmb/">Primăria Municipiului București</a>, HCGMB nr. 412/2022' in html
        assert "2022–2099" in html and "În vigoare" in html
        assert f'href="{page.url}descarca/{page.documents.get().document_id}/"' in html
        assert "(PDF, 1 KB)" in html
        assert f'href="{resource_index.url}?tema=economie-sociala"' in html

    def test_a_draft_publisher_is_named_by_the_text_typed(self, client, resource_index):
        draft = OrganizationFactory(name="Asociația Nepublicată", publish=False)
        page = ResourcePageFactory(parent=resource_index, publisher_organization=draft, publisher_name="Asociația X")
        html = client.get(page.url).content.decode()
        assert "Asociația Nepublicată" not in html
        assert "Asociația X" in html

    def test_external_link_opens_the_resource(self, client, resource_index):
        page = ResourcePageFactory(
            parent=resource_index, kind=ResourceKind.VIDEO, external_url="https://example.org/v"
        )
        html = client.get(page.url).content.decode()
        assert 'href="https://example.org/v" rel="noopener nofollow"' in html
        assert "Deschideți resursa" in html

    def test_related_pages_at_the_bottom_are_live_ones_grouped_by_type(self, client, home_page, resource_index):
        guide = LegislationGuidePageFactory(parent=GuideIndexPageFactory(parent=home_page), title="Legea 219/2015")
        consultation = ConsultationPageFactory(
            parent=ConsultationIndexPageFactory(parent=home_page), title="Regulamentul de finanțare"
        )
        other = ResourcePageFactory(parent=resource_index, title="Cartografierea întreprinderilor sociale")
        hidden = ResourcePageFactory(parent=resource_index, title="Studiu retras", live=False)
        page = ResourcePageFactory(parent=resource_index)
        page.related_links = [
            ResourceRelatedPage(target=target, sort_order=position)
            for position, target in enumerate([guide, hidden, consultation, other])
        ]
        page.save_revision().publish()
        html = client.get(page.url).content.decode()
        assert "Studiu retras" not in html
        positions = [html.index(text) for text in ("Resurse conexe", "Cartografierea", "Consultări publice conexe")]
        positions += [html.index(text) for text in ("Regulamentul de finanțare", "Ghiduri conexe", "Legea 219/2015")]
        assert positions == sorted(positions)

    def test_a_consultation_links_the_strategy_it_implements(self, client, home_page, resource_index):
        policy = strategy(resource_index, start=2022, end=2099, title="Strategia pentru economia socială")
        consultation = ConsultationPageFactory(
            parent=ConsultationIndexPageFactory(parent=home_page), title="Regulamentul de finanțare"
        )
        consultation.implemented_policy = policy
        consultation.save_revision().publish()
        consultation_html = client.get(consultation.url).content.decode()
        assert f'<dt>Pune în aplicare</dt><dd><a href="{policy.url}">Strategia pentru economia socială</a>' in (
            consultation_html
        )
        policy_html = client.get(policy.url).content.decode()
        assert "Consultări publice privind acte care o pun în aplicare" in policy_html
        assert f'href="{consultation.url}"' in policy_html

    def test_a_consultation_cannot_implement_a_study(self, home_page, resource_index):
        study = ResourcePageFactory(parent=resource_index)
        consultation = ConsultationPageFactory(parent=ConsultationIndexPageFactory(parent=home_page))
        consultation.implemented_policy = study
        with pytest.raises(Exception, match="implemented_policy"):
            consultation.full_clean()

    def test_draft_resource_is_not_served(self, client, resource_index):
        page = ResourcePageFactory(parent=resource_index, live=False)
        assert client.get(f"{resource_index.url}{page.slug}/").status_code == 404


def test_home_page_block_lists_the_latest_resources(client, home_page, resource_index):
    for number in range(4):
        ResourcePageFactory(parent=resource_index, title=f"Resursa numărul {number}")
    html = client.get(home_page.url).content.decode()
    assert 'id="home-resources"' in html
    assert "Resursa numărul 3" in html and "Resursa numărul 0" not in html
    assert "Toate resursele" in html


def test_period_labels(resource_index):
    page = ResourcePage(kind=ResourceKind.STRATEGY, valid_from=datetime.date(2022, 1, 1))
    assert page.period_label == "din 2022"
    page.valid_until = datetime.date(2027, 12, 31)
    assert page.period_label == "2022–2027"
    page.valid_until = datetime.date(2022, 12, 31)
    assert page.period_label == "2022"
    page.valid_from, page.valid_until = datetime.date(2022, 3, 15), datetime.date(2027, 6, 30)
    assert page.period_label == "15.03.2022 – 30.06.2027"
    page.kind = ResourceKind.STUDY
    assert page.period_label == "" and page.validity_status is None
