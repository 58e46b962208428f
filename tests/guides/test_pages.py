import re
from datetime import date

import pytest
from django.utils import translation
from django.utils.html import escape

from guides.models import ActKind
from tests.factories.guides import GuideQuestionFactory, LegalActFactory, LegislationGuidePageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def guides(guide_index):
    social = TopicFactory(name="Economie socială", slug="economie-sociala")
    transparency = TopicFactory(name="Politici publice", slug="politici-publice")
    economy = LegislationGuidePageFactory(parent=guide_index, title="Economia socială", topics=[social])
    LegalActFactory(page=economy, kind=ActKind.LAW, number="219", year=2015)
    LegalActFactory(page=economy, kind=ActKind.GOVERNMENT_DECISION, number="585", year=2016)
    ngo = LegislationGuidePageFactory(parent=guide_index, title="Asociații și fundații", topics=[social])
    LegalActFactory(page=ngo, kind=ActKind.ORDINANCE, number="26", year=2000)
    transparency_guide = LegislationGuidePageFactory(
        parent=guide_index, title="Transparența decizională", topics=[transparency]
    )
    LegalActFactory(page=transparency_guide, kind=ActKind.LAW, number="52", year=2003)
    return economy, ngo, transparency_guide


class TestIndex:
    def test_lists_guides_in_tree_order_with_their_acts(self, client, guide_index, guides):
        response = client.get(guide_index.url)
        assert response.status_code == 200
        assert titles(response) == ["Economia socială", "Asociații și fundații", "Transparența decizională"]
        html = response.content.decode()
        with translation.override("ro"):
            assert escape(guides[0].legal_acts.first().citation) in html

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("tema=economie-sociala", ["Economia socială", "Asociații și fundații"]),
            ("act=lege", ["Economia socială", "Transparența decizională"]),
            ("act=og", ["Asociații și fundații"]),
            ("act=hg&tema=economie-sociala", ["Economia socială"]),
            ("act=ordin", []),
        ],
    )
    def test_filters(self, client, guide_index, guides, query, expected):
        response = client.get(f"{guide_index.url}?{query}")
        assert response.status_code == 200
        assert titles(response) == expected

    @pytest.mark.parametrize(
        ("query", "ignored"), [("tema=nu-exista", "tema"), ("act=decret", "act"), ("act=%00", "act")]
    )
    def test_bad_values_are_ignored_with_a_notice(self, client, guide_index, guides, query, ignored):
        response = client.get(f"{guide_index.url}?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert "notice--warning" in html
        assert f'id="id_{ignored}_error"' in html
        assert len(titles(response)) == 3

    @pytest.mark.parametrize("query", ["page=abc", "page=99999", "page=-3", "tema[]=a&act[]=b"])
    def test_odd_query_strings_never_fail(self, client, guide_index, guides, query):
        assert client.get(f"{guide_index.url}?{query}").status_code == 200

    def test_pagination(self, client, guide_index, settings):
        settings.GUIDES_PER_PAGE = 2
        for number in range(3):
            LegislationGuidePageFactory(parent=guide_index, title=f"Ghid {number}")
        assert titles(client.get(guide_index.url)) == ["Ghid 0", "Ghid 1"]
        assert titles(client.get(f"{guide_index.url}?page=2")) == ["Ghid 2"]
        assert titles(client.get(f"{guide_index.url}?page=99999")) == ["Ghid 2"]


class TestGuidePage:
    def test_renders_acts_faq_and_review_date(self, client, guide_index, home_page):
        guide = LegislationGuidePageFactory(
            parent=guide_index,
            title="Transparența decizională",
            intro="Cum participăm la deciziile primăriei.",
            last_reviewed=date(2026, 10, 15),
            body=[("paragraph", "<p>Autoritatea anunță proiectul.</p>")],
        )
        LegalActFactory(
            page=guide,
            kind=ActKind.LAW,
            number="52",
            year=2003,
            title="privind transparența decizională în administrația publică",
            url="https://legislatie.just.ro/Public/DetaliiDocument/41571",
        )
        LegalActFactory(page=guide, kind=ActKind.CGMB_DECISION, number="100", year=2020, title="un regulament", url="")
        GuideQuestionFactory(
            page=guide,
            question="Cum cerem o dezbatere publică?",
            answer=f'<p>Scrieți primăriei; vedeți <a linktype="page" id="{home_page.pk}">prima pagină</a>.</p>',
        )
        response = client.get(guide.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'href="https://legislatie.just.ro/Public/DetaliiDocument/41571" rel="noopener">Textul oficial' in html
        assert "privind transparența decizională în administrația publică" in html
        assert "un regulament" in html
        assert '<section class="faq"' in html
        assert "<summary>Cum cerem o dezbatere publică?</summary>" in html
        assert re.search(r"<details>\s*<summary>", html)
        assert 'href="/"' in html and "linktype" not in html
        assert "Autoritatea anunță proiectul." in html
        with translation.override("ro"):
            expected = translation.gettext("Last reviewed: %(date)s").replace("%(date)s", "15 octombrie 2026")
        assert escape(expected) in html

    def test_guide_without_acts_or_questions(self, client, guide_index):
        guide = LegislationGuidePageFactory(parent=guide_index)
        html = client.get(guide.url).content.decode()
        assert '<section class="faq"' not in html
        assert 'class="legal-acts"' not in html


def test_home_page_shows_guides(client, home_page, guides):
    html = client.get("/").content.decode()
    assert "Economia socială" in html
    assert "guide-meta__reviewed" in html
