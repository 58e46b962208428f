"""The demo dialogue: discussions and assistance requests of both visibilities by the demo members, an authority and
the platform's team, with an answered and an unanswered request, a closed thread, a reported reply and a reply
waiting for the moderators; seeding twice adds nothing, and nothing for members only leaves the site."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from dialogue import demo as dialogue_demo
from dialogue.models import DialogueSettings, Post, Thread, ThreadKind, Visibility
from directory import demo as directory_demo
from members import demo as members_demo
from participation.models import Follow, ModerationState, Notification, Report, TransitionLog
from proposals import demo as proposals_demo
from tests.conftest import once_per_module
from website import demo as website_demo
from website.groups import EDITORS, setup_groups
from website.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """The demo the dialogue's builds on, and the dialogue's, seeded once for this module's tests."""
    with once_per_module(django_db_blocker) as (home, unblocked):
        with unblocked():
            groups = setup_groups()
            editor = get_user_model().objects.create_user(
                "editor", "editor@example.org", "x", first_name="Elena", last_name="Editor"
            )
            editor.groups.add(groups[EDITORS])
            topics = website_demo.topics()
            directory_demo.seed(home=home, topics=topics)
            members_demo.seed(home=home, topics=topics)
            proposals_demo.seed(home=home, topics=topics)
            assert dialogue_demo.seed(home=home, topics=topics) == []
        yield home, topics


@pytest.fixture
def home_page(seeded_once, db):
    return seeded_once[0]


@pytest.fixture
def seeded(seeded_once, db):
    return seeded_once[1]


def counts():
    return (
        Thread.objects.count(),
        Post.objects.count(),
        Thread.topics.through.objects.count(),
        Report.objects.count(),
        TransitionLog.objects.count(),
        Notification.objects.count(),
        Follow.objects.count(),
        list(Thread.objects.values_list("pk", "reply_count", "last_activity_at", "locked_at", "accepted_reply")),
    )


def test_seeding_twice_changes_nothing(seeded, home_page):
    first = counts()
    assert first[0] == len(dialogue_demo.load_data(dialogue_demo.DATA)["threads"])
    assert dialogue_demo.seed(home=home_page, topics=seeded) == []
    assert counts() == first


def test_every_kind_of_thread_and_reply(seeded):
    threads = list(Thread.objects.select_related("author"))
    assert {(thread.kind, thread.visibility) for thread in threads} == {
        (kind, visibility) for kind in ThreadKind.values for visibility in Visibility.values
    }
    assert all(thread.moderation_state == ModerationState.APPROVED for thread in threads)
    requests = [thread for thread in threads if thread.is_assistance and not thread.is_members_only]
    solved = [thread for thread in requests if thread.accepted_reply_id]
    assert len(solved) == 1 and solved[0].accepted_reply.by_staff
    assert [thread for thread in requests if thread.reply_count == 0]
    assert [thread for thread in threads if thread.by_staff and thread.author.username == "editor"]
    assert [thread for thread in threads if thread.is_locked and thread.lock_reason]
    assert (
        Thread.objects.filter(organization__name="Primăria Sectorului 3").exists()
        or Post.objects.filter(organization__name="Primăria Sectorului 3").exists()
    )
    # Replies: one quoting another, one waiting for the moderators, one reported (and the report still open).
    assert Post.objects.filter(quote__isnull=False, moderation_state=ModerationState.APPROVED).count() >= 2
    pending = Post.objects.get(moderation_state=ModerationState.PENDING)
    assert pending.author.username == "ioana.dumitrescu@example.org"
    report = Report.objects.get(content_type=ContentType.objects.get_for_model(Post))
    assert report.resolved_at is None and report.target.moderation_state == ModerationState.APPROVED
    # The counters the services keep match the replies, and the latest activity is the latest approved reply.
    for thread in threads:
        approved = thread.posts.filter(moderation_state=ModerationState.APPROVED)
        assert thread.reply_count == approved.count()
        latest = approved.order_by("-created_at").first()
        assert thread.last_activity_at == (latest.created_at if latest else thread.created_at)
        assert all(post.created_at > thread.created_at for post in thread.posts.all())
    # Members' first posts were approved by the demo moderator, after they were written.
    approvals = TransitionLog.objects.filter(action="approve", actor__username="moderator")
    assert approvals.exists()
    for log in approvals:
        assert log.created_at > log.target.created_at


def test_nothing_for_members_only_is_public(seeded, client):
    members_only = Thread.objects.filter(visibility=Visibility.MEMBERS)
    assert members_only.exists()
    assert not Thread.objects.public().filter(pk__in=members_only).exists()
    assert not Post.objects.public().filter(thread__in=members_only).exists()
    api = client.get("/api/v2/threads/", {"fields": "*", "limit": 20}).json()
    assert {item["id"] for item in api["items"]} == set(Thread.objects.public().values_list("pk", flat=True))
    listed = json.dumps(api, ensure_ascii=False)
    for thread in members_only:
        assert thread.title not in listed
        assert client.get(f"/dialog/{thread.pk}/").status_code != 200
    for thread in Thread.objects.public():
        assert client.get(f"/dialog/{thread.pk}/").status_code == 200
    assert client.get("/dialog/").status_code == 200


def test_the_rules_and_the_group_link_are_set_once(seeded, home_page):
    site = home_page.get_site()
    rules = DialogueSettings.for_site(site).rules
    assert rules.startswith("Spațiul de dialog este deschis membrilor platformei")
    assert SiteSettings.for_site(site).discussion_group_url.startswith("https://")
    # What staff wrote is kept.
    settings = DialogueSettings.for_site(site)
    settings.rules = "Regulile noastre."
    settings.save()
    dialogue_demo.seed(home=home_page, topics=seeded)
    assert DialogueSettings.for_site(site).rules == "Regulile noastre."


def test_the_demo_text_uses_comma_below_diacritics():
    text = dialogue_demo.DATA.read_text(encoding="utf-8")
    assert not set("şţŞŢ") & set(text)
    assert "ș" in text and "ț" in text
