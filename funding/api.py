"""`/api/v2/funding-calls/`: live, public funding calls with their derived status, funder, money and dates.

The same calls as the funding index, in its order (accepting applications first, the nearest deadline first, then
upcoming ones, then the latest closed); drafts and private calls never appear, not even by id. The index's filters
under their API names (`status`, `applicant_kind`, `topic`: funding/filters.py), a deadline range and `order` are
strict: a value not understood answers 400. Error messages are in English, like those of Wagtail's own endpoints:
they are read by developers.
"""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.views import BaseAPIViewSet

from directory.api import OrganizationField, organization_link_schema
from website import openapi as oa
from website.api_fields import OwnDetailUrlField, PageUrlField, moment_field
from website.api_views import FindBySlugMixin, StrictParametersMixin, requested_order
from website.collation import romanian
from website.filters import DateFilter

from .filters import FundingFilterSet
from .models import ApplicantKind, Currency, FundingCallPage
from .status import FundingStatus

# The fields `order=` takes: titles in Romanian order, calls without an amount last either way.
ORDERABLE_FIELDS = {"id", "title", "opens_on", "deadline", "amount_min", "amount_max", "first_published_at"}


def order_expression(name):
    return romanian(name) if name == "title" else F(name)


class FundingCallAPIFilterSet(FundingFilterSet):
    """The index's filters and the deadline's range, in Bucharest calendar days (both ends included)."""

    termen_dupa = DateFilter(
        label=_("Deadline on or after"), field_name="deadline", lookup_expr="gte", api_name="deadline_after"
    )
    termen_inainte = DateFilter(
        label=_("Deadline on or before"), field_name="deadline", lookup_expr="lte", api_name="deadline_before"
    )


class FundingCallFilter(BaseFilterBackend):
    """`status`, `applicant_kind`, `topic`, `deadline_after`, `deadline_before` (YYYY-MM-DD) and `slug`."""

    def filter_queryset(self, request, queryset, view):
        queryset = FundingCallAPIFilterSet.from_api(request.GET, queryset, now=timezone.now()).apply(queryset)
        if "slug" in request.GET:
            queryset = queryset.filter(slug=request.GET["slug"])
        return queryset


class FundingCallOrderingFilter(BaseFilterBackend):
    """`order=deadline`, `order=-amount_max`, … among a few fields, separated by commas; by default the index's."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if not order:
            return queryset
        columns = [
            order_expression(name).desc(nulls_last=True) if descending else order_expression(name).asc(nulls_last=True)
            for name, descending in requested_order(order, ORDERABLE_FIELDS)
        ]
        return queryset.order_by(*columns, "pk")


def funding_call_schema():
    """A call as this endpoint shows it (FundingCallPage.api_fields and the fields above)."""
    organization = organization_link_schema()
    money = oa.nullable(oa.NUMBER)
    fields = {
        "title": oa.STRING,
        "intro": oa.STRING,
        "body": {
            **oa.array(oa.obj({"type": oa.STRING, "value": {}, "id": oa.STRING}, required=["type", "value"])),
            "description": _("The call's content; rich text as HTML with real links."),
        },
        "topics": oa.array(oa.ref("Topic")),
        "listing_image": oa.nullable(oa.RENDITION),
        "funder": {**oa.STRING, "description": _("The funder's name: its directory entry's, else as written.")},
        "funder_organization": {
            **oa.nullable(organization),
            "description": _("The funder's entry in the directory, when it is published there."),
        },
        "programme": oa.STRING,
        "applicant_kinds": oa.array(
            oa.obj({"code": {"type": "string", "enum": list(ApplicantKind.Code.values)}, "label": oa.STRING})
        ),
        "amount_min": money,
        "amount_max": money,
        "currency": {"type": "string", "enum": list(Currency.values)},
        "cofinancing_percent": {**oa.nullable(oa.NUMBER), "description": _("The applicant's share of the budget.")},
        "opens_on": oa.DATE,
        "opens_at": {**oa.DATE_TIME, "description": _("Applications are accepted from this moment.")},
        "deadline": oa.DATE_TIME,
        "official_url": oa.STRING,
        "documents": oa.array(oa.obj({"title": oa.STRING, "url": oa.URL, "file_extension": oa.STRING})),
        "status": {"type": "string", "enum": list(FundingStatus.values)},
        "status_label": {**oa.STRING, "description": _("The status as the website says it (in Romanian).")},
    }
    schema = oa.item_schema({"html_url": oa.URL, "slug": oa.STRING}, fields)
    schema["required"] = ["id", "meta", *fields]
    return schema


class FundingCallAPIViewSet(StrictParametersMixin, FindBySlugMixin, BaseAPIViewSet):
    """Live, public funding calls, in the funding index's order."""

    model = FundingCallPage
    name = "funding-calls"
    filter_backends = [FundingCallFilter, FundingCallOrderingFilter]
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "order", "format", "_"]
        + sorted(FundingCallAPIFilterSet.api_parameters())
        + ["slug"]
    )
    find_query_parameters = frozenset(["id", "slug"])
    meta_fields = [*BaseAPIViewSet.meta_fields, "html_url", "slug"]
    body_fields = [*BaseAPIViewSet.body_fields, "title", APIField("opens_at", serializer=moment_field())]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "html_url",
        "slug",
        "title",
        "intro",
        "funder",
        "funder_organization",
        "programme",
        "status",
        "status_label",
        "opens_at",
        "deadline",
        "amount_min",
        "amount_max",
        "currency",
        "applicant_kinds",
        "topics",
    ]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title", "slug"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "detail_url": OwnDetailUrlField(read_only=True),
            "html_url": PageUrlField(read_only=True),
            # The directory's way of naming an organization, as in every other endpoint (the pages endpoint keeps
            # the page type's own); only while its entry is published.
            "funder_organization": OrganizationField(source="public_funder_organization", read_only=True),
            "deadline": moment_field(),
        }

    @classmethod
    def openapi(cls):
        return oa.EndpointSchema(
            summary=_("Funding calls"),
            description=_(
                "Live, public funding calls, those accepting applications first (the nearest deadline first), then "
                "upcoming ones, then the latest closed; with their status, funder, amounts, dates and who may apply."
            ),
            item_name="FundingCall",
            item=funding_call_schema(),
            parameters=[
                *oa.filterset_parameters(FundingCallAPIFilterSet),
                oa.query_parameter(
                    "order",
                    _(
                        "Order by one of these fields, `-field` for descending order, several separated by commas: "
                        "%(fields)s."
                    )
                    % {"fields": ", ".join(sorted(ORDERABLE_FIELDS))},
                    {"type": "string"},
                ),
                oa.query_parameter("slug", _("The funding call with this slug."), oa.STRING),
            ],
            example="?status=deschis&applicant_kind=ong",
        )

    def get_queryset(self):
        return FundingCallPage.objects.live().public().order_by_deadline(now=timezone.now()).for_listing()
