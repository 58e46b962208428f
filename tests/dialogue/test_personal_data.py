"""A member's threads and replies, with their moderation state and the moderator's reason, are part of "Descarcă
datele mele"; nobody else's are."""

import json

import pytest
from django.urls import reverse

from dialogue import services
from dialogue.models import ThreadKind, Visibility
from participation.models import ModerationState
from participation.moderation import submission_moderate
from tests.factories.dialogue import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def test_the_data_export_holds_the_members_threads_and_replies(client, people):
    thread = services.thread_create(
        user=people.asker,
        title="Cum obținem atestatul de întreprindere socială?",
        text="Întrebarea noastră.",
        kind=ThreadKind.ASSISTANCE,
        visibility=Visibility.MEMBERS,
        organization=people.ngo,
    )
    assert thread.moderation_state == ModerationState.PENDING
    submission_moderate(submission=thread, action="reject", by=people.moderator, reason="Titlu neclar.")
    other = ThreadFactory(title="Discuția altcuiva", kind=ThreadKind.ASSISTANCE)
    helpful = PostFactory(thread=other, author=people.asker, text="Răspunsul meu util.")
    services.thread_recount(other.pk)
    services.answer_mark(thread=other, reply=helpful, user=people.moderator)
    hidden = PostFactory(thread=other, author=people.asker, text="Un răspuns ascuns.")
    submission_moderate(submission=hidden, action="hide", by=people.moderator, reason="Date personale.")
    PostFactory(thread=other, author=people.helper, text="Al altcuiva.")

    client.force_login(people.asker)
    data = json.loads(client.get(reverse("members:data_export")).content)["dialogue"]
    assert data["threads"] == [
        {
            "title": "Cum obținem atestatul de întreprindere socială?",
            "kind": "asistenta",
            "visibility": "membri",
            "on_behalf_of": "Asociația Vecinii Solidari",
            "topics": [],
            "text": "Întrebarea noastră.",
            "moderation": "rejected",
            "moderation_reason": "Titlu neclar.",
            "written_at": thread.created_at.isoformat(),
            "edited_at": None,
            "closed": False,
        }
    ]
    replies = {reply["text"]: reply for reply in data["replies"]}
    assert set(replies) == {"Răspunsul meu util.", "Un răspuns ascuns."}
    assert replies["Răspunsul meu util."]["marked_helpful"] is True
    assert replies["Răspunsul meu util."]["discussion"] == "Discuția altcuiva"
    assert replies["Un răspuns ascuns."] | {"written_at": None} == {
        "discussion": "Discuția altcuiva",
        "on_behalf_of": None,
        "text": "Un răspuns ascuns.",
        "moderation": "hidden",
        "moderation_reason": "Date personale.",
        "written_at": None,
        "edited_at": None,
        "marked_helpful": False,
    }
