"""What the site-wide search finds: each app registers its public kinds, so that `search/` imports no app.

    @hooks.register(SEARCH_KINDS_HOOK)
    def news_search_kinds():
        return SearchKind(
            key="stiri", label=_("News"), model=NewsPage,
            public=lambda: NewsPage.objects.live().public(),
            document=lambda page: page_document(page, date=page.date),
        )

A hook returns one `SearchKind` or a list of them. `public()` is the one rule for what may be found: an object
outside it never has a search document (drafts, unpublished pages, private proposals, pending recommendations).
Documents follow saves and deletions of `model` (search.signals); `refresh_with` names other models whose changes
change this kind's public set (a consultation unpublished hides its recommendations).
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

SEARCH_KINDS_HOOK = "register_search_kinds"


@dataclass(frozen=True)
class DocumentData:
    """What a search result shows and what is searched, built by a kind's `document(obj)`."""

    title: str
    url: str
    # Plain text (no HTML): searched, and cut into the result's highlighted snippet.
    body: str = ""
    # The date a result shows (an article's date, a call's deadline); None shows none.
    date: datetime.date | None = None
    # When a call or consultation closes: open ones rank above closed ones for equal relevance.
    closes_at: datetime.datetime | None = None
    topics: tuple = ()
    # Ranks above other results whose title matches as well (an organization's name: 1).
    priority: int = 0


@dataclass(frozen=True)
class SearchKind:
    # The `tip` value in /cautare/?tip=… (Romanian, ASCII: "stiri", "organizatii").
    key: str
    # Plural, for the facets ("Știri", "Organizații").
    label: Any
    model: Any
    # () -> queryset of the objects that anyone may find.
    public: Any
    # (obj) -> DocumentData
    document: Any
    # Facets list kinds by `order`.
    order: int = 100
    # {model: (pk) -> queryset of this kind's objects to re-check when that model's object `pk` changes}.
    refresh_with: dict = field(default_factory=dict)
    # Whether its titles complete what a visitor types (/cautare/sugestii/): names and page titles, not titles
    # such as "Recomandare de la …".
    suggest: bool = True


_registered = {"hooks": None, "kinds": []}


def all_search_kinds():
    """Every registered kind, in their order; several may share a key (pages of two types listed as one)."""
    functions = tuple(hooks.get_hooks(SEARCH_KINDS_HOOK))
    # Asked on every save (search.signals): the kinds are built again only when the hooks change (tests).
    if _registered["hooks"] != functions:
        kinds = []
        for hook in functions:
            registered = hook()
            kinds.extend(registered if isinstance(registered, list | tuple) else [registered])
        _registered.update(hooks=functions, kinds=sorted(kinds, key=lambda kind: kind.order))
    return _registered["kinds"]


def search_kinds():
    """The kinds by key (the first registered for each key), in their order: what facets list."""
    result = {}
    for kind in all_search_kinds():
        result.setdefault(kind.key, kind)
    return result


def suggested_kinds():
    """The kinds by key whose titles the suggestions offer (`SearchKind.suggest`)."""
    return {key: kind for key, kind in search_kinds().items() if kind.suggest}


def kind_for_model(model):
    """The kind whose objects are `model`'s, or None."""
    for kind in all_search_kinds():
        if kind.model is model:
            return kind
    return None


def kinds_refreshed_by(model):
    """(kind, related objects function) pairs for the kinds whose public set depends on `model`'s objects."""
    return [
        (kind, related)
        for kind in all_search_kinds()
        for related_model, related in kind.refresh_with.items()
        if issubclass(model, related_model)
    ]
