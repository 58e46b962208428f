"""`/api/v2/topics/`: every topic, in Romanian alphabetical order ("Îngrijire" after "Incluziune").

The slugs other endpoints' `topic` filters take. Registered by website/wagtail_hooks.py like any app's endpoint;
apart from website/api.py, the router, which imports every app's endpoints.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.views import BaseAPIViewSet

from . import openapi as oa
from .api_views import FindBySlugMixin, StrictParametersMixin
from .collation import romanian
from .models import Topic


class TopicFilter(BaseFilterBackend):
    """`slug`: the topic with this slug."""

    def filter_queryset(self, request, queryset, view):
        if "slug" in request.GET:
            queryset = queryset.filter(slug=request.GET["slug"])
        return queryset


def topic_schema():
    fields = {"name": oa.STRING, "slug": {**oa.STRING, "description": _("The value of the `topic` filters.")}}
    schema = oa.item_schema({}, fields)
    schema["required"] = ["id", "meta", *fields]
    return schema


class TopicAPIViewSet(StrictParametersMixin, FindBySlugMixin, BaseAPIViewSet):
    """Every topic, in Romanian alphabetical order."""

    model = Topic
    name = "topics"
    filter_backends = [TopicFilter]
    known_query_parameters = frozenset(["limit", "offset", "fields", "format", "_", "slug"])
    find_query_parameters = frozenset(["id", "slug"])
    body_fields = [*BaseAPIViewSet.body_fields, "name", "slug"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "slug"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name", "slug"]

    @classmethod
    def openapi(cls):
        return oa.EndpointSchema(
            summary=_("Topics"),
            description=_(
                "The topics that pages, organizations, proposals and discussions are filed under, in alphabetical "
                "order; their slugs are the values of the other endpoints' `topic` filters."
            ),
            # Not "Topic": that is the shape other endpoints nest (without `meta`).
            item_name="TopicItem",
            item=topic_schema(),
            parameters=[oa.query_parameter("slug", _("The topic with this slug."), oa.STRING)],
            example="?slug=economie-sociala",
        )

    def get_queryset(self):
        return Topic.objects.order_by(romanian("name"), "pk")
