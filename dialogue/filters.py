"""The dialogue's listing filters (`?tema=<slug>&tip=asistenta&stare=fara-raspuns`), read by `/dialog/` (lenient: a
value it does not understand is ignored with a notice), under the API names `topic`, `kind` and `state`.

The filter set is given the threads the reader may see (`Thread.objects.visible_to(user)`): its counts never reveal
a thread the reader could not open.
"""

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from website.filters import ChoiceFilter, ListingFilterSet, topic_filter

from .models import ThreadKind

UNANSWERED, ANSWERED, SOLVED = "fara-raspuns", "cu-raspuns", "rezolvate"
# The answers' states, each a condition on the counters dialogue.services keep (no join, one row per thread).
STATE_CONDITIONS = {
    UNANSWERED: Q(reply_count=0),
    ANSWERED: Q(reply_count__gt=0),
    SOLVED: Q(accepted_reply__isnull=False),
}


class ThreadFilterSet(ListingFilterSet):
    """Threads by topic, kind and answers; the latest activity first."""

    tema = topic_filter(empty_label=_("Any topic"))
    tip = ChoiceFilter(
        label=_("Kind"),
        empty_label=_("Discussions and assistance requests"),
        choices=[(kind.value, capfirst(kind.label)) for kind in ThreadKind],
        field_name="kind",
        count_by="kind",
        api_name="kind",
    )
    stare = ChoiceFilter(
        label=_("Answers"),
        empty_label=_("With or without answers"),
        choices=[
            (UNANSWERED, _("Without replies")),
            (ANSWERED, _("With replies")),
            (SOLVED, _("Solved requests")),
        ],
        condition=STATE_CONDITIONS.__getitem__,
        api_name="state",
    )

    def order(self, threads, value):
        return threads.order_by("-last_activity_at", "-pk")
