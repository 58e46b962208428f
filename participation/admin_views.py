"""The one moderation queue in the Wagtail admin, and the decision page of moderated submissions."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from . import moderation
from .follows import MAX_ID
from .models import Report

QUEUE_LIMIT = 50


class ModeratorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not moderation.is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModerationQueueView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Everything waiting for staff, of every registered kind, with a count per kind and a filter by kind."""

    template_name = "participation/admin/queue.html"
    page_title = gettext_lazy("Moderation")
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kinds = moderation.moderation_kinds()
        selected = self.request.GET.get("tip", "")
        if selected and selected not in kinds and selected != "rapoarte":
            selected = ""
        counts = moderation.pending_counts()
        sections = []
        for key, kind in kinds.items():
            if selected and key != selected:
                continue
            items = list(kind.pending()[:QUEUE_LIMIT])
            sections.append(
                {
                    "key": key,
                    "label": kind.label,
                    "count": counts[key],
                    "items": [
                        {
                            "obj": item,
                            "text": kind.describe(item) if kind.describe else str(item),
                            "url": kind.admin_url(item),
                        }
                        for item in items
                    ],
                }
            )
        reports = []
        if not selected or selected == "rapoarte":
            reports = list(
                Report.objects.filter(resolved_at__isnull=True)
                .select_related("reporter", "content_type")
                .prefetch_related("target")[:QUEUE_LIMIT]
            )
            for report in reports:
                kind = moderation.kind_for_model(report.content_type.model_class())
                report.item = report.target
                report.item_url = kind.admin_url(report.item) if kind and report.item is not None else ""
        context.update(
            {
                "filters": [{"key": key, "label": kind.label, "count": counts[key]} for key, kind in kinds.items()],
                "reports_count": counts["rapoarte"],
                "selected": selected,
                "sections": sections,
                "reports": reports,
                "show_reports": not selected or selected == "rapoarte",
            }
        )
        return context


class SubmissionDecisionView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A moderated submission, with the actions its state allows (approve, reject, hide, restore)."""

    template_name = "participation/admin/decision.html"
    page_title = gettext_lazy("Moderation")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        kind = moderation.moderation_kinds().get(kwargs["kind"])
        if kind is None or kwargs["pk"] > MAX_ID:
            raise Http404
        self.kind = kind
        self.item = kind.model._default_manager.filter(pk=kwargs["pk"]).first()
        if self.item is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "kind": self.kind,
                "item": self.item,
                "text": self.kind.describe(self.item) if self.kind.describe else str(self.item),
                "actions": [
                    {"action": t.action, "label": ACTION_LABELS[t.action], "comment_required": t.comment_required}
                    for t in moderation.MODERATION.available(self.item, self.request.user)
                ],
                "history": moderation_history(self.item),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        try:
            moderation.submission_moderate(
                submission=self.item, action=action, by=request.user, reason=request.POST.get("reason", "")
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return self.get(request, *args, **kwargs)
        messages.success(
            request,
            _("Done: “%(item)s” is now %(state)s.")
            % {
                "item": self.kind.describe(self.item) if self.kind.describe else self.item,
                "state": type(self.item)._default_manager.get(pk=self.item.pk).get_moderation_state_display(),
            },
        )
        return redirect(reverse("participation_moderation:queue") + f"?tip={self.kind.key}")


class ReportResolveView(ModeratorRequiredMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, pk):
        report = Report.objects.filter(pk=pk).first() if pk <= MAX_ID else None
        if report is None:
            raise Http404
        moderation.report_resolve(report=report, by=request.user)
        messages.success(request, _("The report is closed."))
        return redirect(reverse("participation_moderation:queue") + "?tip=rapoarte")


ACTION_LABELS = {
    "approve": gettext_lazy("Approve and publish"),
    "reject": gettext_lazy("Reject"),
    "hide": gettext_lazy("Hide"),
    "restore": gettext_lazy("Show again"),
}


def moderation_history(item):
    from .models import TransitionLog

    return TransitionLog.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=str(item.pk)
    ).select_related("actor")


# Shared by the admin listings of what members submit (consultations' recommendations, the dialogue's threads).


def person_name(user):
    """A member as staff see them here: the full name, never the email (nor the username, which may be one)."""
    if user is not None and user.get_full_name().strip():
        return user.get_full_name().strip()
    return _("A member of the platform")


class ReadOnlyModelViewSet(ModelViewSet):
    """A listing and a read-only detail page: these records change only through the services, never a form."""

    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    @property
    def url_finder_class(self):
        # Wherever Wagtail links to one of these records (reports, history), it opens the read-only page.
        return type("_ReadOnlyURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")})


class BlockCreateView(generic.CreateView):
    """The form that blocks a member, opened on one member from a submission's row (`?user=<id>`)."""

    def get_initial(self):
        initial = super().get_initial()
        user_id = self.request.GET.get("user", "")
        if user_id.isdigit() and 0 < int(user_id) <= MAX_ID:
            initial["user"] = int(user_id)
        return initial


def block_url(user_id=None):
    """Where a moderator blocks a member (that member, when given)."""
    url = reverse("participation_block:add")
    return f"{url}?user={user_id}" if user_id else url
