"""The real worker: an email queued in the database is delivered by `manage.py db_worker`."""

import contextlib

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.tasks import task_backends
from django.test import override_settings

from participation import notifications
from participation.models import Notification

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def forget_task_backends():
    """Django caches the TASKS backends (and has no setting_changed receiver for them)."""
    task_backends.__dict__.pop("settings", None)
    with contextlib.suppress(AttributeError):
        del task_backends["default"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the production queue runs on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_queued_notification_email_is_delivered_by_the_worker(member):
    with override_settings(TASKS=DATABASE_QUEUE):
        forget_task_backends()
        try:
            notifications.notify(recipients=[member], kind="note", title="Trimisă de worker")
            assert mail.outbox == []  # queued, not sent by the request
            call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
        finally:
            forget_task_backends()
    assert [message.subject for message in mail.outbox] == ["[Bucureștiul social și solidar] Trimisă de worker"]
    assert Notification.objects.get().emailed_at is not None
