"""The guide index's filters (`?tema=economie-sociala&act=oug`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from website.filters import ChoiceFilter, ListingFilterSet, topic_filter

from .models import ActKind, LegalAct


class GuideFilterSet(ListingFilterSet):
    """Guides by topic and by the kind of act they cover (a law, an emergency ordinance, …)."""

    tema = topic_filter(empty_label=_("Any topic"))
    act = ChoiceFilter(
        label=_("Type of act"),
        empty_label=_("Any act"),
        choices=ActKind.choices,
        condition=lambda kind: Q(pk__in=LegalAct.objects.filter(kind=kind).values("page_id")),
        count_by="legal_acts__kind",
        api_name="act_kind",
    )
