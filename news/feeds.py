"""The news section's RSS 2.0 feed (/stiri/rss/)."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

FEED_LENGTH = 20


class NewsFeed(Feed):
    """The latest live, public articles of one news index, newest first, with absolute links."""

    feed_type = Rss201rev2Feed
    language = "ro"

    def get_object(self, request, *args, index, **kwargs):
        self.request = request
        return index

    def site_name(self):
        site = Site.find_for_request(self.request)
        return (site and site.site_name) or settings.WAGTAIL_SITE_NAME

    def title(self, index):
        return f"{index.title} · {self.site_name()}"

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return index.get_full_url(self.request) + index.reverse_subpage("feed")

    def description(self, index):
        return index.intro or _("The latest news from %(site)s.") % {"site": self.site_name()}

    def items(self, index):
        return index.news()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()] + [tag.name for tag in item.tags.all()]
