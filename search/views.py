import re

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .query import search

# At most this many `tip` values are read; more say nothing a visitor meant.
MAX_KIND_PARAMETERS = 20
SLUG = re.compile(r"^[-a-z0-9]{1,100}$")


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
