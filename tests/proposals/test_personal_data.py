"""A member's proposals in "Descarcă datele mele", and what stays of them when the account is deleted (DESIGN §6:
contributions stay, without their author)."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members import services as member_services
from participation.models import TransitionLog
from proposals import services
from proposals.models import Proposal, ProposalAttachment, ProposalComment, ProposalPartner, ProposalState

pytestmark = pytest.mark.django_db

S = ProposalState


@pytest.fixture
def history(world, make_proposal):
    """A draft and an accepted proposal started by the proposer, messages from both sides, an attachment and a
    partnership offer by another organization's administrator."""
    draft = make_proposal(title="Ciornă: spălătorie socială", created_by=world.proposer)
    services.attachment_add(
        proposal=draft, by=world.proposer, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"), title="Plan"
    )
    proposal = make_proposal(title="Cantina din Titan", created_by=world.proposer)
    services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    services.proposal_transition(
        proposal=Proposal.objects.get(pk=proposal.pk), action="start_review", by=world.reviewer
    )
    services.comment_add(proposal=proposal, by=world.proposer, text="Vă trimitem bugetul revizuit.")
    services.comment_add(proposal=proposal, by=world.reviewer, text="Mulțumim, îl analizăm.")
    services.proposal_transition(proposal=Proposal.objects.get(pk=proposal.pk), action="accept", by=world.reviewer)
    services.partner_offer(
        proposal=proposal, organization=world.other, by=world.outsider, role="Voluntari", message="Suntem 12."
    )
    return draft, Proposal.objects.get(pk=proposal.pk)


def export(client, user):
    client.force_login(user)
    response = client.get(reverse("members:data_export"))
    assert response.status_code == 200
    return json.loads(response.content)["proposals"]


def test_the_export_holds_the_members_proposals_messages_and_attachments(world, history, client):
    data = export(client, world.proposer)
    started = {item["title"]: item for item in data["proposals_started"]}
    assert set(started) == {"Ciornă: spălătorie socială", "Cantina din Titan"}
    assert started["Cantina din Titan"]["state"] == S.ACCEPTED
    assert started["Cantina din Titan"]["authority"] == world.authority.name
    assert [item["text"] for item in data["messages"]] == ["Vă trimitem bugetul revizuit."]
    assert [(item["proposal"], item["title"]) for item in data["attachments_uploaded"]] == [
        ("Ciornă: spălătorie socială", "Plan")
    ]
    assert data["partnership_offers"] == []


def test_the_export_holds_nothing_of_other_members(world, history, client):
    data = export(client, world.outsider)
    assert (data["proposals_started"], data["messages"], data["attachments_uploaded"]) == ([], [], [])
    assert [
        (item["proposal"], item["role"], item["message"], item["state"]) for item in data["partnership_offers"]
    ] == [("Cantina din Titan", "Voluntari", "Suntem 12.", ProposalPartner.State.OFFERED)]
    reviewer = export(client, world.reviewer)
    assert [item["text"] for item in reviewer["messages"]] == ["Mulțumim, îl analizăm."]
    assert reviewer["proposals_started"] == []
    text = json.dumps(export(client, world.ngo_member), ensure_ascii=False)
    assert "Vă trimitem" not in text and "Ciornă" not in text


def test_deleting_an_account_keeps_the_proposals_without_their_author(world, history, client):
    draft, proposal = history
    for user in (world.proposer, world.reviewer, world.outsider):
        member_services.account_delete(user=user)
    assert not get_user_model().objects.filter(pk__in=[world.proposer.pk, world.reviewer.pk]).exists()
    draft.refresh_from_db()
    proposal.refresh_from_db()
    assert (draft.created_by, proposal.created_by, proposal.state) == (None, None, S.ACCEPTED)
    assert sorted(ProposalComment.objects.filter(proposal=proposal).values_list("text", "author")) == [
        ("Mulțumim, îl analizăm.", None),
        ("Vă trimitem bugetul revizuit.", None),
    ]
    assert list(ProposalAttachment.objects.filter(proposal=draft).values_list("title", "uploaded_by")) == [
        ("Plan", None)
    ]
    assert list(ProposalPartner.objects.filter(proposal=proposal).values_list("role", "offered_by")) == [
        ("Voluntari", None)
    ]
    logs = TransitionLog.objects.for_object(proposal)
    assert [log.to_state for log in logs] == [S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED]
    assert {log.actor_id for log in logs} == {None}
    # The public proposal is still public, on the API too.
    assert [item["id"] for item in client.get("/api/v2/proposals/").json()["items"]] == [proposal.pk]
