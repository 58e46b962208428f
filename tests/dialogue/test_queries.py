"""Queries per request do not grow with the number of threads listed on /dialog/, nor with the replies of a thread
(quotes, organizations, the team's badge, the answer that helped, own replies and their flags included), for
anonymous readers and for logged-in members."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dialogue import services
from dialogue.models import Post, Thread, ThreadKind, Visibility
from participation.models import ModerationState
from tests.factories.dialogue import PostFactory, ThreadFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(home_page):
    return home_page


def queries(client, url):
    """How many queries a second GET of `url` makes (the first warms the per-process caches)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_threads(count, people):
    topics = [TopicFactory() for _n in range(3)]
    organization = OrganizationFactory(live=True)
    for n in range(count):
        thread = ThreadFactory(
            kind=ThreadKind.ASSISTANCE if n % 2 else ThreadKind.DISCUSSION,
            visibility=Visibility.MEMBERS if n % 3 == 0 else Visibility.PUBLIC,
            organization=organization if n % 2 else None,
            topics=topics[: n % 3 + 1],
        )
        PostFactory(thread=thread, author=people.trusted)
        services.thread_recount(thread.pk)
    # The member's own thread waiting for moderation, shown to them with its badge.
    ThreadFactory(author=people.helper, moderation_state=ModerationState.PENDING)


@pytest.mark.parametrize("logged_in", [False, True])
def test_the_listing_does_not_grow_with_the_threads(client, people, logged_in, django_assert_max_num_queries):
    if logged_in:
        client.force_login(people.helper)
    add_threads(5, people)
    few = queries(client, "/dialog/")
    add_threads(20, people)
    with django_assert_max_num_queries(few):
        response = client.get("/dialog/", {"tip": "asistenta"})
    assert response.status_code == 200
    with django_assert_max_num_queries(few):
        response = client.get("/dialog/")
    listed = Thread.objects.visible_to(people.helper if logged_in else people.anonymous).count()
    assert listed > 20 if logged_in else listed > 15
    assert response.content.decode().count('class="card thread-card"') == min(listed, 20)


def lengthen(thread, people, count, *, start=0):
    """`count` more replies: by members and the team, some for an organization, each quoting the one before, a few
    of the reader's own (old enough to be past the edit window) and a hidden one."""
    organization = OrganizationFactory(live=True)
    previous = Post.objects.filter(thread=thread).order_by("-pk").first()
    long_ago = timezone.now() - timedelta(hours=3)
    for n in range(start, start + count):
        author = (people.trusted, people.editor, people.asker, people.helper)[n % 4]
        post = PostFactory(
            thread=thread,
            author=author,
            organization=organization if n % 5 == 0 else None,
            quote=previous,
            by_staff=author == people.editor,
            moderation_state=ModerationState.HIDDEN if n % 7 == 6 else ModerationState.APPROVED,
        )
        if author == people.helper:
            Post.objects.filter(pk=post.pk).update(created_at=long_ago)
        previous = post
    services.thread_recount(thread.pk)


@pytest.mark.parametrize("reader", ["anonymous", "member", "asker", "moderator"])
def test_a_thread_page_does_not_grow_with_its_replies(client, people, reader, django_assert_max_num_queries):
    thread = ThreadFactory(
        author=people.asker, kind=ThreadKind.ASSISTANCE, organization=people.ngo, topics=[TopicFactory()]
    )
    user = {"anonymous": None, "member": people.helper, "asker": people.asker, "moderator": people.moderator}[reader]
    if user:
        client.force_login(user)
    lengthen(thread, people, 5)
    accepted = Post.objects.filter(thread=thread, moderation_state=ModerationState.APPROVED).first()
    services.answer_mark(thread=thread, reply=accepted, user=people.asker)
    # One reply of the reader's own inside the edit window: its "Modifică" link, in both measures.
    if user:
        PostFactory(thread=thread, author=user, text="Răspunsul meu recent.")
    address = f"/dialog/{thread.pk}/"
    few = queries(client, address)
    lengthen(thread, people, 55, start=5)
    with django_assert_max_num_queries(few):
        response = client.get(address)
    page = response.content.decode()
    visible = Post.objects.visible_to(user or people.anonymous).filter(thread=thread).count()
    assert page.count('<li class="post') == visible >= 50
    assert page.count('class="post__quote"') >= 40
    assert "Răspunsul care a ajutat" in page
    if reader == "member":
        assert page.count("/modifica/") == 1  # only the recent own reply (the old ones are past the window)
    if reader == "asker":
        # The thread and every recent reply of theirs carry "Modifică", in the same number of queries.
        assert page.count("/modifica/") > 10


def add_own_posts(count, people):
    organization = OrganizationFactory(live=True)
    for n in range(count):
        thread = ThreadFactory(
            author=people.helper, topics=[TopicFactory()], organization=organization if n % 2 else None
        )
        PostFactory(
            thread=thread, author=people.helper, moderation_state=ModerationState.REJECTED if n % 3 else "approved"
        )


@pytest.mark.parametrize("view", ["discutii", "raspunsuri"])
def test_my_discussions_do_not_grow_with_the_posts(client, people, view):
    client.force_login(people.helper)
    url = f"/contul-meu/dialog/?vedere={view}"
    add_own_posts(3, people)
    few = queries(client, url)
    add_own_posts(15, people)
    assert queries(client, url) <= few


def test_the_feed_does_not_grow_with_the_threads(client, people):
    add_threads(3, people)
    few = queries(client, "/dialog/feed/")
    add_threads(15, people)
    assert queries(client, "/dialog/feed/") <= few
