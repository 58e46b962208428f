"""directory.services: the one way an organization is created, changed, sent to moderation and published."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from directory import services
from directory.models import Organization
from members.models import Membership
from tests.directory.test_moderation import form_data
from tests.factories.directory import OrganizationFactory, valid_cui
from tests.factories.members import UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "wagtailsnippets_directory_organization"


def data(**changes):
    return {"name": "Asociația Servicii", "kind": "asociatie", "cui": valid_cui(4102030), **changes}


def test_an_editor_creates_a_draft_but_cannot_publish(editor):
    organization = services.organization_create(data=data(), by=editor)
    assert not organization.live
    assert organization.latest_revision is not None
    with pytest.raises(PermissionDenied):
        services.organization_create(data=data(cui=valid_cui(3812345)), by=editor, publish=True)
    with pytest.raises(PermissionDenied):
        services.organization_publish(organization=organization, by=editor)


def test_a_moderator_creates_and_publishes(moderator, environment):
    organization = services.organization_create(data=data(topics=[environment]), by=moderator, publish=True)
    assert organization.live
    assert list(organization.topics.all()) == [environment]


def test_a_member_cannot_create_or_change_through_the_staff_services():
    member = UserFactory()
    with pytest.raises(PermissionDenied):
        services.organization_create(data=data(), by=member)
    with pytest.raises(PermissionDenied):
        services.organization_update(organization=OrganizationFactory(), data={"name": "Alt nume"}, by=member)
    assert not Organization.objects.filter(cui=valid_cui(4102030)).exists()


def test_values_are_validated_and_nothing_is_saved(moderator):
    with pytest.raises(ValidationError) as raised:
        services.organization_create(data=data(postal_code="12"), by=moderator, publish=True)
    assert "postal_code" in raised.value.message_dict
    assert not Organization.objects.exists()


def test_a_change_to_a_published_organization_waits_until_published(editor, moderator):
    organization = OrganizationFactory(name="Asociația Publică")
    revision = services.organization_update(organization=organization, data={"name": "Nume nou"}, by=editor)

    organization.refresh_from_db()
    assert organization.name == "Asociația Publică"
    assert organization.has_unpublished_changes

    services.organization_publish(organization=organization, revision=revision, by=moderator)
    organization.refresh_from_db()
    assert (organization.name, organization.has_unpublished_changes) == ("Nume nou", False)


def test_a_draft_takes_the_change_at_once(editor):
    organization = OrganizationFactory(name="Asociația Ciornă", publish=False)
    services.organization_update(organization=organization, data={"name": "Ciornă nouă"}, by=editor)
    organization.refresh_from_db()
    assert (organization.name, organization.live) == ("Ciornă nouă", False)


def test_publishing_without_a_cui_is_refused(moderator):
    organization = OrganizationFactory(cui=None, publish=False)
    with pytest.raises(ValidationError):
        services.organization_publish(organization=organization, by=moderator)
    assert not Organization.objects.get(pk=organization.pk).live


def test_submitting_for_moderation(editor):
    organization = OrganizationFactory(publish=False)
    with pytest.raises(PermissionDenied):
        services.organization_submit_for_moderation(organization=organization, by=UserFactory())
    assert not Organization.objects.get(pk=organization.pk).workflow_in_progress

    services.organization_submit_for_moderation(organization=organization, by=editor)
    assert Organization.objects.get(pk=organization.pk).workflow_in_progress


def test_a_member_registers_a_draft_that_waits_for_the_moderators():
    member = UserFactory()
    organization = services.organization_register(user=member, data=data(verified=True, slug="ales-de-membru"))

    assert not organization.live
    assert organization.workflow_in_progress
    # Staff-only fields are not the member's to set.
    assert (organization.verified, organization.slug) == (False, "asociatia-servicii")
    membership = Membership.objects.get(organization=organization)
    assert (membership.user, membership.role, membership.state) == (
        member,
        Membership.Role.ADMINISTRATOR,
        Membership.State.APPROVED,
    )


def test_the_admin_publishes_through_the_service(client, moderator, monkeypatch):
    calls = []
    publish = services.organization_publish

    def recording(**kwargs):
        calls.append(kwargs)
        return publish(**kwargs)

    monkeypatch.setattr(services, "organization_publish", recording)
    organization = OrganizationFactory(name="Asociația Admin")
    client.force_login(moderator)

    response = client.post(
        reverse(f"{ADMIN}:edit", args=[organization.pk]),
        {**form_data(organization, name="Asociația Admin Nouă"), "action-publish": "1"},
    )

    assert response.status_code == 302
    assert [call["by"] for call in calls] == [moderator]
    assert Organization.objects.get(pk=organization.pk).name == "Asociația Admin Nouă"


def test_the_admin_submits_through_the_service(client, editor, monkeypatch):
    calls = []
    submit = services.organization_submit_for_moderation

    def recording(**kwargs):
        calls.append(kwargs)
        return submit(**kwargs)

    monkeypatch.setattr(services, "organization_submit_for_moderation", recording)
    organization = OrganizationFactory(name="Asociația Trimisă", publish=False)
    client.force_login(editor)

    response = client.post(
        reverse(f"{ADMIN}:edit", args=[organization.pk]), {**form_data(organization), "action-submit": "1"}
    )

    assert response.status_code == 302
    assert [call["by"] for call in calls] == [editor]
    assert Organization.objects.get(pk=organization.pk).workflow_in_progress


def test_a_member_blocked_by_the_moderators_cannot_register_or_change_an_organization(moderator):
    from participation.moderation import member_block

    member = UserFactory()
    organization = OrganizationFactory()
    Membership.objects.create(
        user=member,
        organization=organization,
        role=Membership.Role.ADMINISTRATOR,
        state=Membership.State.APPROVED,
        decided_at=organization.first_published_at,
    )
    member_block(user=member, by=moderator, reason="Date false în profil")
    with pytest.raises(ValidationError, match="Date false în profil"):
        services.organization_register(user=member, data=data())
    with pytest.raises(ValidationError, match="Date false în profil"):
        services.organization_profile_submit_change(organization=organization, user=member, data=data(name="Alt nume"))
    assert not Organization.objects.filter(name="Asociația Servicii").exists()
    organization.refresh_from_db()
    assert organization.name != "Alt nume"
