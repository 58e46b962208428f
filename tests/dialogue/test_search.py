"""Public threads and their published replies in the site-wide search (/cautare/, its suggestions, /api/v2/search/)
and public threads in sitemap.xml; members-only, pending, rejected and hidden threads never, nor their replies. A
thread that leaves the public set takes its replies' documents with it, and a new reply costs the same queries
however long the thread."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dialogue import services
from dialogue.models import Post, Thread, ThreadKind, Visibility
from participation.models import ModerationState
from participation.moderation import submission_moderate
from search.models import SearchDocument
from search.query import find
from tests.factories.dialogue import PostFactory, ThreadFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

M = ModerationState


def titles(query, **kwargs):
    return sorted(hit.document.title for hit in find(query, **kwargs).hits())


def found_everywhere(client, query):
    """The titles `query` finds on the search page, in its suggestions and in the API (each as a set)."""
    page = client.get("/cautare/", {"q": query}).content.decode()
    suggestions = {item["title"] for item in client.get("/cautare/sugestii/", {"q": query}).json()["suggestions"]}
    api = {item["title"] for item in client.get("/api/v2/search/", {"q": query}).json()["items"]}
    return page, suggestions, api


def has_document(obj):
    return SearchDocument.objects.for_object(obj).exists()


@pytest.fixture
def mediu(db):
    return TopicFactory(name="Mediu", slug="mediu")


def test_a_public_thread_and_its_replies_are_found(client, people, mediu):
    thread = services.thread_create(
        user=people.trusted,
        title="Compostoare în curțile blocurilor din Titan",
        text="Cum obținem **acordul vecinilor** pentru compostoare?",
        kind=ThreadKind.ASSISTANCE,
        topics=[mediu],
    )
    reply = services.reply_create(
        thread=thread, user=people.moderator, text="Primăria oferă compostoare asociațiilor de proprietari."
    )
    assert thread.moderation_state == reply.moderation_state == M.APPROVED
    thread.refresh_from_db()

    document = SearchDocument.objects.for_object(thread).get()
    assert (document.kind, document.url) == ("discutii", f"/dialog/{thread.pk}/")
    assert document.body.startswith("Cum obținem acordul vecinilor pentru compostoare?")  # the text, not its Markdown
    assert document.date == timezone.localdate(thread.last_activity_at)
    assert list(document.topics.all()) == [mediu]
    reply_document = SearchDocument.objects.for_object(reply).get()
    assert reply_document.kind == "raspunsuri-dialog"
    assert reply_document.title == "Răspuns în „Compostoare în curțile blocurilor din Titan”"
    assert reply_document.url == f"/dialog/{thread.pk}/#raspuns-{reply.pk}"
    assert list(reply_document.topics.all()) == [mediu]

    assert titles("compostoare vecinilor", kinds=["discutii"], topic="mediu") == [thread.title]
    assert titles("asociatiilor de proprietari") == [reply_document.title]
    outcome = find("compostoare")
    assert {(facet.key, str(facet.label)) for facet in outcome.kind_facets} == {
        ("discutii", "Discuții"),
        ("raspunsuri-dialog", "Răspunsuri în discuții"),
    }
    page, suggestions, api = found_everywhere(client, "compostoare")
    assert "curțile blocurilor din Titan" in page
    # The thread's title completes what is typed; "Răspuns în …" does not.
    assert suggestions == {thread.title}
    assert api == {thread.title, reply_document.title}


@pytest.mark.parametrize(
    ("visibility", "state"),
    [
        (Visibility.MEMBERS, M.APPROVED),
        (Visibility.PUBLIC, M.PENDING),
        (Visibility.MEMBERS, M.PENDING),
        (Visibility.PUBLIC, M.REJECTED),
        (Visibility.PUBLIC, M.HIDDEN),
    ],
)
def test_members_only_and_unpublished_threads_and_their_replies_are_never_found(client, visibility, state):
    thread = ThreadFactory(
        title="Tezaurul asociației de locatari", text="Parola grupului: tezaur.", visibility=visibility
    )
    reply = PostFactory(thread=thread, text="Răspuns despre tezaur și cheile subsolului.")
    Thread.objects.filter(pk=thread.pk).update(moderation_state=state)
    thread.refresh_from_db()
    thread.save()  # as a moderator's decision saves it
    assert not has_document(thread) and not has_document(reply)
    assert titles("tezaur") == []
    page, suggestions, api = found_everywhere(client, "tezaur")
    assert "Tezaurul" not in page and "subsolului" not in page
    assert suggestions == set() and api == set()


def test_hiding_a_thread_removes_it_and_its_replies_and_restoring_brings_them_back(client, people):
    thread = ThreadFactory(title="Grădina comunitară din Drumul Taberei")
    replies = [PostFactory(thread=thread, text=f"Răsaduri de roșii pentru grădină, lotul {n}.") for n in (1, 2)]
    services.thread_recount(thread.pk)
    assert titles("gradina comunitara", kinds=["discutii"]) == [thread.title]
    assert len(titles("rasaduri")) == 2

    submission_moderate(submission=thread, action="hide", by=people.moderator, reason="Date personale în text.")
    assert titles("gradina comunitara") == [] and titles("rasaduri") == []
    assert not any(has_document(item) for item in [thread, *replies])
    page, suggestions, api = found_everywhere(client, "gradina comunitara")
    assert "Drumul Taberei" not in page and suggestions == set() and api == set()

    submission_moderate(submission=thread, action="restore", by=people.moderator)
    assert titles("gradina comunitara", kinds=["discutii"]) == [thread.title]
    assert len(titles("rasaduri")) == 2


def test_a_thread_made_members_only_takes_its_replies_out(people):
    thread = ThreadFactory(title="Biciclete pentru voluntari")
    reply = PostFactory(thread=thread, text="Avem două biciclete de împrumutat.")
    services.thread_recount(thread.pk)
    assert has_document(reply)
    thread.visibility = Visibility.MEMBERS
    thread.save()
    assert not has_document(thread) and not has_document(reply)


def test_a_hidden_or_pending_reply_is_not_found_but_the_others_are(people):
    thread = ThreadFactory(title="Cantina socială din Ferentari")
    kept = services.reply_create(thread=thread, user=people.trusted, text="Oferim mese calde la prânz.")
    hidden = services.reply_create(thread=thread, user=people.trusted, text="Mese calde și un număr de telefon.")
    pending = services.reply_create(thread=thread, user=people.helper, text="Mese calde în weekend?")
    assert pending.moderation_state == M.PENDING
    submission_moderate(submission=hidden, action="hide", by=people.moderator, reason="Date personale.")
    assert has_document(kept) and not has_document(hidden) and not has_document(pending)
    assert len(titles("mese calde", kinds=["raspunsuri-dialog"])) == 1
    submission_moderate(submission=pending, action="approve", by=people.moderator)
    assert has_document(pending)


def test_a_renamed_thread_or_new_topics_reach_its_replies_documents(people, mediu):
    thread = services.thread_create(user=people.trusted, title="Titlu cu greșeală", text="Despre reciclare.")
    reply = services.reply_create(thread=thread, user=people.moderator, text="Centrele de colectare din sector.")
    services.post_edit(post=thread, user=people.trusted, title="Reciclarea în Sectorul 2", text="Despre reciclare.")
    assert SearchDocument.objects.for_object(reply).get().title == "Răspuns în „Reciclarea în Sectorul 2”"
    thread.topics.add(mediu)
    assert list(SearchDocument.objects.for_object(reply).get().topics.all()) == [mediu]


def _reply_queries(people, thread, replies):
    for _ in range(replies):
        PostFactory(thread=thread)
    services.thread_recount(thread.pk)
    with CaptureQueriesContext(connection) as queries:
        services.reply_create(thread=thread, user=people.trusted, text="Încă o idee pentru compost.")
    assert (
        Post.objects.filter(thread=thread).count()
        == SearchDocument.objects.filter(kind="raspunsuri-dialog")
        .filter(object_id__in=[str(pk) for pk in Post.objects.filter(thread=thread).values_list("pk", flat=True)])
        .count()
    )
    return len(queries)


def test_a_new_reply_costs_the_same_queries_in_a_long_thread(people):
    """Each reply saves its thread (its counters): its replies' documents are not all re-checked for that."""
    thread = ThreadFactory(title="Compost")
    _reply_queries(people, thread, 0)  # the replier's first reply there: they start following it
    assert _reply_queries(people, thread, 2) == _reply_queries(people, thread, 25)


def test_the_sitemap_lists_public_threads_with_their_latest_activity(client, home_page):
    public = ThreadFactory(title="Public")
    PostFactory(thread=public)
    services.thread_recount(public.pk)
    public.refresh_from_db()
    others = [
        ThreadFactory(visibility=Visibility.MEMBERS),
        ThreadFactory(moderation_state=M.PENDING),
        ThreadFactory(moderation_state=M.HIDDEN),
        ThreadFactory(moderation_state=M.REJECTED),
    ]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/dialog/{public.pk}/</loc><lastmod>{timezone.localdate(public.last_activity_at):%Y-%m-%d}" in sitemap
    for thread in others:
        assert f"/dialog/{thread.pk}/<" not in sitemap


def test_a_thread_approved_days_later_is_dated_by_its_approval(people):
    """Approval moves the thread to the top of the listing, and its search document carries the same date."""
    from datetime import timedelta

    thread = ThreadFactory(moderation_state=ModerationState.PENDING)
    Thread.objects.filter(pk=thread.pk).update(
        created_at=timezone.now() - timedelta(days=3), last_activity_at=timezone.now() - timedelta(days=3)
    )
    thread.refresh_from_db()
    submission_moderate(submission=thread, action="approve", by=people.moderator)
    thread.refresh_from_db()
    assert timezone.localdate(thread.last_activity_at) == timezone.localdate()
    assert SearchDocument.objects.for_object(thread).get().date == timezone.localdate()
