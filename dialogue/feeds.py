"""The dialogue's RSS 2.0 feed (/dialog/feed/): the latest public threads, never a members-only or unpublished one."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import Thread
from .text import excerpt

FEED_LENGTH = 30


class ThreadFeed(Feed):
    """The newest public, approved discussions and assistance requests, with absolute links."""

    feed_type = Rss201rev2Feed
    language = "ro"
    title = _("Dialogue · Bucureștiul social și solidar")
    description = _("The latest discussions and assistance requests between civil society and local authorities.")

    def link(self):
        return reverse("dialogue:index")

    def feed_url(self):
        return reverse("dialogue:feed")

    def items(self):
        return (
            Thread.objects.public()
            .select_related("author", "organization")
            .prefetch_related("topics")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        # Feed readers read the description as HTML: the member's text, even a "<script>" typed, stays text.
        return escape(excerpt(thread.text, 300))

    def item_link(self, thread):
        return thread.get_absolute_url()

    def item_pubdate(self, thread):
        return thread.created_at

    def item_updateddate(self, thread):
        return thread.edited_at or thread.created_at

    def item_author_name(self, thread):
        return thread.public_author_name

    def item_categories(self, thread):
        return [thread.get_kind_display(), *(topic.name for topic in thread.topics.all())]
