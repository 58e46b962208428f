"""`/api/v2/proposals/`: public collaboration proposals (accepted, in progress, completed) for partners.

Each proposal comes with its two organizations and its accepted partners (each linked to the `organizations`
endpoint and to its profile), its public timeline (states and dates only: who acted and why stays between the two
sides) and the website's filters (`state`, `authority`, `topic`, `sector`, strict: 400 on a value not understood).
Drafts and proposals under review, private messages, attachments, partners' offers not (yet) accepted and people
never appear. Error messages are in English, like those of Wagtail's own endpoints: they are read by developers.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v2.views import BaseAPIViewSet

from directory.api import SECTOR_SCHEMA, OrganizationField, organization_data, organization_link_schema
from directory.models import SectorSerializer
from website import openapi as oa
from website.api_fields import moment, moment_field
from website.api_views import StrictParametersMixin
from website.models import TopicSerializer

from . import selectors
from .filters import ProposalFilterSet
from .models import PUBLIC_STATES, Proposal, ProposalState


class PartnersField(Field):
    """The accepted partners, in the order they joined, with their role in the project (offers never)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, proposal):
        partners = getattr(proposal, "accepted_partner_list", None)
        if partners is None:  # not prefetched (a proposal read outside this endpoint)
            partners = list(selectors.accepted_partners(proposal).order_by("created_at"))
        return [
            {
                "organization": organization_data(self.context, partner.organization),
                "role": partner.role,
                "joined_at": moment(partner.decided_at),
            }
            for partner in partners
        ]


class TimelineField(Field):
    """The public timeline, oldest first: each state the proposal reached and when (no people, no comments)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, proposal):
        logs = getattr(proposal, "timeline_list", None)
        if logs is None:
            logs = selectors.timeline(proposal)
        return [
            {"state": entry["state"], "state_label": str(entry["label"]), "at": moment(entry["at"])}
            for entry in selectors.public_timeline_entries(logs)
        ]


class ResultsField(Field):
    """What the project achieved: public once it is completed (while it runs, it is still being written)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, proposal):
        return proposal.results_summary if proposal.state == ProposalState.COMPLETED else None


class HtmlUrlField(Field):
    """The proposal's public page on the website, as an absolute URL (null while the site has none)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, proposal):
        url = proposal.get_absolute_url()
        return get_full_url(self.context["request"], url) if url else None


def _money():
    return serializers.DecimalField(11, 2, coerce_to_string=False, read_only=True)


class ProposalFilter(BaseFilterBackend):
    """`state` (accepted, in_progress, completed), `authority`, `topic`, `sector` (slugs): the website's filters
    (proposals/filters.py) under their English names; a value that is not understood answers 400."""

    def filter_queryset(self, request, queryset, view):
        return ProposalFilterSet.from_api(request.GET, queryset).apply(queryset)


def proposal_schema():
    """A proposal as this endpoint shows it (its `body_fields` and the fields above)."""
    organization = organization_link_schema()
    money = oa.nullable(oa.NUMBER)
    fields = {
        "title": oa.STRING,
        "summary": oa.STRING,
        "problem": oa.STRING,
        "activities": oa.STRING,
        "target_group": oa.STRING,
        "beneficiaries_count": oa.nullable(oa.INTEGER),
        "topics": oa.array(oa.ref("Topic")),
        "sectors": oa.array(oa.ref("Sector")),
        "proposing_organization": organization,
        "addressed_authority": oa.nullable(organization),
        "partners": {
            **oa.array(
                oa.obj({"organization": organization, "role": oa.STRING, "joined_at": oa.nullable(oa.DATE_TIME)})
            ),
            "description": _("The accepted partners, in the order they joined."),
        },
        "budget_ron": money,
        "cofinancing_ron": money,
        "duration_months": oa.nullable(oa.INTEGER),
        "state": {"type": "string", "enum": [state.value for state in PUBLIC_STATES]},
        "state_label": oa.STRING,
        "decided_at": oa.nullable(oa.DATE_TIME),
        "completed_at": oa.nullable(oa.DATE_TIME),
        "results_summary": {**oa.nullable(oa.STRING), "description": _("Once the project is completed.")},
        "timeline": {
            **oa.array(oa.obj({"state": oa.STRING, "state_label": oa.STRING, "at": oa.nullable(oa.DATE_TIME)})),
            "description": _("The states the proposal reached and when, oldest first."),
        },
    }
    schema = oa.item_schema({"html_url": oa.nullable(oa.URL)}, fields)
    schema["required"] = ["id", "meta", *fields]
    return schema


class ProposalAPIViewSet(StrictParametersMixin, BaseAPIViewSet):
    """Public proposals, the latest decision first."""

    model = Proposal
    name = "proposals"
    filter_backends = [ProposalFilter]
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "format", "_"] + sorted(ProposalFilterSet.api_parameters())
    )
    find_query_parameters = frozenset(["id"])
    meta_fields = [*BaseAPIViewSet.meta_fields, "html_url"]
    body_fields = [
        *BaseAPIViewSet.body_fields,
        APIField("title"),
        APIField("summary"),
        APIField("problem"),
        APIField("activities"),
        APIField("target_group"),
        APIField("beneficiaries_count"),
        APIField("topics", serializer=TopicSerializer(many=True, read_only=True)),
        APIField("sectors", serializer=SectorSerializer(many=True, read_only=True)),
        APIField("proposing_organization", serializer=OrganizationField(read_only=True)),
        APIField("addressed_authority", serializer=OrganizationField(read_only=True)),
        APIField("partners", serializer=PartnersField(read_only=True)),
        APIField("budget_ron", serializer=_money()),
        APIField("cofinancing_ron", serializer=_money()),
        APIField("duration_months"),
        APIField("state"),
        APIField("state_label", serializer=serializers.CharField(source="get_state_display", read_only=True)),
        APIField("decided_at", serializer=moment_field()),
        APIField("completed_at", serializer=moment_field()),
        APIField("results_summary", serializer=ResultsField(read_only=True)),
        APIField("timeline", serializer=TimelineField(read_only=True)),
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "html_url",
        "title",
        "summary",
        "state",
        "state_label",
        "proposing_organization",
        "addressed_authority",
        "partners",
        "topics",
        "sectors",
        "beneficiaries_count",
        "budget_ron",
        "cofinancing_ron",
        "duration_months",
        "decided_at",
        "timeline",
    ]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), "html_url": HtmlUrlField(read_only=True)}

    @classmethod
    def openapi(cls):
        return oa.EndpointSchema(
            summary=_("Collaboration proposals"),
            description=_(
                "Public collaboration proposals (accepted, in progress, completed), the latest decision first, with "
                "their organizations, accepted partners, budget and public timeline."
            ),
            item_name="Proposal",
            item=proposal_schema(),
            parameters=oa.filterset_parameters(ProposalFilterSet),
            components={"Sector": SECTOR_SCHEMA},
            example="?state=in_progress",
        )

    def get_queryset(self):
        return selectors.public_proposals()

    def paginate_queryset(self, queryset):
        # The page's timelines in one query, whatever its length.
        return selectors.attach_timelines(super().paginate_queryset(queryset))

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = selectors.attach_timelines([super().get_object()])[0]
        return self._cached_object
