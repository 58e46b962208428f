"""`/api/v2/threads/`: public approved threads only, with their published replies; authors by public name (never an
email or a user id); members' text as plain text and sanitised HTML; the website's filters, search and order,
strict (400); constant queries however many threads and replies."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogue import services
from dialogue.models import Post, Thread, ThreadKind, Visibility
from participation.models import ModerationState
from participation.moderation import submission_moderate
from tests.factories.dialogue import PostFactory, ThreadFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.members import UserFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

URL = "/api/v2/threads/"
M = ModerationState


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(response):
    return {item["title"] for item in items(response)}


def refused(response, text):
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    assert text in response.json()["message"]


@pytest.fixture
def threads(db):
    """A public thread, and one of each kind that must never leave the site."""
    return {
        "public": ThreadFactory(title="Public"),
        "members": ThreadFactory(title="Doar pentru membri", visibility=Visibility.MEMBERS),
        "pending": ThreadFactory(title="În așteptare", moderation_state=M.PENDING),
        "rejected": ThreadFactory(title="Respins", moderation_state=M.REJECTED),
        "hidden": ThreadFactory(title="Ascuns", moderation_state=M.HIDDEN),
        "members_pending": ThreadFactory(
            title="Membri, în așteptare", visibility=Visibility.MEMBERS, moderation_state=M.PENDING
        ),
    }


def test_public_approved_threads_only_in_the_uniform_list_shape(client, threads):
    response = client.get(URL)
    assert titles(response) == {"Public"}
    assert response.json()["meta"] == {"total_count": 1}
    for name, thread in threads.items():
        detail = client.get(f"{URL}{thread.pk}/")
        assert detail.status_code == (200 if name == "public" else 404), name
        assert client.get(f"{URL}find/", {"id": thread.pk}).status_code == (302 if name == "public" else 404)


def test_a_thread_that_becomes_members_only_or_hidden_leaves_the_api(client, people):
    topic = TopicFactory(name="Mediu", slug="mediu")
    thread = ThreadFactory(title="Colectarea selectivă în Sectorul 3", topics=[topic])
    query = {"topic": "mediu"}
    assert titles(client.get(URL, query)) == {thread.title}
    submission_moderate(submission=thread, action="hide", by=people.moderator, reason="Conținut publicitar.")
    assert titles(client.get(URL, query)) == set()
    submission_moderate(submission=thread, action="restore", by=people.moderator)
    assert titles(client.get(URL, query)) == {thread.title}
    Thread.objects.filter(pk=thread.pk).update(visibility=Visibility.MEMBERS)
    assert titles(client.get(URL, query)) == set()
    assert client.get(f"{URL}{thread.pk}/").status_code == 404


@pytest.fixture
def answered(people):
    """An assistance request by an NGO, with a staff answer (marked helpful), a reply quoting it, a reply quoting a
    hidden one, and replies that must not show (pending, rejected, hidden)."""
    topic = TopicFactory(name="Economie socială", slug="economie-sociala")
    thread = services.thread_create(
        user=people.asker,
        title="Cum obținem atestatul de întreprindere socială?",
        text="Am citit **Legea 219/2015**.\n\n<script>alert('x')</script> Vedeți https://exemplu.ro/ghid",
        kind=ThreadKind.ASSISTANCE,
        topics=[topic],
        organization=people.ngo,
    )
    submission_moderate(submission=thread, action="approve", by=people.moderator)
    staff = services.reply_create(
        thread=thread, user=people.moderator, text="La AMOFM București, cu actul constitutiv."
    )
    quoting = services.reply_create(thread=thread, user=people.trusted, text="Confirm.", quote=staff)
    hidden = services.reply_create(thread=thread, user=people.trusted, text="Un mesaj ascuns ulterior.")
    quoting_hidden = services.reply_create(thread=thread, user=people.trusted, text="Răspund.", quote=hidden)
    submission_moderate(submission=hidden, action="hide", by=people.moderator, reason="Date personale.")
    pending = services.reply_create(thread=thread, user=people.helper, text="Primul meu mesaj, în așteptare.")
    assert pending.moderation_state == M.PENDING
    PostFactory(thread=thread, text="Respins de moderatori.", moderation_state=M.REJECTED)
    services.answer_mark(thread=thread, reply=staff, user=people.asker)
    return thread, {"staff": staff, "quoting": quoting, "quoting_hidden": quoting_hidden, "hidden": hidden}


def test_a_thread_with_its_published_replies(client, people, answered):
    thread, replies = answered
    thread.refresh_from_db()
    body = client.get(f"{URL}{thread.pk}/").json()
    assert body["id"] == thread.pk
    assert body["meta"]["html_url"] == f"http://testserver/dialog/{thread.pk}/"
    assert body["meta"]["detail_url"] == f"http://testserver/api/v2/threads/{thread.pk}/"
    assert body["title"] == "Cum obținem atestatul de întreprindere socială?"
    assert (body["kind"], body["kind_label"]) == ("asistenta", "cerere de asistență")
    assert body["topics"] == [{"id": thread.topics.get().pk, "name": "Economie socială", "slug": "economie-sociala"}]
    assert body["author"] == "Asociația Vecinii Solidari"
    assert body["organization"] == {
        "id": people.ngo.pk,
        "name": "Asociația Vecinii Solidari",
        "slug": people.ngo.slug,
        "detail_url": f"http://testserver/api/v2/organizations/{people.ngo.pk}/",
        "html_url": f"http://testserver/organizatii/{people.ngo.slug}/",
    }
    assert body["by_staff"] is False
    assert body["reply_count"] == 3
    assert (body["solved"], body["accepted_reply"], body["locked"]) == (True, replies["staff"].pk, False)
    # Plain text without the Markdown (what was typed as HTML stays text); the HTML sanitised as the website shows it.
    assert body["text"] == "Am citit Legea 219/2015. <script>alert('x')</script> Vedeți https://exemplu.ro/ghid"
    assert "<strong>Legea 219/2015</strong>" in body["text_html"]
    assert "<script" not in body["text_html"] and "&lt;script&gt;" in body["text_html"]
    assert 'rel="nofollow ugc noopener"' in body["text_html"]
    # Approved replies only, oldest first, the helpful one marked; a quote of a hidden reply is not given.
    assert [reply["id"] for reply in body["replies"]] == [
        replies["staff"].pk,
        replies["quoting"].pk,
        replies["quoting_hidden"].pk,
    ]
    staff, quoting, quoting_hidden = body["replies"]
    assert staff["accepted"] is True and staff["by_staff"] is True and staff["quote"] is None
    assert staff["author"] == people.moderator.get_full_name()
    assert staff["organization"] is None
    assert staff["text"] == "La AMOFM București, cu actul constitutiv."
    assert staff["text_html"] == "<p>La AMOFM București, cu actul constitutiv.</p>\n"
    assert quoting["accepted"] is False and quoting["quote"] == replies["staff"].pk
    assert quoting_hidden["quote"] is None
    assert body["last_activity_at"] >= body["created_at"]


def test_nothing_private_appears(client, people, answered):
    thread, _replies = answered
    ThreadFactory(title="Secret", text="Doar pentru membri", visibility=Visibility.MEMBERS)
    content = client.get(URL, {"fields": "*"}).content.decode() + client.get(f"{URL}{thread.pk}/").content.decode()
    for private in (
        "Un mesaj ascuns ulterior",
        "în așteptare",
        "Respins de moderatori",
        "Date personale",
        "Secret",
        "Doar pentru membri",
    ):
        assert private not in content
    for user in (people.asker, people.trusted, people.moderator, people.helper):
        assert user.email not in content
        assert user.username not in content
    assert '"author_id"' not in content and '"user"' not in content


def test_replies_in_a_list_only_when_asked_for(client, answered):
    thread, _replies = answered
    assert "replies" not in items(client.get(URL, {"kind": "asistenta"}))[0]
    listed = items(client.get(URL, {"fields": "replies", "kind": "asistenta"}))[0]
    assert [reply["id"] for reply in listed["replies"]] == [
        reply["id"] for reply in client.get(f"{URL}{thread.pk}/").json()["replies"]
    ]


@pytest.fixture
def filtered(db):
    mediu = TopicFactory(name="Mediu", slug="mediu")
    social = TopicFactory(name="Incluziune socială", slug="incluziune-sociala")
    compost = ThreadFactory(
        title="Compost în curțile blocurilor", text="Compostoare pentru asociații.", topics=[mediu]
    )
    unanswered = ThreadFactory(title="Deșeuri electrice", kind=ThreadKind.ASSISTANCE, topics=[mediu])
    solved = ThreadFactory(title="Atestat social", kind=ThreadKind.ASSISTANCE, topics=[social])
    for thread in (compost, solved):
        PostFactory(thread=thread)
        services.thread_recount(thread.pk)
    Thread.objects.filter(pk=solved.pk).update(accepted_reply=solved.posts.get())
    ThreadFactory(title="Membri: compost", topics=[mediu], visibility=Visibility.MEMBERS)
    return compost, unanswered, solved


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Compost în curțile blocurilor", "Deșeuri electrice", "Atestat social"}),
        ({"topic": "mediu"}, {"Compost în curțile blocurilor", "Deșeuri electrice"}),
        ({"kind": "asistenta"}, {"Deșeuri electrice", "Atestat social"}),
        ({"kind": "discutie"}, {"Compost în curțile blocurilor"}),
        ({"state": "fara-raspuns"}, {"Deșeuri electrice"}),
        ({"state": "cu-raspuns"}, {"Compost în curțile blocurilor", "Atestat social"}),
        ({"state": "rezolvate"}, {"Atestat social"}),
        ({"kind": "asistenta", "topic": "mediu"}, {"Deșeuri electrice"}),
        ({"search": "compostoare"}, {"Compost în curțile blocurilor"}),
        ({"search": "deseuri"}, {"Deșeuri electrice"}),
        ({"search": "compost", "kind": "asistenta"}, set()),
    ],
)
def test_filters(filtered, client, query, expected):
    response = client.get(URL, query)
    assert titles(response) == expected
    assert response.json()["meta"]["total_count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "anunt"}, "unknown kind: anunt"),
        ({"state": "solved"}, "unknown state: solved"),
        ({"topic": "nu-exista"}, "unknown topic"),
        ({"state": ""}, "state: give a value"),
        ({"tip": "asistenta"}, "not an operation or a recognised filter: tip"),
        ({"visibility": "membri"}, "not an operation or a recognised filter: visibility"),
        ({"title": "Compost"}, "not an operation or a recognised filter: title"),
        ({"order": "visibility"}, "cannot order by 'visibility'"),
        ({"order": "-author"}, "cannot order by '-author'"),
        ({"fields": "email"}, "unknown fields: email"),
        ({"search": '"compost"'}, "double quotes"),
    ],
)
def test_bad_parameters_are_a_json_400(filtered, client, query, message):
    refused(client.get(URL, query), message)


def test_order_limit_and_offset(filtered, client):
    compost, unanswered, solved = filtered
    # By default the latest activity first: the thread replied to last comes first.
    assert [item["id"] for item in items(client.get(URL))][0] == solved.pk
    by_title = [item["title"] for item in items(client.get(URL, {"order": "title"}))]
    assert by_title == sorted(by_title)
    by_replies = [item["reply_count"] for item in items(client.get(URL, {"order": "-reply_count,title"}))]
    assert by_replies == [1, 1, 0]
    assert [item["id"] for item in items(client.get(URL, {"order": "id", "limit": 1, "offset": 1}))] == [unanswered.pk]
    refused(client.get(URL, {"limit": 1000}), "limit")


def _listing_queries(client, topic, count):
    organization = OrganizationFactory()
    for number in range(count):
        thread = ThreadFactory(topics=[topic], organization=organization if number % 2 else None)
        for _ in range(2):
            PostFactory(thread=thread, author=UserFactory(), organization=organization)
        services.thread_recount(thread.pk)
    ThreadFactory(visibility=Visibility.MEMBERS, topics=[topic])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"fields": "*", "topic": "mediu", "limit": 20})
    assert len(items(response)) == Thread.objects.public().count()
    assert all(len(item["replies"]) == 2 for item in response.json()["items"])
    return len(queries)


def test_the_list_reads_in_as_many_queries_for_3_threads_as_for_15(db, client):
    topic = TopicFactory(name="Mediu", slug="mediu")
    few = _listing_queries(client, topic, 3)
    many = _listing_queries(client, topic, 12)
    assert few == many <= 8


def _detail_queries(client, thread, replies):
    for _ in range(replies):
        PostFactory(thread=thread, author=UserFactory(), organization=OrganizationFactory())
    services.thread_recount(thread.pk)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{URL}{thread.pk}/")
    assert len(response.json()["replies"]) == Post.objects.filter(thread=thread).count()
    return len(queries)


def test_a_long_thread_reads_in_as_many_queries_as_a_short_one(db, client):
    thread = ThreadFactory(topics=[TopicFactory()])
    assert _detail_queries(client, thread, 2) == _detail_queries(client, thread, 30) <= 8
