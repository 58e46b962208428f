"""Queries per request do not grow with the number of consultations or recommendations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.consultations import ConsultationPageFactory, ResponseAnswerFactory, ResponseFactory
from tests.factories.members import MembershipFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_query_count_is_constant(client, consultation_index):
    topics = [TopicFactory(name=f"Tema {n}", slug=f"tema-{n}") for n in range(2)]
    for _ in range(2):
        ConsultationPageFactory(parent=consultation_index, topics=topics)
    few = count_queries(client, consultation_index.url)
    for _ in range(8):
        page = ConsultationPageFactory(parent=consultation_index, topics=topics)
        ResponseFactory(consultation=page)
    assert count_queries(client, consultation_index.url) == few


@pytest.mark.parametrize("as_reviewer", [False, True])
def test_consultation_query_count_is_constant_with_many_recommendations(client, consultation_index, as_reviewer):
    consultation = ConsultationPageFactory(parent=consultation_index)
    if as_reviewer:
        client.force_login(MembershipFactory(organization=consultation.authority, administrator=True).user)
    ResponseAnswerFactory(response=ResponseFactory(consultation=consultation))
    few = count_queries(client, consultation.url)
    membership = MembershipFactory()
    for n in range(200):
        response = ResponseFactory(
            consultation=consultation, author=membership.user, organization=membership.organization if n % 2 else None
        )
        if n % 3 == 0:
            ResponseAnswerFactory(response=response, verdict="not_accepted", justification="Nu se poate.")
    assert count_queries(client, consultation.url) == few
