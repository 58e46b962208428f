"""Editors add resources in the Wagtail admin; bad years, periods, links and a resource without a file or a link are
refused with a clear Romanian message, and what they typed stays in the form."""

import datetime

import pytest
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from resources.forms import YearOrDateField
from resources.models import ResourceKind, ResourcePage
from resources.validity import bucharest_today
from tests.factories.consultations import AuthorityFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.resources import ResourceIndexPageFactory, pdf_document

pytestmark = pytest.mark.django_db


def in_ro(message):
    with translation.override("ro"):
        return escape(str(message))


def resource_form(*, documents=(), related=(), **overrides):
    fields = {
        "title": "Strategia pentru economia socială",
        "slug": "strategia-economie-sociala",
        "intro": "Direcțiile de sprijin pentru întreprinderile sociale.",
        "kind": ResourceKind.STRATEGY,
        "publisher_name": "Primăria Municipiului București",
        "authors": "",
        "year": "2024",
        "language": "ro",
        "external_url": "",
        "valid_from": "2024",
        "valid_until": "2029",
        "adopting_act": "HCGMB nr. 412/2024",
        "body": streamfield([("paragraph", rich_text("<p>Obiective și măsuri.</p>"))]),
        "documents": inline_formset([{"document": str(doc.pk), "title": ""} for doc in documents]),
        "related_links": inline_formset([{"target": str(page.pk)} for page in related]),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def add_url(index):
    return f"/admin/pages/add/resources/resourcepage/{index.pk}/"


@pytest.fixture
def document(db):
    return pdf_document("Strategia pentru economia socială 2024–2029")


def test_index_can_be_created_under_the_home_page(admin_client, home_page):
    data = nested_form_data({"title": "Resurse", "slug": "resurse", "intro": "", "body": streamfield([])})
    response = admin_client.post(f"/admin/pages/add/resources/resourceindexpage/{home_page.pk}/", data)
    assert response.status_code == 302
    assert Page.objects.child_of(home_page).filter(slug="resurse").exists()


def test_a_strategy_with_its_file_and_period_is_published(admin_client, resource_index, document):
    authority = AuthorityFactory(name="Primăria Municipiului București")
    data = resource_form(documents=[document], adopting_authority=str(authority.pk))
    data["action-publish"] = "publish"
    response = admin_client.post(add_url(resource_index), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ResourcePage.objects.get(slug="strategia-economie-sociala")
    assert page.live
    # Years typed alone: from 1 January to 31 December.
    assert (page.valid_from, page.valid_until) == (datetime.date(2024, 1, 1), datetime.date(2029, 12, 31))
    assert page.adopting_authority == authority
    assert [item.document for item in page.documents.all()] == [document]


def test_a_study_with_only_a_link_is_accepted(admin_client, resource_index):
    data = resource_form(
        kind=ResourceKind.STUDY, valid_from="", valid_until="", adopting_act="", external_url="https://example.org/x"
    )
    assert admin_client.post(add_url(resource_index), data).status_code == 302
    assert ResourcePage.objects.get(slug="strategia-economie-sociala").external_url == "https://example.org/x"


def post_error(admin_client, index, **overrides):
    response = admin_client.post(add_url(index), resource_form(**overrides))
    assert response.status_code == 200, "the form should have been refused"
    assert not ResourcePage.objects.filter(slug="strategia-economie-sociala").exists()
    return response


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"year": "1989"}, "Biblioteca cuprinde resurse apărute începând cu 1990"),
        ({"year": str(bucharest_today().year + 1)}, "Anul nu poate fi în viitor"),
        ({"valid_from": "2027", "valid_until": "2022"}, "Perioada de valabilitate nu se poate încheia înainte"),
        ({"valid_from": "15.03.2024", "valid_until": "14.03.2024"}, "nu se poate încheia înainte de a începe"),
        ({"valid_from": "", "valid_until": "2029"}, "Precizați și începutul perioadei de valabilitate"),
        ({"valid_from": "anul trecut"}, "Introduceți un an (2022) sau o dată (15.03.2022)."),
        ({"external_url": ""}, "Atașați cel puțin un fișier sau dați un link extern."),
        ({"external_url": "ftp://example.org/raport.pdf"}, "Linkul trebuie să înceapă cu http:// sau https://."),
        ({"external_url": "javascript:alert(1)"}, "Linkul trebuie să înceapă cu http:// sau https://."),
        ({"publisher_name": ""}, "Alegeți din director cine a publicat-o sau scrieți-i numele."),
        ({"kind": ResourceKind.STUDY}, "Doar strategiile, politicile publice și planurile de acțiune au o perioadă"),
    ],
)
def test_bad_values_get_a_clear_romanian_message(admin_client, resource_index, overrides, message):
    response = post_error(admin_client, resource_index, **overrides)
    html = response.content.decode()
    assert escape(message) in html, message
    # What the editor typed is kept.
    assert "Strategia pentru economia socială" in html


def test_the_adopting_authority_must_be_an_authority(admin_client, resource_index, document):
    association = OrganizationFactory(name="Asociația Vecinii din Titan")
    response = post_error(admin_client, resource_index, documents=[document], adopting_authority=str(association.pk))
    assert escape("Alegeți o autoritate publică locală sau o instituție publică.") in response.content.decode()


def test_a_file_removed_in_the_form_does_not_count(admin_client, resource_index, document):
    data = resource_form(documents=[document])
    data["documents-0-DELETE"] = "1"
    response = admin_client.post(add_url(resource_index), data)
    assert response.status_code == 200
    assert escape("Atașați cel puțin un fișier sau dați un link extern.") in response.content.decode()


def test_the_form_shows_whole_years_as_years(admin_client, resource_index, document):
    from tests.resources.conftest import strategy

    page = strategy(resource_index, start=2024, end=datetime.date(2029, 6, 30))
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="valid_from" value="2024"' in html
    assert 'name="valid_until" value="30.06.2029"' in html


class TestYearOrDateField:
    def test_reads_years_and_dates(self):
        start, end = YearOrDateField(end=False), YearOrDateField(end=True)
        assert start.clean("2022") == datetime.date(2022, 1, 1)
        assert end.clean("2027") == datetime.date(2027, 12, 31)
        assert start.clean("15.03.2022") == datetime.date(2022, 3, 15)
        assert start.clean("2022-03-15") == datetime.date(2022, 3, 15)
        assert start.clean(" 2022 ") == datetime.date(2022, 1, 1)

    @pytest.mark.parametrize("value", ["0000", "31.02.2022", "2022-13-01", "22", "azi", "2022.5", "\x00"])
    def test_refuses_the_rest(self, value):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            YearOrDateField(end=False, required=False).clean(value)


def test_second_index_cannot_be_added(admin_client, home_page, resource_index):
    data = nested_form_data({"title": "Resurse 2", "slug": "resurse-2", "intro": "", "body": streamfield([])})
    response = admin_client.post(f"/admin/pages/add/resources/resourceindexpage/{home_page.pk}/", data)
    assert response.status_code in (302, 403)
    assert not Page.objects.child_of(home_page).filter(slug="resurse-2").exists()
    assert ResourceIndexPageFactory._meta.model.objects.count() == 1


def test_the_preview_of_a_new_resource_shows_its_file(admin_client, resource_index, document):
    url = f"{add_url(resource_index)}preview/"
    response = admin_client.post(url, resource_form(documents=[document]))
    assert response.json()["is_valid"]
    html = admin_client.get(url).content.decode()
    assert "Strategia pentru economia socială" in html
    assert "Strategia pentru economia socială 2024–2029" in html and "(PDF, 1 KB)" in html


def test_the_preview_of_a_published_resource_shows_the_edited_files(admin_client, resource_index, document):
    from tests.factories.resources import ResourcePageFactory

    page = ResourcePageFactory(parent=resource_index, slug="strategia-economie-sociala")
    url = f"/admin/pages/{page.pk}/edit/preview/"
    response = admin_client.post(url, resource_form(documents=[document]))
    assert response.json()["is_valid"]
    html = admin_client.get(url).content.decode()
    assert f"{page.url}descarca/{document.pk}/" in html


def test_the_admin_forms_open(admin_client, home_page, resource_index):
    from tests.factories.consultations import ConsultationIndexPageFactory, ConsultationPageFactory

    html = admin_client.get(add_url(resource_index)).content.decode()
    assert 'name="valid_from"' in html and 'name="related_links-TOTAL_FORMS"' in html
    consultation = ConsultationPageFactory(parent=ConsultationIndexPageFactory(parent=home_page))
    html = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert 'name="implemented_policy"' in html
