"""Threads and replies in the Wagtail admin ("Dialog"), through real requests as a moderator and an editor: the
listings and their filters in constant queries, closing and reopening a thread (moderators only), the links to the
moderation core, and the one moderation queue, where a pending thread waits and is published."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dialogue import services
from dialogue.models import Thread, ThreadKind, Visibility
from participation.models import ModerationState, TransitionLog
from tests.factories.dialogue import PostFactory, ThreadFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.members import UserFactory
from tests.factories.website import TopicFactory
from website.groups import EDITORS, MODERATORS, setup_groups

pytestmark = pytest.mark.django_db

THREADS = "dialogue_thread:index"
REPLIES = "dialogue_post:index"


@pytest.fixture
def staff(db):
    """An editor and a moderator of the platform's team, with the groups' permissions the apps register."""
    groups = setup_groups()
    editor = UserFactory(first_name="Elena", last_name="Editor")
    editor.groups.add(groups[EDITORS])
    moderator = UserFactory(first_name="Mara", last_name="Moderator")
    moderator.groups.add(groups[MODERATORS])
    return editor, moderator


def listed(response):
    assert response.status_code == 200
    return {item.pk for item in response.context["object_list"]}


def lock_url(thread):
    return reverse("dialogue_thread:lock", args=[thread.pk])


def test_both_listings_answer_the_team_and_name_authors_never_by_email(client, staff):
    editor, moderator = staff
    author = UserFactory(first_name="Ana", last_name="Popescu", email="ana.secret@example.org")
    ngo = OrganizationFactory(name="Asociația Vecinii Solidari")
    thread = ThreadFactory(title="Compost în curțile blocurilor", author=author, organization=ngo)
    reply = PostFactory(thread=thread, author=author, organization=ngo, text="Un răspuns despre compostoare.")
    thread.topics.add(TopicFactory(name="Mediu"))
    for user in (editor, moderator):
        client.force_login(user)
        for name in (THREADS, REPLIES):
            response = client.get(reverse(name))
            assert listed(response)
            assert "Ana Popescu, pentru Asociația Vecinii Solidari" in response.content.decode()
            assert "ana.secret@example.org" not in response.content.decode()
        for name, item in (("dialogue_thread:inspect", thread), ("dialogue_post:inspect", reply)):
            response = client.get(reverse(name, args=[item.pk]))
            assert response.status_code == 200
            page = response.content.decode()
            assert "Ana Popescu, pentru Asociația Vecinii Solidari" in page and "ana.secret" not in page
            assert name != "dialogue_thread:inspect" or "Mediu" in page
    client.force_login(UserFactory())
    assert client.get(reverse(THREADS)).status_code == 302  # a member is sent to the admin's login


def test_the_thread_listing_filters_and_searches(client, staff):
    _editor, moderator = staff
    public = ThreadFactory(title="Compost în curțile blocurilor")
    request = ThreadFactory(title="Deșeuri electrice", kind=ThreadKind.ASSISTANCE)
    members = ThreadFactory(title="Strategia Sectorului 3", visibility=Visibility.MEMBERS)
    pending = ThreadFactory(title="Prima mea întrebare", moderation_state=ModerationState.PENDING)
    services.thread_lock(thread=members, by=moderator, reason="Discuția s-a încheiat.")
    client.force_login(moderator)
    url = reverse(THREADS)
    assert {public.pk, request.pk, members.pk, pending.pk} <= listed(client.get(url))
    assert listed(client.get(url, {"kind": "asistenta"})) == {request.pk}
    assert listed(client.get(url, {"visibility": "membri"})) == {members.pk}
    assert listed(client.get(url, {"moderation_state": "pending"})) == {pending.pk}
    assert listed(client.get(url, {"locked": "true"})) == {members.pk}
    assert members.pk not in listed(client.get(url, {"locked": "false"}))
    assert listed(client.get(url, {"q": "deseuri"})) | listed(client.get(url, {"q": "Deșeuri"})) == {request.pk}


def test_moderators_see_the_actions_editors_do_not(client, staff):
    editor, moderator = staff
    thread = ThreadFactory(title="Compost în curțile blocurilor")
    client.force_login(moderator)
    page = client.get(reverse(THREADS)).content.decode()
    assert lock_url(thread) in page
    assert reverse("participation_moderation:decide", args=["discutii", thread.pk]) in page
    assert f"{reverse('participation_block:add')}?user={thread.author_id}" in page
    assert f"/dialog/{thread.pk}/" in page
    # The block form opens on that member.
    form = client.get(reverse("participation_block:add"), {"user": thread.author_id}).content.decode()
    assert f'<option value="{thread.author_id}" selected>' in form
    assert client.get(reverse("participation_block:add"), {"user": "99999999999999999999"}).status_code == 200
    client.force_login(editor)
    page = client.get(reverse(THREADS)).content.decode()
    assert lock_url(thread) not in page
    assert reverse("participation_block:add") not in page


def test_editors_cannot_close_a_thread(client, staff):
    editor, _moderator = staff
    thread = ThreadFactory()
    client.force_login(editor)
    # Wagtail's answer to a refused admin view: back to the dashboard, with a message.
    for response in (client.get(lock_url(thread)), client.post(lock_url(thread), {"action": "lock", "reason": "Nu."})):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    thread.refresh_from_db()
    assert not thread.is_locked


def test_a_moderator_closes_a_thread_which_then_refuses_replies_and_reopens_it(client, staff):
    _editor, moderator = staff
    thread = ThreadFactory(title="Ziua porților deschise")
    member = UserFactory()
    client.force_login(moderator)
    form = client.get(lock_url(thread))
    assert form.status_code == 200 and "Ziua porților deschise" in form.content.decode()
    response = client.post(lock_url(thread), {"action": "lock", "reason": "Evenimentul a avut loc."})
    assert response.status_code == 302 and response["Location"] == reverse(THREADS)
    thread.refresh_from_db()
    assert thread.is_locked and thread.locked_by == moderator and thread.lock_reason == "Evenimentul a avut loc."
    with pytest.raises(ValidationError) as refused:
        services.reply_create(thread=thread, user=member, text="Încă o întrebare.")
    assert refused.value.code == "locked"
    assert "Evenimentul a avut loc." in client.get(lock_url(thread)).content.decode()

    client.post(lock_url(thread), {"action": "unlock"})
    thread.refresh_from_db()
    assert not thread.is_locked and thread.lock_reason == ""
    assert services.reply_create(thread=thread, user=member, text="Mulțumim!").thread_id == thread.pk


def test_an_unknown_thread_is_a_404(client, staff):
    client.force_login(staff[1])
    assert client.get(reverse("dialogue_thread:lock", args=[2**63])).status_code == 404
    assert client.get(reverse("dialogue_thread:lock", args=[999999])).status_code == 404


def test_the_queue_lists_a_pending_thread_and_approving_it_publishes_it(client, staff):
    _editor, moderator = staff
    author = UserFactory()
    thread = services.thread_create(user=author, title="Prima noastră cerere de asistență", text="Cum procedăm?")
    assert thread.moderation_state == ModerationState.PENDING
    client.force_login(moderator)
    queue = client.get("/admin/moderare/", {"tip": "discutii"}).content.decode()
    decide = reverse("participation_moderation:decide", args=["discutii", thread.pk])
    assert "Prima noastră cerere de asistență" in queue and decide in queue
    assert client.get("/api/v2/threads/").json()["meta"]["total_count"] == 0

    response = client.post(decide, {"action": "approve"})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.moderation_state == ModerationState.APPROVED
    assert Thread.objects.public().filter(pk=thread.pk).exists()
    assert TransitionLog.objects.for_object(thread).get().actor == moderator
    client.logout()
    assert client.get(f"/dialog/{thread.pk}/").status_code == 200
    assert [item["id"] for item in client.get("/api/v2/threads/").json()["items"]] == [thread.pk]


def test_a_pending_reply_waits_in_the_queue_too(client, staff):
    _editor, moderator = staff
    thread = ThreadFactory(title="Compost")
    reply = services.reply_create(thread=thread, user=UserFactory(), text="Primul meu răspuns, despre compost.")
    client.force_login(moderator)
    queue = client.get("/admin/moderare/", {"tip": "raspunsuri-dialog"}).content.decode()
    assert reverse("participation_moderation:decide", args=["raspunsuri-dialog", reply.pk]) in queue
    assert listed(client.get(reverse(REPLIES), {"moderation_state": "pending"})) == {reply.pk}


def _listing_queries(client, name, count):
    for _ in range(count):
        thread = ThreadFactory(author=UserFactory(), organization=OrganizationFactory())
        PostFactory(thread=thread, author=UserFactory(), organization=OrganizationFactory())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name))
    assert len(response.context["object_list"]) == (Thread if name == THREADS else thread.posts.model).objects.count()
    return len(queries)


@pytest.mark.parametrize("name", [THREADS, REPLIES])
def test_the_listings_read_in_as_many_queries_for_3_rows_as_for_15(client, staff, name):
    client.force_login(staff[1])
    assert _listing_queries(client, name, 3) == _listing_queries(client, name, 12)
