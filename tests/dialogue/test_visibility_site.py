"""Who reads what on the website: a members-only thread sends anonymous readers to the login page and never shows its
title or text in the listing or the RSS feed; threads and replies waiting for moderation, rejected or hidden are read
by their author only (moderators decide them in the admin)."""

from html import unescape

import pytest

from dialogue.models import ThreadKind, Visibility
from participation.models import ModerationState
from tests.factories.dialogue import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db
SECRET_TITLE = "Strategia noastră pentru licitația de servicii sociale"
SECRET_TEXT = "Bugetul estimat este confidențial până la ședința consiliului."
LOGIN = "/cont/autentificare/"


@pytest.fixture(autouse=True)
def site(home_page):
    return home_page


@pytest.fixture
def members_only(people):
    return ThreadFactory(
        title=SECRET_TITLE, text=SECRET_TEXT, visibility=Visibility.MEMBERS, kind=ThreadKind.ASSISTANCE
    )


def text(response):
    return unescape(response.content.decode())


def test_anonymous_readers_of_a_members_only_thread_get_the_login_page_never_its_content(client, members_only):
    response = client.get(f"/dialog/{members_only.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/dialog/{members_only.pk}/"
    for address in ("/dialog/", "/dialog/?tip=asistenta", "/dialog/?stare=fara-raspuns", "/dialog/feed/"):
        page = text(client.get(address))
        assert SECRET_TITLE not in page and SECRET_TEXT not in page, address
    # Nor does its reply count in the filters' options: anonymous readers count public threads only.
    assert "Cerere de asistență (0)" in text(client.get("/dialog/"))


def test_a_logged_in_member_reads_a_members_only_thread_marked_noindex(client, people, members_only):
    client.force_login(people.helper)
    page = text(client.get(f"/dialog/{members_only.pk}/"))
    assert SECRET_TITLE in page and SECRET_TEXT in page
    assert '<meta name="robots" content="noindex">' in page and 'rel="canonical"' not in page
    listing = text(client.get("/dialog/"))
    assert SECRET_TITLE in listing and "Doar pentru membri" in listing
    assert SECRET_TITLE not in text(client.get("/dialog/feed/"))  # the feed is public: never there


def test_a_public_thread_is_in_the_listing_the_page_and_the_feed(client, people):
    thread = ThreadFactory(title="Voluntariat în Ferentari", text="Căutăm **voluntari** pentru meditații.")
    page = text(client.get(f"/dialog/{thread.pk}/"))
    assert "Voluntariat în Ferentari" in page and "<strong>voluntari</strong>" in page
    assert 'rel="canonical"' in page and 'content="noindex"' not in page
    assert "Voluntariat în Ferentari" in text(client.get("/dialog/"))
    feed = text(client.get("/dialog/feed/"))
    assert "<title>Voluntariat în Ferentari</title>" in feed
    assert "Căutăm voluntari pentru meditații." in feed and f"/dialog/{thread.pk}/</link>" in feed


@pytest.mark.parametrize("state", [ModerationState.PENDING, ModerationState.REJECTED, ModerationState.HIDDEN])
def test_threads_not_approved_are_read_by_their_author_only(client, people, state):
    thread = ThreadFactory(
        author=people.asker,
        title="Discuția nepublicată",
        text="Text nepublicat.",
        moderation_state=state,
        moderation_reason="" if state == ModerationState.PENDING else "Conține date personale.",
    )
    address = f"/dialog/{thread.pk}/"
    assert client.get(address).status_code == 404  # anonymous: not even the login page
    for reader in (people.helper, people.trusted):
        client.force_login(reader)
        assert client.get(address).status_code == 404
        assert "Discuția nepublicată" not in text(client.get("/dialog/"))
        assert client.post(f"{address}raspunde/", {"text": "Răspuns"}).status_code == 404
    client.logout()
    assert "Discuția nepublicată" not in text(client.get("/dialog/feed/"))

    client.force_login(people.asker)
    page = text(client.get(address))
    assert "Text nepublicat." in page and '<meta name="robots" content="noindex">' in page
    assert f'action="/dialog/{thread.pk}/raspunde/' not in page  # nobody replies before it is published
    listing = text(client.get("/dialog/"))
    assert "Discuția nepublicată" in listing
    badge = {
        ModerationState.PENDING: "În așteptarea moderării",
        ModerationState.REJECTED: "Discuție respinsă de moderatori",
        ModerationState.HIDDEN: "Discuție ascunsă de moderatori",
    }[state]
    assert badge in listing and badge in page
    if state != ModerationState.PENDING:
        assert "Conține date personale." in page


@pytest.mark.parametrize("state", [ModerationState.PENDING, ModerationState.REJECTED, ModerationState.HIDDEN])
def test_replies_not_approved_are_read_by_their_author_only(client, people, state):
    thread = ThreadFactory(title="Discuția publică")
    PostFactory(thread=thread, author=people.trusted, text="Răspunsul publicat.")
    PostFactory(
        thread=thread,
        author=people.helper,
        text="Răspunsul nepublicat.",
        moderation_state=state,
        moderation_reason="" if state == ModerationState.PENDING else "Ton nepotrivit.",
    )
    address = f"/dialog/{thread.pk}/"
    for reader in (None, people.asker, people.trusted):
        if reader:
            client.force_login(reader)
        page = text(client.get(address))
        assert "Răspunsul publicat." in page and "Răspunsul nepublicat." not in page
    client.force_login(people.helper)
    page = text(client.get(address))
    assert "Răspunsul publicat." in page and "Răspunsul nepublicat." in page
    if state == ModerationState.PENDING:
        assert "Doar dumneavoastră vedeți acest răspuns" in page
    else:
        assert "Ton nepotrivit." in page
        assert "Răspuns respins de moderatori" in page or "Răspuns ascuns de moderatori" in page


def test_a_members_only_threads_replies_are_never_shown_to_anonymous_readers(client, people, members_only):
    PostFactory(thread=members_only, author=people.trusted, text="Un răspuns doar pentru membri.")
    assert "Un răspuns doar pentru membri." not in text(client.get(f"/dialog/{members_only.pk}/", follow=True))
    assert "Un răspuns doar pentru membri." not in text(client.get("/dialog/feed/"))
