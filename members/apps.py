from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import workflow_approved, workflow_rejected

        from . import signals

        workflow_approved.connect(signals.on_workflow_approved, dispatch_uid="members_workflow_approved")
        workflow_rejected.connect(signals.on_workflow_rejected, dispatch_uid="members_workflow_rejected")
