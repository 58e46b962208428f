"""Who may do what in the dialogue: the one place these rules live (services ask; views and templates read)."""

from datetime import timedelta

from django.utils import timezone

from members import permissions as member_permissions
from participation.models import ModerationState
from participation.moderation import block_reason, is_moderator

STAFF_PERMISSION = "wagtailadmin.access_admin"


def _active(user):
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_staff(user):
    """The platform's team (editors and moderators): their posts carry the team's badge and skip premoderation."""
    return _active(user) and user.has_perm(STAFF_PERMISSION)


def can_read(user, thread):
    """Anyone reads an approved public thread; members read approved members-only threads; authors read their own."""
    if thread.moderation_state == ModerationState.APPROVED:
        return not thread.is_members_only or _active(user)
    return _active(user) and (thread.author_id == user.pk or is_moderator(user))


def can_write(user):
    """Members write (open threads, reply, report) unless the moderators blocked them."""
    return _active(user) and not block_reason(user)


def can_post_for(user, organization):
    """A member writes on behalf of an organization they are an approved member of."""
    return member_permissions.is_member(user, organization)


def can_reply(user, thread):
    return can_write(user) and thread.moderation_state == ModerationState.APPROVED and not thread.is_locked


def can_edit(user, post, *, window_minutes, now=None, may_write=None):
    """The author edits their thread or reply for a while after writing it, unless it was rejected or hidden, or
    the thread was closed. `may_write`: can_write(user), when the caller already asked it (a thread's page asks this
    of every reply, and can_write reads the member's block)."""
    thread = getattr(post, "thread", post)
    return (
        (can_write(user) if may_write is None else may_write)
        and post.author_id == user.pk
        and post.moderation_state in (ModerationState.PENDING, ModerationState.APPROVED)
        and not thread.is_locked
        and (now or timezone.now()) < post.created_at + timedelta(minutes=window_minutes)
    )


def can_mark_answer(user, thread):
    """The person who asked for assistance marks the answer that helped (moderators may correct it)."""
    return thread.is_assistance and _active(user) and (thread.author_id == user.pk or is_moderator(user))


def can_lock(user):
    return is_moderator(user)
