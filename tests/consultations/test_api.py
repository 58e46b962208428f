"""`/api/v2/consultations/`: derived status, approved recommendations only, answers, counts, strict filters."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.models import Outcome, ResponseAnswer
from consultations.status import BUCHAREST
from participation.models import ModerationState
from tests.factories.consultations import (
    AuthorityFactory,
    ConsultationPageFactory,
    ResponseAnswerFactory,
    ResponseFactory,
)
from tests.factories.directory import OrganizationFactory
from tests.factories.members import UserFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

URL = "/api/v2/consultations/"


def items(client, **query):
    response = client.get(URL, query)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_lists_status_recommendations_answers_and_counts(client, consultation_index):
    consultation = ConsultationPageFactory(parent=consultation_index, title="Regulament spații verzi")
    author = UserFactory(first_name="Ana", last_name="Popescu", email="ana@example.org")
    organization = OrganizationFactory(name="Asociația Vecinii din Titan")
    accepted = ResponseFactory(consultation=consultation, author=author, text="Mai mulți copaci.")
    ResponseAnswerFactory(response=accepted, verdict=ResponseAnswer.Verdict.ACCEPTED)
    partly = ResponseFactory(consultation=consultation, organization=organization)
    ResponseAnswerFactory(response=partly, verdict=ResponseAnswer.Verdict.PARTLY, justification="Parțial, din buget.")
    refused = ResponseFactory(consultation=consultation)
    ResponseAnswerFactory(response=refused, verdict=ResponseAnswer.Verdict.NOT_ACCEPTED, justification="Nu se poate.")
    ResponseFactory(consultation=consultation)  # approved, not answered yet
    ResponseFactory(consultation=consultation, text="În așteptare", moderation_state=ModerationState.PENDING)
    ResponseFactory(consultation=consultation, text="Respinsă", moderation_state=ModerationState.REJECTED)

    response = client.get(URL)
    assert response.status_code == 200
    assert "ana@example.org" not in response.content.decode()
    assert "În așteptare" not in response.content.decode() and "Respinsă" not in response.content.decode()
    [item] = response.json()["items"]
    assert item["title"] == "Regulament spații verzi"
    assert item["status"] == "open"
    assert item["authority"]["name"] == consultation.authority.name
    assert item["meta"]["html_url"].endswith(consultation.url)
    assert item["counts"] == {
        "approved": 4,
        "answered": 3,
        "accepted": 1,
        "partly_accepted": 1,
        "not_accepted": 1,
    }
    recommendations = item["recommendations"]
    assert [r["id"] for r in recommendations][:3] == [accepted.pk, partly.pk, refused.pk]
    assert recommendations[0]["author"] == "Ana Popescu"
    assert recommendations[0]["text"] == "Mai mulți copaci."
    assert recommendations[0]["answer"]["verdict"] == "accepted"
    assert recommendations[1]["author"] == organization.name
    assert recommendations[1]["organization"]["name"] == organization.name
    assert recommendations[1]["answer"]["justification"] == "Parțial, din buget."
    assert recommendations[3]["answer"] is None

    detail = client.get(f"{URL}{consultation.pk}/").json()
    assert detail["counts"]["approved"] == 4
    assert "ana@example.org" not in str(detail)


def test_drafts_and_private_consultations_are_not_listed(client, consultation_index):
    ConsultationPageFactory(parent=consultation_index, live=False)
    assert items(client) == []


def test_filters(client, consultation_index):
    now = timezone.now()
    mayor = AuthorityFactory(name="Primăria Municipiului București", slug="pmb")
    sector = AuthorityFactory(name="Primăria Sectorului 3", slug="ps3")
    topic = TopicFactory(name="Mediu", slug="mediu")
    open_ = ConsultationPageFactory(parent=consultation_index, authority=mayor, topics=[topic])
    upcoming = ConsultationPageFactory(
        parent=consultation_index,
        authority=sector,
        opens_at=now + timedelta(days=2),
        closes_at=now + timedelta(days=20),
    )
    closed = ConsultationPageFactory(
        parent=consultation_index,
        authority=sector,
        opens_at=datetime(2026, 2, 20, 9, 0, tzinfo=BUCHAREST),
        closes_at=datetime(2026, 3, 10, 16, 0, tzinfo=BUCHAREST),
    )
    decided = ConsultationPageFactory(
        parent=consultation_index,
        authority=mayor,
        opens_at=datetime(2025, 1, 1, tzinfo=BUCHAREST),
        closes_at=datetime(2025, 2, 1, tzinfo=BUCHAREST),
        outcome=Outcome.NOT_ADOPTED,
    )

    def ids(**query):
        return {item["id"] for item in items(client, **query)}

    assert ids() == {open_.pk, upcoming.pk, closed.pk, decided.pk}
    assert ids(status="open") == {open_.pk}
    assert ids(status="upcoming") == {upcoming.pk}
    assert ids(status="outcome_published") == {decided.pk}
    assert ids(authority="ps3") == {upcoming.pk, closed.pk}
    assert ids(topic="mediu") == {open_.pk}
    assert ids(closes_after="2026-03-10", closes_before="2026-03-10") == {closed.pk}
    assert ids(closes_before="2025-12-31") == {decided.pk}
    # The type filter of the pages endpoint reads the same filters.
    pages = client.get("/api/v2/pages/", {"type": "consultations.ConsultationPage", "status": "upcoming"}).json()
    assert [item["id"] for item in pages["items"]] == [upcoming.pk]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "deschis"},
        {"authority": "nu-exista"},
        {"topic": "nu-exista"},
        {"closes_after": "2026-13-01"},
        {"closes_before": "ieri"},
        {"status": ""},
        {"email": "x"},
        {"moderation_state": "pending"},
    ],
)
def test_bad_filters_are_a_json_400(client, consultation_index, query):
    ConsultationPageFactory(parent=consultation_index)
    response = client.get(URL, query)
    assert response.status_code == 400
    assert response.json()["message"]


def test_list_query_count_is_constant(client, consultation_index):
    topics = [TopicFactory(name=f"Tema {n}", slug=f"tema-{n}") for n in range(2)]

    def add(count):
        for _ in range(count):
            page = ConsultationPageFactory(parent=consultation_index, topics=topics)
            for verdict in ResponseAnswer.Verdict.values:
                ResponseAnswerFactory(
                    response=ResponseFactory(consultation=page, organization=OrganizationFactory()),
                    verdict=verdict,
                    justification="Motivare.",
                )
            ResponseFactory(consultation=page)
            ResponseFactory(consultation=page, moderation_state=ModerationState.PENDING)

    def count():
        client.get(URL)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    add(2)
    few = count()
    add(10)
    assert count() == few
