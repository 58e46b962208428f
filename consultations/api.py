"""`/api/v2/consultations/`: live, public consultations with their derived status, approved recommendations,
the authority's answers and counts.

Pending, rejected or hidden recommendations never appear; authors are named by `Response.public_author_name`
(the organization, else the member's full name), never by email. Error messages are in English, like those of
Wagtail's own endpoints: they are read by developers.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.views import BaseAPIViewSet

from website import openapi as oa
from website.api_fields import OwnDetailUrlField, PageUrlField, moment
from website.api_views import FindBySlugMixin, StrictParametersMixin

from .filters import ConsultationFilterSet
from .models import ActKind, ConsultationPage, ResponseAnswer, prefetch_public_responses
from .status import ConsultationStatus


class RecommendationsField(Field):
    """The approved recommendations, oldest first, each with the authority's answer (or null)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [
            {
                "id": response.pk,
                "author": response.public_author_name,
                "organization": (
                    {"id": response.organization.pk, "name": response.organization.name}
                    if response.organization_id
                    else None
                ),
                "section": response.section,
                "text": response.text,
                "created_at": moment(response.created_at),
                "answer": _answer(response),
            }
            for response in _public_responses(page)
        ]


class CountsField(Field):
    """How many recommendations were approved, how many answered, and the answers by verdict."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return recommendation_counts(_public_responses(page))


def _public_responses(page):
    responses = getattr(page, "public_response_list", None)
    if responses is None:  # not prefetched (a detail outside this endpoint)
        responses = list(page.public_responses())
    return sorted(responses, key=lambda response: (response.created_at, response.pk))


def _answer(response):
    answer = getattr(response, "answer", None)
    if answer is None:
        return None
    return {
        "verdict": answer.verdict,
        "verdict_label": answer.get_verdict_display(),
        "justification": answer.justification,
        "answered_at": moment(answer.answered_at),
    }


def recommendation_counts(responses):
    verdicts = [answer.verdict for response in responses if (answer := getattr(response, "answer", None))]
    return {
        "approved": len(responses),
        "answered": len(verdicts),
        "accepted": verdicts.count(ResponseAnswer.Verdict.ACCEPTED),
        "partly_accepted": verdicts.count(ResponseAnswer.Verdict.PARTLY),
        "not_accepted": verdicts.count(ResponseAnswer.Verdict.NOT_ACCEPTED),
    }


class ConsultationFilter(BaseFilterBackend):
    """`status`, `authority`, `topic`, `sector` (slugs), `closes_after`, `closes_before` (YYYY-MM-DD), `slug`.

    A value that is not understood answers 400 with a message, so a partner's typo never looks like an empty list.
    """

    def filter_queryset(self, request, queryset, view):
        queryset = ConsultationFilterSet.from_api(request.GET, queryset, now=timezone.now()).apply(queryset)
        if "slug" in request.GET:
            queryset = queryset.filter(slug=request.GET["slug"])
        return queryset


def consultation_schema():
    """A consultation as this endpoint shows it (ConsultationPage.api_fields and the fields above)."""
    moment = oa.nullable(oa.DATE_TIME)
    answer = oa.obj(
        {
            "verdict": {"type": "string", "enum": list(ResponseAnswer.Verdict.values)},
            "verdict_label": oa.STRING,
            "justification": oa.STRING,
            "answered_at": moment,
        }
    )
    recommendation = oa.obj(
        {
            "id": oa.INTEGER,
            "author": {**oa.STRING, "description": _("The organization, else the member's name; never an email.")},
            "organization": oa.nullable(oa.obj({"id": oa.INTEGER, "name": oa.STRING})),
            "section": oa.STRING,
            "text": oa.STRING,
            "created_at": moment,
            "answer": oa.nullable(answer),
        }
    )
    counts = oa.obj({name: {"type": "integer", "minimum": 0} for name in recommendation_counts([])})
    fields = {
        "title": oa.STRING,
        "intro": oa.STRING,
        "body": oa.array(oa.obj({"type": oa.STRING, "value": {}, "id": oa.STRING}, required=["type", "value"])),
        "topics": oa.array(oa.ref("Topic")),
        "listing_image": oa.nullable(oa.RENDITION),
        "authority": oa.nullable(oa.obj({"id": oa.INTEGER, "name": oa.STRING, "slug": oa.STRING})),
        "legal_basis": oa.STRING,
        "act_kind": {"type": "string", "enum": list(ActKind.values)},
        "opens_at": moment,
        "closes_at": moment,
        "debate_at": moment,
        "debate_place": oa.STRING,
        "debate_url": oa.STRING,
        "outcome": {**oa.STRING, "description": _("The adopted act's outcome, as HTML.")},
        "act_number": oa.STRING,
        "act_date": oa.nullable(oa.DATE),
        "status": {"type": "string", "enum": list(ConsultationStatus.values)},
        "recommendations": {**oa.array(recommendation), "description": _("Approved recommendations, oldest first.")},
        "counts": counts,
    }
    schema = oa.item_schema({"html_url": oa.URL, "slug": oa.STRING}, fields)
    schema["required"] = ["id", "meta", *fields]
    return schema


class ConsultationAPIViewSet(StrictParametersMixin, FindBySlugMixin, BaseAPIViewSet):
    """Live, public consultations, open ones closing soonest first, then upcoming, then the latest closed."""

    model = ConsultationPage
    name = "consultations"
    filter_backends = [ConsultationFilter]
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "format", "_"] + sorted(ConsultationFilterSet.api_parameters()) + ["slug"]
    )
    find_query_parameters = frozenset(["id", "slug"])
    meta_fields = [*BaseAPIViewSet.meta_fields, "html_url", "slug"]
    body_fields = [*BaseAPIViewSet.body_fields, "title", "recommendations", "counts"]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "html_url",
        "slug",
        "title",
        "authority",
        "act_kind",
        "status",
        "opens_at",
        "closes_at",
        "topics",
        "counts",
        "recommendations",
    ]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title", "slug"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "detail_url": OwnDetailUrlField(read_only=True),
            "html_url": PageUrlField(read_only=True),
            "recommendations": RecommendationsField(read_only=True),
            "counts": CountsField(read_only=True),
        }

    @classmethod
    def openapi(cls):
        return oa.EndpointSchema(
            summary=_("Public consultations"),
            description=_(
                "Live, public consultations on draft acts (Law 52/2003), open ones closing soonest first, with their "
                "status, the approved recommendations and the authority's answers."
            ),
            item_name="Consultation",
            item=consultation_schema(),
            parameters=[
                *oa.filterset_parameters(ConsultationFilterSet),
                oa.query_parameter("slug", _("The consultation with this slug."), oa.STRING),
            ],
            example="?status=open",
        )

    def get_queryset(self):
        now = timezone.now()
        return (
            ConsultationPage.objects.live()
            .public()
            .order_for_listing(now=now)
            .for_listing()
            .prefetch_related(prefetch_public_responses())
        )
