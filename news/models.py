"""News: the /stiri/ section, its articles, tags and RSS feed."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from website.collation import romanian_sort_key
from website.models import BasePage
from website.pagination import paginate

# Rendition specs the listings and the API ask for; prefetched so that cards cost no query each.
LISTING_RENDITIONS = ["fill-640x360|format-webp", "fill-800x450|format-webp"]


class NewsPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Newest first, with everything a card, the feed or the API reads in a constant number of queries."""
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=LISTING_RENDITIONS)
        return (
            self.select_related("listing_image", "locale")
            .prefetch_related("topics", "tags", Prefetch("listing_image__renditions", queryset=renditions))
            .newest_first()
        )

    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def with_topic(self, topic):
        return self.filter(topics=topic)

    def with_tag(self, tag):
        return self.filter(tags=tag)


class NewsPageTag(TaggedItemBase):
    """A tag on a news article (the through model of `NewsPage.tags`)."""

    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class SourceField(serializers.Field):
    """The API's `source`: where the news comes from, as {"name", "url"} (or null)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        if not value.source_name and not value.source_url:
            return None
        return {"name": value.source_name, "url": value.source_url or None}


class TagListField(serializers.Field):
    """Tags as [{"name", "slug"}], read from the prefetched tags (Wagtail's TagsField re-queries)."""

    def to_representation(self, value):
        tags = sorted(value.all(), key=lambda tag: romanian_sort_key(tag.name))
        return [{"name": tag.name, "slug": tag.slug} for tag in tags]


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news section (/stiri/): newest first, filterable by topic and tag, with an RSS feed."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + BasePage.taxonomy_panels
    search_fields = BasePage.search_fields
    api_fields = BasePage.api_fields

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def published_news(self):
        """The live, public articles of this section."""
        return NewsPage.objects.child_of(self).live().public()

    def news(self):
        """The live, public articles of this section, newest first, ready for listing."""
        return self.published_news().for_listing()

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_context(self, request, *args, **kwargs):
        from .filters import NewsFilterSet

        context = super().get_context(request, *args, **kwargs)
        filters = NewsFilterSet(request.GET, self.published_news())
        chosen = {
            name: next((option for option in options if option.selected), None)
            for name, options in filters.facets().items()
        }
        context.update(
            active_topic=chosen["tema"],
            active_tag=chosen["eticheta"],
            filter_form=filters.form,
            ignored_filters=filters.ignored_filters(),
            page_obj=paginate(request, filters.qs.for_listing(), settings.NEWS_PER_PAGE),
            feed_url=self.feed_url(request),
        )
        return context

    @path("rss/", name="feed")
    def feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed()(request, index=self)


class NewsPage(BasePage):
    """A news article: date, author, source, image, topics, tags and a public view counter."""

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # The filters of their listing, read by the index page and by the API (`/api/v2/pages/?type=…&topic=…`).
    listing_filters = "news.filters.NewsFilterSet"

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=200, blank=True)
    source_name = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the news comes from, for example the city hall's press release."),
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=NewsPageTag,
        blank=True,
        help_text=_("Keywords readers can filter the news by."),
    )
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
                FieldPanel("view_count", read_only=True),
            ],
            heading=_("Article details"),
        ),
        FieldPanel("listing_image", heading=_("Image")),
        *BasePage.taxonomy_panels,
        FieldPanel("tags"),
    ]
    # The listing image is the article's image, edited with the content above.
    promote_panels = Page.promote_panels

    search_fields = BasePage.search_fields + [
        index.SearchField("author"),
        index.SearchField("source_name"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("author"),
        APIField("source", serializer=SourceField()),
        APIField("tags", serializer=TagListField()),
        APIField("view_count"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def related_news(self, topic_ids):
        """The latest three other live articles sharing a topic with this one."""
        if not topic_ids:
            return NewsPage.objects.none()
        sharing = NewsPage.objects.filter(topics__in=topic_ids).values("pk")
        return NewsPage.objects.live().public().filter(pk__in=sharing).exclude(pk=self.pk).for_listing()[:3]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(self.topics.all())
        news_index = NewsIndexPage.objects.parent_of(self).first()
        context.update(
            topics=topics,
            tags=sorted(self.tags.all(), key=lambda tag: romanian_sort_key(tag.name)),
            related_news=self.related_news([topic.pk for topic in topics]),
            news_index=news_index,
            feed_url=news_index.feed_url(request) if news_index else None,
            # The page HTML may be served from a cache: counting is done by a script (or a
            # <noscript> pixel) calling news.views, never by rendering, and never in previews.
            count_views=not getattr(request, "is_preview", False),
        )
        return context
