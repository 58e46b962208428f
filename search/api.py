"""`/api/v2/search/?q=&type=&topic=&limit=&offset=`: the site-wide search for partners, the same results as /cautare/.

Items are search documents (news, guides, funding calls, consultations, organizations, public proposals, …) in the
page's order, with highlighted and plain snippets; `meta` adds the type and topic facets. Only what is public has
a search document (search.registry), so nothing else can appear here. Error messages are in English, like those of
Wagtail's own endpoints: they are read by developers.
"""

import html

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from rest_framework.response import Response
from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from website import openapi as oa
from website.models import Topic

from .models import SearchDocument
from .query import find
from .registry import search_kinds
from .text import MAX_QUERY_CHARACTERS, highlight, parse_query, snippet

DEFAULT_LIMIT = 20


def _plain(html_text):
    return html.unescape(strip_tags(str(html_text)))


def _topics(document):
    return [{"slug": topic.slug, "name": topic.name} for topic in document.topics.all()]


def _facet(key):
    return oa.obj(
        {
            key: oa.STRING,
            ("label" if key == "type" else "name"): oa.STRING,
            "count": oa.INTEGER,
            "selected": oa.BOOLEAN,
        }
    )


def search_openapi():
    """What `/api/v2/search/` answers (`_item`, `listing_view`'s `meta`), for website.openapi."""
    kinds = list(search_kinds())
    item = oa.obj(
        {
            "id": oa.INTEGER,
            "type": {"type": "string", "enum": kinds},
            "type_label": oa.STRING,
            "title": oa.STRING,
            "title_html": {**oa.STRING, "description": _("The title with the words found in <mark>.")},
            "url": oa.URL,
            "snippet": oa.STRING,
            "snippet_html": {**oa.STRING, "description": _("The snippet with the words found in <mark>.")},
            "date": oa.nullable(oa.DATE),
            "closes_at": oa.nullable(oa.DATE_TIME),
            "topics": oa.array(oa.obj({"slug": oa.STRING, "name": oa.STRING})),
        }
    )
    return oa.EndpointSchema(
        summary=_("Site search"),
        description=_(
            "The site-wide search's results, by relevance, with highlighted snippets and the type and topic facets: "
            "the same results as the site's search page. Without `q`, nothing is listed."
        ),
        item_name="SearchResult",
        item=item,
        list_item=oa.ref("SearchResult"),
        list_meta={
            "truncated": {**oa.BOOLEAN, "description": _("Only the most relevant results are listed.")},
            "query": oa.obj({"text": oa.STRING, "terms": oa.array(oa.STRING)}),
            "facets": oa.obj({"types": oa.array(_facet("type")), "topics": oa.array(_facet("topic"))}),
        },
        parameters=[
            oa.query_parameter(
                "q",
                _("The words to search for (at most %(length)d characters).") % {"length": MAX_QUERY_CHARACTERS},
                {"type": "string", "maxLength": MAX_QUERY_CHARACTERS},
            ),
            oa.query_parameter(
                "type",
                str(_("Types of results, separated by commas: %(types)s.")) % {"types": ", ".join(kinds)},
                oa.STRING,
            ),
            oa.query_parameter("topic", _("A topic's slug."), oa.STRING),
        ],
        detail_parameters=frozenset(["format", "_"]),
        example="?q=economie%20socială",
    )


class SearchAPIViewSet(BaseAPIViewSet):
    """Ranked, faceted search results; a detail is one search document (`/api/v2/search/<id>/`)."""

    model = SearchDocument
    name = "search"
    known_query_parameters = frozenset(["q", "type", "topic", "limit", "offset", "format", "_"])
    detail_query_parameters = frozenset(["format", "_"])
    find_query_parameters = frozenset(["id"])

    @classmethod
    def openapi(cls):
        return search_openapi()

    def get_queryset(self):
        return SearchDocument.objects.filter(kind__in=list(search_kinds())).order_by("pk")

    def _check_parameters(self, allowed):
        unknown = set(self.request.GET.keys()) - allowed
        if unknown:
            raise BadRequestError(
                f"query parameter is not an operation or a recognised filter: {', '.join(sorted(unknown))}"
            )

    def _kinds(self):
        if "type" not in self.request.GET:
            return []
        registry = search_kinds()
        kinds = [kind.strip() for kind in self.request.GET["type"].split(",") if kind.strip()]
        if not kinds:
            raise BadRequestError("type: give a value")
        unknown = [kind for kind in kinds if kind not in registry]
        if unknown:
            raise BadRequestError(f"unknown type: {', '.join(unknown)}; use one of: {', '.join(registry)}")
        return kinds

    def _topic(self):
        if "topic" not in self.request.GET:
            return None
        slug = self.request.GET["topic"].strip()
        if not slug:
            raise BadRequestError("topic: give a value")
        if not Topic.objects.filter(slug=slug[:255]).exists():
            raise BadRequestError(f"unknown topic: {slug}")
        return slug

    def _slice(self):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", DEFAULT_LIMIT)
        values = {}
        for name, default in (("offset", 0), ("limit", min(DEFAULT_LIMIT, limit_max))):
            try:
                values[name] = int(self.request.GET.get(name, default))
            except ValueError as error:
                raise BadRequestError(f"{name} must be a positive integer") from error
            if values[name] < 0:
                raise BadRequestError(f"{name} must be a positive integer")
        if values["limit"] > limit_max:
            raise BadRequestError(f"limit cannot be higher than {limit_max}")
        return values["offset"], values["offset"] + values["limit"]

    def listing_view(self, request):
        self._check_parameters(self.known_query_parameters)
        query = request.GET.get("q", "")
        if len(query) > MAX_QUERY_CHARACTERS:
            raise BadRequestError(f"q: at most {MAX_QUERY_CHARACTERS} characters")
        kinds, topic = self._kinds(), self._topic()
        start, stop = self._slice()
        outcome = find(query, kinds=kinds, topic=topic)
        hits = outcome.hits(start, stop) if outcome.ranked_ids else []
        prefetch_related_objects([hit.document for hit in hits], "topics")
        items = [
            self._item(hit.document, hit.kind_label, title_html=hit.title_html, snippet_html=hit.snippet_html)
            for hit in hits
        ]
        meta = {
            "total_count": outcome.total,
            # Only the RESULTS_LIMIT most relevant results are listed (an offset past them lists nothing).
            "truncated": outcome.truncated,
            "query": {"text": outcome.query.text, "terms": list(outcome.query.terms)},
            "facets": {
                "types": [
                    {"type": facet.key, "label": str(facet.label), "count": facet.count, "selected": facet.selected}
                    for facet in outcome.kind_facets
                ],
                "topics": [
                    {"topic": facet.key, "name": facet.label, "count": facet.count, "selected": facet.selected}
                    for facet in outcome.topic_facets
                ],
            },
        }
        return Response({"meta": meta, "items": items})

    def detail_view(self, request, pk):
        self._check_parameters(self.detail_query_parameters)
        document = self.get_queryset().filter(pk=pk).prefetch_related("topics").first()
        if document is None:
            raise Http404("not found")
        labels = {key: kind.label for key, kind in search_kinds().items()}
        return Response(self._item(document, labels.get(document.kind, "")))

    def _item(self, document, kind_label, *, title_html=None, snippet_html=None):
        if title_html is None:
            no_terms = parse_query("").folded_terms
            title_html, snippet_html = highlight(document.title, no_terms), snippet(document.body, no_terms)
        return {
            "id": document.pk,
            "type": document.kind,
            "type_label": str(kind_label),
            "title": document.title,
            "title_html": str(title_html),
            "url": get_full_url(self.request, document.url),
            "snippet": _plain(snippet_html),
            "snippet_html": str(snippet_html),
            "date": document.date.isoformat() if document.date else None,
            "closes_at": timezone.localtime(document.closes_at).isoformat() if document.closes_at else None,
            "topics": _topics(document),
        }
