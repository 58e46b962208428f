"""An NGO's administrator submits a proposal, the authority's reviewer asks for changes, the NGO resubmits, the
reviewer accepts it, and any reader finds it on /propuneri/ (without the private comments)."""

import re

import pytest
from django.core.cache import cache
from django.utils.text import capfirst
from django.utils.translation import gettext
from playwright.sync_api import expect

from members.models import Membership
from participation.models import TransitionLog
from proposals.models import Proposal, ProposalState
from tests.factories.directory import OrganizationFactory
from tests.factories.members import PASSWORD, MembershipFactory, UserFactory
from tests.factories.proposals import ProposalAuthorityFactory

TITLE = "Grădini comunitare în Obor"
CHANGES = "Detaliați bugetul pe activități și adăugați calendarul atelierelor."


def field(page, label):
    """The input labelled `label` (translated, capitalised as forms show it), maybe with the "required" asterisk."""
    return page.get_by_label(re.compile(rf"^{re.escape(capfirst(gettext(label)))}\s*\*?$"))


def log_in(page, email):
    """The members' login form (the page opened it with `?next=`, so it leads back there)."""
    field(page, "Email address").fill(email)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=gettext("Log in")).click()


def as_someone_else(page):
    """The next person of the journey, in the same browser: no session left from the previous one."""
    page.context.clear_cookies()


def state_badge(page, state):
    return page.locator(".proposal__status").get_by_text(str(capfirst(ProposalState(state).label)), exact=True)


def act(page, action):
    """Press the button of `action` (one of the transition table's) on the proposal's page in "Contul meu"."""
    from proposals.workflow import ACTION_LABELS

    page.get_by_role("button", name=str(ACTION_LABELS[action]), exact=True).click()


@pytest.fixture
def people(transactional_db, home_page):
    cache.clear()  # allauth's and the forms' rate limits count in the cache
    authority = ProposalAuthorityFactory(name="Primăria Sectorului 2")
    association = OrganizationFactory(name="Asociația Vecinii din Obor")
    administrator = MembershipFactory(
        user=UserFactory(first_name="Elena", last_name="Marinescu", email="elena@example.org"),
        organization=association,
        administrator=True,
    ).user
    reviewer = MembershipFactory(
        user=UserFactory(first_name="Ion", last_name="Dumitrescu", email="ion.dumitrescu@example.org"),
        organization=authority,
        role=Membership.Role.REVIEWER,
    ).user
    return {"authority": authority, "association": association, "administrator": administrator, "reviewer": reviewer}


def test_a_proposal_is_submitted_changed_resubmitted_accepted_and_published(live_server, page, people):
    members_list = live_server.url + "/contul-meu/propuneri/"

    # 1. The NGO's administrator writes a draft and submits it.
    page.goto(members_list)
    expect(page).to_have_url(re.compile(r"/cont/autentificare/\?next="))
    log_in(page, "elena@example.org")
    expect(page).to_have_url(members_list)
    page.get_by_role("link", name=gettext("New proposal")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext("New collaboration proposal"))
    field(page, "On behalf of").select_option(label="Asociația Vecinii din Obor")
    field(page, "addressed authority").select_option(label="Primăria Sectorului 2")
    field(page, "title").fill(TITLE)
    field(page, "summary").fill("Amenajăm trei grădini comunitare împreună cu locuitorii.")
    field(page, "problem it addresses").fill("Lipsa spațiilor verzi între blocuri.")
    field(page, "activities").fill("Curățenie, amenajare, ateliere lunare de grădinărit.")
    field(page, "target group").fill("Locuitorii cartierului, mai ales vârstnicii.")
    field(page, "expected beneficiaries").fill("300")
    field(page, "estimated budget (RON)").fill("150.000")
    field(page, "co-financing (RON)").fill("15.000")
    field(page, "duration (months)").fill("12")
    page.get_by_role("button", name=gettext("Save the draft")).click()
    saved = gettext("The draft was saved. Only your organization sees it until you submit it to the authority.")
    expect(page.get_by_text(saved)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(state_badge(page, "draft")).to_be_visible()
    act(page, "submit")
    expect(state_badge(page, "submitted")).to_be_visible()
    proposal = Proposal.objects.get()
    assert (proposal.proposing_organization, proposal.addressed_authority, str(proposal.budget_ron)) == (
        people["association"],
        people["authority"],
        "150000.00",
    )

    # 2. The authority's reviewer takes it into review and asks for changes.
    as_someone_else(page)
    page.goto(live_server.url + "/cont/autentificare/?next=/contul-meu/propuneri/")
    log_in(page, "ion.dumitrescu@example.org")
    expect(page.get_by_role("heading", name=gettext("Proposals received by my institution"))).to_be_visible()
    page.get_by_role("link", name=TITLE).click()
    act(page, "start_review")
    expect(state_badge(page, "under_review")).to_be_visible()
    page.get_by_label(re.compile(re.escape(gettext("What should the organization change?")))).fill(CHANGES)
    act(page, "request_changes")
    expect(state_badge(page, "changes_requested")).to_be_visible()

    # 3. The NGO reads the comment, changes the budget and submits again.
    as_someone_else(page)
    page.goto(live_server.url + "/cont/autentificare/?next=/contul-meu/propuneri/")
    log_in(page, "elena@example.org")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("complementary")).to_contain_text(CHANGES)
    page.get_by_role("link", name=gettext("Edit the proposal")).click()
    field(page, "estimated budget (RON)").fill("120.000")
    page.get_by_role("button", name=gettext("Save the changes")).click()
    expect(page.get_by_text(gettext("The proposal was saved."))).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("120.000 lei")
    act(page, "submit")
    expect(state_badge(page, "submitted")).to_be_visible()

    # 4. The reviewer takes it into review again and accepts it.
    as_someone_else(page)
    page.goto(live_server.url + "/cont/autentificare/?next=/contul-meu/propuneri/")
    log_in(page, "ion.dumitrescu@example.org")
    page.get_by_role("link", name=TITLE).click()
    act(page, "start_review")
    act(page, "accept")
    expect(state_badge(page, "accepted")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.ACCEPTED
    assert list(TransitionLog.objects.for_object(proposal).values_list("action", "actor")) == [
        ("submit", people["administrator"].pk),
        ("start_review", people["reviewer"].pk),
        ("request_changes", people["reviewer"].pk),
        ("submit", people["administrator"].pk),
        ("start_review", people["reviewer"].pk),
        ("accept", people["reviewer"].pk),
    ]

    # 5. Any reader finds it on /propuneri/, with its public timeline and without the private comment.
    as_someone_else(page)
    page.goto(live_server.url + "/propuneri/")
    card = page.locator(".proposal-card").filter(has_text=TITLE)
    expect(card).to_contain_text("Asociația Vecinii din Obor")
    expect(card).to_contain_text("Primăria Sectorului 2")
    card.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("main")).to_contain_text("120.000 lei")
    timeline = page.get_by_role("complementary")
    expect(timeline.locator(".timeline__state")).to_have_count(6)
    expect(timeline.locator(".timeline__state").last).to_have_text(str(capfirst(ProposalState.ACCEPTED.label)))
    expect(page.get_by_text(CHANGES)).to_have_count(0)
    expect(page.get_by_role("link", name=gettext("Log in to offer to join as a partner"))).to_be_visible()
