"""`/api/v2/topics/`: every topic in Romanian alphabetical order, by id or slug, strict parameters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

URL = "/api/v2/topics/"
NAMES = ["Vârstnici", "Îngrijire", "Șanse egale", "Economie socială", "Sănătate", "Incluziune", "Ajutor"]


@pytest.fixture
def topics(db):
    return {name: TopicFactory(name=name, description="Descriere internă.") for name in NAMES}


def test_every_topic_in_romanian_order(client, topics):
    response = client.get(URL)
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == len(NAMES)
    assert [item["name"] for item in data["items"]] == [
        "Ajutor",
        "Economie socială",
        "Incluziune",
        "Îngrijire",
        "Sănătate",
        "Șanse egale",
        "Vârstnici",
    ]
    care = topics["Îngrijire"]
    item = data["items"][3]
    assert item == {
        "id": care.pk,
        "meta": {"type": "website.Topic", "detail_url": f"http://testserver{URL}{care.pk}/"},
        "name": "Îngrijire",
        "slug": care.slug,
    }
    assert [item["name"] for item in client.get(URL, {"offset": 2, "limit": 2}).json()["items"]] == [
        "Incluziune",
        "Îngrijire",
    ]


def test_detail_by_id_and_by_slug(client, topics):
    care = topics["Îngrijire"]
    detail = client.get(f"{URL}{care.pk}/").json()
    assert (detail["id"], detail["name"], detail["slug"]) == (care.pk, "Îngrijire", care.slug)
    assert "description" not in detail
    assert [item["id"] for item in client.get(URL, {"slug": care.slug}).json()["items"]] == [care.pk]
    assert client.get(URL, {"slug": "nu-exista"}).json()["items"] == []
    found = client.get(f"{URL}find/", {"slug": care.slug})
    assert found.status_code == 302
    assert found["Location"].startswith(f"http://testserver{URL}{care.pk}/")
    assert client.get(f"{URL}find/", {"slug": "nu-exista"}).status_code == 404
    assert client.get(f"{URL}0/").status_code == 404


@pytest.mark.parametrize("query", [{"name": "Incluziune"}, {"order": "name"}, {"search": "incluziune"}, {"q": "x"}])
def test_unknown_parameters_are_a_json_400(client, topics, query):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert response.json()["message"]


def test_one_query_however_many_topics(client, topics):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    few = count()
    for n in range(10):
        TopicFactory(name=f"Temă {n}")
    assert count() == few
