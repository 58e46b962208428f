"""An NGO's member asks for assistance on /dialog/, another member finds the unanswered request and answers it, and
the asker marks that answer as the one that helped: it then shows first, with its badge, and the request is solved."""

import re

import pytest
from django.core.cache import cache
from django.utils.text import capfirst
from django.utils.translation import gettext
from playwright.sync_api import expect

from dialogue.models import DialogueSettings, Post, Thread, ThreadKind
from participation.models import ModerationState
from tests.factories.directory import OrganizationFactory
from tests.factories.members import PASSWORD, MembershipFactory, UserFactory
from tests.factories.website import TopicFactory

TITLE = "Cum obținem avizul de mediu pentru o grădină comunitară?"
QUESTION = "Primăria ne cere un aviz de mediu pentru grădina din curtea blocului. Ce acte trebuie depuse?"
QUESTION_BACK = "Ce suprafață are grădina? De ea depinde procedura."
ANSWER = "Pentru sub 500 mp ajunge o **notificare** la Agenția pentru Protecția Mediului București."


def field(page, label):
    """The input labelled `label` (translated, capitalised as forms show it), maybe with the "required" asterisk."""
    return page.get_by_label(re.compile(rf"^{re.escape(capfirst(gettext(label)))}\s*\*?$"))


def log_in(page, email):
    """The members' login form (the page opened it with `?next=`, so it leads back there)."""
    field(page, "Email address").fill(email)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=gettext("Log in")).click()


def as_someone_else(page):
    page.context.clear_cookies()


@pytest.fixture
def people(transactional_db, home_page):
    cache.clear()  # allauth's and the forms' rate limits count in the cache
    # Posts appear at once (moderators approve a new member's first posts otherwise).
    settings = DialogueSettings.for_site(home_page.get_site())
    settings.premoderated_posts = 0
    settings.save()
    TopicFactory(name="Mediu", slug="mediu")
    association = OrganizationFactory(name="Asociația Grădina din Bloc", live=True)
    asker = MembershipFactory(
        user=UserFactory(first_name="Elena", last_name="Marinescu", email="elena@example.org"),
        organization=association,
    ).user
    helper = UserFactory(first_name="Mihai", last_name="Stan", email="mihai@example.org")
    return {"association": association, "asker": asker, "helper": helper}


def test_a_member_asks_another_answers_and_the_answer_that_helped_shows_first(live_server, page, people):
    # 1. The NGO's member opens an assistance request on behalf of the association.
    page.goto(live_server.url + "/dialog/nou/")
    expect(page).to_have_url(re.compile(r"/cont/autentificare/\?next="))
    log_in(page, "elena@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Open a discussion"))
    field(page, "Title").fill(TITLE)
    field(page, "Your message").fill(QUESTION)
    page.get_by_label(gettext("Assistance request: your organization needs help on a question")).check()
    page.get_by_label("Mediu", exact=True).check()
    field(page, "On behalf of").select_option(label="Asociația Grădina din Bloc")
    page.get_by_role("button", name=gettext("Publish the discussion")).click()
    expect(page.get_by_text(gettext("Your discussion was published."))).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    thread = Thread.objects.get(title=TITLE)
    assert (thread.kind, thread.organization, thread.moderation_state) == (
        ThreadKind.ASSISTANCE,
        people["association"],
        ModerationState.APPROVED,
    )

    # 2. Another member finds the request among those still without an answer, asks a question back, and answers.
    as_someone_else(page)
    page.goto(live_server.url + "/dialog/")
    page.get_by_role("link", name=re.compile(r"^Cereri de asistență fără răspuns \(1\)$")).click()
    expect(page).to_have_url(re.compile(r"tip=asistenta&stare=fara-raspuns"))
    card = page.locator(".thread-card").filter(has_text=TITLE)
    expect(card).to_contain_text("Asociația Grădina din Bloc")
    card.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name=gettext("Log in to reply")).click()
    log_in(page, "mihai@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    for text in (QUESTION_BACK, ANSWER):
        field(page, "Your reply").fill(text)
        page.get_by_role("button", name=gettext("Send the reply")).click()
        expect(page.get_by_text(gettext("Your reply was published."))).to_be_visible()
    answer = Post.objects.get(thread=thread, author=people["helper"], text=ANSWER)
    replies = page.locator("li.post")
    expect(replies).to_have_count(2)
    expect(replies.first).to_contain_text(QUESTION_BACK)  # by date
    expect(page.get_by_role("button", name=re.compile(gettext("Mark as the answer that helped")))).to_have_count(0)

    # 3. The asker marks that answer as the one that helped: it shows first, with its badge.
    as_someone_else(page)
    page.goto(live_server.url + f"/cont/autentificare/?next=/dialog/{thread.pk}/")
    log_in(page, "elena@example.org")
    mark = page.locator(f"#raspuns-{answer.pk}").get_by_role(
        "button", name=re.compile(rf"^{re.escape(gettext('Mark as the answer that helped'))}\s*: Mihai Stan$")
    )
    mark.click()
    thanks = gettext("Thank you: the reply that helped now shows first, and its author was told.")
    expect(page.get_by_text(thanks)).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/dialog/{thread.pk}/#raspuns-{answer.pk}$"))
    first = page.locator("li.post").first
    expect(first).to_have_attribute("id", f"raspuns-{answer.pk}")
    expect(first).to_contain_text(gettext("The answer that helped"))
    expect(first.locator("strong")).to_have_text("notificare")
    expect(page.locator("li.post").nth(1)).to_contain_text(QUESTION_BACK)
    thread.refresh_from_db()
    assert thread.accepted_reply == answer

    # 4. The request reads as solved in the listing.
    page.goto(live_server.url + "/dialog/?stare=rezolvate")
    expect(page.locator(".thread-card").filter(has_text=TITLE)).to_contain_text(gettext("Solved"))
