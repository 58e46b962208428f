"""Thin adapters from Wagtail's workflow signals to the directory's services."""

from directory.services import organization_moderation_finished


def on_workflow_approved(sender, instance, user=None, **kwargs):
    organization_moderation_finished(workflow_state=instance, approved=True)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    organization_moderation_finished(workflow_state=instance, approved=False)
