"""dialogue.services: premoderation, replies and quotes, the edit window, the answer that helped, closing threads,
blocks, counters after moderation, and notifications to followers (a daily digest by default)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from dialogue import services
from dialogue.models import Post, Thread, ThreadKind, Visibility, dialogue_settings
from participation.follows import is_following
from participation.models import ModerationState, Notification, NotificationPreference
from participation.moderation import member_block, submission_moderate
from participation.tasks import send_daily_digests
from tests.factories.dialogue import PostFactory, ThreadFactory
from website.ratelimit import RateLimited

pytestmark = pytest.mark.django_db


def open_thread(user, **kwargs):
    return services.thread_create(
        user=user, title=kwargs.pop("title", "Cum obținem un spațiu de la primărie?"), text="Detalii.", **kwargs
    )


def test_a_new_members_first_posts_wait_and_later_ones_appear_at_once(people):
    first = open_thread(people.helper)
    assert first.moderation_state == ModerationState.PENDING
    submission_moderate(submission=first, action="approve", by=people.moderator)
    second = services.reply_create(thread=first, user=people.helper, text="Completare.")
    assert second.moderation_state == ModerationState.PENDING
    submission_moderate(submission=second, action="approve", by=people.moderator)
    # Two approved posts: the default premoderation is over.
    third = services.reply_create(thread=first, user=people.helper, text="Încă ceva.")
    assert third.moderation_state == ModerationState.APPROVED


def test_the_team_and_trusted_members_publish_at_once_and_the_setting_can_turn_premoderation_off(people):
    assert open_thread(people.editor).moderation_state == ModerationState.APPROVED
    assert open_thread(people.editor).by_staff is True
    assert open_thread(people.trusted).moderation_state == ModerationState.APPROVED
    settings_ = dialogue_settings()
    settings_.premoderated_posts = 0
    settings_.save()
    assert open_thread(people.helper).moderation_state == ModerationState.APPROVED


def test_bad_input_is_refused_with_a_clear_message(people):
    for title, text, field in (("", "Text", "title"), ("Titlu", "   ", "text"), ("Titlu", "x" * 50_000, "text")):
        with pytest.raises(ValidationError) as error:
            services.thread_create(user=people.asker, title=title, text=text)
        assert field in error.value.message_dict
    with pytest.raises(ValidationError):
        services.thread_create(user=people.asker, title="Titlu", text="Text", kind="altceva")
    assert not Thread.objects.filter(author=people.asker).exists()


def test_only_a_member_writes_on_behalf_of_an_organization(people):
    thread = open_thread(people.asker, organization=people.ngo)
    assert thread.organization == people.ngo
    with pytest.raises(ValidationError) as error:
        open_thread(people.helper, organization=people.ngo)
    assert "organization" in error.value.message_dict


def test_anonymous_and_inactive_accounts_cannot_write(people):
    with pytest.raises(PermissionDenied):
        open_thread(people.anonymous)
    people.helper.is_active = False
    with pytest.raises(PermissionDenied):
        open_thread(people.helper)


def test_a_blocked_member_cannot_write_and_is_told_why(people):
    thread = ThreadFactory()
    member_block(user=people.helper, by=people.moderator, reason="Mesaje publicitare repetate.")
    for attempt in (lambda: open_thread(people.helper), lambda: services.reply_create(
        thread=thread, user=people.helper, text="Din nou reclamă."
    )):  # fmt: skip
        with pytest.raises(ValidationError) as error:
            attempt()
        assert "Mesaje publicitare repetate." in error.value.messages[0]
    assert not Post.objects.filter(author=people.helper).exists()


def test_a_closed_thread_takes_no_replies_and_only_moderators_close(people):
    thread = ThreadFactory()
    with pytest.raises(PermissionDenied):
        services.thread_lock(thread=thread, by=people.editor)
    services.thread_lock(thread=thread, by=people.moderator, reason="Subiect epuizat.")
    thread.refresh_from_db()
    assert thread.is_locked and thread.lock_reason == "Subiect epuizat."
    with pytest.raises(ValidationError) as error:
        services.reply_create(thread=thread, user=people.trusted, text="Încă o părere.")
    assert error.value.code == "locked"
    services.thread_unlock(thread=thread, by=people.moderator)
    assert services.reply_create(thread=thread, user=people.trusted, text="Încă o părere.").pk


def test_replies_only_to_threads_the_member_can_read(people):
    for thread in (
        ThreadFactory(moderation_state=ModerationState.PENDING),
        ThreadFactory(moderation_state=ModerationState.HIDDEN),
    ):
        with pytest.raises(PermissionDenied):
            services.reply_create(thread=thread, user=people.trusted, text="Răspuns.")
    members_only = ThreadFactory(visibility=Visibility.MEMBERS)
    assert services.reply_create(thread=members_only, user=people.trusted, text="Răspuns.").pk


def test_a_quote_must_be_a_readable_reply_of_the_same_thread(people):
    thread = ThreadFactory()
    quoted = PostFactory(thread=thread)
    reply = services.reply_create(thread=thread, user=people.trusted, text="Sunt de acord.", quote=quoted)
    assert reply.quote == quoted
    for quote in (PostFactory(), PostFactory(thread=thread, moderation_state=ModerationState.PENDING)):
        with pytest.raises(ValidationError) as error:
            services.reply_create(thread=thread, user=people.trusted, text="Citez.", quote=quote)
        assert "quote" in error.value.message_dict


def test_the_author_edits_within_the_window_and_untrusted_edits_go_back_to_moderation(people):
    settings_ = dialogue_settings()
    settings_.premoderated_posts = 1
    settings_.save()
    thread = open_thread(people.helper)
    submission_moderate(submission=thread, action="approve", by=people.moderator)
    reply = services.reply_create(thread=thread, user=people.trusted, text="Prima formă.")
    edited = services.post_edit(post=reply, user=people.trusted, text="A doua formă.")
    assert edited.edited_at and edited.moderation_state == ModerationState.APPROVED
    with pytest.raises(ValidationError):
        services.post_edit(post=reply, user=people.helper, text="Nu e al meu.")
    later = timezone.now() + timedelta(minutes=31)
    with pytest.raises(ValidationError) as error:
        services.post_edit(post=reply, user=people.trusted, text="Prea târziu.", now=later)
    assert error.value.code == "edit_window"
    # The thread's author has one approved post: with a premoderation of 1 they are trusted, with 5 not.
    settings_.premoderated_posts = 5
    settings_.save()
    thread = services.post_edit(post=thread, user=people.helper, title="Titlu nou", text="Text nou.")
    assert thread.title == "Titlu nou" and thread.moderation_state == ModerationState.PENDING


def test_the_asker_marks_the_answer_that_helped_and_its_author_hears_of_it(people):
    thread = ThreadFactory(author=people.asker, kind=ThreadKind.ASSISTANCE)
    answer = PostFactory(thread=thread, author=people.helper)
    with pytest.raises(PermissionDenied):
        services.answer_mark(thread=thread, reply=answer, user=people.helper)
    services.answer_mark(thread=thread, reply=answer, user=people.asker)
    thread.refresh_from_db()
    assert thread.accepted_reply == answer
    assert Thread.objects.solved().get() == thread
    assert Notification.objects.filter(recipient=people.helper, kind=services.NOTIFICATION_KIND).exists()
    with pytest.raises(ValidationError):
        services.answer_mark(
            thread=thread, reply=PostFactory(moderation_state=ModerationState.PENDING), user=people.asker
        )
    with pytest.raises(ValidationError) as error:
        services.answer_mark(thread=thread, reply=PostFactory(thread=thread, author=people.asker), user=people.asker)
    assert error.value.code == "own_reply"
    services.answer_unmark(thread=thread, user=people.asker)
    thread.refresh_from_db()
    assert thread.accepted_reply is None
    discussion = ThreadFactory(author=people.asker)
    with pytest.raises(PermissionDenied):
        services.answer_mark(thread=discussion, reply=PostFactory(thread=discussion), user=people.asker)


def test_counters_follow_moderation_and_hiding_the_helpful_answer_unmarks_it(people):
    thread = ThreadFactory(author=people.asker, kind=ThreadKind.ASSISTANCE)
    pending = services.reply_create(thread=thread, user=people.helper, text="Răspuns de verificat.")
    thread.refresh_from_db()
    assert thread.reply_count == 0
    submission_moderate(submission=pending, action="approve", by=people.moderator)
    thread.refresh_from_db()
    assert thread.reply_count == 1 and thread.last_activity_at >= pending.created_at
    services.answer_mark(thread=thread, reply=pending, user=people.asker)
    submission_moderate(submission=pending, action="hide", by=people.moderator, reason="Date personale.")
    thread.refresh_from_db()
    assert thread.reply_count == 0 and thread.accepted_reply is None


def test_rate_limit_on_posting_too_fast(people, rf):
    request = rf.post("/dialog/nou/", REMOTE_ADDR="203.0.113.9")
    request.user = people.trusted
    with override_settings(RATE_LIMITS={"dialogue_post": {"user": "2/m"}}):
        open_thread(people.trusted, request=request)
        open_thread(people.trusted, request=request)
        with pytest.raises(RateLimited):
            open_thread(people.trusted, request=request)
    assert Thread.objects.filter(author=people.trusted).count() == 2


@pytest.mark.django_db(transaction=True)
def test_followers_get_one_digest_of_the_replies_not_one_email_each(people):
    thread = ThreadFactory(author=people.asker, title="Colectare selectivă în blocuri")
    from participation.follows import follow

    follow(user=people.asker, obj=thread)
    for number in range(3):
        services.reply_create(thread=thread, user=people.trusted, text=f"Sugestia numărul {number}.")
    assert is_following(user=people.trusted, obj=thread)
    # Daily by default: nothing is emailed at the moment of the replies, and the replier hears nothing of their own.
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=people.asker).count() == 3
    assert not Notification.objects.filter(recipient=people.trusted).exists()

    assert send_daily_digests.call() == 1
    (digest,) = mail.outbox
    assert digest.to == [people.asker.email]
    assert digest.body.count("Colectare selectivă în blocuri") == 3
    assert "/dialog/" in digest.body and "/dezabonare/" in digest.body
    assert "Răspunsuri în discuțiile pe care le urmăriți" in digest.body


@pytest.mark.django_db(transaction=True)
def test_a_member_who_wants_replies_at_once_gets_them_at_once(people):
    thread = ThreadFactory(author=people.asker)
    from participation.follows import follow

    follow(user=people.asker, obj=thread)
    NotificationPreference.objects.create(user=people.asker, kind=services.NOTIFICATION_KIND, frequency="imediat")
    services.reply_create(thread=thread, user=people.trusted, text="Vă pot ajuta cu un model de cerere.")
    (message,) = mail.outbox
    assert message.to == [people.asker.email]
    assert "Vă pot ajuta cu un model de cerere." in message.body


def test_a_pending_reply_notifies_followers_only_once_approved(people):
    thread = ThreadFactory(author=people.asker)
    from participation.follows import follow

    follow(user=people.asker, obj=thread)
    reply = services.reply_create(thread=thread, user=people.helper, text="Răspuns nou.")
    assert not Notification.objects.filter(recipient=people.asker).exists()
    submission_moderate(submission=reply, action="approve", by=people.moderator)
    assert Notification.objects.filter(recipient=people.asker, kind=services.NOTIFICATION_KIND).count() == 1


def test_marking_answers_back_and_forth_is_rate_limited(people, rf):
    """Each mark tells the reply's author: marking over and over is stopped like posting too fast."""
    thread = ThreadFactory(author=people.asker, kind=ThreadKind.ASSISTANCE)
    answer = PostFactory(thread=thread, author=people.helper)
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    request.user = people.asker
    with override_settings(RATE_LIMITS={"dialogue_post": {"user": "2/m"}}):
        for _attempt in range(2):
            services.answer_mark(thread=thread, reply=answer, user=people.asker, request=request)
        with pytest.raises(RateLimited):
            services.answer_mark(thread=thread, reply=answer, user=people.asker, request=request)
    assert Notification.objects.filter(recipient=people.helper, kind=services.NOTIFICATION_KIND).count() == 2
