"""Proposals in the Wagtail admin: staff read every submitted proposal with its timeline, correct its content and
move it through the transition table, always through proposals.services (the state is never a form field).

Drafts, and drafts withdrawn before submission, belong to their organization alone: the admin neither lists nor
opens them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView

from website.spreadsheets import SafeSpreadsheetExportMixin

from . import permissions, selectors, services
from .files import attachment_response
from .models import CONTENT_FIELDS, Proposal, ProposalAttachment
from .workflow import ACTION_LABELS

STAFF_FIELDS = [*CONTENT_FIELDS, "results_summary"]


class ProposalPermissionPolicy(ModelPermissionPolicy):
    """Organizations create proposals ("Contul meu"); staff never add one, and never open a draft."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if instance.first_submitted_at is None:
            return False
        return self.user_has_permission(user, action)


def staff_proposal(pk):
    return get_object_or_404(
        Proposal.objects.ever_submitted().select_related("proposing_organization", "addressed_authority"), pk=pk
    )


class ProposalIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Exports through the project's one spreadsheet writer (formulas typed by members stay inert)."""


class TimelinePanel(Panel):
    """The proposal's state changes (who, on whose behalf, when, why), read-only, on the edit form."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "proposals/admin/timeline_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["timeline"] = list(selectors.timeline(self.instance)) if self.instance.pk else []
            return context


class ProposalEditView(EditView):
    """Saving corrects the content through services.proposal_update (which refuses a draft and checks who acts)."""

    def get_queryset(self):
        return Proposal.objects.ever_submitted().select_related("proposing_organization", "addressed_authority")

    def form_valid(self, form):
        self.form = form
        data = {name: form.cleaned_data[name] for name in STAFF_FIELDS if name in form.cleaned_data}
        try:
            self.object = services.proposal_update(proposal=self.object, by=self.request.user, data=data)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        log(instance=self.object, action="wagtail.edit", user=self.request.user)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


class ProposalInspectView(InspectView):
    """The whole proposal for staff: its content, partners, attachments, private messages and timeline, with the
    transitions a moderator may apply (POST: `action`, `comment`, `results_summary`)."""

    template_name = "proposals/admin/inspect.html"
    http_method_names = ["get", "post"]

    def get_object(self, queryset=None):
        return staff_proposal(self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.object
        context.update(
            proposal=proposal,
            timeline=list(selectors.timeline(proposal)),
            partners=list(selectors.partner_offers(proposal)),
            attachments=list(selectors.attachments(proposal)),
            comments=list(selectors.comments(proposal)),
            actions=[
                {
                    "action": transition.action,
                    "label": ACTION_LABELS[transition.action],
                    "comment_required": transition.comment_required,
                    "needs_results": transition.action == "complete",
                }
                for transition in permissions.available_actions(self.request.user, proposal)
            ],
            days_waiting=proposal.days_waiting,
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        results = request.POST.get("results_summary") if action == "complete" else None
        try:
            proposal = services.proposal_transition(
                proposal=self.object,
                action=action,
                by=request.user,
                comment=request.POST.get("comment", ""),
                results_summary=results,
            )
        except PermissionDenied:
            messages.error(request, _("You may not do this on this proposal."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Done: “%(item)s” is now %(state)s.")
                % {"item": proposal.title, "state": proposal.get_state_display()},
            )
        return redirect(request.path)


def attachment_download(request, pk):
    """An attachment, for staff allowed to see its proposal (never a draft's)."""
    attachment = get_object_or_404(
        ProposalAttachment.objects.select_related("proposal"), pk=pk, proposal__first_submitted_at__isnull=False
    )
    if not permissions.can_download_attachment(request.user, attachment.proposal):
        raise Http404
    return attachment_response(attachment)
