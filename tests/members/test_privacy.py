"""Members' email addresses never appear on public pages or in the API (DESIGN §5, §11)."""

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_members_emails_are_not_public(client, home_page, organization, administrator, member, join_request):
    emails = [administrator.email, member.email, join_request.user.email]
    client.force_login(member)  # what a logged-in member sees of the public site is no different
    responses = {
        "home": client.get("/"),
        "directory": client.get(reverse("directory:index")),
        "profile": client.get(reverse("directory:detail", args=[organization.slug])),
        "export.json": client.get(reverse("directory:export_json")),
        "api list": client.get("/api/v2/organizations/", {"fields": "*"}),
        "api detail": client.get(f"/api/v2/organizations/{organization.pk}/"),
        "pages api": client.get("/api/v2/pages/", {"fields": "*"}),
    }
    texts = {name: response.content.decode() for name, response in responses.items()}
    texts["export.csv"] = b"".join(client.get(reverse("directory:export_csv")).streaming_content).decode("utf-8-sig")
    for name, response in responses.items():
        assert response.status_code == 200, name
    for name, text in texts.items():
        for email in emails:
            assert email not in text, (name, email)
    # The organization's own contact address is public: it is the organization's, not a member's.
    assert organization.email in texts["profile"]
    assert json.loads(texts["api detail"])["email"] == organization.email
