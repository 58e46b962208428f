"""A member's recommendations and their answers are part of "Descarcă datele mele"."""

import json

import pytest
from django.urls import reverse

from consultations.models import ResponseAnswer
from participation.models import ModerationState
from tests.factories.consultations import ConsultationPageFactory, ResponseAnswerFactory, ResponseFactory
from tests.factories.members import UserFactory

pytestmark = pytest.mark.django_db


def test_the_data_export_holds_the_members_recommendations(client, consultation_index):
    member, other = UserFactory(), UserFactory()
    consultation = ConsultationPageFactory(parent=consultation_index, title="Regulamentul spațiilor verzi")
    answered = ResponseFactory(consultation=consultation, author=member, text="Mai multe bănci în parcuri.")
    ResponseAnswerFactory(
        response=answered, verdict=ResponseAnswer.Verdict.PARTLY, justification="Doar în parcurile mari."
    )
    ResponseFactory(consultation=consultation, author=member, moderation_state=ModerationState.PENDING)
    ResponseFactory(consultation=consultation, author=other, text="A altcuiva.")

    client.force_login(member)
    data = json.loads(client.get(reverse("members:data_export")).content)["consultations"]
    recommendations = {item["text"]: item for item in data["recommendations"]}
    assert len(recommendations) == 2
    assert "A altcuiva." not in recommendations
    first = recommendations["Mai multe bănci în parcuri."]
    assert first["consultation"] == "Regulamentul spațiilor verzi"
    assert first["answer"] == {"verdict": "partly", "justification": "Doar în parcurile mari."}
    assert data["debate_requests"] == []
