import pytest
from django.core import mail
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories.website import (
    ContentPageFactory,
    FormFieldFactory,
    FormPageFactory,
    SiteSettingsFactory,
)
from website.models import ContentPage, FormPage, HomePage

pytestmark = pytest.mark.django_db


class TestTreeRules:
    def test_home_page_only_under_root(self):
        assert HomePage.allowed_parent_page_models() == [Page]
        assert HomePage.max_count == 1

    def test_home_page_children(self):
        children = {model._meta.label for model in HomePage.allowed_subpage_models() if model.is_creatable}
        assert children == {
            "news.NewsIndexPage",
            "guides.GuideIndexPage",
            "funding.FundingIndexPage",
            "consultations.ConsultationIndexPage",
            "resources.ResourceIndexPage",
            "website.ContentPage",
            "website.FormPage",
        }

    def test_every_page_type_names_its_parents(self):
        # HomePage lists no subpage types: the tree stays right only while every creatable page says where it goes.
        from wagtail.models import get_page_models

        for model in get_page_models():
            if model.is_creatable:
                assert model.parent_page_types, model._meta.label

    def test_content_page_cannot_go_under_root(self):
        assert not ContentPage.can_exist_under(Page.get_first_root_node())

    def test_second_home_page_not_allowed(self, home_page):
        assert not HomePage.can_create_at(Page.get_first_root_node())

    def test_form_page_has_no_children(self):
        assert FormPage.allowed_subpage_models() == []


class TestRendering:
    def test_home_page(self, client, home_page):
        response = client.get("/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="ro">' in html
        assert 'href="#continut"' in html  # skip link
        assert home_page.hero_title in html

    def test_content_page_with_every_block(self, client, home_page):
        page = ContentPageFactory(
            parent=home_page,
            title="Despre",
            slug="despre",
            body=[
                ("heading", {"text": "Un titlu", "level": "h2"}),
                ("paragraph", f'<p>Vezi <a linktype="page" id="{home_page.pk}">prima pagină</a>.</p>'),
                ("quote", {"text": "Împreună", "attribution": "Cineva"}),
                (
                    "table",
                    {
                        "data": [["An", "Sumă"], ["2026", "100"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Buget",
                    },
                ),
            ],
        )
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h2>Un titlu</h2>" in html
        assert 'href="/"' in html and "linktype" not in html
        assert '<th scope="col">Sumă</th>' in html
        assert "Bucureștiul social și solidar" in html

    def test_unknown_page_gives_romanian_404(self, client, home_page):
        response = client.get("/nu-exista/")
        assert response.status_code == 404
        assert "Pagina nu a fost găsită" in response.content.decode()

    def test_footer_shows_funding_disclaimer(self, client, home_page):
        SiteSettingsFactory(site=home_page.get_site())
        response = client.get("/")
        assert "Proiect cofinanțat din Fondul Social European." in response.content.decode()

    def test_security_headers(self, client, home_page):
        response = client.get("/")
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"

    def test_admin_is_exempt_from_csp(self, admin_client, home_page):
        response = admin_client.get("/admin/")
        assert response.status_code == 200
        assert "Content-Security-Policy" not in response


class TestContactForm:
    @pytest.fixture
    def contact_page(self, home_page):
        page = FormPageFactory(parent=home_page)
        FormFieldFactory(page=page, label="Nume", field_type="singleline", sort_order=0)
        FormFieldFactory(page=page, label="Email", field_type="email", sort_order=1)
        FormFieldFactory(page=page, label="Mesaj", field_type="multiline", sort_order=2)
        SiteSettingsFactory(site=home_page.get_site(), contact_email="echipa@example.org")
        return page

    def test_submission_is_emailed_to_site_contact_address(self, client, contact_page):
        response = client.post(
            contact_page.url, {"nume": "Ana Pop", "email": "ana@example.org", "mesaj": "Bună ziua!"}
        )
        assert response.status_code == 200
        assert "Vă mulțumim" in response.content.decode() or "Mulțumim" in response.content.decode()
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["echipa@example.org"]
        assert message.reply_to == ["ana@example.org"]
        assert "Bună ziua!" in message.body
        assert contact_page.get_submission_class().objects.filter(page=contact_page).count() == 1

    def test_invalid_submission_keeps_what_was_typed(self, client, contact_page):
        response = client.post(contact_page.url, {"nume": "Ana Pop", "email": "nu-e-email", "mesaj": "Text lung"})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'value="Ana Pop"' in html
        assert "Text lung" in html
        assert "error-summary" in html
        assert mail.outbox == []


class TestAdminCreation:
    def test_editor_can_create_content_page(self, admin_client, home_page):
        data = nested_form_data(
            {
                "title": "Despre noi",
                "slug": "despre-noi",
                "intro": "Cine suntem.",
                "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            }
        )
        response = admin_client.post(f"/admin/pages/add/website/contentpage/{home_page.pk}/", data)
        assert response.status_code == 302
        assert ContentPage.objects.filter(slug="despre-noi").exists()


def test_robots_txt(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_only(client, home_page):
    ContentPageFactory(parent=home_page, title="Publică", slug="publica")
    draft = ContentPageFactory(parent=home_page, title="Ciornă", slug="ciorna", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "http://testserver/publica/" in body
    assert draft.slug not in body


def test_500_page_is_romanian(client, home_page, settings):
    from django.test import RequestFactory

    from website.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Ceva nu a mers bine" in response.content.decode()


def test_navigation_lists_menu_pages_then_directory_then_plain_pages(client, home_page):
    from tests.factories.news import NewsIndexPageFactory

    NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    ContentPageFactory(parent=home_page, title="Despre", slug="despre", show_in_menus=True)
    ContentPageFactory(parent=home_page, title="Ascunsă", slug="ascunsa", show_in_menus=False)
    response = client.get("/organizatii/")
    nav = [(item["title"], item["url"], item["current"]) for item in response.context["nav_items"]]
    assert nav == [
        ("Știri", "/stiri/", False),
        ("Politici publice", "/politici-publice/", False),
        ("Căutare", "/cautare/", False),
        ("Propuneri", "/propuneri/", False),
        ("Dialog", "/dialog/", False),
        ("Organizații", "/organizatii/", True),
        ("Despre", "/despre/", False),
    ]
    assert 'href="/organizatii/" aria-current="page"' in response.content.decode()
