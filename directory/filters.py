"""The public directory's filters (`?q=&tip=&sector=&tema=&parteneri=da&verificat=da&ordine=`).

Read by the listing, the open-data exports and the API; several values of one filter widen it, different filters
narrow each other. `q` is the site-wide search's (search/): its Romanian matching over the organizations' search
documents (name, short name, kind, description, partners sought, address, fiscal code), and with a query the
listing is ordered by relevance, organizations whose name matches first.
"""

from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from search.query import matching_object_ids, ranked_object_ids
from website.collation import romanian, romanian_sort_key
from website.filters import (
    ListingFilterSet,
    MultipleChoiceFilter,
    OrderingFilter,
    SearchFilter,
    YesNoFilter,
    topic_options,
)

from .models import Organization, Sector

MAX_SEARCH_LENGTH = 200
# The organizations' kind in the site-wide search (directory/wagtail_hooks.py registers it).
SEARCH_KIND = "organizatii"
RELEVANCE = "relevanta"
ORDERINGS = {
    "nume": ("sort_name", "pk"),
    "recente": ("-first_published_at", "-pk"),
}


def kind_options(filterset):
    """(value, label) of every kind, sorted by its Romanian name, with "other entity" last."""
    others = Organization.Kind.OTHER
    return sorted(
        Organization.Kind.choices, key=lambda choice: (choice[0] == others, romanian_sort_key(str(choice[1])))
    )


def sector_options(filterset=None):
    """Bucharest's sectors and the whole municipality, in their fixed order (every listing with a sector filter)."""
    return Sector.objects.values_list("slug", "name")


def authority_options_for(field, *, related):
    """The options of a filter by authority: the published authorities (Organization.AUTHORITY_KINDS), by slug in
    Romanian order, that the filter set's listed rows name through `field` ("authority_id"); without a queryset,
    those that `related` finds (a Q on Organization, e.g. Q(consultations__isnull=False))."""

    def authority_options(filterset=None):
        organizations = Organization.objects.live().filter(kind__in=Organization.AUTHORITY_KINDS)
        if filterset is not None and filterset.queryset is not None:
            organizations = organizations.filter(pk__in=filterset.queryset.order_by().values(field))
        else:
            organizations = organizations.filter(related).distinct()
        return organizations.order_by(romanian("name")).values_list("slug", "name")

    return authority_options


def search_condition(text):
    """The published organizations the site-wide search finds for `text` (a subquery: no query of its own)."""
    return Q(pk__in=matching_object_ids(text, kind=SEARCH_KIND, model=Organization))


def by_relevance(organizations, text):
    """`organizations` in the search's order for `text` (its best RESULTS_LIMIT), then by name."""
    ranked = [int(pk) for pk in ranked_object_ids(text, kind=SEARCH_KIND)]
    if not ranked:
        return organizations.order_by(*ORDERINGS["nume"])
    position = Case(*(When(pk=pk, then=Value(number)) for number, pk in enumerate(ranked)), default=Value(len(ranked)))
    return organizations.alias(relevance=position).order_by("relevance", *ORDERINGS["nume"])


def in_sectors(slugs):
    # A subquery rather than a join: an organization in two chosen sectors is still one result.
    return Q(pk__in=Organization.sectors.through.objects.filter(sector__slug__in=slugs).values("organization_id"))


def with_topics(slugs):
    return Q(pk__in=Organization.topics.through.objects.filter(topic__slug__in=slugs).values("organization_id"))


class DirectoryFilterSet(ListingFilterSet):
    """Organizations by name or activity, kind, sector, topic, partner search and verification."""

    q = SearchFilter(
        label=_("Search by name or activity"),
        condition=search_condition,
        max_length=MAX_SEARCH_LENGTH,
        api_name="search",
    )
    tip = MultipleChoiceFilter(
        label=_("Kind"), options=kind_options, field_name="kind", count_by="kind", api_name="kind"
    )
    sector = MultipleChoiceFilter(
        label=_("Sector"), options=sector_options, condition=in_sectors, count_by="sectors__slug", api_name="sector"
    )
    tema = MultipleChoiceFilter(
        label=_("Topic"), options=topic_options, condition=with_topics, count_by="topics__slug", api_name="topic"
    )
    parteneri = YesNoFilter(label=_("Seeking partners"), field_name="seeking_partners", api_name="seeking_partners")
    verificat = YesNoFilter(label=_("Verified by staff"), field_name="verified", api_name="verified")
    ordine = OrderingFilter(
        label=_("Sort by"),
        empty_label=None,
        choices=[
            (RELEVANCE, _("Relevance")),
            ("nume", _("Name (A–Z)")),
            ("recente", _("Newest in the directory")),
        ],
    )

    def order(self, organizations, value):
        if value in (None, RELEVANCE) and self.search:
            return by_relevance(organizations, self.search)
        return organizations.order_by(*ORDERINGS.get(value or "nume", ORDERINGS["nume"]))

    # What the directory's template reads.

    @property
    def search(self):
        return self.valid_values().get("q", "")

    @property
    def ordering(self):
        """The order shown: the one chosen, else relevance for a search and names otherwise."""
        chosen = self.valid_values().get("ordine")
        if chosen == RELEVANCE or not chosen:
            return RELEVANCE if self.search else "nume"
        return chosen

    def chosen(self, name):
        return self.valid_values().get(name) == "da"

    @property
    def seeking_partners(self):
        return self.chosen("parteneri")

    @property
    def verified(self):
        return self.chosen("verificat")

    def directory_facets(self):
        """The counts under the names the directory's template reads."""
        facets = self.facets()
        yes = {
            name: next(option.count for option in facets[name] if option.value == "da")
            for name in ("parteneri", "verificat")
        }
        return {
            "kinds": facets["tip"],
            "sectors": facets["sector"],
            "topics": facets["tema"],
            "seeking_partners": yes["parteneri"],
            "verified": yes["verificat"],
        }
