"""Editors create calls in the Wagtail admin; bad dates, amounts and percentages are refused with clear messages."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import wagtail_factories
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from funding.models import ApplicantKind, FundingCallPage, FundingIndexPage
from tests.factories.funding import FundingCallPageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


def in_ro(message):
    with translation.override("ro"):
        return escape(str(message))


@pytest.fixture
def document():
    return wagtail_factories.DocumentFactory(
        title="Ghidul solicitantului", collection=Collection.get_first_root_node()
    )


def call_form(*, documents=(), **overrides):
    fields = {
        "title": "Granturi pentru incluziune socială",
        "slug": "granturi-incluziune",
        "intro": "Finanțare pentru ONG-uri.",
        "funder": "Primăria Municipiului București",
        "programme": "Legea 350/2005",
        "official_url": "https://www.pmb.ro/",
        "opens_on": "10.03.2026",
        "deadline": "10.04.2026 16:00",
        "amount_min": "20000",
        "amount_max": "150000",
        "currency": "RON",
        "cofinancing_percent": "10",
        "body": streamfield([("paragraph", rich_text("<p>Ce se finanțează.</p>"))]),
        "documents": inline_formset([{"document": str(doc.pk), "title": ""} for doc in documents]),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def add_url(index):
    return f"/admin/pages/add/funding/fundingcallpage/{index.pk}/"


class TestCreate:
    def test_index_can_be_created_under_the_home_page(self, admin_client, home_page):
        data = nested_form_data({"title": "Finanțări", "slug": "finantari", "intro": "", "body": streamfield([])})
        response = admin_client.post(f"/admin/pages/add/funding/fundingindexpage/{home_page.pk}/", data)
        assert response.status_code == 302
        assert FundingIndexPage.objects.child_of(home_page).filter(slug="finantari").exists()

    def test_call_with_documents_kinds_and_topics(self, admin_client, funding_index, document):
        topic = TopicFactory()
        kinds = ApplicantKind.objects.filter(code__in=["ong", "intreprindere-sociala"])
        data = call_form(documents=[document])
        data["applicant_kinds"] = [str(kind.pk) for kind in kinds]
        data["topics"] = [str(topic.pk)]
        data["action-publish"] = "publish"
        response = admin_client.post(add_url(funding_index), data)
        assert response.status_code == 302, response.context["form"].errors if response.context else response

        call = FundingCallPage.objects.get(slug="granturi-incluziune")
        assert call.live
        # Entered in Romania's time: 16:00 on 10 April (summer time, UTC+3) is 13:00 UTC.
        assert call.deadline == datetime(2026, 4, 10, 13, 0, tzinfo=UTC)
        assert call.amount_max == Decimal("150000")
        assert set(call.applicant_kinds.values_list("code", flat=True)) == {"ong", "intreprindere-sociala"}
        assert list(call.topics.all()) == [topic]
        assert [item.document for item in call.documents.all()] == [document]

    def test_edit_form_opens(self, admin_client, funding_index):
        call = FundingCallPageFactory(parent=funding_index, applicant_kinds=["ong"])
        response = admin_client.get(f"/admin/pages/{call.pk}/edit/")
        assert response.status_code == 200
        assert 'name="applicant_kinds"' in response.content.decode()
        assert 'name="documents-TOTAL_FORMS"' in response.content.decode()


class TestValidationMessages:
    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"deadline": "09.03.2026 23:59"}, "The deadline cannot be before the opening date."),
            ({"amount_min": "200000"}, "The minimum amount cannot be greater than the maximum amount."),
            ({"cofinancing_percent": "101"}, "The co-financing percentage must be between 0 and 100."),
            ({"cofinancing_percent": "-1"}, "The co-financing percentage must be between 0 and 100."),
        ],
    )
    def test_refused_with_a_clear_message(self, admin_client, funding_index, overrides, message):
        response = admin_client.post(add_url(funding_index), call_form(**overrides))
        assert response.status_code == 200
        assert in_ro(translation.gettext_lazy(message)) in response.content.decode()
        assert not FundingCallPage.objects.exists()

    def test_what_was_typed_is_kept(self, admin_client, funding_index):
        response = admin_client.post(add_url(funding_index), call_form(amount_min="200000"))
        html = response.content.decode()
        assert 'value="200000"' in html
        assert "Primăria Municipiului București" in html


def test_preview_of_a_new_call(admin_client, funding_index):
    url = f"/admin/pages/add/funding/fundingcallpage/{funding_index.pk}/preview/"
    data = call_form()
    data["applicant_kinds"] = [str(ApplicantKind.objects.get(code="ong").pk)]
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Primăria Municipiului București" in html
    assert escape(str(ApplicantKind.objects.get(code="ong"))) in html


def test_preview_of_the_index(admin_client, funding_index):
    FundingCallPageFactory(parent=funding_index, title="Apel vizibil în previzualizare")
    url = f"/admin/pages/{funding_index.pk}/edit/preview/"
    data = nested_form_data({"title": "Finanțări", "slug": "finantari", "intro": "", "body": streamfield([])})
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Apel vizibil în previzualizare" in response.content.decode()
