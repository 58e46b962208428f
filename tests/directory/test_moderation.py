"""Drafts and changes waiting for moderation never reach the public: site, exports and API (DESIGN §5)."""

import json

import pytest
from django.http import Http404, HttpResponseNotFound
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import WorkflowState

from directory.models import Organization
from directory.views import organization_detail
from tests.factories.directory import OrganizationFactory, sector, valid_cui

pytestmark = pytest.mark.django_db

ADMIN = "wagtailsnippets_directory_organization"


def form_data(organization, **changes):
    """The admin form as the editor would post it, with `changes` typed in."""
    values = {
        "name": organization.name,
        "short_name": organization.short_name,
        "slug": organization.slug,
        "kind": organization.kind,
        "cui": organization.cui or "",
        "registration_number": organization.registration_number,
        "founding_year": organization.founding_year or "",
        "description": organization.description,
        "logo": "",
        "topics": [topic.pk for topic in organization.topics.all()],
        "sectors": [item.pk for item in organization.sectors.all()],
        "address": organization.address,
        "postal_code": organization.postal_code,
        "latitude": organization.latitude or "",
        "longitude": organization.longitude or "",
        "email": organization.email,
        "phone": organization.phone,
        "website": organization.website,
        "facebook_url": "",
        "linkedin_url": "",
        "instagram_url": "",
        "youtube_url": "",
        "social_enterprise_certificate": "",
        "partnership_text": organization.partnership_text,
    }
    for flag in ("social_service_provider", "social_enterprise_certified", "seeking_partners", "verified"):
        if getattr(organization, flag):
            values[flag] = "on"
    values.update(changes)
    return {key: value for key, value in values.items() if value is not False}


def profile_response(slug):
    """The profile view's answer; a 404 is read from the view itself, whatever the site's 404 template does."""
    request = RequestFactory().get(reverse("directory:detail", args=[slug]))
    try:
        return organization_detail(request, slug=slug)
    except Http404:
        return HttpResponseNotFound()


def public_views(client, organization_id, slug):
    """What each public channel says about the organization."""
    listing = client.get(reverse("directory:index")).content.decode()
    profile = profile_response(slug)
    csv_text = b"".join(client.get(reverse("directory:export_csv")).streaming_content).decode("utf-8-sig")
    exported = client.get(reverse("directory:export_json")).json()["items"]
    api_list = client.get("/api/v2/organizations/", {"fields": "name,description"}).json()["items"]
    api_detail = client.get(f"/api/v2/organizations/{organization_id}/")
    return {
        "listing": listing,
        "profile": profile.content.decode() if profile.status_code == 200 else profile.status_code,
        "csv": csv_text,
        "json": json.dumps(exported, ensure_ascii=False),
        "api_list": json.dumps(api_list, ensure_ascii=False),
        "api_detail": api_detail.content.decode() if api_detail.status_code == 200 else api_detail.status_code,
    }


@pytest.fixture
def published(environment):
    return OrganizationFactory(
        name="Asociația Vecinii din Titan",
        description="Grădini comunitare în Titan.",
        topics=[environment],
        sectors=["sector-3"],
    )


def test_editor_draft_changes_stay_private(client, editor, published, education):
    client.force_login(editor)
    url = reverse(f"{ADMIN}:edit", args=[published.pk])
    data = form_data(
        published,
        name="Asociația Vecinii Schimbați",
        description="Text nepublicat.",
        topics=[education.pk],
        sectors=[sector("sector-5").pk],
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    published.refresh_from_db()
    assert published.has_unpublished_changes
    assert published.name == "Asociația Vecinii din Titan"
    assert published.get_latest_revision_as_object().name == "Asociația Vecinii Schimbați"

    client.logout()
    for channel, text in public_views(client, published.pk, published.slug).items():
        assert "Asociația Vecinii din Titan" in text, channel
        assert "Schimbați" not in text, channel
        assert "Text nepublicat" not in text, channel
    # The draft's topic and sector are not public either.
    assert client.get(reverse("directory:index"), {"tema": "educatie"}).context["page_obj"].paginator.count == 0
    assert client.get(reverse("directory:index"), {"sector": "sector-5"}).context["page_obj"].paginator.count == 0
    assert client.get(reverse("directory:index"), {"tema": "mediu"}).context["page_obj"].paginator.count == 1


def test_submitted_changes_wait_for_a_moderator(client, editor, moderator, published):
    client.force_login(editor)
    url = reverse(f"{ADMIN}:edit", args=[published.pk])
    response = client.post(url, {**form_data(published, name="Asociația Titan Verde"), "action-submit": "1"})
    assert response.status_code == 302

    state = WorkflowState.objects.get(object_id=str(published.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderare organizații"

    client.logout()
    for channel, text in public_views(client, published.pk, published.slug).items():
        assert "Asociația Vecinii din Titan" in text, channel
        assert "Titan Verde" not in text, channel

    # The moderator approves from the editor: the change is published.
    client.force_login(moderator)
    latest = Organization.objects.get(pk=published.pk).get_latest_revision_as_object()
    response = client.post(
        url,
        {**form_data(latest), "action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    client.logout()
    for channel, text in public_views(client, published.pk, published.slug).items():
        assert "Asociația Titan Verde" in text, channel


def test_editors_cannot_publish_directly(client, editor, published):
    client.force_login(editor)
    url = reverse(f"{ADMIN}:edit", args=[published.pk])
    client.post(url, {**form_data(published, name="Publicat fără aprobare"), "action-publish": "1"})
    published.refresh_from_db()
    assert published.name == "Asociația Vecinii din Titan"
    assert Organization.objects.live().filter(name="Publicat fără aprobare").count() == 0


def test_new_organization_is_private_until_approved(client, editor, moderator):
    client.force_login(editor)
    draft = Organization(name="Fundația Nouă", kind=Organization.Kind.FOUNDATION, cui=valid_cui(9876543))
    response = client.post(
        reverse(f"{ADMIN}:add"),
        {**form_data(draft, slug="fundatia-noua", topics=[], sectors=[]), "action-submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Organization.objects.get(slug="fundatia-noua")
    assert not created.live
    assert created.workflow_in_progress

    client.logout()
    views = public_views(client, created.pk, created.slug)
    assert views["profile"] == 404
    assert views["api_detail"] == 404
    for channel in ("listing", "csv", "json", "api_list"):
        assert "Fundația Nouă" not in views[channel], channel

    created.current_workflow_task_state.task.specific.on_action(
        created.current_workflow_task_state, moderator, "approve"
    )
    assert Organization.objects.live().filter(pk=created.pk).exists()
    assert profile_response("fundatia-noua").status_code == 200


def test_unpublished_organization_disappears_everywhere(client, published):
    published.unpublish()
    views = public_views(client, published.pk, published.slug)
    assert views["profile"] == 404
    assert views["api_detail"] == 404
    for channel in ("listing", "csv", "json", "api_list"):
        assert "Vecinii din Titan" not in views[channel], channel
