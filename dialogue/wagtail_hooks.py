"""The dialogue's place in the platform: moderation kinds, follows, notifications, menu, staff permissions, and (below)
search, the API, the sitemap, demo data, personal data and the admin."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from participation.follows import FOLLOWABLE_HOOK, Followable
from participation.models import Frequency
from participation.moderation import MODERATION_KINDS_HOOK, ModerationKind
from participation.notifications import NOTIFICATION_KINDS_HOOK, NotificationKind
from website.groups import EDITORS, MODERATORS
from website.hooks import (
    ACCOUNT_LINKS_HOOK,
    API_ENDPOINTS_HOOK,
    DEMO_DATA_HOOK,
    HOME_PAGE_BLOCKS_HOOK,
    NAVIGATION_HOOK,
    PERSONAL_DATA_HOOK,
    SITEMAPS_HOOK,
    STAFF_PERMISSIONS_HOOK,
)

from . import services
from .models import Post, Thread
from .text import excerpt


@hooks.register(MODERATION_KINDS_HOOK)
def dialogue_threads():
    """New threads of members whose posts are still reviewed; reported threads (approved, public or members')."""
    return ModerationKind(
        key="discutii",
        label=_("Dialogue: discussions"),
        model=Thread,
        pending=lambda: Thread.objects.pending().select_related("author").order_by("created_at", "pk"),
        admin_url=lambda thread: reverse("participation_moderation:decide", args=["discutii", thread.pk]),
        describe=lambda thread: f"{thread.get_kind_display()}: {thread.title}. {excerpt(thread.text, 200)}",
        reportable=lambda queryset: queryset.approved(),
        on_decision=services.submission_moderated,
    )


@hooks.register(MODERATION_KINDS_HOOK)
def dialogue_replies():
    return ModerationKind(
        key="raspunsuri-dialog",
        label=_("Dialogue: replies"),
        model=Post,
        pending=lambda: Post.objects.pending().select_related("thread", "author").order_by("created_at", "pk"),
        admin_url=lambda post: reverse("participation_moderation:decide", args=["raspunsuri-dialog", post.pk]),
        describe=lambda post: f"{post.thread.title}: {excerpt(post.text, 200)}",
        reportable=lambda queryset: queryset.approved().filter(thread__moderation_state="approved"),
        on_decision=services.submission_moderated,
    )


@hooks.register(FOLLOWABLE_HOOK)
def followable_threads():
    return Followable(Thread, visible=lambda queryset, user: queryset.visible_to(user).approved())


@hooks.register(NOTIFICATION_KINDS_HOOK)
def dialogue_notification_kinds():
    """Replies in followed threads: a daily digest unless the member asks for them at once."""
    return [
        NotificationKind(services.NOTIFICATION_KIND, _("Replies in discussions I follow"), default=Frequency.DAILY)
    ]


@hooks.register(NAVIGATION_HOOK)
def dialogue_navigation(request):
    """The header entry "Dialog", after the proposals and before the directory."""
    return {"title": _("Dialogue"), "url": reverse("dialogue:index"), "order": 97}


@hooks.register(HOME_PAGE_BLOCKS_HOOK)
def waiting_requests_block(request):
    """Assistance requests nobody has answered yet, after the proposals: easy to find for those who can help."""
    from .filters import UNANSWERED
    from .models import ThreadKind
    from .selectors import waiting_requests

    return {
        "order": 18,
        "id": "home-assistance",
        "title": _("Assistance requests waiting for an answer"),
        "more_label": _("All assistance requests without an answer"),
        "more_url": f"{reverse('dialogue:index')}?tip={ThreadKind.ASSISTANCE.value}&stare={UNANSWERED}",
        "items": waiting_requests(3),
        "card": "dialogue/includes/thread_card.html",
        "card_meta": "",
    }


@hooks.register(ACCOUNT_LINKS_HOOK)
def dialogue_account_link(request):
    return {"title": _("My discussions"), "url": reverse("dialogue:mine"), "order": 30}


# Search: public threads and their published replies. A thread that leaves the public set (hidden, rejected, made
# members-only) takes its replies' documents with it; one that comes back brings them back.


@hooks.register("register_search_kinds")  # search.registry.SEARCH_KINDS_HOOK
def dialogue_search_kinds():
    """Public approved threads (dated by their latest activity) and the approved replies in them."""
    from django.utils import timezone
    from django.utils.translation import gettext_lazy

    from directory.models import Organization
    from search.documents import join_text
    from search.registry import DocumentData, SearchKind

    from .text import plain

    def thread_document(thread):
        return DocumentData(
            title=thread.title,
            url=thread.get_absolute_url(),
            body=join_text(plain(thread.text), thread.public_author_name),
            date=timezone.localdate(thread.last_activity_at),
            topics=tuple(topic.pk for topic in thread.topics.all()),
        )

    def reply_document(post):
        return DocumentData(
            title=_("Reply in “%(title)s”") % {"title": post.thread.title},
            url=post.get_absolute_url(),
            body=join_text(plain(post.text), post.public_author_name),
            date=timezone.localdate(post.created_at),
            topics=tuple(topic.pk for topic in post.thread.topics.all()),
        )

    return [
        SearchKind(
            key="discutii",
            label=gettext_lazy("Discussions"),
            model=Thread,
            public=lambda: Thread.objects.public().for_listing(),
            document=thread_document,
            order=65,
            # A renamed organization is renamed in the threads it opened.
            refresh_with={Organization: lambda pk: Thread.objects.filter(organization_id=pk)},
        ),
        SearchKind(
            key="raspunsuri-dialog",
            label=gettext_lazy("Replies in discussions"),
            model=Post,
            public=lambda: (
                Post.objects.public()
                .select_related("thread", "author", "organization")
                .prefetch_related("thread__topics")
            ),
            document=reply_document,
            order=66,
            refresh_with={
                Thread: replies_to_recheck,
                Organization: lambda pk: Post.objects.filter(organization_id=pk),
            },
            # "Răspuns în …" completes nothing a visitor types.
            suggest=False,
        ),
    ]


def replies_to_recheck(thread_pk):
    """The replies of a saved thread whose search documents may no longer match it (`SearchKind.refresh_with`).

    Each published reply saves its thread (its counters): re-checking every reply then would cost queries per
    reply. A reply's document reads of its thread only whether it is public, its title and its topics, and a change
    of these re-checks all the replies; so the latest published reply's document speaks for all of them, and they
    are re-checked only when it disagrees with the thread.
    """
    from search.models import SearchDocument

    replies = Post.objects.filter(thread_id=thread_pk)
    latest = replies.approved().select_related("thread").order_by("-pk").first()
    if latest is None:
        return replies.none()
    document = SearchDocument.objects.for_object(latest).first()
    if not Post.objects.public().filter(pk=latest.pk).exists():
        return replies if document is not None else replies.none()
    current = (
        document is not None
        and latest.thread.title in document.title
        and set(document.topics.values_list("pk", flat=True)) == set(latest.thread.topics.values_list("pk", flat=True))
    )
    return replies.none() if current else replies


# The partner API, the sitemap, the demo, a member's data, the staff's permissions and the admin.


@hooks.register(API_ENDPOINTS_HOOK)
def dialogue_api_endpoint():
    """`/api/v2/threads/`: public threads with their published replies."""
    from .api import ThreadAPIViewSet

    return "threads", ThreadAPIViewSet


@hooks.register(SITEMAPS_HOOK)
def dialogue_sitemaps():
    from .sitemaps import ThreadSitemap

    return {"dialogue": ThreadSitemap}


@hooks.register(DEMO_DATA_HOOK)
def dialogue_demo():
    """After the members and the proposals (whose demo adds the organizations' administrators who write here)."""
    from . import demo

    return 80, demo.seed


@hooks.register(PERSONAL_DATA_HOOK)
def dialogue_personal_data(user):
    """The member's threads and replies, with their moderation state and the moderator's reason."""
    threads = Thread.objects.filter(author=user).select_related("organization").prefetch_related("topics")
    replies = Post.objects.filter(author=user).select_related("organization", "thread")
    return "dialogue", {
        "threads": [
            {
                "title": thread.title,
                "kind": thread.kind,
                "visibility": thread.visibility,
                "on_behalf_of": thread.organization.name if thread.organization_id else None,
                "topics": [topic.name for topic in thread.topics.all()],
                "text": thread.text,
                "moderation": thread.moderation_state,
                "moderation_reason": thread.moderation_reason,
                "written_at": thread.created_at.isoformat(),
                "edited_at": thread.edited_at.isoformat() if thread.edited_at else None,
                "closed": thread.is_locked,
            }
            for thread in threads
        ],
        "replies": [
            {
                "discussion": reply.thread.title,
                "on_behalf_of": reply.organization.name if reply.organization_id else None,
                "text": reply.text,
                "moderation": reply.moderation_state,
                "moderation_reason": reply.moderation_reason,
                "written_at": reply.created_at.isoformat(),
                "edited_at": reply.edited_at.isoformat() if reply.edited_at else None,
                "marked_helpful": reply.thread.accepted_reply_id == reply.pk,
            }
            for reply in replies
        ],
    }


@hooks.register(STAFF_PERMISSIONS_HOOK)
def dialogue_permissions():
    """Editors and moderators read threads and replies in the admin; moderators also close them (the services ask
    `permissions.can_lock`) and set the dialogue's rules and premoderation."""
    view = [("dialogue", "view_thread"), ("dialogue", "view_post")]
    return {
        EDITORS: view,
        MODERATORS: [
            *view,
            ("dialogue", "change_thread"),
            ("dialogue", "change_post"),
            ("dialogue", "change_dialoguesettings"),
        ],
    }


@hooks.register("register_admin_viewset")
def register_dialogue_viewsets():
    """The "Dialog" menu: threads (close, reopen, moderate) and replies."""
    from .admin_views import DialogueViewSetGroup

    return DialogueViewSetGroup()
