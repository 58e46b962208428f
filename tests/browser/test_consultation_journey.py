"""A member sends a recommendation, a moderator approves it, the authority answers it, a reader sees the answer."""

import re

import pytest
from django.core.cache import cache
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

from consultations.models import Response, ResponseAnswer
from participation.models import ModerationState
from tests.factories.consultations import AuthorityFactory, ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.members import PASSWORD, MembershipFactory, UserFactory
from tests.participation.conftest import make_moderator

RECOMMENDATION = "Propunem ca piața să rămână deschisă duminica până la ora 14, pentru vârstnicii din cartier."
JUSTIFICATION = "Acceptăm programul de duminică, dar numai până la ora 13, din cauza curățeniei."


def field(page, label):
    """The input labelled `label` (translated), whose label may end with the "required" asterisk."""
    return page.get_by_label(re.compile(rf"^{re.escape(gettext(label))}\s*\*?$"))


def admin_field(page, label):
    """A field of Wagtail's login form: its label may start in lower case (Django's "username") and ends with "*"."""
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(gettext(label))}\s*\*?$", re.IGNORECASE))


def log_in(page, email):
    """The members' login form (the page opened it with `?next=`, so it leads back there)."""
    field(page, "Email address").fill(email)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=gettext("Log in")).click()


def as_someone_else(page):
    """The next person of the journey, in the same browser: no session left from the previous one."""
    page.context.clear_cookies()


@pytest.fixture
def people(transactional_db, home_page):
    cache.clear()  # allauth's and the forms' rate limits count in the cache
    index = ConsultationIndexPageFactory(parent=home_page)
    authority = AuthorityFactory(name="Primăria Sectorului 2")
    consultation = ConsultationPageFactory(
        parent=index, title="Regulamentul pieței Obor", slug="regulamentul-pietei-obor", authority=authority
    )
    association = OrganizationFactory(name="Asociația Vecinii din Obor")
    member = MembershipFactory(
        user=UserFactory(first_name="Elena", last_name="Marinescu", email="elena@example.org"),
        organization=association,
    ).user
    reviewer = MembershipFactory(
        user=UserFactory(first_name="Ion", last_name="Dumitrescu", email="ion.dumitrescu@example.org"),
        organization=authority,
        administrator=True,
    ).user
    moderator = make_moderator(first_name="Maria", username="moderatoare")
    return {
        "consultation": consultation,
        "association": association,
        "member": member,
        "reviewer": reviewer,
        "moderator": moderator,
    }


def test_recommendation_is_sent_moderated_answered_and_published(live_server, page, people):
    consultation = people["consultation"]
    consultation_url = live_server.url + consultation.url
    recommendations = page.get_by_role("region", name=gettext("Recommendations"))

    # 1. The member opens the consultation, logs in from it and comes back to the form.
    page.goto(consultation_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Regulamentul pieței Obor")
    page.get_by_role("link", name=gettext("Log in to send a recommendation")).click()
    expect(page).to_have_url(re.compile(r"/cont/autentificare/\?next="))
    log_in(page, "elena@example.org")
    expect(page).to_have_url(consultation_url)

    form = page.get_by_role("region", name=gettext("Send a recommendation"))
    form.get_by_label(gettext("On behalf of")).select_option(label="Asociația Vecinii din Obor")
    form.get_by_label(gettext("Article or section (optional)")).fill("art. 7 alin. (2)")
    field(form, "Your recommendation").fill(RECOMMENDATION)
    form.get_by_role("button", name=gettext("Send the recommendation")).click()

    sent = gettext("Thank you: your recommendation was sent. A moderator will read it.")
    expect(page.get_by_text(sent)).to_be_visible()
    # Not public before a moderator reads it, not even for its author.
    expect(recommendations).to_contain_text(gettext("No recommendation has been published yet."))
    expect(page.get_by_text(RECOMMENDATION)).to_have_count(0)

    page.get_by_role("banner").get_by_role("link", name=gettext("My account")).click()
    page.get_by_role("link", name=gettext("My recommendations to public consultations")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext("My recommendations"))
    mine = page.get_by_role("main").get_by_role("listitem").filter(has_text=RECOMMENDATION)
    expect(mine.get_by_role("link", name="Regulamentul pieței Obor")).to_be_visible()
    expect(mine).to_contain_text(gettext("waiting for moderation"))
    expect(mine).to_contain_text("Asociația Vecinii din Obor")
    expect(mine).to_contain_text("art. 7 alin. (2)")

    # An anonymous reader does not see it yet.
    as_someone_else(page)
    page.goto(consultation_url)
    expect(recommendations).to_contain_text(gettext("No recommendation has been published yet."))
    expect(page.get_by_text(RECOMMENDATION)).to_have_count(0)

    # 2. A moderator approves it from the admin's moderation queue.
    page.goto(live_server.url + "/admin/moderare/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next="))
    admin_field(page, "username").fill("moderatoare")
    admin_field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name=gettext("Sign in")).click()
    expect(page).to_have_url(re.compile(r"/admin/moderare/$"))
    queue = page.get_by_role("region", name=re.compile(re.escape(gettext("Consultation recommendations"))))
    queue.get_by_role("link", name=re.compile("Regulamentul pieței Obor: Propunem ca piața")).click()
    expect(page.get_by_text(RECOMMENDATION, exact=False)).to_be_visible()
    page.get_by_role("button", name=gettext("Approve and publish")).click()
    expect(page).to_have_url(re.compile(r"/admin/moderare/\?tip=recomandari$"))
    expect(queue).to_contain_text(gettext("Nothing is waiting."))
    response = Response.objects.get()
    assert (response.author, response.organization, response.section, response.moderation_state) == (
        people["member"],
        people["association"],
        "art. 7 alin. (2)",
        ModerationState.APPROVED,
    )
    assert response.moderated_by == people["moderator"]

    # 3. The authority's reviewer answers it on the consultation page.
    as_someone_else(page)
    page.goto(live_server.url + "/cont/autentificare/?next=" + consultation.url)
    log_in(page, "ion.dumitrescu@example.org")
    expect(page).to_have_url(consultation_url)
    item = recommendations.get_by_role("listitem").filter(has_text=RECOMMENDATION)
    item.get_by_text(gettext("Answer this recommendation")).click()
    item.get_by_label(gettext("partly accepted"), exact=True).check()
    item.get_by_label(gettext("Justification")).fill(JUSTIFICATION)
    item.get_by_role("button", name=gettext("Save the answer")).click()
    expect(page.get_by_text(gettext("The answer was saved."))).to_be_visible()
    expect(page).to_have_url(f"{consultation_url}#recomandare-{response.pk}")
    expect(item).to_contain_text(f"{gettext("The authority's answer:")} {gettext('partly accepted')}")
    expect(item.get_by_text(gettext("Change the answer"))).to_be_visible()
    answer = ResponseAnswer.objects.get()
    assert (answer.response, answer.verdict, answer.answered_by) == (response, "partly", people["reviewer"])

    # 4. Any reader sees the recommendation, its author's organization, the answer and the summary.
    as_someone_else(page)
    page.goto(consultation_url)
    expect(recommendations.get_by_role("listitem")).to_have_count(1)
    published = recommendations.get_by_role("listitem").first
    expect(published).to_contain_text(RECOMMENDATION)
    expect(published).to_contain_text("Asociația Vecinii din Obor")
    expect(published).to_contain_text("art. 7 alin. (2)")
    expect(published).to_contain_text(f"{gettext("The authority's answer:")} {gettext('partly accepted')}")
    expect(published).to_contain_text(JUSTIFICATION)
    expect(published).not_to_contain_text("Elena Marinescu")
    # Only the authority answers: the reader gets no answer form.
    expect(recommendations.get_by_text(gettext("Change the answer"))).to_have_count(0)
    expect(recommendations.get_by_text(gettext("Answer this recommendation"))).to_have_count(0)
    summary = ngettext(
        "%(counter)s recommendation: %(accepted)s accepted, %(partly)s partly, %(not_accepted)s not accepted",
        "%(counter)s recommendations: %(accepted)s accepted, %(partly)s partly, %(not_accepted)s not accepted",
        1,
    ) % {"counter": 1, "accepted": 0, "partly": 1, "not_accepted": 0}
    expect(recommendations.get_by_text(summary)).to_be_visible()
