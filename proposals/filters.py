"""The public proposals' filters (`?stare=accepted&autoritate=<slug>&tema=<slug>&sector=<slug>`), read by
`/propuneri/` (lenient: a value it does not understand is ignored with a notice) and by the API (strict: a 400)
under the names `state`, `authority`, `topic` and `sector`.

Only public proposals are ever filtered here: the options offer nothing a draft or a private proposal would reveal.
"""

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from directory.filters import authority_options_for, sector_options
from website.filters import ChoiceFilter, ListingFilterSet, topic_filter

from .models import PUBLIC_STATES

# The published authorities that received one of the listed (public) proposals.
authority_options = authority_options_for(
    "addressed_authority_id", related=Q(received_proposals__state__in=PUBLIC_STATES)
)


class ProposalFilterSet(ListingFilterSet):
    """Public proposals by state, addressed authority, topic and sector; the latest decision first."""

    stare = ChoiceFilter(
        label=_("State"),
        empty_label=_("Any state"),
        choices=[(state.value, capfirst(state.label)) for state in PUBLIC_STATES],
        field_name="state",
        api_name="state",
    )
    autoritate = ChoiceFilter(
        label=_("Addressed authority"),
        empty_label=_("Any authority"),
        options=authority_options,
        field_name="addressed_authority__slug",
        count_by="addressed_authority__slug",
        api_name="authority",
    )
    tema = topic_filter(empty_label=_("Any topic"))
    sector = ChoiceFilter(
        label=_("Sector"),
        empty_label=_("Any sector"),
        options=sector_options,
        field_name="sectors__slug",
        count_by="sectors__slug",
        api_name="sector",
    )

    def order(self, proposals, value):
        return proposals.order_by("-decided_at", "-pk")
