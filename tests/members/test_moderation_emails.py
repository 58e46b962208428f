"""Wagtail's own moderation emails read as correct, formal Romanian (locale_overrides)."""

import pytest
from django.core import mail

from directory.models import Organization
from tests.factories.members import UserFactory
from website.groups import EDITORS

pytestmark = pytest.mark.django_db


def test_the_moderators_email_about_a_submitted_organization_is_grammatical(
    organization, moderator, staff_groups, django_capture_on_commit_callbacks
):
    editor = UserFactory(username="editor", first_name="Elena")
    editor.groups.add(staff_groups[EDITORS])
    organization.name = "Asociația Vecinii din Titan"
    organization.save_revision(user=editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Organization.get_default_workflow().start(organization, editor)
    to_moderator = [message for message in mail.outbox if moderator.email in message.to]
    assert to_moderator, [message.to for message in mail.outbox]
    text = to_moderator[0].subject + "\n" + to_moderator[0].body
    assert "Elementul „Asociația Vecinii din Titan” (organizație) a fost trimis" in text
    assert "Organizație" not in text.split("\n")[0]
