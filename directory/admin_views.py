"""Admin views of organizations: publishing and sending to moderation go through directory.services, and
publishing or approving one without a valid CUI is refused with a message.

The rule itself is Organization.publication_errors(); Organization.publish() enforces it for every
other path. These views ask it first, so that the moderator sees why and nothing is saved or published.

Two paths stay Wagtail's own. Saving the form (`save_instance`): Wagtail's create and edit actions also
handle the form's relations, autosave and concurrent editing (`overwrite_revision`), locks and drafts saved
before they validate, which directory.services would have to copy. Workflow actions (approve, request
changes, cancel, restart): the workflow's task publishes the approved revision through Organization.publish(),
and its signals reach directory.services.organization_moderation_finished (members/signals.py).
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.snippets.views.snippets import CreateView, EditView, WorkflowActionView

from . import services

# The workflow has one task: approving it publishes the organization.
GOING_LIVE_WORKFLOW_ACTIONS = {"approve"}


class PublicationCheckMixin:
    def is_going_live(self):
        return self.action == "publish" or (
            self.action == "workflow-action" and self.workflow_action in GOING_LIVE_WORKFLOW_ACTIONS
        )

    def is_valid(self, form):
        valid = super().is_valid(form)
        if valid and self.is_going_live():
            for error in form.instance.publication_errors():
                form.add_error("cui", error)
            valid = not form.errors
            if not valid:
                self.produced_error_code = "validation_error"
                self.produced_error_message = self.get_error_message()
        return valid


class ServiceActionsMixin:
    """The admin's "Publish" and "Submit for moderation" buttons call directory.services."""

    def publish_action(self):
        hook_response = self.run_hook("before_publish", self.request, self.object)
        if hook_response is not None:
            return hook_response
        services.organization_publish(organization=self.object, revision=self.new_revision, by=self.request.user)
        return self.run_hook("after_publish", self.request, self.object)

    def submit_action(self):
        services.organization_submit_for_moderation(organization=self.object, by=self.request.user)


class OrganizationCreateView(ServiceActionsMixin, PublicationCheckMixin, CreateView):
    pass


class OrganizationEditView(ServiceActionsMixin, PublicationCheckMixin, EditView):
    def get_success_message(self, instance=None):
        # Wagtail says only "updated" when a moderator approves from the edit form.
        if self.action == "workflow-action" and self.workflow_action in GOING_LIVE_WORKFLOW_ACTIONS:
            organization = self.model.objects.get(pk=(instance or self.object).pk)
            if organization.live and not organization.workflow_in_progress:
                return _("The organization “%(name)s” was approved and published.") % {"name": organization}
            return _("The changes to “%(name)s” were approved.") % {"name": organization}
        return super().get_success_message(instance)


class OrganizationWorkflowActionView(WorkflowActionView):
    """Approving from the dashboard or the listing: refused, back to the edit form, when there is no valid CUI."""

    def post(self, request, *args, **kwargs):
        if self.action_name in GOING_LIVE_WORKFLOW_ACTIONS:
            errors = self.task_state.revision.as_object().publication_errors()
            if errors:
                for error in errors:
                    messages.error(request, error)
                edit_url = self.get_edit_url()
                if request.headers.get("x-requested-with") == "XMLHttpRequest":
                    return self.render_modal_json(request, {"step": "success", "redirect": edit_url})
                return redirect(edit_url)
        return super().post(request, *args, **kwargs)

    def get_edit_url(self):
        return reverse(self.redirect_url_name, args=(quote(self.object.pk),))
