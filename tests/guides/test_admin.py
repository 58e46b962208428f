from datetime import date

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guides.models import GuideIndexPage, LegislationGuidePage
from tests.factories.guides import GuideQuestionFactory, LegalActFactory, LegislationGuidePageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


def guide_form(*, acts, questions=(), **overrides):
    fields = {
        "title": "Transparența decizională",
        "slug": "transparenta-decizionala",
        "intro": "Cum participăm la deciziile primăriei.",
        "body": streamfield([("paragraph", rich_text("<p>Autoritatea anunță proiectul.</p>"))]),
        "last_reviewed": "15.10.2026",
        "legal_acts": inline_formset(acts),
        "faq_items": inline_formset(
            [{"question": question, "answer": rich_text(f"<p>{answer}</p>")} for question, answer in questions]
        ),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def law_52(**overrides):
    act = {
        "kind": "lege",
        "number": "52",
        "year": "2003",
        "title": "privind transparența decizională în administrația publică",
        "url": "https://legislatie.just.ro/Public/DetaliiDocument/41571",
    }
    act.update(overrides)
    return act


def test_index_can_be_created_under_the_home_page(admin_client, home_page):
    data = nested_form_data(
        {"title": "Ghiduri și legislație", "slug": "ghiduri", "intro": "", "body": streamfield([])}
    )
    response = admin_client.post(f"/admin/pages/add/guides/guideindexpage/{home_page.pk}/", data)
    assert response.status_code == 302
    assert GuideIndexPage.objects.filter(slug="ghiduri").exists()


def test_guide_with_acts_questions_and_topics(admin_client, guide_index):
    topic = TopicFactory()
    data = guide_form(
        acts=[law_52(), law_52(kind="hcgmb", number="123", year="2019", title="un regulament", url="")],
        questions=[("Cum cerem o dezbatere publică?", "Printr-o cerere scrisă.")],
    )
    data["topics"] = [str(topic.pk)]
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/add/guides/legislationguidepage/{guide_index.pk}/", data)
    assert response.status_code == 302

    guide = LegislationGuidePage.objects.get(slug="transparenta-decizionala")
    assert guide.live
    assert guide.last_reviewed == date(2026, 10, 15)
    assert [(act.kind, act.number, act.year) for act in guide.legal_acts.all()] == [
        ("lege", "52", 2003),
        ("hcgmb", "123", 2019),
    ]
    (question,) = guide.faq_items.all()
    assert question.question == "Cum cerem o dezbatere publică?"
    assert "Printr-o cerere scrisă." in question.answer
    assert list(guide.topics.all()) == [topic]


@pytest.mark.parametrize("year", ["1800", str(timezone.localdate().year + 1)])
def test_act_year_out_of_range_is_refused(admin_client, guide_index, year):
    response = admin_client.post(
        f"/admin/pages/add/guides/legislationguidepage/{guide_index.pk}/", guide_form(acts=[law_52(year=year)])
    )
    assert response.status_code == 200
    with translation.override("ro"):
        message = translation.gettext("Enter a year between %(first)s and %(last)s.") % {
            "first": 1859,
            "last": timezone.localdate().year,
        }
    assert escape(message) in response.content.decode()
    assert not LegislationGuidePage.objects.exists()


def test_edit_form_opens(admin_client, guide_index):
    guide = LegislationGuidePageFactory(parent=guide_index)
    LegalActFactory(page=guide)
    GuideQuestionFactory(page=guide)
    response = admin_client.get(f"/admin/pages/{guide.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="legal_acts-TOTAL_FORMS"' in html
    assert 'name="faq_items-TOTAL_FORMS"' in html
