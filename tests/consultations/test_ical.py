"""`/consultari/calendar.ics`: closing moments and public debates, recent and future, live pages only."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from consultations.status import BUCHAREST
from tests.factories.consultations import ConsultationPageFactory

pytestmark = pytest.mark.django_db


def unfolded(body):
    return body.replace("\r\n ", "")


def test_closings_and_debates(client, consultation_index):
    now = timezone.now()
    debate_at = (now + timedelta(days=3)).astimezone(BUCHAREST).replace(hour=17, minute=0, second=0, microsecond=0)
    with_debate = ConsultationPageFactory(
        parent=consultation_index,
        title="Strategia de incluziune socială; Sectorul 3",
        debate_at=debate_at,
        debate_place="Calea Dudești nr. 191, Sector 3",
    )
    plain = ConsultationPageFactory(parent=consultation_index, title="Regulament grădini comunitare")
    old = ConsultationPageFactory(
        parent=consultation_index,
        title="Consultare veche",
        opens_at=datetime(2024, 1, 1, 9, tzinfo=BUCHAREST),
        closes_at=datetime(2024, 2, 1, 16, tzinfo=BUCHAREST),
    )
    ConsultationPageFactory(parent=consultation_index, title="Ciornă", live=False)

    response = client.get("/consultari/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    text = unfolded(body)
    assert f"UID:consultation-{with_debate.pk}-closes@" in text
    assert f"UID:consultation-{with_debate.pk}-debate@" in text
    assert f"UID:consultation-{plain.pk}-closes@" in text
    assert f"consultation-{plain.pk}-debate@" not in text
    assert f"consultation-{old.pk}-" not in text
    assert "Ciornă" not in text
    assert "Strategia de incluziune socială\\; Sectorul 3" in text
    assert "LOCATION:Calea Dudești nr. 191\\, Sector 3" in text
    assert "DTSTART:" + debate_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") in text
    assert "Dezbatere publică: " in text
    assert text.count("BEGIN:VEVENT") == 3


def test_the_index_links_the_feed(client, consultation_index):
    page = client.get(consultation_index.url).content.decode()
    assert 'href="/consultari/calendar.ics"' in page
