"""`/api/v2/threads/`: the dialogue's public threads (discussions and assistance requests) for partners.

Only approved threads that anyone may read (`Thread.objects.public()`): members-only, pending, rejected and hidden
threads never appear, not even by id. Each thread comes with its replies (the detail, or `fields=replies` in a
list): approved ones only, oldest first, the answer that helped marked `accepted`. Authors are named by
`public_author_name` (the organization, else the member's full name), never by email or user id. Members' text is
given as plain text (`text`) and as the sanitised HTML the website shows (`text_html`). The website's filters
(`topic`, `kind`, `state`, with its values), `search`, `order`, `limit` and `offset` are strict: a value not
understood answers 400. Error messages are in English, like those of Wagtail's own endpoints: read by developers.
"""

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v2.views import BaseAPIViewSet

from directory.api import OrganizationField, organization_data, organization_link_schema
from search.query import matching_object_ids
from website import openapi as oa
from website.api_fields import InstanceField, moment, moment_field
from website.api_views import StrictParametersMixin, requested_order
from website.filters import SearchFilter
from website.models import TopicSerializer

from . import text
from .filters import ThreadFilterSet
from .models import Post, Thread, ThreadKind

# The threads' kind in the site-wide search (dialogue/wagtail_hooks.py registers it): `search` reads it.
SEARCH_KIND = "discutii"
MAX_SEARCH_LENGTH = 200
ORDERABLE_FIELDS = {"id", "created_at", "last_activity_at", "reply_count", "title"}
DEFAULT_ORDER = ("-last_activity_at", "-pk")


def public_replies():
    """The replies the API shows under a public thread: approved ones, oldest first, with what names their author."""
    return Post.objects.approved().select_related("author", "organization").order_by("created_at", "pk")


def attach_replies(threads):
    """Each thread's public replies in `thread.public_reply_list`, in one query for all of them."""
    prefetch_related_objects(threads, Prefetch("posts", queryset=public_replies(), to_attr="public_reply_list"))
    return threads


class AuthorField(InstanceField):
    """The organization, else the member's full name; never an email address."""

    def to_representation(self, item):
        return item.public_author_name


class PlainTextField(InstanceField):
    def to_representation(self, item):
        return text.plain(item.text)


class HtmlTextField(InstanceField):
    def to_representation(self, item):
        return str(text.render(item.text))


class HtmlUrlField(InstanceField):
    """The thread's page on the website, as an absolute URL."""

    def to_representation(self, thread):
        return get_full_url(self.context["request"], thread.get_absolute_url())


class SolvedField(InstanceField):
    def to_representation(self, thread):
        return thread.accepted_reply_id is not None


class RepliesField(InstanceField):
    """The approved replies, oldest first; `quote` is the id of the approved reply it quotes (else null)."""

    def to_representation(self, thread):
        replies = getattr(thread, "public_reply_list", None)
        if replies is None:  # not prefetched (a thread read outside this endpoint)
            replies = list(public_replies().filter(thread=thread))
        shown = {reply.pk for reply in replies}
        return [
            {
                "id": reply.pk,
                "author": reply.public_author_name,
                "organization": organization_data(self.context, reply.organization),
                "by_staff": reply.by_staff,
                "text": text.plain(reply.text),
                "text_html": str(text.render(reply.text)),
                "created_at": moment(reply.created_at),
                "quote": reply.quote_id if reply.quote_id in shown else None,
                "accepted": reply.pk == thread.accepted_reply_id,
            }
            for reply in replies
        ]


def search_condition(value):
    """The public threads the site-wide search finds for `value` (its Romanian matching; a subquery)."""
    return Q(pk__in=matching_object_ids(value, kind=SEARCH_KIND, model=Thread))


class ThreadAPIFilterSet(ThreadFilterSet):
    """The website's filters (`topic`, `kind`, `state`: dialogue/filters.py) and a search of the titles and texts."""

    q = SearchFilter(
        label=_("Search in titles and texts"),
        condition=search_condition,
        max_length=MAX_SEARCH_LENGTH,
        api_name="search",
    )


class ThreadFilter(BaseFilterBackend):
    """The filters above, strict: a value that is not understood answers 400."""

    def filter_queryset(self, request, queryset, view):
        return ThreadAPIFilterSet.from_api(request.GET, queryset).apply(queryset)


class ThreadOrderingFilter(BaseFilterBackend):
    """`order=-last_activity_at` (the default), `order=created_at`, … among a few fields, separated by commas."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if not order:
            return queryset.order_by(*DEFAULT_ORDER)
        columns = [("-" if descending else "") + name for name, descending in requested_order(order, ORDERABLE_FIELDS)]
        return queryset.order_by(*columns, "pk")


def thread_schema():
    """A thread as this endpoint shows it (its `body_fields`)."""
    organization = oa.nullable(organization_link_schema())
    author = {**oa.STRING, "description": _("The organization, else the member's name; never an email.")}
    plain = {**oa.STRING, "description": _("The text without formatting.")}
    html = {**oa.STRING, "description": _("The text as the website shows it: sanitised HTML.")}
    reply = oa.obj(
        {
            "id": oa.INTEGER,
            "author": author,
            "organization": organization,
            "by_staff": {**oa.BOOLEAN, "description": _("Written by the platform's team.")},
            "text": plain,
            "text_html": html,
            "created_at": oa.DATE_TIME,
            "quote": {**oa.nullable(oa.INTEGER), "description": _("The id of the reply it quotes.")},
            "accepted": {**oa.BOOLEAN, "description": _("The answer that helped the person who asked.")},
        }
    )
    fields = {
        "title": oa.STRING,
        "kind": {"type": "string", "enum": list(ThreadKind.values)},
        "kind_label": oa.STRING,
        "text": plain,
        "text_html": html,
        "topics": oa.array(oa.ref("Topic")),
        "author": author,
        "organization": organization,
        "by_staff": {**oa.BOOLEAN, "description": _("Opened by the platform's team.")},
        "created_at": oa.DATE_TIME,
        "last_activity_at": {**oa.DATE_TIME, "description": _("The latest published reply, else the opening.")},
        "reply_count": {"type": "integer", "minimum": 0},
        "solved": {**oa.BOOLEAN, "description": _("An assistance request whose helpful answer is marked.")},
        "accepted_reply": {**oa.nullable(oa.INTEGER), "description": _("The id of the answer that helped.")},
        "locked": {**oa.BOOLEAN, "description": _("Closed by the moderators: it takes no more replies.")},
        "replies": {
            **oa.array(reply),
            "description": _("The published replies, oldest first (in lists, only with `fields`)."),
        },
    }
    schema = oa.item_schema({"html_url": oa.URL}, fields)
    schema["required"] = ["id", "meta", *fields]
    return schema


class ThreadAPIViewSet(StrictParametersMixin, BaseAPIViewSet):
    """Public approved threads, the latest activity first."""

    model = Thread
    name = "threads"
    filter_backends = [ThreadFilter, ThreadOrderingFilter]
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "order", "format", "_"] + sorted(ThreadAPIFilterSet.api_parameters())
    )
    find_query_parameters = frozenset(["id"])
    meta_fields = [*BaseAPIViewSet.meta_fields, "html_url"]
    body_fields = [
        *BaseAPIViewSet.body_fields,
        APIField("title"),
        APIField("kind"),
        APIField("kind_label", serializer=serializers.CharField(source="get_kind_display", read_only=True)),
        APIField("text", serializer=PlainTextField(read_only=True)),
        APIField("text_html", serializer=HtmlTextField(read_only=True)),
        APIField("topics", serializer=TopicSerializer(many=True, read_only=True)),
        APIField("author", serializer=AuthorField(read_only=True)),
        APIField("organization", serializer=OrganizationField(read_only=True)),
        APIField("by_staff"),
        APIField("created_at", serializer=moment_field()),
        APIField("last_activity_at", serializer=moment_field()),
        APIField("reply_count"),
        APIField("solved", serializer=SolvedField(read_only=True)),
        APIField("accepted_reply", serializer=serializers.IntegerField(source="accepted_reply_id", read_only=True)),
        APIField("locked", serializer=serializers.BooleanField(source="is_locked", read_only=True)),
        APIField("replies", serializer=RepliesField(read_only=True)),
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "html_url",
        "title",
        "kind",
        "kind_label",
        "text",
        "topics",
        "author",
        "organization",
        "by_staff",
        "created_at",
        "last_activity_at",
        "reply_count",
        "solved",
        "accepted_reply",
        "locked",
    ]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), "html_url": HtmlUrlField(read_only=True)}

    @classmethod
    def openapi(cls):
        return oa.EndpointSchema(
            summary=_("Dialogue threads"),
            description=_(
                "The dialogue's public discussions and assistance requests, the latest activity first, with their "
                "published replies (in the detail). Threads for members only never appear."
            ),
            item_name="Thread",
            item=thread_schema(),
            parameters=[
                *oa.filterset_parameters(ThreadAPIFilterSet),
                oa.query_parameter(
                    "order",
                    _(
                        "Order by one of these fields, `-field` for descending order, several separated by commas: "
                        "%(fields)s. By default: `-last_activity_at`."
                    )
                    % {"fields": ", ".join(sorted(ORDERABLE_FIELDS))},
                    {"type": "string"},
                ),
            ],
            example="?kind=asistenta&state=fara-raspuns",
        )

    def get_queryset(self):
        return Thread.objects.public().for_listing().order_by(*DEFAULT_ORDER)

    def paginate_queryset(self, queryset):
        threads = super().paginate_queryset(queryset)
        # The page's replies in one query, when they are asked for (`fields=*`, `fields=replies`).
        if "replies" in self.get_serializer_class().Meta.fields:
            attach_replies(threads)
        return threads

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = attach_replies([super().get_object()])[0]
        return self._cached_object
