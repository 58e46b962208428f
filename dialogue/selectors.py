"""Reads for the dialogue's pages: what to show, never what to allow (see permissions). Each list reads in a constant
number of queries, however long it is."""

from members.models import Membership

from .models import Post, Thread, ThreadKind


def unanswered_requests_count(user):
    """How many published assistance requests the reader can open still wait for a first reply."""
    return Thread.objects.visible_to(user).approved().filter(kind=ThreadKind.ASSISTANCE).unanswered().count()


def waiting_requests(limit):
    """Public assistance requests still waiting for a first reply and open to replies, the oldest first: the home
    page's call to those who can help."""
    return (
        Thread.objects.public()
        .filter(kind=ThreadKind.ASSISTANCE, locked_at__isnull=True)
        .unanswered()
        .for_listing()
        .order_by("created_at", "pk")[:limit]
    )


def thread_for_page(pk):
    """The thread `pk` (any state: who may read it is the view's question to permissions), or None."""
    return Thread.objects.select_related("author", "organization").filter(pk=pk).first()


def replies(thread, user):
    """The replies of `thread` that `user` reads, the answer that helped first, then by date.

    Each reply carries `shown_quote`: the reply it quotes when the reader may read that one too (a hidden or
    unpublished reply is never shown through a quote), else None. One query.
    """
    posts = list(Post.objects.visible_to(user).filter(thread=thread).select_related("author", "organization"))
    by_id = {post.pk: post for post in posts}
    for post in posts:
        post.thread = thread  # the permissions read the thread of each reply: no query for it
        post.shown_quote = by_id.get(post.quote_id) if post.quote_id else None
        post.is_accepted = post.pk == thread.accepted_reply_id
    return sorted(posts, key=lambda post: not post.is_accepted)


def member_organizations(user):
    """The organizations a member may write on behalf of (approved memberships), by name."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.approved().filter(user=user).select_related("organization")
    return sorted((membership.organization for membership in memberships), key=lambda org: org.name)


def threads_of(user):
    """The member's own threads, whatever their moderation state, newest first."""
    return (
        Thread.objects.filter(author=user)
        .select_related("organization")
        .prefetch_related("topics")
        .order_by("-created_at", "-pk")
    )


def replies_of(user):
    """The member's own replies, whatever their moderation state, newest first, with their thread."""
    return Post.objects.filter(author=user).select_related("thread", "organization").order_by("-created_at", "-pk")
