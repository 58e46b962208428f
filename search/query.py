"""The site-wide search: ranked, faceted, highlighted results for a visitor's query.

`search(query, kinds=…, topic=…, page=…)` answers the /cautare/ page; `find(query, kinds=…, topic=…)` is the same
search without a page, for other readers (the API slices it with `hits(start, stop)`). Matching is the search
backend's (Wagtail's; search.backends on SQLite and PostgreSQL); the order is decided here, the same everywhere:

1. a document whose title is the query (an organization's name typed in full), then those whose title holds every
   word, then the rest (a title match ranks above a body match);
2. among title matches, documents with a priority (organizations: their name) first; then, in each group, those
   still open (calls, consultations: `closes_at` not passed) before closed ones;
3. then the backend's relevance.

Only the best RESULTS_LIMIT matches are ranked and paged; counts (total, facets) cover every match.
Queries per search are constant: facets (2), topics' names (1), ranked matches (1), the page's documents (1).

`suggest(query)` completes titles for the search boxes (one query); `matching_object_ids` and `ranked_object_ids`
let a listing filter and order its own objects by the search (the directory).
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from website.models import Topic

from .models import SearchDocument
from .registry import search_kinds, suggested_kinds
from .text import highlight as highlight_text
from .text import matched_terms, normalize, parse_query, snippet, words

RESULTS_LIMIT = 500
TOPIC_FACETS_SHOWN = 12
RANKING_FIELDS = ["id", "kind", "title", "priority", "closes_at"]
# Suggestions: at most this many, chosen among the backend's best SUGGESTION_CANDIDATES completions, for a query
# of at least SUGGESTION_MIN_CHARACTERS letters or digits.
SUGGESTIONS_LIMIT = 8
SUGGESTION_CANDIDATES = 40
SUGGESTION_MIN_CHARACTERS = 2
# Search backends that compute results outside the database (OpenSearch) hand back at most this many matches
# for `matching_object_ids`.
EXTERNAL_MATCHES_LIMIT = 10_000


@dataclass(frozen=True)
class Facet:
    key: str
    label: Any
    count: int
    selected: bool


@dataclass(frozen=True)
class Hit:
    """One result: its document, the kind's label, the title and a snippet with the matched words in <mark>."""

    document: SearchDocument
    kind_label: Any
    title_html: str
    snippet_html: str

    @property
    def is_closed(self):
        closes_at = self.document.closes_at
        return closes_at is not None and closes_at <= timezone.now()


@dataclass
class SearchOutcome:
    """All a search found, ranked; `hits(start, stop)` builds the results of one slice."""

    query: Any
    kinds: list
    topic: Topic | None
    ignored: list = field(default_factory=list)
    total: int = 0
    ranked_ids: list = field(default_factory=list)
    kind_facets: list = field(default_factory=list)
    topic_facets: list = field(default_factory=list)

    @property
    def truncated(self):
        return self.total > len(self.ranked_ids)

    def hits(self, start=0, stop=None):
        ids = self.ranked_ids[start:stop]
        documents = SearchDocument.objects.in_bulk(ids)
        labels = {key: kind.label for key, kind in search_kinds().items()}
        terms = self.query.folded_terms
        return [
            Hit(
                document=documents[pk],
                kind_label=labels.get(documents[pk].kind, ""),
                title_html=highlight_text(documents[pk].title, terms),
                snippet_html=snippet(documents[pk].body, terms),
            )
            for pk in ids
            if pk in documents
        ]


@dataclass
class SearchPage:
    """A page of results for /cautare/: `outcome` (counts, facets) and `page_obj` (paginator page of hits)."""

    outcome: SearchOutcome
    page_obj: Any


def find(query, *, kinds=None, topic=None):
    """Search the public documents for `query` (any text), optionally in some kinds (keys) and one topic (slug).

    Unknown kinds and topics are left out and listed in `ignored` as (parameter, value) pairs; nothing here fails
    on what a visitor types.
    """
    parsed = parse_query(query)
    registry = search_kinds()
    kinds = list(dict.fromkeys(str(kind) for kind in (kinds or [])))
    ignored = [("tip", kind) for kind in kinds if kind not in registry]
    kinds = [kind for kind in kinds if kind in registry]
    topic_obj = None
    if topic:
        topic_obj = Topic.objects.filter(slug=str(topic)[:100]).first()
        if topic_obj is None:
            ignored.append(("tema", str(topic)))
    outcome = SearchOutcome(query=parsed, kinds=kinds, topic=topic_obj, ignored=ignored)
    if not parsed:
        return outcome

    backend = get_search_backend()
    documents = SearchDocument.objects.filter(kind__in=list(registry))
    in_topic = documents.filter(topics__slug=topic_obj.slug) if topic_obj else documents
    in_kinds = documents.filter(kind__in=kinds) if kinds else documents

    kind_counts = backend.search(parsed.search_string, in_topic, order_by_relevance=False).facet("kind")
    topic_counts = backend.search(parsed.search_string, in_kinds, order_by_relevance=False).facet("topics")
    outcome.total = sum(count for kind, count in kind_counts.items() if not kinds or kind in kinds)
    outcome.kind_facets = [
        Facet(key=key, label=kind.label, count=kind_counts.get(key, 0), selected=key in kinds)
        for key, kind in registry.items()
        if kind_counts.get(key) or key in kinds
    ]
    outcome.topic_facets = _topic_facets(topic_counts, topic_obj)
    if not outcome.total:
        return outcome

    targets = in_kinds.filter(topics__slug=topic_obj.slug) if topic_obj else in_kinds
    matches = backend.search(parsed.search_string, targets.only(*RANKING_FIELDS))[:RESULTS_LIMIT]
    outcome.ranked_ids = [document.pk for document in rank(list(matches), parsed)]
    return outcome


def _topic_facets(counts, selected):
    counts = {pk: count for pk, count in counts.items() if pk is not None}
    shown = sorted(counts, key=lambda pk: -counts[pk])[:TOPIC_FACETS_SHOWN]
    if selected and selected.pk not in shown:
        shown.append(selected.pk)
    topics = Topic.objects.in_bulk(shown)
    selected_pk = selected.pk if selected else None
    facets = [
        Facet(key=topics[pk].slug, label=topics[pk].name, count=counts.get(pk, 0), selected=pk == selected_pk)
        for pk in shown
        if pk in topics
    ]
    return sorted(facets, key=lambda facet: (-facet.count, normalize(facet.label)))


def rank(documents, parsed, *, now=None):
    """`documents` (in the backend's order of relevance) in the site's order (see the module's docstring)."""
    now = now or timezone.now()
    terms = parsed.folded_terms
    query = " ".join(terms)

    def key(item):
        position, document = item
        if " ".join(words(normalize(document.title))) == query:
            title_rank = 2
        elif len(matched_terms(document.title, terms)) == len(terms):
            title_rank = 1
        else:
            title_rank = 0
        is_open = document.closes_at is None or document.closes_at > now
        # A priority (an organization's) counts where the title matches: its name, not a mention in its text.
        priority = document.priority if title_rank else 0
        return (-title_rank, -priority, not is_open, position)

    return [document for _position, document in sorted(enumerate(documents), key=key)]


def search(query, *, kinds=None, topic=None, page=1, per_page=None):
    """A page of results for /cautare/: bad page numbers give the first page, numbers past the end the last."""
    outcome = find(query, kinds=kinds, topic=topic)
    paginator = Paginator(outcome.ranked_ids, per_page or settings.SEARCH_PER_PAGE)
    page_obj = paginator.get_page(page)
    page_obj.object_list = outcome.hits(page_obj.start_index() - 1, page_obj.end_index()) if outcome.ranked_ids else []
    return SearchPage(outcome=outcome, page_obj=page_obj)


@dataclass(frozen=True)
class Suggestion:
    """A title that completes what a visitor typed: where it leads and what kind of thing it is."""

    kind: str
    kind_label: Any
    title: str
    url: str


def suggest(query, *, kinds=None, limit=SUGGESTIONS_LIMIT):
    """Titles that complete `query` (the last word may be cut short: "asoc zâm"), ranked like results: organization
    names and page titles of the suggested kinds (`kinds`, keys, narrows them). Never fails on what is typed."""
    parsed = parse_query(query)
    registry = suggested_kinds()
    selected = [kind for kind in dict.fromkeys(kinds or registry) if kind in registry]
    if not selected or len("".join(parsed.folded_terms)) < SUGGESTION_MIN_CHARACTERS:
        return []
    documents = SearchDocument.objects.filter(kind__in=selected).only(*RANKING_FIELDS, "url")
    # Folded words: every backend finds them (documents store both spellings; OpenSearch's autocomplete folds).
    completions = get_search_backend().autocomplete(" ".join(parsed.folded_terms), documents)
    ranked = rank(list(completions[:SUGGESTION_CANDIDATES]), parsed)[: max(0, limit)]
    return [
        Suggestion(
            kind=document.kind, kind_label=registry[document.kind].label, title=document.title, url=document.url
        )
        for document in ranked
    ]


def matching_object_ids(query, *, kind, model):
    """The primary keys of the objects of `kind` (a key; its objects are `model`'s) that `query` finds, as a
    queryset to filter with `pk__in` (a subquery on the database backends, whatever the number of matches).

    For listings that filter by search beside their own filters and counts (the directory); nothing for a query
    without words.
    """
    parsed = parse_query(query)
    documents = SearchDocument.objects.filter(kind=kind)
    if parsed:
        results = get_search_backend().search(parsed.search_string, documents, order_by_relevance=False)
        if hasattr(results, "get_queryset"):  # database backends
            documents = results.get_queryset()
        else:
            documents = documents.filter(pk__in=[document.pk for document in results[:EXTERNAL_MATCHES_LIMIT]])
    else:
        documents = documents.none()
    pk_field = model._meta.pk
    if isinstance(pk_field, models.AutoField | models.IntegerField):
        object_pk = Cast("object_id", output_field=models.BigIntegerField())
    else:
        object_pk = models.F("object_id")
    return documents.order_by().annotate(object_pk=object_pk).values("object_pk")


def ranked_object_ids(query, *, kind, limit=RESULTS_LIMIT):
    """The `object_id`s (strings) of the best `limit` documents of `kind` for `query`, in the site's order (see the
    module's docstring): an organization whose name matches before one that only mentions the words."""
    parsed = parse_query(query)
    if not parsed:
        return []
    documents = SearchDocument.objects.filter(kind=kind).only(*RANKING_FIELDS, "object_id")
    matches = get_search_backend().search(parsed.search_string, documents)[:limit]
    return [document.object_id for document in rank(list(matches), parsed)]
