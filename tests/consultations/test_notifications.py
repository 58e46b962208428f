"""Followers of a consultation, of its authority or of its topics hear when it opens and when its outcome is out."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations import services
from consultations.models import ConsultationPage, Outcome
from participation.follows import follow, followables
from participation.models import Notification
from tests.factories.consultations import ConsultationPageFactory
from tests.factories.members import UserFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {name: UserFactory() for name in ("authority", "topic", "consultation", "nobody")}


def recipients(kind="consultari"):
    return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def test_consultations_are_followable_and_lead_to_their_authority(consultation_index):
    consultation = ConsultationPageFactory(parent=consultation_index)
    assert "consultations.consultationpage" in followables()
    assert consultation.followed_through() == [consultation.authority]


def test_opening_notifies_followers_of_the_consultation_authority_and_topics_once(consultation_index, people):
    topic = TopicFactory(name="Mediu", slug="mediu")
    consultation = ConsultationPageFactory(parent=consultation_index, topics=[topic])
    follow(user=people["authority"], obj=consultation.authority)
    follow(user=people["topic"], obj=topic)
    follow(user=people["consultation"], obj=consultation)
    sent = services.notify_followers(consultation=consultation)
    expected = {people[name].pk for name in ("authority", "topic", "consultation")}
    assert {n.recipient_id for n in sent} == expected
    assert services.notify_followers(consultation=consultation) == []
    call_command("consultation_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Notification.objects.filter(kind="consultari").count() == 3
    title = Notification.objects.filter(kind="consultari").first().title
    assert title.startswith("Consultare publică deschisă: ")


def test_an_upcoming_consultation_is_announced_when_it_opens(consultation_index, people, frozen_now):
    now = timezone.now()
    consultation = ConsultationPageFactory(
        parent=consultation_index, opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=15)
    )
    follow(user=people["authority"], obj=consultation.authority)
    assert services.notify_followers(consultation=consultation) == []
    frozen_now(now + timedelta(days=2))
    call_command("consultation_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert recipients() == {people["authority"].pk}
    call_command("consultation_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Notification.objects.filter(kind="consultari").count() == 1


def test_the_outcome_is_announced_once(consultation_index, people):
    now = timezone.now()
    consultation = ConsultationPageFactory(
        parent=consultation_index, opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=5)
    )
    follow(user=people["consultation"], obj=consultation)
    assert services.notify_followers(consultation=consultation) == []  # closed, no outcome yet
    consultation.outcome = Outcome.NOT_ADOPTED
    consultation.save_revision().publish()
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    sent = services.notify_followers(consultation=consultation)
    assert [n.recipient_id for n in sent] == [people["consultation"].pk]
    assert sent[0].title.startswith("Rezultatul consultării publice: ")
    assert services.notify_followers(consultation=consultation) == []


def test_drafts_notify_nobody(consultation_index, people):
    consultation = ConsultationPageFactory(parent=consultation_index, live=False)
    follow(user=people["authority"], obj=consultation.authority)
    assert services.notify_followers(consultation=consultation) == []


def test_the_page_has_the_follow_button(client, consultation_index):
    consultation = ConsultationPageFactory(parent=consultation_index)
    client.force_login(UserFactory())
    page = client.get(consultation.url).content.decode()
    assert "consultations.consultationpage" in page


def test_debate_announcement_and_reminders_a_week_and_a_day_before_closing(consultation_index, people, frozen_now):
    start = timezone.now()
    consultation = ConsultationPageFactory(
        parent=consultation_index, opens_at=start - timedelta(days=1), closes_at=start + timedelta(days=12)
    )
    follow(user=people["consultation"], obj=consultation)

    def titles():
        return [n.title.split(":")[0] for n in Notification.objects.filter(kind="consultari").order_by("pk")]

    services.notify_followers(consultation=consultation, now=start)
    assert titles() == ["Consultare publică deschisă"]
    consultation.debate_at = start + timedelta(days=8)
    consultation.debate_place = "Sala de consiliu"
    consultation.save_revision().publish()
    services.notify_followers(consultation=ConsultationPage.objects.get(pk=consultation.pk), now=start)
    assert titles()[-1] == "Dezbatere publică anunțată"
    frozen_now(start + timedelta(days=6))
    call_command("consultation_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles()[-1] == "O săptămână rămasă pentru recomandări"
    frozen_now(start + timedelta(days=11, hours=1))
    call_command("consultation_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("consultation_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles()[-1] == "Ultima zi pentru recomandări"
    assert len(titles()) == 4


def test_a_short_consultation_gets_no_reminder_with_its_opening(consultation_index, people):
    now = timezone.now()
    consultation = ConsultationPageFactory(
        parent=consultation_index,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=3),
        short_period_exception=True,
        short_period_reason="Urgență.",
    )
    follow(user=people["consultation"], obj=consultation)
    assert len(services.notify_followers(consultation=consultation)) == 1
