import pytest

from guides import demo as guides_demo
from guides.models import GuideIndexPage, GuideQuestion, LegalAct, LegislationGuidePage
from website import demo as website_demo

pytestmark = pytest.mark.django_db


def counts():
    return (
        GuideIndexPage.objects.count(),
        LegislationGuidePage.objects.count(),
        LegalAct.objects.count(),
        GuideQuestion.objects.count(),
        LegislationGuidePage.topics.through.objects.count(),
    )


def test_seeding_twice_gives_the_same_content(home_page):
    topics = website_demo.topics()
    assert guides_demo.seed(home=home_page, topics=topics) == []
    first = counts()
    assert guides_demo.seed(home=home_page, topics=topics) == []
    assert counts() == first
    assert first[:2] == (1, 5)


def test_demo_guides(client, home_page):
    guides_demo.seed(home=home_page, topics=website_demo.topics())
    index = GuideIndexPage.objects.get()
    assert index.slug == "ghiduri" and index.show_in_menus and index.live
    numbers = {(act.number, act.year) for act in LegalAct.objects.all()}
    assert {("219", 2015), ("26", 2000), ("52", 2003), ("350", 2005), ("544", 2001)} <= numbers
    for guide in LegislationGuidePage.objects.live():
        assert 3 <= guide.faq_items.count() <= 5
        assert guide.legal_acts.exists() and guide.last_reviewed
        assert client.get(guide.url).status_code == 200
    assert client.get(index.url).status_code == 200
