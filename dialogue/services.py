"""Everything that changes the dialogue: opening a thread, replying, editing, marking the answer that helped,
closing a thread, and what follows a moderator's decision. Views, the admin and the demo go through these.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.follows import follow, followers
from participation.models import ModerationState
from participation.moderation import ensure_can_submit
from participation.notifications import notify
from website import ratelimit

from . import permissions
from .models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Post, Thread, ThreadKind, Visibility, dialogue_settings
from .text import excerpt

NOTIFICATION_KIND = "dialog"
RATE_LIMIT = "dialogue_post"


def _ensure_member(user):
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    ensure_can_submit(user)


def _clean_text(text, *, field="text"):
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: _("Write your message.")}, code="required")
    if len(text) > TEXT_MAX_LENGTH:
        raise ValidationError(
            {field: _("The message is too long: at most %(limit)d characters.") % {"limit": TEXT_MAX_LENGTH}},
            code="max_length",
        )
    return text


def _clean_title(title):
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Give the discussion a title.")}, code="required")
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError(
            {"title": _("The title is too long: at most %(limit)d characters.") % {"limit": TITLE_MAX_LENGTH}},
            code="max_length",
        )
    return title


def _check_organization(user, organization):
    if organization is not None and not permissions.can_post_for(user, organization):
        raise ValidationError(
            {"organization": _("You can write only on behalf of organizations you are a member of.")},
            code="not_member",
        )


def approved_posts_of(user):
    """How many of the member's threads and replies moderators approved (or left approved)."""
    return Thread.objects.approved().filter(author=user).count() + Post.objects.approved().filter(author=user).count()


def initial_state(user, request=None):
    """Approved at once for the platform's team and for members with enough approved posts; else pending."""
    if permissions.is_staff(user):
        return ModerationState.APPROVED
    threshold = dialogue_settings(request).premoderated_posts
    if threshold == 0 or approved_posts_of(user) >= threshold:
        return ModerationState.APPROVED
    return ModerationState.PENDING


@transaction.atomic
def thread_create(*, user, title, text, kind=ThreadKind.DISCUSSION, visibility=Visibility.PUBLIC, topics=(),
                  organization=None, request=None):  # fmt: skip
    """A member opens a discussion or an assistance request; it is approved at once or waits for a moderator.

    The author follows it, so replies reach them.
    """
    _ensure_member(user)
    title = _clean_title(title)
    text = _clean_text(text)
    if kind not in ThreadKind.values or visibility not in Visibility.values:
        raise ValidationError(_("Choose the kind of discussion and who can read it."), code="invalid")
    _check_organization(user, organization)
    if request is not None:
        ratelimit.consume(request, RATE_LIMIT)
    now = timezone.now()
    thread = Thread(
        author=user,
        title=title,
        text=text,
        kind=kind,
        visibility=visibility,
        organization=organization,
        by_staff=permissions.is_staff(user),
        moderation_state=initial_state(user, request),
        last_activity_at=now,
    )
    thread.full_clean()
    thread.save()
    thread.topics.set(topics)
    follow(user=user, obj=thread)
    return thread


@transaction.atomic
def reply_create(*, thread, user, text, quote=None, organization=None, request=None):
    """A member replies to an approved thread that is not closed, possibly quoting a reply they can read.

    The replier follows the thread; once the reply is public, the thread's followers hear of it.
    """
    _ensure_member(user)
    # Locked: a moderator closing the thread at this moment wins, and the counters stay right.
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if not permissions.can_read(user, thread) or thread.moderation_state != ModerationState.APPROVED:
        raise PermissionDenied
    if thread.is_locked:
        raise ValidationError(_("This discussion is closed: it no longer takes replies."), code="locked")
    text = _clean_text(text)
    _check_organization(user, organization)
    if quote is not None and (
        quote.thread_id != thread.pk or not Post.objects.visible_to(user).filter(pk=quote.pk).exists()
    ):
        raise ValidationError({"quote": _("You can quote only a reply of this discussion.")}, code="invalid_quote")
    if request is not None:
        ratelimit.consume(request, RATE_LIMIT)
    post = Post(
        thread=thread,
        author=user,
        text=text,
        quote=quote,
        organization=organization,
        by_staff=permissions.is_staff(user),
        moderation_state=initial_state(user, request),
    )
    post.full_clean()
    post.save()
    follow(user=user, obj=thread)
    if post.moderation_state == ModerationState.APPROVED:
        _reply_published(post)
    return post


@transaction.atomic
def post_edit(*, post, user, text, title=None, request=None, now=None):
    """The author corrects their thread (title and text) or reply within the edit window.

    A member whose posts are still reviewed sends the new text back to the moderators.
    """
    window = dialogue_settings(request).edit_window_minutes
    if not permissions.can_edit(user, post, window_minutes=window, now=now):
        raise ValidationError(
            _("This can no longer be edited: authors may edit for %(minutes)d minutes after writing.")
            % {"minutes": window},
            code="edit_window",
        )
    text = _clean_text(text)
    if isinstance(post, Thread):
        post.title = _clean_title(title)
    if request is not None:
        ratelimit.consume(request, RATE_LIMIT)
    post.text = text
    post.edited_at = now or timezone.now()
    was_public = post.moderation_state == ModerationState.APPROVED
    if was_public and initial_state(user, request) == ModerationState.PENDING:
        # Not yet trusted: what the moderators approved is not what is shown now.
        post.moderation_state = ModerationState.PENDING
    post.full_clean()
    post.save()
    if was_public and post.moderation_state == ModerationState.PENDING and isinstance(post, Post):
        thread_recount(post.thread_id)
    return post


@transaction.atomic
def answer_mark(*, thread, reply, user, request=None):
    """The person who asked marks the reply that helped; it shows first, and its author hears of it (rate-limited
    like posting, so that marking back and forth cannot flood the author with emails)."""
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if not permissions.can_mark_answer(user, thread):
        raise PermissionDenied
    # Read again: a moderator may have just hidden it.
    reply = Post.objects.approved().filter(pk=reply.pk, thread=thread).first()
    if reply is None:
        raise ValidationError(_("Only a published reply of this request can be marked."), code="invalid")
    if reply.author_id is not None and reply.author_id == thread.author_id:
        raise ValidationError(_("Mark another member's reply: your own replies are not answers."), code="own_reply")
    if request is not None:
        ratelimit.consume(request, RATE_LIMIT)
    thread.accepted_reply = reply
    thread.save(update_fields=["accepted_reply"])
    notify(
        recipients=[reply.author],
        kind=NOTIFICATION_KIND,
        title=_("Your reply helped: “%(title)s”") % {"title": thread.title},
        url=reply.get_absolute_url(),
        subject=thread,
        exclude=user,
    )
    return thread


@transaction.atomic
def answer_unmark(*, thread, user):
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if not permissions.can_mark_answer(user, thread):
        raise PermissionDenied
    thread.accepted_reply = None
    thread.save(update_fields=["accepted_reply"])
    return thread


@transaction.atomic
def thread_lock(*, thread, by, reason=""):
    """A moderator closes a thread: it stays readable and takes no more replies."""
    if not permissions.can_lock(by):
        raise PermissionDenied
    Thread.objects.filter(pk=thread.pk, locked_at__isnull=True).update(
        locked_at=timezone.now(), locked_by=by, lock_reason=(reason or "").strip()[:500]
    )
    thread.refresh_from_db()
    return thread


@transaction.atomic
def thread_unlock(*, thread, by):
    if not permissions.can_lock(by):
        raise PermissionDenied
    Thread.objects.filter(pk=thread.pk).update(locked_at=None, locked_by=None, lock_reason="")
    thread.refresh_from_db()
    return thread


def thread_recount(thread_id):
    """The thread's approved replies and latest activity, read again (after a reply is approved, hidden, …)."""
    replies = Post.objects.approved().filter(thread_id=thread_id)
    thread = Thread.objects.select_for_update().get(pk=thread_id)
    latest = replies.aggregate(latest=Max("created_at"))["latest"]
    thread.reply_count = replies.count()
    thread.last_activity_at = max(filter(None, [thread.created_at, latest]))
    if thread.accepted_reply_id and not replies.filter(pk=thread.accepted_reply_id).exists():
        thread.accepted_reply = None
    thread.save(update_fields=["reply_count", "last_activity_at", "accepted_reply"])


def _reply_published(post):
    thread_recount(post.thread_id)
    thread = post.thread
    notify(
        recipients=list(followers(thread)),
        kind=NOTIFICATION_KIND,
        title=_("New reply in “%(title)s”") % {"title": thread.title},
        text=_("%(author)s: %(text)s") % {"author": post.public_author_name, "text": excerpt(post.text, 300)},
        url=post.get_absolute_url(),
        subject=thread,
        exclude=post.author,
    )


def submission_moderated(submission, action, by):
    """After a moderator's decision (the moderation kinds' `on_decision`), in its transaction: a reply approved
    now reaches the thread's followers; any decision on a reply updates the thread's counters."""
    if isinstance(submission, Post):
        if action == "approve":
            _reply_published(submission)
        else:
            thread_recount(submission.thread_id)
    elif action in ("approve", "restore"):
        # Saved (not update()): the search document is rebuilt with the new date.
        submission.last_activity_at = timezone.now()
        submission.save(update_fields=["last_activity_at"])
