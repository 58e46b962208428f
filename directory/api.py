"""`/api/v2/organizations/`: the public directory for partners, with the website's filters.

Error messages are in English, like those of Wagtail's own endpoints: they are read by developers.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet

from website import openapi as oa
from website.api_views import FindBySlugMixin, StrictParametersMixin, requested_order

from .filters import DirectoryFilterSet
from .models import Organization
from .selectors import public_organizations

ORDERABLE_FIELDS = {"id", "name", "slug", "founding_year", "first_published_at", "last_published_at"}
# `name` orders by the diacritics-folded name, so "Școala" comes after "Sănătate", not after "Zâmbet".
ORDER_COLUMNS = {"name": "sort_name"}


def organization_data(context, organization):
    """An organization as other endpoints link it (a proposal's proposer, a thread's author, …): id, name, slug, its
    entry in this endpoint and its public profile (both null when it is not published); None for no organization."""
    if organization is None:
        return None
    published = organization.live
    request = context["request"]
    return {
        "id": organization.pk,
        "name": organization.name,
        "slug": organization.slug,
        "detail_url": (
            get_object_detail_url(context["router"], request, Organization, organization.pk) if published else None
        ),
        "html_url": get_full_url(request, organization.get_absolute_url()) if published else None,
    }


def organization_link_schema():
    """The OpenAPI schema of `organization_data` (not null itself: wrap it in `oa.nullable` where it may be)."""
    return oa.obj(
        {
            "id": oa.INTEGER,
            "name": oa.STRING,
            "slug": oa.STRING,
            "detail_url": {**oa.nullable(oa.URL), "description": _("Null when it is not in the directory.")},
            "html_url": oa.nullable(oa.URL),
        }
    )


class OrganizationField(Field):
    """An organization of another endpoint's object (see `organization_data`)."""

    def to_representation(self, organization):
        return organization_data(self.context, organization)


class ProfileUrlField(Field):
    """The organization's public profile on the website, as an absolute URL."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, organization):
        return get_full_url(self.context["request"], organization.get_absolute_url())


class OrganizationFilter(BaseFilterBackend):
    """The website's filters (directory/filters.py) under English names: `kind`, `sector`, `topic` (comma-separated
    values widen), `seeking_partners`, `verified`, `search`; and `slug`.

    Unknown values answer 400 with a message, so a partner's typo never looks like an empty directory.
    """

    def filter_queryset(self, request, queryset, view):
        # NUL characters, ids and the search's length and words are checked for every endpoint by website.api.
        queryset = DirectoryFilterSet.from_api(request.GET, queryset).apply(queryset)
        if "slug" in request.GET:
            queryset = queryset.filter(slug=request.GET["slug"])
        return queryset


class OrganizationOrderingFilter(BaseFilterBackend):
    """`order=name`, `order=-first_published_at`, … among a few fields; several separated by commas."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if not order:
            return queryset
        columns = [
            ("-" if descending else "") + ORDER_COLUMNS.get(name, name)
            for name, descending in requested_order(order, ORDERABLE_FIELDS)
        ]
        return queryset.order_by(*columns, "pk")


# A sector as the API shows it (SectorSerializer), for every endpoint that lists sectors.
SECTOR_SCHEMA = oa.obj({"slug": oa.STRING, "name": oa.STRING})


def organization_schema():
    """An organization as this endpoint shows it: its public fields (directory/fields.py) and their labels."""
    string = oa.STRING
    fields = {
        "name": string,
        "short_name": string,
        "slug": string,
        "kind": {"type": "string", "enum": list(Organization.Kind.values)},
        "kind_label": string,
        "cui": string,
        "registration_number": string,
        "founding_year": oa.nullable(oa.INTEGER),
        "description": string,
        "topics": oa.array(oa.ref("Topic")),
        "sectors": oa.array(oa.ref("Sector")),
        "address": string,
        "postal_code": string,
        "latitude": oa.nullable(oa.NUMBER),
        "longitude": oa.nullable(oa.NUMBER),
        "website": string,
        "email": {**string, "description": _("The organization's public contact address.")},
        "phone": string,
        "facebook_url": string,
        "linkedin_url": string,
        "instagram_url": string,
        "youtube_url": string,
        "logo": oa.nullable(oa.RENDITION),
        "social_service_provider": oa.BOOLEAN,
        "social_enterprise_certified": oa.BOOLEAN,
        "social_enterprise_certificate": string,
        "seeking_partners": oa.BOOLEAN,
        "partnership_text": string,
        "verified": {**oa.BOOLEAN, "description": _("Checked by the site's staff.")},
        "first_published_at": oa.nullable(oa.DATE_TIME),
        "last_published_at": oa.nullable(oa.DATE_TIME),
    }
    schema = oa.item_schema({"html_url": oa.URL}, fields)
    schema["required"] = ["id", "meta", *fields]
    return schema


class OrganizationAPIViewSet(StrictParametersMixin, FindBySlugMixin, BaseAPIViewSet):
    """Published organizations only; drafts and changes waiting for moderation never appear."""

    model = Organization
    name = "organizations"
    filter_backends = [OrganizationFilter, OrganizationOrderingFilter]
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "order", "search", "format", "_"]
        + sorted(DirectoryFilterSet.api_parameters())
        + ["slug"]
    )
    find_query_parameters = frozenset(["id", "slug"])
    meta_fields = [*BaseAPIViewSet.meta_fields, "html_url"]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "html_url",
        "name",
        "short_name",
        "slug",
        "kind",
        "sectors",
        "topics",
        "verified",
        "seeking_partners",
    ]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name", "slug"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), "html_url": ProfileUrlField(read_only=True)}

    @classmethod
    def openapi(cls):
        return oa.EndpointSchema(
            summary=_("Organizations of the directory"),
            description=_(
                "The published organizations: associations, foundations, social enterprises, public authorities. "
                "Filters as on the directory's page; a value that is not understood is a 400."
            ),
            item_name="Organization",
            item=organization_schema(),
            parameters=[
                *oa.filterset_parameters(DirectoryFilterSet),
                oa.query_parameter(
                    "order",
                    _(
                        "Order by one of these fields, `-field` for descending order, several separated by commas: "
                        "%(fields)s."
                    )
                    % {"fields": ", ".join(sorted(ORDERABLE_FIELDS))},
                    {"type": "string"},
                ),
                oa.query_parameter("slug", _("The organization with this slug (its address on the site)."), oa.STRING),
            ],
            components={"Sector": SECTOR_SCHEMA},
            example="?sector=sector-3&seeking_partners=da",
        )

    def get_queryset(self):
        return public_organizations().for_listing().order_by("sort_name", "pk")
