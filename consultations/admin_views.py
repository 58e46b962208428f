"""Recommendations and public-debate requests in the Wagtail admin: listings with filters, the export of every
recommendation with its answer, and bulk approval or rejection through the participation core's moderation."""

from dataclasses import dataclass
from typing import Any

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.viewsets.model import ModelViewSetGroup

from participation import moderation
from participation.admin_views import ReadOnlyModelViewSet, person_name
from participation.follows import MAX_ID
from participation.models import ModerationState
from website.spreadsheets import SafeSpreadsheetExportMixin

from .models import ConsultationPage, DebateRequest, Response, ResponseAnswer

EXCERPT_WORDS = 20
# The plain-database search of the recommendations listing (and of its "select all" bulk actions).
RESPONSE_SEARCH_FIELDS = ["text", "section"]
# Values of the listing's `answer` filter besides the verdicts.
ANSWERED, WAITING_FOR_ANSWER = "answered", "waiting"
RESPONSES_VIEWSET = "consultations_response"


def on_behalf_of(response):
    return response.organization.name if response.organization_id else _("on their own behalf")


def answer_of(response):
    return getattr(response, "answer", None)


def verdict_label(response):
    if answer := answer_of(response):
        return answer.get_verdict_display()
    return _("waiting for an answer") if response.moderation_state == ModerationState.APPROVED else ""


def recommendations_url(*, consultation=None, **filters):
    """The recommendations listing, filtered (`moderation_state=`, `answer=`, …) and on one consultation if given."""
    query = {"consultation": getattr(consultation, "pk", consultation), **filters} if consultation else filters
    url = reverse(f"{RESPONSES_VIEWSET}:index")
    return f"{url}?{urlencode(query)}" if query else url


def recommendation_counts(consultation):
    """How many recommendations a consultation has, wait for moderation, and wait (approved) for an answer."""
    return Response.objects.filter(consultation=consultation).aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(moderation_state=ModerationState.PENDING)),
        unanswered=Count("pk", filter=Q(moderation_state=ModerationState.APPROVED, answer__isnull=True)),
    )


def recommendation_totals():
    """{consultation id: number of recommendations}, for every consultation, in one query."""
    return dict(Response.objects.values_list("consultation").annotate(total=Count("pk")).order_by())


# The recommendations listing


class ResponseFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Consultation"), queryset=ConsultationPage.objects.order_by("-closes_at", "-pk")
    )
    moderation_state = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("Moderation"), choices=ModerationState.choices, widget=forms.CheckboxSelectMultiple
    )
    answer = django_filters.ChoiceFilter(
        label=gettext_lazy("The authority's answer"),
        choices=[
            (WAITING_FOR_ANSWER, gettext_lazy("Waiting for an answer")),
            (ANSWERED, gettext_lazy("Answered")),
            *ResponseAnswer.Verdict.choices,
        ],
        method="filter_answer",
    )
    on_behalf = django_filters.BooleanFilter(
        label=gettext_lazy("On behalf of an organization"), method="filter_on_behalf"
    )

    class Meta:
        model = Response
        fields = []

    def filter_answer(self, queryset, name, value):
        if value == WAITING_FOR_ANSWER:
            return queryset.filter(moderation_state=ModerationState.APPROVED, answer__isnull=True)
        if value == ANSWERED:
            return queryset.filter(answer__isnull=False)
        return queryset.filter(answer__verdict=value) if value else queryset

    def filter_on_behalf(self, queryset, name, value):
        return queryset if value is None else queryset.filter(organization__isnull=not value)


def listing_queryset(request, queryset=None):
    """The recommendations the listing shows for the request's filters and search (the bulk actions' "select all")."""
    queryset = Response.objects.all() if queryset is None else queryset
    filters = ResponseFilterSet(request.GET, queryset=queryset, request=request)
    if filters.is_valid():
        queryset = filters.qs
    if search := request.GET.get("q", "").strip():
        condition = Q()
        for field in RESPONSE_SEARCH_FIELDS:
            condition |= Q(**{f"{field}__icontains": search})
        queryset = queryset.filter(condition)
    return queryset


@dataclass(frozen=True)
class ExportColumn:
    key: str
    heading: Any
    value: Any


# Every column of the export, once: never the author's email.
EXPORT_COLUMNS = [
    ExportColumn("consultation", gettext_lazy("Consultation"), lambda r: r.consultation.title),
    ExportColumn("created_at", gettext_lazy("Sent at"), lambda r: r.created_at),
    ExportColumn("on_behalf_of", gettext_lazy("On behalf of"), on_behalf_of),
    ExportColumn("author", gettext_lazy("Author"), lambda r: person_name(r.author)),
    ExportColumn("section", gettext_lazy("Article or section"), lambda r: r.section),
    ExportColumn("text", gettext_lazy("Recommendation"), lambda r: r.text),
    ExportColumn("moderation_state", gettext_lazy("Moderation"), lambda r: r.get_moderation_state_display()),
    ExportColumn("verdict", gettext_lazy("Answer"), verdict_label),
    ExportColumn("justification", gettext_lazy("Justification"), lambda r: getattr(answer_of(r), "justification", "")),
    ExportColumn("answered_at", gettext_lazy("Answered at"), lambda r: getattr(answer_of(r), "answered_at", None)),
]


class ResponseIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    """Every recommendation, newest first; moderators select pending ones to approve or reject them together."""

    export_headings = {column.key: column.heading for column in EXPORT_COLUMNS}

    @cached_property
    def is_moderator(self):
        return moderation.is_moderator(self.request.user)

    @cached_property
    def columns(self):
        title = self._get_title_column_class(TitleColumn)(
            "text",
            label=_("Recommendation"),
            accessor=lambda response: Truncator(response.text).words(EXCERPT_WORDS),
            get_url=self.get_title_url,
            get_title_id=lambda response: f"response_{response.pk}_title",
        )
        columns = [
            Column("consultation", label=_("Consultation"), accessor="consultation.title"),
            Column("author", label=_("Author"), accessor=lambda response: person_name(response.author)),
            Column("organization", label=_("On behalf of"), accessor=on_behalf_of),
            Column("section", label=_("Article or section")),
            title,
            StatusTagColumn(
                "moderation_state",
                label=_("Moderation"),
                accessor="get_moderation_state_display",
                primary=lambda response: response.moderation_state == ModerationState.PENDING,
                sort_key="moderation_state",
            ),
            Column("verdict", label=_("Answer"), accessor=verdict_label),
            DateColumn("created_at", label=_("Sent at"), sort_key="created_at"),
        ]
        if self.is_moderator:
            columns.insert(0, BulkActionsCheckboxColumn("bulk_actions", obj_type="response"))
        return columns

    def get_title_url(self, response):
        """Moderators open the core's decision page; other staff read the recommendation."""
        if self.is_moderator:
            return reverse("participation_moderation:decide", args=["recomandari", response.pk])
        return self.get_inspect_url(response)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("consultation", "organization", "author", "answer")

    def get_filename(self):
        consultation = self.filters.form.cleaned_data.get("consultation") if self.is_filtering else None
        return f"{self.export_filename}-{consultation.slug}" if consultation else self.export_filename

    def to_row_dict(self, item):
        return {column.key: column.value(item) for column in EXPORT_COLUMNS}

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["show_bulk_actions"] = self.is_moderator
        return context


class ResponseInspectView(generic.InspectView):
    def get_author_display_value(self):
        return person_name(self.object.author)

    def get_organization_display_value(self):
        return on_behalf_of(self.object)

    def get_field_label(self, field_name, field):
        if field_name == "answer":
            return _("The authority's answer")
        return super().get_field_label(field_name, field)

    def get_answer_display_value(self):
        answer = answer_of(self.object)
        if answer is None or not answer.justification:
            return verdict_label(self.object) or "—"
        return f"{answer.get_verdict_display()}: {answer.justification}"


class ResponseViewSet(ReadOnlyModelViewSet):
    model = Response
    name = RESPONSES_VIEWSET
    url_prefix = "recomandari"
    icon = "comment"
    menu_label = gettext_lazy("Recommendations")
    index_view_class = ResponseIndexView
    inspect_view_class = ResponseInspectView
    index_template_name = "consultations/admin/response_index.html"
    filterset_class = ResponseFilterSet
    search_fields = RESPONSE_SEARCH_FIELDS
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_export = [column.key for column in EXPORT_COLUMNS]
    export_filename = "recomandari"
    inspect_view_fields = [
        "consultation",
        "author",
        "organization",
        "section",
        "text",
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "created_at",
        "answer",
    ]


# Public-debate requests


class DebateRequestFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Consultation"), queryset=ConsultationPage.objects.order_by("-closes_at", "-pk")
    )

    class Meta:
        model = DebateRequest
        fields = []


class DebateRequestIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "organization",
                label=_("Organization"),
                accessor="organization.name",
                get_url=self.get_inspect_url,
            ),
            Column("consultation", label=_("Consultation"), accessor="consultation.title"),
            Column("requested_by", label=_("Asked by"), accessor=lambda item: person_name(item.requested_by)),
            DateColumn("created_at", label=_("Asked at"), sort_key="created_at"),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("consultation", "organization", "requested_by")


class DebateRequestInspectView(generic.InspectView):
    def get_requested_by_display_value(self):
        return person_name(self.object.requested_by)


class DebateRequestViewSet(ReadOnlyModelViewSet):
    model = DebateRequest
    name = "consultations_debaterequest"
    url_prefix = "cereri-dezbatere"
    icon = "group"
    menu_label = gettext_lazy("Public debate requests")
    index_view_class = DebateRequestIndexView
    inspect_view_class = DebateRequestInspectView
    filterset_class = DebateRequestFilterSet
    search_fields = ["organization__name", "consultation__title"]
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = ["consultation", "organization", "requested_by", "created_at"]


class ConsultationsViewSetGroup(ModelViewSetGroup):
    """The "Consultări" menu: recommendations and public-debate requests, beside the moderation queue."""

    items = (ResponseViewSet, DebateRequestViewSet)
    menu_label = gettext_lazy("Consultations")
    menu_icon = "doc-full"
    menu_order = 195


# Bulk moderation from the recommendations listing


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy("The authors see it in “Contul meu”."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Give the reason: the authors will see it.")},
    )


class ResponseModerationBulkAction(BulkAction):
    """Approve or reject the selected recommendations, each through `submission_moderate` (checks, log, reason).

    Only moderators; a recommendation whose state does not allow the action is reported and left as it is.
    """

    models = [Response]
    template_name = "consultations/admin/bulk_moderate.html"

    def dispatch(self, request, *args, **kwargs):
        if not moderation.is_moderator(request.user):
            # A plain 403, not the admin's redirect to the dashboard: editors reach this only by its address.
            context = {"next": recommendations_url()}
            return TemplateResponse(request, "consultations/admin/moderators_only.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        if not isinstance(object_ids, QuerySet):
            object_ids = {int(pk) for pk in object_ids if pk.isdigit() and int(pk) <= MAX_ID}
        items = list(
            model.objects.filter(pk__in=object_ids).select_related("consultation").order_by("created_at", "pk")
        )
        if not items:
            raise Http404
        return items

    def get_all_objects_in_listing_query(self, parent_id):
        return listing_queryset(self.request).values_list("pk", flat=True)

    def object_context(self, obj):
        return {
            "item": obj,
            "excerpt": Truncator(obj.text).words(EXCERPT_WORDS),
            "pending": obj.moderation_state == ModerationState.PENDING,
            "url": reverse("participation_moderation:decide", args=["recomandari", obj.pk]),
        }

    def get_execution_context(self):
        self.refused = []
        reason = self.cleaned_form.cleaned_data.get("reason", "")
        return {"action": self.action_type, "by": self.request.user, "reason": reason, "refused": self.refused}

    @classmethod
    def execute_action(cls, objects, *, action, by, reason="", refused=None, **kwargs):
        done = 0
        for response in objects:
            try:
                moderation.submission_moderate(submission=response, action=action, by=by, reason=reason)
            except ValidationError as error:
                if refused is not None:
                    refused.append((response, " ".join(error.messages)))
            else:
                done += 1
        return done, 0

    def form_valid(self, form):
        result = super().form_valid(form)
        for response, message in getattr(self, "refused", []):
            messages.error(
                self.request,
                _("Not changed: “%(item)s” (%(consultation)s). %(reason)s")
                % {
                    "item": Truncator(response.text).words(8),
                    "consultation": response.consultation.title,
                    "reason": message,
                },
            )
        return result


class ApproveResponsesBulkAction(ResponseModerationBulkAction):
    display_name = gettext_lazy("Approve")
    action_type = "approve"
    aria_label = gettext_lazy("Approve the selected recommendations")
    action_priority = 10

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return None
        return ngettext(
            "%(count)d recommendation approved and published.",
            "%(count)d recommendations approved and published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectResponsesBulkAction(ResponseModerationBulkAction):
    display_name = gettext_lazy("Reject")
    action_type = "reject"
    aria_label = gettext_lazy("Reject the selected recommendations")
    action_priority = 20
    classes = {"serious"}
    form_class = RejectForm

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return None
        return ngettext(
            "%(count)d recommendation rejected; its author sees the reason.",
            "%(count)d recommendations rejected; their authors see the reason.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
