"""Reading the public directory: filters shared by the website, the exports and the API, and their counts."""

from dataclasses import dataclass, replace

from django.db.models import Count

from website.collation import romanian, romanian_sort_key
from website.models import Topic

from .models import Organization, Sector
from .text import fold

ORDERINGS = {
    "nume": ("sort_name", "pk"),
    "recente": ("-first_published_at", "-pk"),
}
DEFAULT_ORDERING = "nume"
MAX_VALUES_PER_FILTER = 30
MAX_SEARCH_LENGTH = 200


def public_organizations():
    """Published organizations: the values moderators approved last, never drafts or pending changes."""
    return Organization.objects.live()


@dataclass(frozen=True)
class DirectoryFilters:
    """What the reader asked for; several values of one filter widen it, different filters narrow each other."""

    search: str = ""
    kinds: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    seeking_partners: bool | None = None
    verified: bool | None = None
    slug: str = ""
    ordering: str = DEFAULT_ORDERING

    @classmethod
    def from_site_query(cls, query):
        """The filters of the public directory's query string (`q`, `tip`, `sector`, `tema`, …).

        Values that match nothing simply give no results; nothing here can fail.
        """
        ordering = _clean(query.get("ordine", ""))
        return cls(
            search=_clean(query.get("q", ""))[:MAX_SEARCH_LENGTH].strip(),
            kinds=_values(query.getlist("tip")),
            sectors=_values(query.getlist("sector")),
            topics=_values(query.getlist("tema")),
            seeking_partners=True if _is_yes(query.get("parteneri")) else None,
            verified=True if _is_yes(query.get("verificat")) else None,
            ordering=ordering if ordering in ORDERINGS else DEFAULT_ORDERING,
        )

    @property
    def is_filtered(self):
        return self != replace(DirectoryFilters(), ordering=self.ordering)

    @property
    def active_count(self):
        """How many values narrow the results (the "Filtre (N active)" button says it)."""
        chosen = (self.kinds, self.sectors, self.topics)
        flags = (self.search, self.slug, self.seeking_partners, self.verified)
        return sum(len(values) for values in chosen) + sum(1 for flag in flags if flag)

    def apply(self, queryset, *, skip=None):
        """`queryset` narrowed by every filter except `skip` (used to count the values of that filter)."""
        for word in fold(self.search).split():
            queryset = queryset.filter(search_text__contains=word)
        if self.slug:
            queryset = queryset.filter(slug=self.slug)
        if self.kinds and skip != "kinds":
            queryset = queryset.filter(kind__in=self.kinds)
        if self.sectors and skip != "sectors":
            # A subquery rather than a join: an organization in two chosen sectors is still one result.
            in_sectors = Organization.sectors.through.objects.filter(sector__slug__in=self.sectors)
            queryset = queryset.filter(pk__in=in_sectors.values("organization_id"))
        if self.topics and skip != "topics":
            with_topics = Organization.topics.through.objects.filter(topic__slug__in=self.topics)
            queryset = queryset.filter(pk__in=with_topics.values("organization_id"))
        if self.seeking_partners is not None and skip != "seeking_partners":
            queryset = queryset.filter(seeking_partners=self.seeking_partners)
        if self.verified is not None and skip != "verified":
            queryset = queryset.filter(verified=self.verified)
        return queryset

    def ordered(self, queryset):
        return queryset.order_by(*ORDERINGS.get(self.ordering, ORDERINGS[DEFAULT_ORDERING]))

    def facets(self, queryset):
        """For each filter, its values with how many organizations the filter would give if that value were added.

        Each filter is counted against the others (not itself), so choosing one kind still shows how many
        organizations the other kinds have. Seven queries, whatever the size of the directory. Kinds and topics
        are in Romanian alphabetical order; sectors keep their own (Sector 1 to 6, then the whole city).
        """
        kind_counts = dict(
            self.apply(queryset, skip="kinds").order_by().values_list("kind").annotate(count=Count("pk"))
        )
        sector_counts = _counts(Organization.sectors.through, "sector__slug", self.apply(queryset, skip="sectors"))
        topic_counts = _counts(Organization.topics.through, "topic__slug", self.apply(queryset, skip="topics"))
        return {
            "kinds": [
                FacetValue(value, label, kind_counts.get(value, 0), value in self.kinds)
                for value, label in _kinds_in_romanian_order()
            ],
            "sectors": [
                FacetValue(sector.slug, sector.name, sector_counts.get(sector.slug, 0), sector.slug in self.sectors)
                for sector in Sector.objects.all()
            ],
            "topics": [
                FacetValue(topic.slug, topic.name, topic_counts.get(topic.slug, 0), topic.slug in self.topics)
                for topic in Topic.objects.order_by(romanian("name"))
            ],
            "seeking_partners": self.apply(queryset, skip="seeking_partners").filter(seeking_partners=True).count(),
            "verified": self.apply(queryset, skip="verified").filter(verified=True).count(),
        }


def _kinds_in_romanian_order():
    """(value, label) of every kind, sorted by its Romanian name, with "other entity" last."""
    others = Organization.Kind.OTHER
    return sorted(
        Organization.Kind.choices, key=lambda choice: (choice[0] == others, romanian_sort_key(str(choice[1])))
    )


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def _counts(through, value_path, organizations):
    rows = (
        through.objects.filter(organization_id__in=organizations.order_by().values("pk"))
        .values_list(value_path)
        .annotate(count=Count("organization_id"))
        .order_by()
    )
    return dict(rows)


def _clean(value):
    # PostgreSQL refuses NUL characters in text parameters. The replacement character keeps such a
    # value unknown (it matches nothing) instead of turning it into a valid one.
    return str(value).replace("\x00", "\ufffd")


def _values(values):
    cleaned = (_clean(value).strip() for value in values[:MAX_VALUES_PER_FILTER])
    return tuple(dict.fromkeys(value for value in cleaned if value))


def _is_yes(value):
    return _clean(value or "").strip().lower() in {"1", "da", "true", "on", "yes"}
