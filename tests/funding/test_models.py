from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import Page

from funding.models import ApplicantKind, FundingCallPage, FundingIndexPage
from funding.status import BUCHAREST
from tests.factories.funding import FundingCallDocumentFactory, FundingCallPageFactory
from tests.factories.website import ContentPageFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db


class TestTreeRules:
    def test_index_lives_under_the_home_page_only(self):
        assert FundingIndexPage.allowed_parent_page_models() == [HomePage]
        assert FundingIndexPage.allowed_subpage_models() == [FundingCallPage]

    def test_call_lives_under_the_index_only_and_has_no_children(self):
        assert FundingCallPage.allowed_parent_page_models() == [FundingIndexPage]
        assert FundingCallPage.allowed_subpage_models() == []

    def test_one_index_per_site(self, home_page, funding_index):
        assert not FundingIndexPage.can_create_at(home_page)

    def test_call_cannot_be_created_elsewhere(self, home_page, funding_index):
        assert FundingCallPage.can_create_at(funding_index)
        assert not FundingCallPage.can_create_at(home_page)
        assert not FundingCallPage.can_create_at(ContentPageFactory(parent=home_page))
        assert not FundingCallPage.can_create_at(Page.get_first_root_node())


def test_applicant_kinds_are_created_by_the_migration():
    assert list(ApplicantKind.objects.values_list("code", flat=True)) == ApplicantKind.Code.values
    assert str(ApplicantKind.objects.get(code="ong")) == str(ApplicantKind.Code.NGO.label)


class TestValidation:
    @pytest.fixture(autouse=True)
    def english(self):
        with translation.override("en"):
            yield

    def call(self, **fields):
        values = {
            "title": "Apel",
            "slug": "apel",
            "funder": "Primăria Municipiului București",
            "opens_on": date(2026, 3, 10),
            "deadline": datetime(2026, 4, 10, 16, tzinfo=BUCHAREST),
        }
        values.update(fields)
        return FundingCallPage(**values)

    def errors(self, call):
        with pytest.raises(ValidationError) as caught:
            call.full_clean(exclude=["path", "depth"])
        return caught.value.message_dict

    def test_a_valid_call(self):
        self.call(amount_min=Decimal("100"), amount_max=Decimal("100"), cofinancing_percent=Decimal("100")).full_clean(
            exclude=["path", "depth"]
        )

    def test_deadline_before_the_opening_day(self):
        errors = self.errors(self.call(deadline=datetime(2026, 3, 9, 23, 59, tzinfo=BUCHAREST)))
        assert errors["deadline"] == ["The deadline cannot be before the opening date."]

    def test_deadline_on_the_opening_day_is_allowed(self):
        self.call(deadline=datetime(2026, 3, 10, 0, 0, tzinfo=BUCHAREST)).full_clean(exclude=["path", "depth"])

    def test_minimum_above_maximum(self):
        errors = self.errors(self.call(amount_min=Decimal("5000"), amount_max=Decimal("4999.99")))
        assert errors["amount_min"] == ["The minimum amount cannot be greater than the maximum amount."]
        assert "__all__" not in errors  # the database constraint does not repeat the message

    @pytest.mark.parametrize("percent", ["-1", "100.01", "101"])
    def test_cofinancing_outside_0_100(self, percent):
        errors = self.errors(self.call(cofinancing_percent=Decimal(percent)))
        assert errors == {"cofinancing_percent": ["The co-financing percentage must be between 0 and 100."]}

    def test_negative_amount(self):
        errors = self.errors(self.call(amount_min=Decimal("-1")))
        assert errors["amount_min"] == ["Amounts cannot be negative."]


class TestDatabaseConstraints:
    """The rules hold even for code that skips validation."""

    def test_minimum_above_maximum_is_refused(self, funding_index):
        call = FundingCallPageFactory(parent=funding_index)
        with pytest.raises(IntegrityError), transaction.atomic():
            FundingCallPage.objects.filter(pk=call.pk).update(amount_min=Decimal("10"), amount_max=Decimal("5"))

    def test_percent_above_100_is_refused(self, funding_index):
        call = FundingCallPageFactory(parent=funding_index)
        with pytest.raises(IntegrityError), transaction.atomic():
            FundingCallPage.objects.filter(pk=call.pk).update(cofinancing_percent=Decimal("101"))


def test_opens_at_is_midnight_in_bucharest():
    call = FundingCallPage(opens_on=date(2026, 7, 1))
    assert call.opens_at.isoformat() == "2026-07-01T00:00:00+03:00"


def test_document_title_defaults_to_the_document(funding_index):
    call = FundingCallPageFactory(parent=funding_index)
    untitled = FundingCallDocumentFactory(page=call)
    titled = FundingCallDocumentFactory(page=call, title="Anexa 1 – buget")
    assert untitled.display_title == "Ghidul solicitantului"
    assert titled.display_title == "Anexa 1 – buget"
    assert list(call.documents.all()) == [untitled, titled]


def test_funder_name(funding_index):
    assert FundingCallPageFactory(parent=funding_index, funder="AFM").funder_name == "AFM"
