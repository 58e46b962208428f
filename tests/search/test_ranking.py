"""Issue #11, point 3: a title match above a body match, an organization first for its name, open before closed."""

from datetime import timedelta

from django.utils import timezone

from search.query import find
from tests.factories.consultations import ConsultationPageFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.funding import FundingCallPageFactory
from tests.factories.news import NewsPageFactory


def titles(query, **filters):
    return [hit.document.title for hit in find(query, **filters).hits()]


def test_a_title_match_ranks_above_body_matches(news_index):
    # The body matches are more numerous and newer; the title match still comes first.
    for number in range(3):
        NewsPageFactory(
            parent=news_index,
            title=f"Vești din cartier {number}",
            intro="Grădini comunitare, grădini comunitare și iar grădini comunitare în fiecare sector.",
        )
    NewsPageFactory(parent=news_index, title="Grădini comunitare în Sectorul 2", intro="Un proiect nou.")
    found = titles("gradini comunitare")
    assert found[0] == "Grădini comunitare în Sectorul 2"
    assert len(found) == 4


def test_a_title_holding_only_some_of_the_words_is_a_body_match(news_index):
    NewsPageFactory(parent=news_index, title="Grădini în Sectorul 2", intro="Grădini comunitare pentru vecini.")
    NewsPageFactory(parent=news_index, title="Grădini comunitare", intro="Pentru vecini.")
    assert titles("gradini comunitare vecini") == ["Grădini comunitare", "Grădini în Sectorul 2"]


def test_an_organization_ranks_first_for_its_name(news_index, funding_index):
    NewsPageFactory(
        parent=news_index, title="Grădina Verde a deschis porțile", intro="Asociația Grădina Verde invită."
    )
    FundingCallPageFactory(parent=funding_index, title="Grădina verde a cartierului", intro="Grant pentru grădini.")
    OrganizationFactory(name="Asociația Grădina Verde", description="Grădini urbane în Sectorul 6.")
    assert titles("gradina verde")[0] == "Asociația Grădina Verde"
    assert titles("Asociatia Gradina Verde")[0] == "Asociația Grădina Verde"


def test_an_exact_name_ranks_above_longer_names_holding_it(news_index):
    OrganizationFactory(name="Asociația Verde Plus Sector 5", description="Mediu.")
    OrganizationFactory(name="Asociația Verde", description="Mediu.")
    assert titles("asociatia verde")[0] == "Asociația Verde"


def test_open_funding_calls_rank_above_closed_ones_for_equal_relevance(funding_index):
    closed = FundingCallPageFactory(
        parent=funding_index,
        title="Granturi pentru tineret",
        slug="granturi-tineret-2025",
        intro="Proiecte de tineret în cartiere.",
        opens_on=timezone.localdate() - timedelta(days=60),
        deadline=timezone.now() - timedelta(days=1),
    )
    upcoming = FundingCallPageFactory(
        parent=funding_index,
        title="Granturi pentru tineret",
        slug="granturi-tineret-2027",
        intro="Proiecte de tineret în cartiere.",
        opens_on=timezone.localdate() + timedelta(days=10),
        deadline=timezone.now() + timedelta(days=40),
    )
    open_ = FundingCallPageFactory(
        parent=funding_index, title="Granturi pentru tineret", intro="Proiecte de tineret în cartiere."
    )
    outcome = find("granturi tineret")
    hits = outcome.hits()
    assert [hit.document.object_id for hit in hits][-1] == str(closed.pk)
    assert {hit.document.object_id for hit in hits[:2]} == {str(open_.pk), str(upcoming.pk)}
    assert [hit.is_closed for hit in hits] == [False, False, True]


def test_open_consultations_rank_above_closed_ones(consultation_index):
    ConsultationPageFactory(
        parent=consultation_index,
        title="Regulament privind spațiile verzi",
        slug="spatii-verzi-2025",
        intro="Spații verzi în cartiere.",
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=5),
    )
    ConsultationPageFactory(
        parent=consultation_index, title="Regulament privind spațiile verzi", intro="Spații verzi în cartiere."
    )
    hits = find("spatii verzi").hits()
    assert [hit.is_closed for hit in hits] == [False, True]


def test_a_consultation_closing_while_indexed_ranks_as_closed(consultation_index, monkeypatch):
    """Open or closed is decided when searching: a document built while open ranks as closed once the time passes."""
    soon = ConsultationPageFactory(
        parent=consultation_index,
        title="Taxe locale",
        slug="taxe-locale-1",
        intro="Taxe.",
        opens_at=timezone.now() - timedelta(days=12),
        closes_at=timezone.now() + timedelta(hours=1),
    )
    later = ConsultationPageFactory(
        parent=consultation_index, title="Taxe locale", slug="taxe-locale-2", intro="Taxe."
    )
    in_two_hours = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr("django.utils.timezone.now", lambda: in_two_hours)
    hits = find("taxe locale").hits()
    assert [hit.document.object_id for hit in hits] == [str(later.pk), str(soon.pk)]


def test_an_organization_mentioning_the_words_in_its_text_has_no_priority(news_index):
    OrganizationFactory(name="Asociația Pământ Viu", description="Ateliere de grădinărit; uneori și compost.")
    NewsPageFactory(parent=news_index, title="Atelier în parc", intro="Compost, compost, compost: cum facem compost.")
    assert titles("compost") == ["Atelier în parc", "Asociația Pământ Viu"]
