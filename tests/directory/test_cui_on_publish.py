"""Every published organization has a valid fiscal code (CUI): publishing or approving one without it is refused."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import WorkflowState

from directory.models import Organization
from tests.directory.test_moderation import form_data
from tests.factories.directory import OrganizationFactory, valid_cui

pytestmark = pytest.mark.django_db

ADMIN = "wagtailsnippets_directory_organization"
REFUSAL = "O organizație publicată trebuie să aibă cod fiscal (CUI)"


@pytest.fixture
def submitted_without_cui(client, editor):
    """A new organization without a CUI, sent to the moderators by an editor."""
    client.force_login(editor)
    draft = Organization(name="Fundația Fără Cod", kind=Organization.Kind.FOUNDATION, cui=None)
    response = client.post(
        reverse(f"{ADMIN}:add"),
        {**form_data(draft, slug="fundatia-fara-cod", topics=[], sectors=[]), "action-submit": "1"},
    )
    assert response.status_code == 302
    client.logout()
    organization = Organization.objects.get(slug="fundatia-fara-cod")
    assert organization.workflow_in_progress
    return organization


def test_publishing_a_revision_without_cui_is_refused():
    organization = OrganizationFactory(cui=None, publish=False)

    with pytest.raises(ValidationError) as raised:
        organization.latest_revision.publish()

    assert REFUSAL in " ".join(raised.value.messages)
    organization.refresh_from_db()
    assert not organization.live


def test_publishing_a_revision_with_a_wrong_check_digit_is_refused():
    organization = OrganizationFactory(publish=False)
    Organization.objects.filter(pk=organization.pk).update(cui="4267118")
    organization.refresh_from_db()
    revision = organization.save_revision(clean=False)

    with pytest.raises(ValidationError):
        revision.publish()

    assert not Organization.objects.get(pk=organization.pk).live


def test_the_database_refuses_a_live_organization_without_cui():
    organization = OrganizationFactory(publish=False)
    Organization.objects.filter(pk=organization.pk).update(cui=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.filter(pk=organization.pk).update(live=True)


def test_a_moderator_cannot_publish_a_new_organization_without_cui(client, moderator):
    client.force_login(moderator)
    draft = Organization(name="Asociația Fără Cod", kind=Organization.Kind.ASSOCIATION, cui=None)

    response = client.post(
        reverse(f"{ADMIN}:add"),
        {**form_data(draft, slug="asociatia-fara-cod", topics=[], sectors=[]), "action-publish": "1"},
    )

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not Organization.objects.filter(slug="asociatia-fara-cod").exists()


def test_a_moderator_approving_from_the_edit_form_without_cui_is_refused(client, moderator, submitted_without_cui):
    client.force_login(moderator)
    latest = submitted_without_cui.get_latest_revision_as_object()

    response = client.post(
        reverse(f"{ADMIN}:edit", args=[submitted_without_cui.pk]),
        {**form_data(latest), "action-workflow-action": "1", "workflow-action-name": "approve"},
    )

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    submitted_without_cui.refresh_from_db()
    assert not submitted_without_cui.live
    assert submitted_without_cui.workflow_in_progress


def test_a_moderator_approving_from_the_dashboard_without_cui_is_refused(client, moderator, submitted_without_cui):
    client.force_login(moderator)
    task_state = submitted_without_cui.current_workflow_task_state
    url = reverse(f"{ADMIN}:workflow_action", args=[submitted_without_cui.pk, "approve", task_state.pk])

    response = client.post(url, {"comment": ""}, follow=True)

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    submitted_without_cui.refresh_from_db()
    assert not submitted_without_cui.live
    assert (
        WorkflowState.objects.get(object_id=str(submitted_without_cui.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    )


def test_approving_once_the_cui_is_added_publishes(client, moderator, submitted_without_cui):
    client.force_login(moderator)
    latest = submitted_without_cui.get_latest_revision_as_object()

    response = client.post(
        reverse(f"{ADMIN}:edit", args=[submitted_without_cui.pk]),
        {
            **form_data(latest, cui=valid_cui(7654321)),
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        },
    )

    assert response.status_code == 302
    assert Organization.objects.live().filter(pk=submitted_without_cui.pk).exists()
    # The moderator is told that it was approved and published, not Wagtail's "a fost actualizat(ă)".
    shown = client.get(response.url).content.decode()
    assert "Organizația „Fundația Fără Cod” a fost aprobată și publicată." in shown
    assert "actualizat(ă)" not in shown


def test_the_cui_of_a_published_organization_cannot_be_removed(client, editor):
    published = OrganizationFactory()
    client.force_login(editor)

    response = client.post(reverse(f"{ADMIN}:edit", args=[published.pk]), form_data(published, cui=""))

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert Organization.objects.get(pk=published.pk).get_latest_revision_as_object().cui == published.cui


def test_the_migration_unpublishes_live_organizations_with_a_wrong_cui():
    good = OrganizationFactory()
    wrong = OrganizationFactory()
    Organization.objects.filter(pk=wrong.pk).update(cui="4267118")
    migration = importlib.import_module("directory.migrations.0003_unpublish_organizations_without_cui")

    migration.unpublish_organizations_without_cui(apps, None)

    assert Organization.objects.get(pk=good.pk).live
    unpublished = Organization.objects.get(pk=wrong.pk)
    assert not unpublished.live
    assert unpublished.has_unpublished_changes
