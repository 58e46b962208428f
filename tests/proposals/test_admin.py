"""Proposals in the Wagtail admin: staff list, filter and read submitted proposals with their timeline, correct
their content and move their state only through the service; drafts stay with their organization."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participation.models import TransitionLog
from proposals import services
from proposals.models import Proposal, ProposalState
from tests.factories.directory import sector
from tests.factories.members import UserFactory
from tests.factories.proposals import ProposalAuthorityFactory
from website.groups import EDITORS, MODERATORS, setup_groups
from website.models import Topic

pytestmark = pytest.mark.django_db
S = ProposalState
ADMIN = "wagtailsnippets_proposals_proposal"


@pytest.fixture
def staff(world):
    groups = setup_groups()
    world.moderator.groups.add(groups[MODERATORS])
    editor = UserFactory(first_name="Eugen")
    editor.groups.add(groups[EDITORS])
    return {"moderator": world.moderator, "editor": editor}


def names(response):
    assert response.status_code == 200
    return sorted(str(item) for item in response.context["object_list"])


def test_the_listing_shows_submitted_proposals_never_drafts(client, staff, make_proposal):
    make_proposal(title="Ciorna asociației")
    make_proposal(state=S.WITHDRAWN, title="Ciornă retrasă")
    make_proposal(state=S.SUBMITTED, title="Trimisă")
    make_proposal(state=S.WITHDRAWN, title="Retrasă după trimitere", first_submitted_at="2026-01-05T10:00Z")
    client.force_login(staff["editor"])
    assert names(client.get(reverse(f"{ADMIN}:list"))) == ["Retrasă după trimitere", "Trimisă"]


def test_filters_by_state_authority_topic_and_sector(client, staff, make_proposal):
    topic = Topic.objects.create(name="Mediu", slug="mediu")
    other_authority = ProposalAuthorityFactory(name="Primăria Sectorului 6")
    make_proposal(state=S.SUBMITTED, title="Grădini", topics=[topic], sectors=[sector("sector-3")])
    make_proposal(state=S.ACCEPTED, title="Biblioteci")
    make_proposal(state=S.UNDER_REVIEW, title="Piețe", addressed_authority=other_authority)
    client.force_login(staff["moderator"])
    url = reverse(f"{ADMIN}:list")
    assert names(client.get(url, {"state": [S.SUBMITTED, S.ACCEPTED]})) == ["Biblioteci", "Grădini"]
    assert names(client.get(url, {"addressed_authority": other_authority.pk})) == ["Piețe"]
    assert names(client.get(url, {"topics": topic.pk})) == ["Grădini"]
    assert names(client.get(url, {"sectors": sector("sector-3").pk})) == ["Grădini"]
    assert names(client.get(url, {"q": "Bibli"})) == ["Biblioteci"]


def test_staff_never_add_proposals_nor_open_a_draft(client, staff, make_proposal):
    draft = make_proposal()
    client.force_login(staff["moderator"])
    refused = client.get(reverse(f"{ADMIN}:add"))
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))  # Wagtail's "no"
    assert client.get(reverse(f"{ADMIN}:edit", args=[draft.pk])).status_code == 404
    assert client.get(reverse(f"{ADMIN}:inspect", args=[draft.pk])).status_code == 404
    listing = client.get(reverse(f"{ADMIN}:list")).content.decode()
    assert reverse(f"{ADMIN}:add") not in listing


def test_the_edit_form_has_no_state_field_and_shows_the_timeline(client, staff, world, make_proposal):
    proposal = make_proposal(state=S.SUBMITTED)
    services.proposal_transition(proposal=proposal, action="start_review", by=world.reviewer)
    client.force_login(staff["moderator"])
    response = client.get(reverse(f"{ADMIN}:edit", args=[proposal.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert "state" not in form.fields
    assert "proposing_organization" not in form.fields
    assert "addressed_authority" not in form.fields
    body = response.content.decode()
    assert "Preia în analiză" in body and "în analiză" in body


def test_saving_the_edit_form_goes_through_the_service_and_never_moves_the_state(client, staff, world, make_proposal):
    proposal = make_proposal(state=S.UNDER_REVIEW)
    client.force_login(staff["moderator"])
    data = {
        "title": "Titlu corectat de moderator",
        "summary": proposal.summary,
        "problem": proposal.problem,
        "activities": proposal.activities,
        "target_group": proposal.target_group,
        "beneficiaries_count": "300",
        "budget_ron": "150000",
        "cofinancing_ron": "15000",
        "duration_months": "12",
        "results_summary": "",
        "state": S.ACCEPTED,  # forged: the form has no such field
    }
    response = client.post(reverse(f"{ADMIN}:edit", args=[proposal.pk]), data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.state) == ("Titlu corectat de moderator", S.UNDER_REVIEW)

    response = client.post(reverse(f"{ADMIN}:edit", args=[proposal.pk]), {**data, "cofinancing_ron": "999999"})
    assert response.status_code == 200
    assert "Cofinanțarea nu poate depăși bugetul." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.cofinancing_ron != 999999


def test_editors_only_read(client, staff, make_proposal):
    proposal = make_proposal(state=S.SUBMITTED)
    client.force_login(staff["editor"])
    assert client.get(reverse(f"{ADMIN}:inspect", args=[proposal.pk])).status_code == 200
    refused = client.get(reverse(f"{ADMIN}:edit", args=[proposal.pk]))
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))


def test_the_inspect_page_moves_the_state_through_the_table(client, staff, world, make_proposal):
    proposal = make_proposal(state=S.SUBMITTED)
    url = reverse(f"{ADMIN}:inspect", args=[proposal.pk])
    client.force_login(staff["moderator"])
    page = client.get(url)
    assert [a["action"] for a in page.context["actions"]] == ["start_review"]
    assert "Așteaptă răspunsul autorității de 10 zile." in page.content.decode()

    response = client.post(url, {"action": "start_review"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == S.UNDER_REVIEW
    log = TransitionLog.objects.for_object(proposal).get()
    assert (log.actor, log.acting_organization) == (world.moderator, None)

    # A rejection without a comment is refused, with the core's message.
    response = client.post(url, {"action": "reject", "comment": " "}, follow=True)
    assert "explicați decizia" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == S.UNDER_REVIEW

    # An action the moderator does not hold in the table ("start" is the two sides').
    client.post(url, {"action": "accept"})
    response = client.post(url, {"action": "start"}, follow=True)
    assert "Nu puteți face această acțiune" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == S.ACCEPTED

    services.proposal_transition(proposal=proposal, action="start", by=world.proposer)
    client.post(url, {"action": "complete", "results_summary": "Patru grădini amenajate."})
    proposal.refresh_from_db()
    assert (proposal.state, proposal.results_summary) == (S.COMPLETED, "Patru grădini amenajate.")
    page = client.get(url).content.decode()
    assert "Patru grădini amenajate." in page
    assert page.count("<li>") >= 4


def test_staff_download_attachments_of_submitted_proposals_only(client, staff, world, make_proposal):
    draft = make_proposal()
    attachment = services.attachment_add(
        proposal=draft, by=world.proposer, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"), title="Plan"
    )
    url = reverse("proposals_attachment_download", args=[attachment.pk])
    client.force_login(staff["moderator"])
    assert client.get(url).status_code == 404
    Proposal.objects.filter(pk=draft.pk).update(
        state=S.SUBMITTED, first_submitted_at="2026-01-05T10:00Z", submitted_at="2026-01-05T10:00Z"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    client.force_login(world.outsider)
    assert client.get(url).status_code in (302, 403, 404)
    attachment.file.delete(save=False)
