"""Issue #11, point 6: publishing, unpublishing and moderation keep the search documents current without a rebuild."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import PageViewRestriction

from participation.models import ModerationState
from participation.moderation import submission_moderate
from search.models import SearchDocument
from search.query import find
from search.services import documents_rebuild
from tests.factories.consultations import ConsultationPageFactory, ResponseFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.news import NewsPageFactory
from tests.factories.website import ContentPageFactory
from tests.participation.conftest import make_moderator


def document_of(obj):
    return SearchDocument.objects.for_object(obj).first()


def titles(query):
    return [hit.document.title for hit in find(query).hits()]


def test_a_published_page_has_a_document_with_its_text_url_date_and_topics(news_index, social_economy):
    page = NewsPageFactory(
        parent=news_index, title="Târg de economie socială", intro="La Piața Amzei.", topics=[social_economy]
    )
    document = document_of(page)
    assert document.kind == "stiri"
    assert document.title == "Târg de economie socială"
    assert document.url == "/stiri/" + page.slug + "/"
    assert document.date == page.date
    assert "La Piața Amzei." in document.body
    assert list(document.topics.all()) == [social_economy]


def test_unpublishing_and_publishing_again(news_index):
    page = NewsPageFactory(parent=news_index, title="Concert caritabil", intro="Sâmbătă seara.")
    assert titles("concert caritabil") == ["Concert caritabil"]

    page.unpublish()
    assert document_of(page) is None
    assert titles("concert caritabil") == []

    page.title = "Concert caritabil amânat"
    page.save_revision().publish()
    assert titles("concert caritabil") == ["Concert caritabil amânat"]


def test_draft_changes_stay_out_until_published(news_index):
    page = NewsPageFactory(parent=news_index, title="Program de vară", intro="Tabere pentru copii.")
    page.title = "Program de vară anulat"
    page.intro = "Secret: bugetul a fost tăiat."
    page.save_revision()
    assert document_of(page).title == "Program de vară"
    assert titles("bugetul taiat") == []

    page.get_latest_revision().publish()
    assert titles("bugetul taiat") == ["Program de vară anulat"]


def test_a_changed_topic_is_searched_under_the_new_topic(news_index, social_economy, environment):
    page = NewsPageFactory(parent=news_index, title="Reciclare", topics=[social_economy])
    page.topics.set([environment])
    page.save_revision().publish()
    assert list(document_of(page).topics.all()) == [environment]
    assert titles_in_topic("reciclare", "mediu") == ["Reciclare"]
    assert titles_in_topic("reciclare", "economie-sociala") == []


def titles_in_topic(query, topic):
    return [hit.document.title for hit in find(query, topic=topic).hits()]


def test_a_deleted_page_leaves_the_search(news_index):
    page = NewsPageFactory(parent=news_index, title="Știre ștearsă")
    pk = page.pk
    page.delete()
    assert not SearchDocument.objects.filter(object_id=str(pk)).exists()
    assert titles("stearsa") == []


def test_a_private_page_leaves_the_search_and_comes_back_when_public(home_page):
    page = ContentPageFactory(parent=home_page, title="Regulament intern", intro="Pentru membri.")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert titles("regulament intern") == []
    restriction.delete()
    assert titles("regulament intern") == ["Regulament intern"]


def test_pages_below_a_private_page_leave_the_search_too(home_page):
    parent = ContentPageFactory(parent=home_page, title="Zona membrilor")
    child = ContentPageFactory(parent=parent, title="Procedura de vot")
    PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert document_of(child) is None


def test_moving_or_renaming_a_section_updates_the_addresses(home_page, django_capture_on_commit_callbacks):
    about = ContentPageFactory(parent=home_page, title="Despre", slug="despre")
    other = ContentPageFactory(parent=home_page, title="Proiecte", slug="proiecte")
    page = ContentPageFactory(parent=about, title="Echipa", slug="echipa")
    assert document_of(page).url == "/despre/echipa/"

    page.move(other, pos="last-child")
    assert document_of(page).url == "/proiecte/echipa/"

    other.slug = "initiative"
    # Wagtail announces the new slug once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        other.save_revision().publish()
    assert document_of(page).url == "/initiative/echipa/"


def test_an_organization_is_found_only_while_published(db):
    organization = OrganizationFactory(name="Fundația Lumina", description="Educație.", publish=False)
    assert document_of(organization) is None

    organization.save_revision().publish()
    assert titles("fundatia lumina") == ["Fundația Lumina"]
    assert document_of(organization).url == "/organizatii/fundatia-lumina/"
    assert document_of(organization).priority == 1

    organization.refresh_from_db()
    organization.description = "Schimbare nepublicată: Lumina închide."
    organization.save_revision()
    assert titles("lumina inchide") == []

    organization.unpublish()
    assert titles("fundatia lumina") == []


def test_moderation_decisions_add_and_remove_recommendations(consultation_index):
    moderator = make_moderator(username="moderator-cautare")
    consultation = ConsultationPageFactory(parent=consultation_index, title="Regulament de salubrizare")
    response = ResponseFactory(
        consultation=consultation,
        text="Propunem containere pentru compost.",
        moderation_state=ModerationState.PENDING,
    )
    assert titles("compost") == []

    submission_moderate(submission=response, action="approve", by=moderator)
    (document,) = [hit.document for hit in find("compost").hits()]
    assert document.kind == "recomandari"
    assert response.author.get_full_name() in document.title

    submission_moderate(submission=response, action="hide", by=moderator, reason="Mesaj duplicat.")
    assert titles("compost") == []

    rejected = ResponseFactory(
        consultation=consultation, text="Compost pe balcon.", moderation_state=ModerationState.PENDING
    )
    submission_moderate(submission=rejected, action="reject", by=moderator, reason="În afara subiectului.")
    assert titles("compost") == []


def test_unpublishing_a_consultation_hides_its_recommendations(consultation_index):
    consultation = ConsultationPageFactory(parent=consultation_index, title="Regulament pentru piețe")
    ResponseFactory(consultation=consultation, text="Propunem tarabe pentru producători locali.")
    assert len(titles("tarabe producatori")) == 1

    consultation.unpublish()
    assert titles("tarabe producatori") == []
    consultation.save_revision().publish()
    assert len(titles("tarabe producatori")) == 1


def test_rebuild_restores_missing_documents_and_removes_stale_ones(corpus):
    expected = set(SearchDocument.objects.values_list("kind", "object_id"))
    assert {kind for kind, _object_id in expected} == {
        "stiri",
        "ghiduri",
        "finantari",
        "consultari",
        "recomandari",
        "pagini",
        "organizatii",
    }
    SearchDocument.objects.filter(kind="stiri").delete()
    stale = SearchDocument.objects.create(
        kind="stiri", content_type=document_of(corpus.guide).content_type, object_id="999999", title="Fantomă", url="/"
    )

    counts = documents_rebuild()

    assert set(SearchDocument.objects.values_list("kind", "object_id")) == expected
    assert not SearchDocument.objects.filter(pk=stale.pk).exists()
    assert counts["stiri"] == 2
    assert sorted(titles("sedinta")) == sorted([corpus.news.title, corpus.cedilla_news.title])


def test_rebuild_indexes_every_document_at_once(corpus):
    """Even documents whose index entries are missing (a worker that never ran, a reset index) are found after it."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchDocument)).delete()
    assert titles("zambet") == []
    documents_rebuild()
    assert titles("zambet") == ["Asociația Zâmbet pentru Copii"]


def test_rebuild_command(corpus, capsys):
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_documents", "organizatii")
    # The organization and the consultation's authority.
    assert list(SearchDocument.objects.values_list("kind", flat=True)) == ["organizatii", "organizatii"]
    assert "organizatii" in capsys.readouterr().out
    with pytest.raises(CommandError, match="necunoscut|Unknown"):
        call_command("rebuild_search_documents", "nu-exista")


def test_the_demo_loader_builds_the_documents_last(corpus):
    from wagtail import hooks

    from website.hooks import DEMO_DATA_HOOK

    _order, seed = max((hook() for hook in hooks.get_hooks(DEMO_DATA_HOOK)), key=lambda loader: loader[0])
    assert seed.__module__ == "search.wagtail_hooks"
    expected = set(SearchDocument.objects.values_list("kind", "object_id"))
    SearchDocument.objects.all().delete()
    assert seed(home=None, topics={}) == []
    assert set(SearchDocument.objects.values_list("kind", "object_id")) == expected
