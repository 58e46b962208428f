"""The home page's call to those who can help: public assistance requests still waiting for a first reply."""

import pytest

from dialogue import services
from dialogue.models import ThreadKind, Visibility
from participation.models import ModerationState
from tests.factories.dialogue import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_public_requests_waiting_for_an_answer(client, home_page, people):
    waiting = ThreadFactory(kind=ThreadKind.ASSISTANCE, title="Avem nevoie de un model de acord de parteneriat")
    answered = ThreadFactory(kind=ThreadKind.ASSISTANCE, title="Cerere care are deja un răspuns")
    PostFactory(thread=answered)
    services.thread_recount(answered.pk)
    hidden = [
        ThreadFactory(kind=ThreadKind.ASSISTANCE, visibility=Visibility.MEMBERS, title="Cerere doar pentru membri"),
        ThreadFactory(kind=ThreadKind.ASSISTANCE, moderation_state=ModerationState.PENDING, title="Cerere nemoderată"),
        ThreadFactory(title="O discuție obișnuită fără răspuns"),
    ]
    page = client.get("/").content.decode()
    assert "Cereri de asistență care așteaptă un răspuns" in page
    assert waiting.title in page and answered.title not in page
    for thread in hidden:
        assert thread.title not in page
    assert "/dialog/?tip=asistenta&amp;stare=fara-raspuns" in page


def test_no_waiting_request_no_section(client, home_page):
    assert "Cereri de asistență care așteaptă un răspuns" not in client.get("/").content.decode()
