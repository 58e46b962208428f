"""A change to an organization's profile waits for a moderator; the public keeps seeing the approved version."""

import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Revision, WorkflowState

from directory import services
from directory.models import Organization
from tests.factories.directory import valid_cui
from tests.factories.members import MembershipFactory, UserFactory
from tests.members.test_member_area import profile_data
from website.groups import EDITORS

pytestmark = pytest.mark.django_db

ADMIN = "wagtailsnippets_directory_organization"


def public_texts(client, organization):
    """What the public channels say about the organization: profile page, listing, CSV, API list and detail."""
    profile = client.get(reverse("directory:detail", args=[organization.slug]))
    listing = client.get(reverse("directory:index")).content.decode()
    csv_text = b"".join(client.get(reverse("directory:export_csv")).streaming_content).decode("utf-8-sig")
    api_list = client.get("/api/v2/organizations/", {"fields": "name,description"}).json()["items"]
    api_detail = client.get(f"/api/v2/organizations/{organization.pk}/").json()
    return {
        "profile": profile.content.decode(),
        "listing": listing,
        "csv": csv_text,
        "api_list": json.dumps(api_list, ensure_ascii=False),
        "api_detail": json.dumps(api_detail, ensure_ascii=False),
    }


def submit_change(client, organization, **changes):
    response = client.post(
        reverse("members:organization_edit", args=[organization.pk]), profile_data(organization, **changes)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def moderator_decides(organization, moderator, action, **kwargs):
    organization = Organization.objects.get(pk=organization.pk)
    task_state = organization.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, action, **kwargs)


def test_profile_change_is_public_only_after_approval(
    client, organization, administrator, moderator, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    submit_change(client, organization, name="Asociația Titan Verde", description="Grădini și compost în Titan.")

    organization.refresh_from_db()
    assert organization.name == "Asociația Vecinii din Titan"
    assert organization.has_unpublished_changes
    latest = organization.get_latest_revision()
    assert latest.user == administrator
    assert latest.as_object().name == "Asociația Titan Verde"
    state = WorkflowState.objects.get(object_id=str(organization.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Moderare organizații"
    assert state.requested_by == administrator

    client.logout()
    for channel, text in public_texts(client, organization).items():
        assert "Asociația Vecinii din Titan" in text, channel
        assert "Titan Verde" not in text, channel
        assert "compost" not in text, channel

    # The moderator sees what changed: the comparison of the live version with the proposed one.
    client.force_login(moderator)
    compare = client.get(reverse(f"{ADMIN}:revisions_compare", args=[organization.pk, "live", latest.pk]))
    assert compare.status_code == 200
    comparison = compare.content.decode().split("<tbody>")[1]
    assert '<span class="deletion">Vecinii din </span>' in comparison
    assert '<span class="addition"> Verde</span>' in comparison
    assert '<span class="addition">Grădini și compost în Titan.</span>' in comparison

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderator_decides(organization, moderator, "approve")
    organization.refresh_from_db()
    assert organization.name == "Asociația Titan Verde"
    assert not organization.has_unpublished_changes

    client.logout()
    for channel, text in public_texts(client, organization).items():
        assert "Asociația Titan Verde" in text, channel

    # The administrators hear it from the site (not through the Wagtail admin's emails, which they cannot use).
    assert [message.to for message in mail.outbox] == [[administrator.email]]
    assert "/admin/" not in mail.outbox[0].body
    assert organization.get_absolute_url() in mail.outbox[0].body


def test_the_moderator_approves_from_the_admin(client, organization, administrator, moderator):
    client.force_login(administrator)
    submit_change(client, organization, name="Asociația Titan Verde")
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Asociația Titan Verde" in dashboard  # "awaiting your review"
    edit = client.get(reverse(f"{ADMIN}:edit", args=[organization.pk]))
    assert edit.status_code == 200
    assert 'value="Asociația Titan Verde"' in edit.content.decode()


def test_sent_back_change_is_edited_and_resubmitted(client, organization, administrator, moderator):
    client.force_login(administrator)
    submit_change(client, organization, name="Asociația Titan Verde", phone="")
    moderator_decides(organization, moderator, "reject", comment="Adăugați un număr de telefon.")
    state = WorkflowState.objects.get(object_id=str(organization.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    page = client.get(reverse("members:organization", args=[organization.pk])).content.decode()
    assert "Adăugați un număr de telefon." in page
    edit = client.get(reverse("members:organization_edit", args=[organization.pk]))
    assert edit.status_code == 200
    assert 'value="Asociația Titan Verde"' in edit.content.decode()  # the proposed version, not the public one

    submit_change(client, organization, name="Asociația Titan Verde", phone="+40 21 300 00 00")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS  # the same workflow, resumed
    organization.refresh_from_db()
    assert organization.name == "Asociația Vecinii din Titan"
    moderator_decides(organization, moderator, "approve")
    organization.refresh_from_db()
    assert (organization.name, organization.phone) == ("Asociația Titan Verde", "+40 21 300 00 00")


def test_no_second_change_while_one_waits_for_the_moderator(client, organization, administrator):
    client.force_login(administrator)
    submit_change(client, organization, name="Asociația Titan Verde")
    revisions = Revision.objects.count()
    url = reverse("members:organization_edit", args=[organization.pk])
    page = client.get(url).content.decode()
    message = gettext(
        "Your previous change is waiting for a moderator. You can change the profile again after the "
        "moderator's decision."
    )
    assert message in page
    response = client.post(url, profile_data(organization, name="Încă o schimbare"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Revision.objects.count() == revisions


def test_registered_organization_is_public_after_approval(client, outsider, moderator):
    client.force_login(outsider)
    client.post(
        reverse("members:organization_register"),
        # A published organization has a fiscal code (CUI): without it the approval is refused.
        {
            "name": "Asociația Grădina Comunitară",
            "kind": "asociatie",
            "cui": valid_cui(4102030),
            "description": "Grădinărim.",
        },
    )
    organization = Organization.objects.get(name="Asociația Grădina Comunitară")
    client.logout()
    assert client.get(reverse("directory:detail", args=[organization.slug])).status_code == 404
    assert client.get(f"/api/v2/organizations/{organization.pk}/").status_code == 404
    moderator_decides(organization, moderator, "approve")
    assert client.get(reverse("directory:detail", args=[organization.slug])).status_code == 200


def test_changes_sent_by_staff_do_not_email_the_administrators(
    client, organization, administrator, moderator, staff_groups, django_capture_on_commit_callbacks
):
    editor = UserFactory(username="editor")
    editor.groups.add(staff_groups[EDITORS])
    organization.name = "Asociația Vecinii din Titan (actualizat)"
    organization.save_revision(user=editor)
    Organization.get_default_workflow().start(organization, editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderator_decides(organization, moderator, "approve")
    assert administrator.email not in [address for message in mail.outbox for address in message.to]


def test_members_cannot_change_staff_only_fields(client, organization, administrator):
    client.force_login(administrator)
    submit_change(client, organization, name="Asociația Titan Verde", verified="on", slug="alt-slug", live="on")
    proposed = Organization.objects.get(pk=organization.pk).get_latest_revision_as_object()
    assert (proposed.name, proposed.verified, proposed.slug) == ("Asociația Titan Verde", False, organization.slug)


def test_the_service_ignores_staff_only_fields(other_organization):
    administrator = MembershipFactory(organization=other_organization, administrator=True).user
    services.organization_profile_submit_change(
        organization=other_organization,
        user=administrator,
        data={"name": "Fundația Lumina Nouă", "verified": True, "live": True, "slug": "altceva"},
    )
    other_organization.refresh_from_db()
    proposed = other_organization.get_latest_revision_as_object()
    assert (proposed.name, proposed.verified, proposed.slug) == ("Fundația Lumina Nouă", False, "fundatia-lumina")
    assert other_organization.name == "Fundația Lumina"
