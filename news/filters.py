"""The news index's filters (`?tema=economie-sociala&eticheta=voluntariat`)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.models import Tag

from website.collation import romanian
from website.filters import ChoiceFilter, ListingFilterSet, topic_filter

from .models import NewsPageTag


def tag_options(filterset):
    """The tags of the listed articles only: a tag no article carries would always give nothing."""
    tagged = NewsPageTag.objects.filter(content_object__in=filterset.queryset.values("pk"))
    return Tag.objects.filter(pk__in=tagged.values("tag_id")).order_by(romanian("name")).values_list("slug", "name")


class NewsFilterSet(ListingFilterSet):
    """News by topic and by tag."""

    tema = topic_filter(empty_label=_("All topics"))
    eticheta = ChoiceFilter(
        label=pgettext_lazy("news filter", "Tag"),
        empty_label=_("All tags"),
        options=tag_options,
        field_name="tags__slug",
        count_by="tags__slug",
        api_name="tag",
    )
