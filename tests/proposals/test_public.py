"""The public side of proposals: /propuneri/ with its filters, a proposal's public page (public timeline, partners,
follow button, the offer to join), the sitemap, the home page, the organizations' profiles and the menu. Drafts and
the other non-public states appear on none of them."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from participation.models import TransitionLog
from proposals import services
from proposals.models import PUBLIC_STATES, ProposalComment, ProposalPartner, ProposalState
from tests.factories.directory import OrganizationFactory, sector
from tests.factories.members import MembershipFactory
from tests.factories.proposals import ProposalAuthorityFactory, ProposalFactory, ProposalPartnerFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db
S = ProposalState
PRIVATE_STATES = [state for state in S if state not in PUBLIC_STATES]


def text(response):
    return response.content.decode()


def public_url(proposal):
    return f"/propuneri/{proposal.pk}/"


@pytest.fixture
def every_state(make_proposal):
    """One proposal in each state, titled after it."""
    return {state: make_proposal(state=state, title=f"Propunere {state.value}") for state in S}


# The listing


def test_the_listing_shows_public_proposals_only(client, every_state):
    page = text(client.get("/propuneri/"))
    for state, proposal in every_state.items():
        assert (proposal.title in page) == (state in PUBLIC_STATES), state
    assert "3 propuneri de colaborare" in page


def test_the_filters_count_and_narrow_the_listing(client, world, make_proposal):
    education = TopicFactory(name="Educație", slug="educatie")
    other_authority = ProposalAuthorityFactory(name="Primăria Sectorului 6")
    make_proposal(state=S.ACCEPTED, title="Școala de vară", topics=[education], sectors=[sector("sector-3")])
    make_proposal(state=S.COMPLETED, title="Grădina finalizată", sectors=[sector("sector-3")])
    make_proposal(state=S.IN_PROGRESS, title="Atelierele", addressed_authority=other_authority)
    make_proposal(
        state=S.SUBMITTED, title="Trimisă, nepublică", topics=[education], addressed_authority=other_authority
    )
    ProposalFactory(state=S.DRAFT, title="Ciornă la altă primărie", addressed_authority=ProposalAuthorityFactory())

    page = text(client.get("/propuneri/"))
    assert '<option value="accepted">Acceptată (1)</option>' in page
    assert '<option value="completed">Finalizată (1)</option>' in page
    assert '<option value="primaria-sectorului-3">Primăria Sectorului 3 (2)</option>' in page
    assert '<option value="primaria-sectorului-6">Primăria Sectorului 6 (1)</option>' in page
    assert '<option value="educatie">Educație (1)</option>' in page  # the submitted one is not counted
    assert '<option value="sector-3">Sector 3 (2)</option>' in page
    # An authority that received only a draft or private proposals is not offered.
    assert page.count('<option value="primaria-sectorului-') == 2

    page = text(client.get("/propuneri/", {"autoritate": "primaria-sectorului-3", "sector": "sector-3"}))
    assert "Școala de vară" in page and "Grădina finalizată" in page and "Atelierele" not in page
    assert '<meta name="robots" content="noindex, follow">' in page
    page = text(client.get("/propuneri/", {"stare": "in_progress"}))
    assert "Atelierele" in page and "Școala de vară" not in page
    page = text(client.get("/propuneri/", {"tema": "educatie"}))
    assert "Școala de vară" in page and "Trimisă, nepublică" not in page and "Grădina finalizată" not in page
    # A state that is not public is not a filter value: ignored, with a notice, never revealing anything.
    page = text(client.get("/propuneri/", {"stare": "submitted"}))
    assert "Filtrul „Stare” a fost ignorat" in page
    assert "Trimisă, nepublică" not in page and "3 propuneri de colaborare" in page


def test_the_listing_paginates(client, make_proposal):
    for n in range(23):
        make_proposal(state=S.ACCEPTED, title=f"Proiect {n:02d}")
    first = text(client.get("/propuneri/"))
    second = text(client.get("/propuneri/", {"page": 2}))
    assert first.count('class="card proposal-card"') == 20 and second.count('class="card proposal-card"') == 3
    assert 'rel="next"' in first
    assert client.get("/propuneri/", {"page": "abc"}).status_code == 200


def test_an_empty_listing_says_so(client):
    assert "Nicio propunere nu a fost acceptată încă." in text(client.get("/propuneri/"))


# A proposal's public page


def test_the_public_page_shows_the_public_timeline_without_private_comments(client, world, make_proposal):
    proposal = make_proposal(title="Grădina publică")
    services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    services.proposal_transition(proposal=proposal, action="start_review", by=world.reviewer)
    services.comment_add(proposal=proposal, by=world.reviewer, text="Mesaj privat despre buget.")
    services.proposal_transition(
        proposal=proposal, action="request_changes", by=world.reviewer, comment="Comentariu privat: reduceți bugetul."
    )
    services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    services.proposal_transition(proposal=proposal, action="start_review", by=world.reviewer)
    services.proposal_transition(proposal=proposal, action="accept", by=world.reviewer, comment="Privat: felicitări.")
    response = client.get(public_url(proposal))
    page = text(response)
    assert response.status_code == 200
    assert "<h1>Grădina publică</h1>" in page
    timeline = page.split('id="proposal-timeline"')[1].split("</section>")[0]
    assert re.findall(r'class="timeline__state">([^<]+)<', timeline) == [
        "Trimisă",
        "În analiză",
        "Modificări solicitate",
        "Trimisă",
        "În analiză",
        "Acceptată",
    ]
    for private in ("Mesaj privat despre buget.", "reduceți bugetul", "felicitări", world.reviewer.first_name):
        assert private not in page
    assert "150.000 lei" in page and "12 luni" in page
    assert re.search(rf'<link rel="canonical" href="https?://[^"]+/propuneri/{proposal.pk}/">', page)
    client.force_login(world.outsider)
    page = text(client.get(public_url(proposal)))
    assert f'action="/urmareste/proposals.proposal/{proposal.pk}/"' in page  # the follow button


def test_partners_appear_with_their_roles_and_offers_do_not(client, world, make_proposal):
    proposal = make_proposal(state=S.IN_PROGRESS)
    ProposalPartnerFactory(
        proposal=proposal, organization=world.other, role="Voluntari pentru ateliere", state="accepted"
    )
    ProposalPartnerFactory(proposal=proposal, organization__name="Asociația În Așteptare", role="Spațiu")
    page = text(client.get(public_url(proposal)))
    partners = page.split('id="proposal-partners"')[1].split("</section>")[0]
    assert "Fundația Lumina" in partners and "Voluntari pentru ateliere" in partners
    assert "Asociația În Așteptare" not in page


def test_results_are_public_once_completed(client, make_proposal):
    running = make_proposal(state=S.IN_PROGRESS, results_summary="Rezultate încă în lucru.")
    completed = make_proposal(state=S.COMPLETED)
    assert "Rezultate încă în lucru." in text(client.get(public_url(running)))  # written, shown as they are
    assert "Patru grădini amenajate, 350 de participanți." in text(client.get(public_url(completed)))


@pytest.mark.parametrize("state", PRIVATE_STATES)
def test_a_proposal_that_is_not_public_is_not_found_for_others(client, world, make_proposal, state):
    proposal = make_proposal(state=state)
    assert client.get(public_url(proposal)).status_code == 404
    client.force_login(world.outsider)
    assert client.get(public_url(proposal)).status_code == 404


def test_who_may_read_it_privately_is_led_to_contul_meu(client, world, make_proposal):
    proposal = make_proposal(state=S.UNDER_REVIEW, title="Propunere în analiză")
    for who in ("proposer", "reviewer"):
        client.force_login(getattr(world, who))
        response = client.get(public_url(proposal))
        page = text(response)
        assert response.status_code == 200
        assert '<meta name="robots" content="noindex">' in page
        assert f'href="/contul-meu/propuneri/{proposal.pk}/"' in page
        assert "Această propunere nu este publică" in page
        assert "Lipsa spațiilor verzi" not in page  # the content stays in "Contul meu"


def test_an_unknown_proposal_is_404(client):
    assert client.get("/propuneri/999999/").status_code == 404


# Offers to join


def test_an_administrator_of_another_organization_offers_to_join(client, world, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    client.force_login(world.outsider)
    page = text(client.get(public_url(proposal)))
    assert "Oferiți-vă ca partener" in page and "Fundația Lumina" in page
    response = client.post(
        f"/propuneri/{proposal.pk}/parteneriat/",
        {"organization": world.other.pk, "role": "Voluntari pentru ateliere", "message": "Avem 20 de voluntari."},
    )
    assert response.status_code == 302 and response["Location"].endswith("#parteneri")
    offer = ProposalPartner.objects.get()
    assert (offer.organization, offer.role, offer.message, offer.state, offer.offered_by) == (
        world.other,
        "Voluntari pentru ateliere",
        "Avem 20 de voluntari.",
        "offered",
        world.outsider,
    )
    page = text(client.get(public_url(proposal)))
    assert "organizația care propune nu a răspuns încă" in page
    assert "Trimiteți oferta" not in page  # one offer per organization


def test_an_offer_without_a_role_keeps_the_message(client, world, make_proposal):
    proposal = make_proposal(state=S.IN_PROGRESS)
    client.force_login(world.outsider)
    data = {"organization": world.other.pk, "role": " ", "message": "Mesajul meu."}
    response = client.post(f"/propuneri/{proposal.pk}/parteneriat/", data)
    assert response.status_code == 200
    assert "Spuneți ce ar face organizația dumneavoastră în proiect." in text(response)
    assert "Mesajul meu." in text(response)
    assert not ProposalPartner.objects.exists()


def test_offers_are_limited_in_a_short_time(client, world, make_proposal):
    first, second = make_proposal(state=S.ACCEPTED), make_proposal(state=S.ACCEPTED)
    client.force_login(world.outsider)
    data = {"organization": world.other.pk, "role": "Voluntari", "message": "Tastat."}
    with override_settings(RATE_LIMITS={**settings.RATE_LIMITS, "proposal_partner_offer": {"user": "1/h"}}):
        assert client.post(f"/propuneri/{first.pk}/parteneriat/", data).status_code == 302
        response = client.post(f"/propuneri/{second.pk}/parteneriat/", data)
    assert response.status_code == 429 and "Tastat." in text(response)
    assert ProposalPartner.objects.count() == 1


@pytest.mark.parametrize(
    ("who", "organization"),
    [
        ("ngo_member", "other"),  # not an administrator of the organization it names
        ("authority_member", "other"),
        ("reviewer", "other"),
    ],
)
def test_forged_offers_answer_403(client, world, make_proposal, who, organization):
    proposal = make_proposal(state=S.ACCEPTED)
    client.force_login(getattr(world, who))
    response = client.post(
        f"/propuneri/{proposal.pk}/parteneriat/", {"organization": getattr(world, organization).pk, "role": "X"}
    )
    assert response.status_code == 403
    assert not ProposalPartner.objects.exists()


def test_the_proposing_organization_cannot_join_its_own_proposal(client, world, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    client.force_login(world.outsider)
    response = client.post(f"/propuneri/{proposal.pk}/parteneriat/", {"organization": world.ngo.pk, "role": "X"})
    assert "Organizația dumneavoastră face deja parte din această propunere." in text(response)
    assert not ProposalPartner.objects.exists()


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.REJECTED])
def test_no_offer_on_a_proposal_that_is_not_public(client, world, make_proposal, state):
    proposal = make_proposal(state=state)
    client.force_login(world.outsider)
    response = client.post(f"/propuneri/{proposal.pk}/parteneriat/", {"organization": world.other.pk, "role": "X"})
    assert response.status_code == 403
    assert not ProposalPartner.objects.exists()


def test_a_completed_proposal_takes_no_more_partners(client, world, make_proposal):
    proposal = make_proposal(state=S.COMPLETED)
    client.force_login(world.outsider)
    assert "Oferiți-vă ca partener" not in text(client.get(public_url(proposal)))
    response = client.post(f"/propuneri/{proposal.pk}/parteneriat/", {"organization": world.other.pk, "role": "X"})
    assert "Partenerii se pot alătura doar unei propuneri acceptate sau în desfășurare." in text(response)
    assert not ProposalPartner.objects.exists()


def test_anonymous_readers_are_invited_to_log_in(client, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    page = text(client.get(public_url(proposal)))
    assert "Autentificați-vă pentru a vă oferi ca partener" in page
    response = client.post(f"/propuneri/{proposal.pk}/parteneriat/", {"role": "X"})
    assert response.status_code == 302 and "/cont/autentificare/" in response["Location"]


# Everywhere else: sitemap, home page, profiles, menu


def test_the_sitemap_lists_public_proposals_only(client, home_page, every_state):
    page = text(client.get("/sitemap.xml"))
    for state, proposal in every_state.items():
        assert (f"/propuneri/{proposal.pk}/</loc>" in page) == (state in PUBLIC_STATES), state


def test_the_home_page_shows_recent_accepted_proposals(client, home_page, every_state):
    page = text(client.get("/"))
    block = page.split('id="home-proposals"')[1].split("</section>")[0]
    assert 'href="/propuneri/"' in block
    for state, proposal in every_state.items():
        assert (proposal.title in block) == (state in PUBLIC_STATES), state
        assert state in PUBLIC_STATES or proposal.title not in page


def test_no_home_block_without_public_proposals(client, home_page, make_proposal):
    make_proposal(state=S.SUBMITTED)
    assert 'id="home-proposals"' not in text(client.get("/"))


def test_an_organizations_profile_lists_its_public_proposals_as_proposer_or_partner(client, world, every_state):
    joined = ProposalFactory(state=S.IN_PROGRESS, title="Proiectul altora")
    ProposalPartnerFactory(proposal=joined, organization=world.ngo, state="accepted")
    offered = ProposalFactory(state=S.ACCEPTED, title="Doar o ofertă")
    ProposalPartnerFactory(proposal=offered, organization=world.ngo)
    page = text(client.get(f"/organizatii/{world.ngo.slug}/"))
    for state, proposal in every_state.items():
        assert (proposal.title in page) == (state in PUBLIC_STATES), state
    assert "Proiectul altora (în desfășurare, ca partener)" in page
    assert "Doar o ofertă" not in page
    assert "Propuneri de colaborare primite" not in page  # an NGO has no figures


def test_an_authoritys_profile_shows_its_figures(client, world, make_proposal):
    submitted_at = timezone.now() - timedelta(days=20)
    make_proposal(state=S.ACCEPTED, first_submitted_at=submitted_at, first_answer_at=submitted_at + timedelta(days=2))
    make_proposal(state=S.REJECTED, first_submitted_at=submitted_at, first_answer_at=submitted_at + timedelta(days=5))
    make_proposal(state=S.SUBMITTED)
    make_proposal(state=S.DRAFT)
    page = text(client.get(f"/organizatii/{world.authority.slug}/"))
    section = page.split("Propuneri de colaborare primite")[1].split("</section>")[0]
    assert "<li>3 propuneri primite</li>" in section
    assert f'<a href="/propuneri/?autoritate={world.authority.slug}">1 acceptată</a>' in section
    assert "<li>1 respinsă</li>" in section
    assert "1 așteaptă să fie preluată în analiză" in section
    assert "Timpul median până la primul răspuns: 3,5 zile" in section


def test_an_authority_without_proposals_shows_no_figures(client, world):
    assert "Propuneri de colaborare primite" not in text(client.get(f"/organizatii/{world.authority.slug}/"))


def test_the_menu_leads_to_the_proposals(client, home_page):
    page = text(client.get("/propuneri/"))
    assert '<a class="site-nav__link" href="/propuneri/" aria-current="page">Propuneri</a>' in page


def test_private_comments_never_reach_public_pages(client, home_page, world, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    ProposalComment.objects.create(proposal=proposal, author=world.reviewer, text="SECRET-MESAJ")
    TransitionLog.objects.create(
        target=proposal, action="accept", from_state="under_review", to_state="accepted", comment="SECRET-COMENTARIU"
    )
    MembershipFactory(organization=OrganizationFactory(), administrator=True)
    for url in ("/propuneri/", public_url(proposal), "/", f"/organizatii/{world.ngo.slug}/", "/sitemap.xml"):
        page = text(client.get(url))
        assert "SECRET" not in page, url
