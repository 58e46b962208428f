"""The demo consultations: every state, the demo directory's real authorities, the demo members' recommendations.

The demo's moments are relative to "today" in Bucharest (one consultation closes today at 23:59), so the seeding and
the checks run at a fixed moment (`django.utils.timezone.now` frozen, which the demo, the statuses and the pages all
read): the tests cannot depend on the wall clock, such as a run in the last minute of a Bucharest day.
"""

from datetime import datetime

import pytest
from django.contrib.auth import get_user_model

from consultations import demo as consultations_demo
from consultations.models import ConsultationIndexPage, ConsultationPage, DebateRequest, Response, ResponseAnswer
from consultations.status import BUCHAREST, ConsultationStatus
from directory import demo as directory_demo
from members import demo as members_demo
from participation.models import ModerationState
from website import demo as website_demo
from website.groups import setup_groups

pytestmark = pytest.mark.django_db


def counts():
    return (
        ConsultationIndexPage.objects.count(),
        ConsultationPage.objects.count(),
        Response.objects.count(),
        ResponseAnswer.objects.count(),
        DebateRequest.objects.count(),
        ConsultationPage.topics.through.objects.count(),
        ConsultationPage.sectors.through.objects.count(),
        ConsultationPage.objects.get(slug="strategia-de-incluziune-sociala-sector-3").get_latest_revision().pk,
    )


# An ordinary midday, and the last minutes before the 23:59 closing on the day summer time ends (a 25-hour day).
MIDDAY = datetime(2026, 5, 20, 12, 0, tzinfo=BUCHAREST)
LAST_MINUTES_OF_A_LONG_DAY = datetime(2026, 10, 25, 23, 58, 30, tzinfo=BUCHAREST)


@pytest.fixture
def moment(request, frozen_now):
    """The one moment the demo is seeded and checked at: midday unless a test parametrizes it."""
    return frozen_now(getattr(request, "param", MIDDAY))


@pytest.fixture
def seeded(home_page, moment):
    setup_groups()
    get_user_model().objects.create_user("editor", "editor@example.org", "x")
    topics = website_demo.topics()
    directory_demo.seed(home=home_page, topics=topics)
    members_demo.seed(home=home_page, topics=topics)
    assert consultations_demo.seed(home=home_page, topics=topics) == []
    return topics


def test_seeding_twice_changes_nothing(seeded, home_page):
    first = counts()
    assert consultations_demo.seed(home=home_page, topics=seeded) == []
    assert counts() == first


@pytest.mark.parametrize(
    "moment", [MIDDAY, LAST_MINUTES_OF_A_LONG_DAY], ids=["midday", "dst-end-23-58"], indirect=True
)
def test_every_state_from_real_authorities_with_recommendations(seeded, client, moment):
    index = ConsultationIndexPage.objects.get()
    assert index.slug == "consultari" and index.show_in_menus and index.live
    assert index.get_parent().specific_class.__name__ == "HomePage"
    consultations = list(ConsultationPage.objects.live().select_related("authority"))
    assert {page.status for page in consultations} == set(ConsultationStatus)
    assert {page.authority.name for page in consultations} == {
        "Primăria Municipiului București",
        "Primăria Sectorului 3",
    }
    closing_today = ConsultationPage.objects.get(slug="regulament-spatii-verzi-sector-3")
    assert closing_today.closes_at.astimezone(BUCHAREST).date() == moment.astimezone(BUCHAREST).date()
    assert closing_today.is_open() and closing_today.status_label == "Se închide astăzi"
    closed = {page.slug: page for page in consultations if page.status == ConsultationStatus.CLOSED}
    assert closed
    assert not Response.objects.filter(consultation__in=closed.values(), answer__isnull=False).exists()
    answered = ConsultationPage.objects.get(slug="program-reparatii-locuinte-sociale-sector-3")
    assert answered.status == ConsultationStatus.OUTCOME_PUBLISHED
    verdicts = ResponseAnswer.objects.filter(response__consultation=answered).values_list("verdict", flat=True)
    assert set(verdicts) == set(ResponseAnswer.Verdict.values)
    states = set(Response.objects.values_list("moderation_state", flat=True))
    assert states == {ModerationState.APPROVED, ModerationState.PENDING}
    assert Response.objects.filter(organization__name="Ateliere Fără Frontiere").exists()
    assert DebateRequest.objects.filter(organization__name="Ateliere Fără Frontiere", consultation__live=True).exists()
    for page in [index, *consultations]:
        assert client.get(page.url).status_code == 200
    assert client.get("/consultari/").status_code == 200
    api = client.get("/api/v2/consultations/").json()
    assert api["meta"]["total_count"] == len(consultations)
