"""The library's filters (`?tip=strategie&tema=<slug>&publicat_de=<slug>&an=2024&in_vigoare=da`), read by the index
page (lenient: a value it does not understand is ignored with a notice) and by the API on
`/api/v2/pages/?type=resources.ResourcePage` (strict: a 400), under the names `kind`, `topic`, `publisher`, `year`
and `in_force`.
"""

from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from website.collation import romanian_sort_key
from website.filters import ChoiceFilter, ListingFilterSet, YesNoFilter, topic_filter
from website.slugs import transliterate

from .models import POLICY_KINDS, ResourceKind
from .validity import in_force_condition


def publisher_options(filterset):
    """The publishers of the listed resources, by slug: their directory profile's (published ones only) and the
    names typed for the others, alphabetically. Kept on the filter set for the publisher's condition."""
    resources = filterset.queryset.order_by()
    organizations = Organization.objects.live().filter(pk__in=resources.values("publisher_organization_id"))
    publishers = {organization.slug: (organization.name, organization.pk, set()) for organization in organizations}
    names = (
        resources.filter(Q(publisher_organization__isnull=True) | Q(publisher_organization__live=False))
        .exclude(publisher_name="")
        .values_list("publisher_name", flat=True)
        .distinct()
    )
    # A name typed as a directory organization's name is that organization (an editor who did not choose it).
    by_name = {_folded(organization.name): organization.slug for organization in organizations}
    for name in names:
        slug = by_name.get(_folded(name)) or slugify(transliterate(name))[:100]
        if slug:
            label, organization_id, typed = publishers.get(slug, (name, None, set()))
            publishers[slug] = (label, organization_id, typed | {name})
    filterset.publishers = publishers
    # Sorted here: the names come from two places.
    options = [(slug, label) for slug, (label, _pk, _typed) in publishers.items()]
    return sorted(options, key=lambda option: romanian_sort_key(option[1]))


def _folded(name):
    return " ".join(transliterate(name).casefold().split())


def year_options(filterset):
    """The years of the listed resources, the latest first."""
    years = filterset.queryset.order_by("-year").values_list("year", flat=True).distinct()
    return [(str(year), str(year)) for year in years]


class InForceFilter(YesNoFilter):
    """`da`: strategies, policies and action plans in force today (Bucharest); `nu`: those that are not."""

    def condition(self, value):
        return self.parent.in_force_condition(value == "da")


class ResourceFilterSet(ListingFilterSet):
    """Resources by kind, topic, publisher, year and whether a strategy or policy is in force; newest first."""

    tip = ChoiceFilter(
        label=_("Kind"),
        empty_label=_("Any kind"),
        choices=ResourceKind.choices,
        field_name="kind",
        count_by="kind",
        api_name="kind",
    )
    tema = topic_filter(empty_label=_("Any topic"))
    publicat_de = ChoiceFilter(
        label=_("Publisher"),
        empty_label=_("Any publisher"),
        options=publisher_options,
        condition="publisher_condition",
        api_name="publisher",
    )
    an = ChoiceFilter(
        label=_("Year"),
        empty_label=_("Any year"),
        options=year_options,
        field_name="year",
        count_by="year",
        api_name="year",
    )
    in_vigoare = InForceFilter(
        label=_("In force (strategies and policies)"), empty_label=_("All"), api_name="in_force"
    )

    def publisher_condition(self, slug):
        label, organization_id, typed = getattr(self, "publishers", {}).get(slug, ("", None, set()))
        condition = Q(pk__in=[])
        if organization_id:
            condition |= Q(publisher_organization_id=organization_id)
        if typed:
            # A name typed for a resource whose directory profile is not published counts as that name.
            condition |= Q(publisher_name__in=typed) & (
                Q(publisher_organization__isnull=True) | Q(publisher_organization__live=False)
            )
        return condition

    def in_force_condition(self, in_force):
        now = self.context.get("now")
        condition = in_force_condition(now=now)
        policies = Q(kind__in=POLICY_KINDS)
        return policies & condition if in_force else policies & ~condition

    def order(self, resources, value):
        return resources.newest_first()
