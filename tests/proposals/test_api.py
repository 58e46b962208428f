"""`/api/v2/proposals/`: public proposals only, with their organizations, accepted partners and public timeline,
the website's filters (strict: 400), and nothing private (comments, attachments, offers, people, emails)."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.models import TransitionLog
from proposals import services
from proposals.models import Proposal, ProposalPartner, ProposalState
from tests.factories.directory import OrganizationFactory, sector
from tests.factories.proposals import ProposalFactory, ProposalPartnerFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

S = ProposalState
URL = "/api/v2/proposals/"
PUBLIC = {S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED}


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def refused(response, text):
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    assert text in response.json()["message"]


def organization_json(organization):
    return {
        "id": organization.pk,
        "name": organization.name,
        "slug": organization.slug,
        "detail_url": f"http://testserver/api/v2/organizations/{organization.pk}/",
        "html_url": f"http://testserver/organizatii/{organization.slug}/",
    }


@pytest.fixture
def reviewed(world, make_proposal):
    """A proposal moved through the workflow (submitted, changes requested, resubmitted, accepted), with a private
    message, an attachment, an accepted partner, a declined and a pending offer."""
    proposal = make_proposal(title="Cantina socială din Titan", summary="Mese calde pentru vârstnici.")
    services.attachment_add(
        proposal=proposal,
        by=world.proposer,
        upload=SimpleUploadedFile("buget.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
        title="Buget detaliat confidențial",
    )
    services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    services.proposal_transition(proposal=proposal, action="start_review", by=world.reviewer)
    services.proposal_transition(
        proposal=proposal, action="request_changes", by=world.reviewer, comment="Motiv intern de returnare"
    )
    services.comment_add(proposal=Proposal.objects.get(pk=proposal.pk), by=world.proposer, text="Mesaj privat ascuns")
    services.proposal_transition(proposal=Proposal.objects.get(pk=proposal.pk), action="submit", by=world.proposer)
    services.proposal_transition(
        proposal=Proposal.objects.get(pk=proposal.pk), action="start_review", by=world.reviewer
    )
    services.proposal_transition(
        proposal=Proposal.objects.get(pk=proposal.pk), action="accept", by=world.reviewer, comment="Decizie internă"
    )
    proposal = Proposal.objects.get(pk=proposal.pk)
    partner = services.partner_offer(
        proposal=proposal, organization=world.other, by=world.outsider, role="Voluntari la cantină", message="Ofertă"
    )
    services.partner_accept(partner=partner, by=world.proposer)
    declined = ProposalPartnerFactory(proposal=proposal, role="Rol refuzat", state=ProposalPartner.State.DECLINED)
    ProposalPartnerFactory(proposal=proposal, role="Rol în așteptare")
    return proposal, declined


def test_public_proposals_only_in_the_uniform_list_shape(world, make_proposal, client):
    proposals = {state: make_proposal(state=state) for state in S.values}
    response = client.get(URL)
    data = response.json()
    assert data["meta"] == {"total_count": 3}
    assert {item["id"] for item in items(response)} == {proposals[state].pk for state in PUBLIC}
    assert {item["state"] for item in data["items"]} == PUBLIC
    for state, proposal in proposals.items():
        status = client.get(f"{URL}{proposal.pk}/").status_code
        assert status == (200 if state in PUBLIC else 404), state
        found = client.get(f"{URL}find/", {"id": proposal.pk})
        assert found.status_code == (302 if state in PUBLIC else 404), state


def test_the_latest_decision_first_with_limit_and_offset(world, make_proposal, client):
    now = timezone.now()
    older = make_proposal(state=S.COMPLETED, decided_at=now - timedelta(days=90))
    newer = make_proposal(state=S.ACCEPTED, decided_at=now - timedelta(days=2))
    middle = make_proposal(state=S.IN_PROGRESS, decided_at=now - timedelta(days=30))
    assert [item["id"] for item in items(client.get(URL))] == [newer.pk, middle.pk, older.pk]
    page = client.get(URL, {"limit": 1, "offset": 1}).json()
    assert page["meta"]["total_count"] == 3
    assert [item["id"] for item in page["items"]] == [middle.pk]
    refused(client.get(URL, {"limit": 101}), "limit")


def test_a_proposal_with_its_organizations_partners_and_public_timeline(world, reviewed, client):
    proposal, _declined = reviewed
    [item] = items(client.get(URL))
    assert item["id"] == proposal.pk
    assert item["meta"]["type"] == "proposals.Proposal"
    assert item["meta"]["detail_url"] == f"http://testserver{URL}{proposal.pk}/"
    url = proposal.get_absolute_url()
    assert item["meta"]["html_url"] == (f"http://testserver{url}" if url else None)
    assert (item["title"], item["summary"]) == ("Cantina socială din Titan", "Mese calde pentru vârstnici.")
    assert (item["state"], item["state_label"]) == ("accepted", "acceptată")
    assert item["proposing_organization"] == organization_json(world.ngo)
    assert item["addressed_authority"] == organization_json(world.authority)
    assert [(partner["organization"], partner["role"]) for partner in item["partners"]] == [
        (organization_json(world.other), "Voluntari la cantină")
    ]
    assert item["partners"][0]["joined_at"]
    assert (item["budget_ron"], item["cofinancing_ron"], item["duration_months"]) == (150000.0, 15000.0, 12)
    assert item["beneficiaries_count"] == 300
    logs = list(TransitionLog.objects.for_object(proposal).order_by("created_at", "pk"))
    assert item["timeline"] == [
        {"state": log.to_state, "state_label": label, "at": timezone.localtime(log.created_at).isoformat()}
        for log, label in zip(
            logs, ["trimisă", "în analiză", "modificări solicitate", "trimisă", "în analiză", "acceptată"], strict=True
        )
    ]
    assert item["decided_at"] == timezone.localtime(proposal.decided_at).isoformat()


def test_nothing_private_appears(world, reviewed, client):
    proposal, _declined = reviewed
    for response in (client.get(URL, {"fields": "*"}), client.get(f"{URL}{proposal.pk}/")):
        assert response.status_code == 200
        text = response.content.decode()
        for private in (
            "Motiv intern de returnare",
            "Decizie internă",
            "Mesaj privat ascuns",
            "Buget detaliat confidențial",
            "buget",
            "Rol refuzat",
            "Rol în așteptare",
            "Ofertă",
            "@",
            world.proposer.first_name,
            world.reviewer.first_name,
        ):
            assert private not in text, private
    refused(client.get(URL, {"fields": "attachments"}), "unknown fields")
    refused(client.get(URL, {"fields": "comments"}), "unknown fields")
    refused(client.get(URL, {"fields": "created_by"}), "unknown fields")


def test_the_detail_has_every_field_and_results_once_completed(world, make_proposal, client):
    running = make_proposal(state=S.IN_PROGRESS, results_summary="Rezultate încă în lucru")
    completed = make_proposal(state=S.COMPLETED, completed_at=timezone.now())
    data = client.get(f"{URL}{completed.pk}/").json()
    for field in ("problem", "activities", "target_group", "topics", "sectors", "timeline", "completed_at"):
        assert field in data, field
    assert data["results_summary"] == completed.results_summary
    assert data["problem"] == completed.problem
    assert client.get(f"{URL}{running.pk}/").json()["results_summary"] is None


def test_an_unpublished_organization_is_named_without_links(world, make_proposal, client):
    proposal = make_proposal(state=S.ACCEPTED)
    hidden = OrganizationFactory(name="Asociația Retrasă", publish=False)
    ProposalPartnerFactory(proposal=proposal, organization=hidden, state=ProposalPartner.State.ACCEPTED)
    [partner] = items(client.get(URL))[0]["partners"]
    assert partner["organization"]["name"] == "Asociația Retrasă"
    assert partner["organization"]["detail_url"] is None and partner["organization"]["html_url"] is None


def _with_sectors(proposal, *slugs):
    proposal.sectors.set([sector(slug) for slug in slugs])
    return proposal


@pytest.fixture
def filtered(world, make_proposal):
    environment = TopicFactory(name="Mediu", slug="mediu")
    education = TopicFactory(name="Educație", slug="educatie")
    other_authority = OrganizationFactory(name="Primăria Municipiului București", kind="autoritate-locala")
    return {
        "garden": _with_sectors(make_proposal(state=S.ACCEPTED, title="Grădina", topics=[environment]), "sector-3"),
        "school": _with_sectors(
            make_proposal(state=S.COMPLETED, title="Școala", topics=[education], addressed_authority=other_authority),
            "sector-4",
        ),
        "repairs": _with_sectors(
            make_proposal(state=S.IN_PROGRESS, title="Reparații", topics=[environment]), "sector-4"
        ),
        "draft": _with_sectors(make_proposal(state=S.DRAFT, title="Ciornă", topics=[education]), "sector-3"),
        "waiting": make_proposal(state=S.SUBMITTED, title="În așteptare", addressed_authority=other_authority),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": "accepted"}, {"Grădina"}),
        ({"state": "completed"}, {"Școala"}),
        ({"state": "in_progress"}, {"Reparații"}),
        ({"authority": "primaria-municipiului-bucuresti"}, {"Școala"}),
        ({"authority": "primaria-sectorului-3"}, {"Grădina", "Reparații"}),
        ({"topic": "mediu"}, {"Grădina", "Reparații"}),
        ({"topic": "educatie"}, {"Școala"}),
        ({"sector": "sector-4"}, {"Școala", "Reparații"}),
        ({"sector": "sector-4", "topic": "mediu"}, {"Reparații"}),
        ({"sector": "sector-3", "state": "completed"}, set()),
    ],
)
def test_filters(filtered, client, query, expected):
    response = client.get(URL, query)
    assert {item["title"] for item in items(response)} == expected
    assert response.json()["meta"]["total_count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"state": "draft"}, "unknown state: draft"),
        ({"state": "submitted"}, "unknown state: submitted"),
        ({"state": "nu-exista"}, "unknown state"),
        ({"authority": "primaria-de-nicaieri"}, "unknown authority"),
        ({"topic": "nu-exista"}, "unknown topic"),
        ({"sector": "sector-9"}, "unknown sector"),
        ({"state": ""}, "state: give a value"),
        ({"stare": "accepted"}, "not an operation or a recognised filter: stare"),
        ({"title": "Grădina"}, "not an operation or a recognised filter: title"),
        ({"order": "title"}, "not an operation or a recognised filter: order"),
        ({"fields": "nimic"}, "unknown fields: nimic"),
    ],
)
def test_bad_filters_are_a_json_400(filtered, client, query, message):
    refused(client.get(URL, query), message)


def test_an_authority_known_only_by_drafts_or_waiting_proposals_is_not_revealed(filtered, client):
    # Primăria Sectorului 3 has public proposals; an authority with only a waiting proposal is unknown to the API.
    waiting_only = OrganizationFactory(name="Primăria Sectorului 6", kind="autoritate-locala")
    ProposalFactory(state=S.SUBMITTED, addressed_authority=waiting_only)
    refused(client.get(URL, {"authority": waiting_only.slug}), "unknown authority")


def _listing_queries(client, world, count):
    topic = TopicFactory(name="Mediu", slug="mediu")
    for _ in range(count):
        proposal = _with_sectors(ProposalFactory(state=S.ACCEPTED, topics=[topic]), "sector-3", "sector-4")
        for _ in range(2):
            ProposalPartnerFactory(proposal=proposal, state=ProposalPartner.State.ACCEPTED)
        for to_state in (S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED):
            TransitionLog.objects.create(
                content_type=ContentType.objects.get_for_model(Proposal),
                object_id=str(proposal.pk),
                action="x",
                from_state="",
                to_state=to_state,
            )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"fields": "*", "topic": "mediu", "sector": "sector-3"})
    assert len(items(response)) == Proposal.objects.public().count()
    assert all(len(item["partners"]) == 2 and len(item["timeline"]) == 3 for item in response.json()["items"])
    return len(queries)


def test_query_count_does_not_grow_with_the_proposals(world, client):
    few = _listing_queries(client, world, 2)
    many = _listing_queries(client, world, 12)
    assert few == many <= 12


def _detail_queries(client, proposal, entries):
    for _ in range(entries):
        TransitionLog.objects.create(
            content_type=ContentType.objects.get_for_model(Proposal),
            object_id=str(proposal.pk),
            action="x",
            from_state="",
            to_state=S.UNDER_REVIEW,
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{URL}{proposal.pk}/")
    assert response.status_code == 200
    assert len(response.json()["timeline"]) == TransitionLog.objects.for_object(proposal).count()
    return len(queries)


def test_a_long_timeline_reads_in_as_many_queries_as_a_short_one(world, make_proposal, client):
    proposal = make_proposal(state=S.ACCEPTED)
    ProposalPartnerFactory(proposal=proposal, state=ProposalPartner.State.ACCEPTED)
    assert _detail_queries(client, proposal, 3) == _detail_queries(client, proposal, 45) <= 10
