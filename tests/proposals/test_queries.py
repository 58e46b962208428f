"""Queries per request do not grow with the number of proposals listed, nor with a proposal's timeline, messages,
attachments and partners."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import TransitionLog
from proposals.models import ProposalAttachment, ProposalComment, ProposalState
from tests.factories.directory import sector
from tests.factories.proposals import ProposalFactory, ProposalPartnerFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db
S = ProposalState


def queries(client, url):
    """How many queries a second GET of `url` makes (the first warms the per-process caches)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_proposals(world, count, state=S.ACCEPTED):
    topics = [TopicFactory(name=f"Tema {n}", slug=f"tema-{n}") for n in range(3)]
    for n in range(count):
        proposal = ProposalFactory(
            state=state,
            proposing_organization=world.ngo,
            addressed_authority=world.authority,
            topics=topics[: n % 3 + 1],
            sectors=[sector("sector-3"), sector("sector-4")],
        )
        ProposalPartnerFactory(proposal=proposal, state="accepted")
        ProposalPartnerFactory(proposal=proposal)


def lengthen(proposal, world, count):
    """`count` more state changes, private messages, attachments and partner offers on `proposal`."""
    for n in range(count):
        TransitionLog.objects.create(
            target=proposal,
            action="request_changes" if n % 2 else "submit",
            from_state="under_review" if n % 2 else "changes_requested",
            to_state="changes_requested" if n % 2 else "submitted",
            actor=world.reviewer if n % 2 else world.proposer,
            acting_organization=world.authority if n % 2 else world.ngo,
            comment=f"Comentariul {n}",
        )
        ProposalComment.objects.create(
            proposal=proposal, author=world.proposer, acting_organization=world.ngo, text=f"M{n}"
        )
        attachment = ProposalAttachment(proposal=proposal, title=f"Anexa {n}", uploaded_by=world.proposer)
        attachment.file.save(f"anexa-{n}.pdf", ContentFile(b"%PDF-1.4"), save=True)
        ProposalPartnerFactory(proposal=proposal, state="accepted" if n % 2 else "offered")


def test_the_public_listing_does_not_grow_with_the_proposals(client, world, django_assert_max_num_queries):
    add_proposals(world, 2)
    few = queries(client, "/propuneri/")
    add_proposals(world, 18)
    with django_assert_max_num_queries(few):
        response = client.get("/propuneri/", {"sector": "sector-3"})
    assert response.content.decode().count('class="card proposal-card"') == 20


def test_the_public_page_does_not_grow_with_the_timeline(client, world, make_proposal, django_assert_max_num_queries):
    proposal = make_proposal(state=S.IN_PROGRESS)
    client.force_login(world.outsider)  # the follow button and the offer form read too
    lengthen(proposal, world, 2)
    few = queries(client, f"/propuneri/{proposal.pk}/")
    lengthen(proposal, world, 40)
    with django_assert_max_num_queries(few):
        response = client.get(f"/propuneri/{proposal.pk}/")
    assert response.content.decode().count('class="timeline__state"') == 42


@pytest.mark.parametrize("who", ["proposer", "reviewer"])
def test_the_member_page_does_not_grow_with_the_timeline(
    client, world, make_proposal, django_assert_max_num_queries, who
):
    proposal = make_proposal(state=S.IN_PROGRESS)
    client.force_login(getattr(world, who))
    lengthen(proposal, world, 2)
    few = queries(client, f"/contul-meu/propuneri/{proposal.pk}/")
    lengthen(proposal, world, 40)
    with django_assert_max_num_queries(few):
        response = client.get(f"/contul-meu/propuneri/{proposal.pk}/")
    page = response.content.decode()
    assert page.count('class="timeline__comment"') == 42 and page.count('class="proposal-message"') == 42


@pytest.mark.parametrize(("who", "view"), [("proposer", "mele"), ("reviewer", "primite")])
def test_the_member_list_does_not_grow_with_the_proposals(client, world, django_assert_max_num_queries, who, view):
    client.force_login(getattr(world, who))
    add_proposals(world, 2, state=S.SUBMITTED)
    url = f"/contul-meu/propuneri/?vedere={view}"
    few = queries(client, url)
    add_proposals(world, 18, state=S.SUBMITTED)
    add_proposals(world, 5, state=S.IN_PROGRESS)
    with django_assert_max_num_queries(few):
        response = client.get(url)
    assert response.content.decode().count('<li class="card">') == 20


def test_the_organization_profiles_do_not_grow_with_the_proposals(client, world, django_assert_max_num_queries):
    add_proposals(world, 2)
    urls = [f"/organizatii/{world.ngo.slug}/", f"/organizatii/{world.authority.slug}/"]
    few = {url: queries(client, url) for url in urls}
    add_proposals(world, 15)
    for url in urls:
        with django_assert_max_num_queries(few[url]):
            response = client.get(url)
        assert "Propuneri de colaborare" in response.content.decode()
