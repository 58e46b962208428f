import hashlib
import re

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from .query import search, suggest
from .text import parse_query

# At most this many `tip` values are read; more say nothing a visitor meant.
MAX_KIND_PARAMETERS = 20
SLUG = re.compile(r"^[-a-z0-9]{1,100}$")
# Suggestions change when something is published: browsers and the server keep them this long (seconds).
SUGGESTIONS_MAX_AGE = 300


def _clean(value):
    # PostgreSQL refuses NUL characters in text: a query that holds one must still get a page, not a 500.
    return str(value or "").replace("\x00", "")


@require_GET
def search_page(request):
    """/cautare/?q=…&tip=…&tema=…&page=…: results for anything typed, never an error page."""
    query = _clean(request.GET.get("q"))
    kinds = [_clean(kind) for kind in request.GET.getlist("tip")[:MAX_KIND_PARAMETERS] if kind]
    topic = _clean(request.GET.get("tema"))
    result = search(
        query,
        kinds=kinds,
        topic=topic if SLUG.match(topic) else None,
        page=_clean(request.GET.get("page")),
    )
    ignored = list(result.outcome.ignored)
    if topic and not SLUG.match(topic):
        ignored.append(("tema", topic))
    context = {
        "query": result.outcome.query,
        "outcome": result.outcome,
        "page_obj": result.page_obj,
        "hits": result.page_obj.object_list,
        "ignored": ignored,
    }
    return render(request, "search/search.html", context)


@require_GET
def suggestions(request):
    """/cautare/sugestii/?q=…[&tip=organizatii]: JSON titles completing `q` for the search boxes, each with its kind
    and address. Anything typed gives a list (empty when nothing fits), never an error; answers are cached."""
    parsed = parse_query(_clean(request.GET.get("q")))
    kinds = [kind for kind in (_clean(value) for value in request.GET.getlist("tip")[:MAX_KIND_PARAMETERS]) if kind]
    kinds = sorted(set(kinds))
    if any(not SLUG.match(kind) for kind in kinds):
        items = []
    else:
        # One cache entry per meaning: "Bucureşti", "bucuresti" and "BUCUREȘTI" share theirs.
        meaning = "\n".join([",".join(kinds), " ".join(parsed.folded_terms)])
        key = "search:suggestions:" + hashlib.sha256(meaning.encode()).hexdigest()
        items = cache.get(key)
        if items is None:
            items = [
                {"title": item.title, "type": item.kind, "type_label": str(item.kind_label), "url": item.url}
                for item in suggest(parsed.text, kinds=kinds or None)
            ]
            cache.set(key, items, SUGGESTIONS_MAX_AGE)
    response = JsonResponse({"query": parsed.text, "count": len(items), "suggestions": items})
    patch_cache_control(response, public=True, max_age=SUGGESTIONS_MAX_AGE)
    return response
