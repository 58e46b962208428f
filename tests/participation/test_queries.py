"""The core's listings keep a constant number of queries as rows grow."""

import pytest
from django.urls import reverse

from participation import follows, notifications
from participation.moderation import report_create, submission_moderate
from tests.factories.members import UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rows", [2, 20])
def test_notifications_page(client, member, rows, django_assert_max_num_queries):
    for number in range(rows):
        notifications.notify(recipients=[member], kind="note", title=f"Notificarea {number}")
    client.force_login(member)
    count_queries(client, reverse("participation:notifications"), django_assert_max_num_queries, 14)


@pytest.mark.parametrize("rows", [2, 20])
def test_follows_page(client, member, moderator, rows, django_assert_max_num_queries):
    for number in range(rows):
        note = Note.objects.create(author=member, text=f"Nota {number}")
        follows.follow(user=member, obj=submission_moderate(submission=note, action="approve", by=moderator))
    client.force_login(member)
    count_queries(client, reverse("participation:follows"), django_assert_max_num_queries, 17)


@pytest.mark.parametrize("rows", [2, 20])
def test_moderation_queue(client, member, moderator, rows, django_assert_max_num_queries):
    for number in range(rows):
        Note.objects.create(author=member, text=f"Așteaptă {number}")
        public = submission_moderate(
            submission=Note.objects.create(author=member, text=f"Publică {number}"), action="approve", by=moderator
        )
        report_create(item=public, by=UserFactory(), reason="Spam")
    client.force_login(moderator)
    # One count and one list query per registered kind (recommendations, dialogue threads and replies among them), none
    # per row.
    count_queries(client, reverse("participation_moderation:queue"), django_assert_max_num_queries, 27)
