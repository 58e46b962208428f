from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import Page

from guides.models import ActKind, GuideIndexPage, LegalAct, LegislationGuidePage
from tests.factories.guides import GuideQuestionFactory, LegalActFactory, LegislationGuidePageFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db


class TestTreeRules:
    def test_index_lives_under_the_home_page_only(self):
        assert GuideIndexPage.allowed_parent_page_models() == [HomePage]
        assert GuideIndexPage.allowed_subpage_models() == [LegislationGuidePage]

    def test_guide_lives_under_the_index_only_and_has_no_children(self):
        assert LegislationGuidePage.allowed_parent_page_models() == [GuideIndexPage]
        assert LegislationGuidePage.allowed_subpage_models() == []

    def test_placement(self, home_page, guide_index):
        assert not GuideIndexPage.can_create_at(home_page)  # one index per site
        assert LegislationGuidePage.can_create_at(guide_index)
        assert not LegislationGuidePage.can_create_at(home_page)
        assert not LegislationGuidePage.can_create_at(Page.get_first_root_node())


class TestLegalAct:
    @pytest.mark.parametrize(
        ("kind", "citation"),
        [
            (ActKind.LAW, "Law no. 219/2015"),
            (ActKind.ORDINANCE, "GO no. 219/2015"),
            (ActKind.EMERGENCY_ORDINANCE, "GEO no. 219/2015"),
            (ActKind.GOVERNMENT_DECISION, "GD no. 219/2015"),
            (ActKind.CGMB_DECISION, "HCGMB no. 219/2015"),
            (ActKind.ORDER, "Order no. 219/2015"),
            (ActKind.OTHER, "Act no. 219/2015"),
        ],
    )
    def test_citation(self, kind, citation):
        with translation.override("en"):
            assert LegalAct(kind=kind, number="219", year=2015).citation == citation

    @pytest.mark.parametrize("year", [1858, 0, timezone.localdate().year + 1])
    def test_year_out_of_range(self, year):
        act = LegalAct(kind=ActKind.LAW, number="1", year=year, title="x")
        with pytest.raises(ValidationError) as caught:
            act.full_clean(exclude=["page"])
        with translation.override("en"):
            assert caught.value.message_dict["year"] == [f"Enter a year between 1859 and {timezone.localdate().year}."]

    @pytest.mark.parametrize("year", [1859, 2000, timezone.localdate().year])
    def test_year_in_range(self, year):
        LegalAct(kind=ActKind.LAW, number="1", year=year, title="x").full_clean(exclude=["page"])

    def test_unknown_kind_is_refused(self):
        with pytest.raises(ValidationError):
            LegalAct(kind="decret", number="1", year=2000, title="x").full_clean(exclude=["page"])


def test_acts_and_questions_keep_their_order(guide_index):
    guide = LegislationGuidePageFactory(parent=guide_index, last_reviewed=date(2026, 9, 1))
    second = LegalActFactory(page=guide, sort_order=1, number="2")
    first = LegalActFactory(page=guide, sort_order=0, number="1")
    question_b = GuideQuestionFactory(page=guide, sort_order=1)
    question_a = GuideQuestionFactory(page=guide, sort_order=0)
    assert list(guide.legal_acts.all()) == [first, second]
    assert list(guide.faq_items.all()) == [question_a, question_b]


def test_covering(guide_index):
    with_law = LegislationGuidePageFactory(parent=guide_index)
    LegalActFactory(page=with_law, kind=ActKind.LAW)
    LegalActFactory(page=with_law, kind=ActKind.LAW)  # two laws: still listed once
    with_hg = LegislationGuidePageFactory(parent=guide_index)
    LegalActFactory(page=with_hg, kind=ActKind.GOVERNMENT_DECISION)
    assert list(LegislationGuidePage.objects.covering(ActKind.LAW)) == [with_law]
    assert list(LegislationGuidePage.objects.covering(ActKind.GOVERNMENT_DECISION)) == [with_hg]
    assert list(LegislationGuidePage.objects.covering(ActKind.ORDER)) == []
