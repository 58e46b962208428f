"""What every endpoint under /api/v2/ answers besides its JSON (website.api_middleware): CORS open for reading,
ETag with conditional GET, cache headers, and a per-client rate limit answered with a JSON 429.

The endpoints are read from the router (the ones apps register through the hook included), so a new endpoint is
checked without touching this file.
"""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.api.test_fuzz import BASE_QUERIES, content, detail_url, endpoints  # noqa: F401 (a fixture)
from website.api import api_router
from website.api_middleware import ALLOWED_METHODS
from website.openapi import build_document

pytestmark = pytest.mark.django_db

NAMES = [name for name, _ in endpoints()]
ORIGIN = {"Origin": "https://partener.example.org"}


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def list_url(name):
    return f"/api/v2/{name}/"


@pytest.mark.parametrize("name", NAMES)
def test_answers_and_refusals_are_open_to_every_origin(client, content, name):  # noqa: F811
    answers = {
        "list": client.get(list_url(name), BASE_QUERIES.get(name, {}), headers=ORIGIN),
        "detail": client.get(detail_url(client, name), headers=ORIGIN),
        "400": client.get(list_url(name), {"limit": "-1"}, headers=ORIGIN),
        "404": client.get(f"/api/v2/{name}/0/", headers=ORIGIN),
    }
    assert {kind: answer.status_code for kind, answer in answers.items()} == {
        "list": 200,
        "detail": 200,
        "400": 400,
        "404": 404,
    }
    for kind, answer in answers.items():
        assert answer["Access-Control-Allow-Origin"] == "*", kind
        assert "Access-Control-Allow-Credentials" not in answer, kind
    assert answers["400"].json()["message"]


@pytest.mark.parametrize("name", NAMES)
def test_a_preflight_allows_reading_only(client, name):
    response = client.options(
        list_url(name),
        headers={**ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "If-None-Match"},
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == ALLOWED_METHODS == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("name", NAMES)
def test_lists_and_details_have_an_etag_and_answer_a_repeat_with_304(client, content, name, settings):  # noqa: F811
    settings.API_CACHE_SECONDS = 120
    for url, query in ((list_url(name), BASE_QUERIES.get(name, {})), (detail_url(client, name), {})):
        first = client.get(url, query)
        assert first.status_code == 200
        assert first["ETag"].startswith('"')
        assert first["Cache-Control"] == "public, max-age=120"
        vary = {header.strip() for header in first["Vary"].split(",")}
        assert {"Accept", "Accept-Language"} <= vary
        again = client.get(url, query, headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304, url
        assert again.content == b""
        assert again["ETag"] == first["ETag"]
        assert again["Access-Control-Allow-Origin"] == "*"
        assert again["Cache-Control"] == first["Cache-Control"]
        head = client.head(url, query, headers={"If-None-Match": first["ETag"]})
        assert head.status_code == 304
        other = client.get(url, query, headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200
        assert other.json() == first.json()


def test_the_etag_changes_with_the_content(client, content):  # noqa: F811
    first = client.get("/api/v2/pages/", {"limit": 1})
    second = client.get("/api/v2/pages/", {"limit": 2})
    assert first["ETag"] != second["ETag"]
    assert client.get("/api/v2/pages/", {"limit": 2}, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_refusals_are_not_cached_as_public(client):
    response = client.get("/api/v2/pages/", {"limit": "-1"})
    assert response.status_code == 400
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("name", NAMES)
def test_too_many_requests_is_a_json_429_with_retry_after(client, settings, fresh_counters, name):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": {"ip": "3/m"}}
    answers = [client.get(list_url(name), {"limit": "-1"}, headers=ORIGIN) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [400, 400, 400]
    refused = client.get(list_url(name), headers=ORIGIN)
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("application/json")
    assert refused.json()["message"]
    assert refused["Retry-After"] == "60"
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert "public" not in refused["Cache-Control"]
    # Another client is not refused.
    assert client.get(list_url(name), {"limit": "-1"}, REMOTE_ADDR="203.0.113.9").status_code == 400


def test_the_limit_counts_every_endpoint_together(client, settings, fresh_counters):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": {"ip": "2/h"}}
    assert client.get("/api/v2/pages/", {"limit": "-1"}).status_code == 400
    assert client.get("/api/v2/openapi.json").status_code == 200
    refused = client.get("/api/v2/topics/")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"


def test_pages_outside_the_api_are_untouched(client, fresh_counters, settings, home_page):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": {"ip": "1/m"}}
    for _ in range(3):
        response = client.get("/")
        assert response.status_code == 200
        assert "Access-Control-Allow-Origin" not in response


def test_consultations_link_to_their_own_endpoint(client, content):  # noqa: F811
    items = client.get("/api/v2/consultations/").json()["items"]
    assert items
    for item in items:
        assert item["meta"]["detail_url"] == f"http://testserver/api/v2/consultations/{item['id']}/"
        detail = client.get(item["meta"]["detail_url"])
        assert detail.status_code == 200
        assert detail.json()["meta"]["detail_url"] == item["meta"]["detail_url"]


def test_the_document_describes_the_429_and_its_retry_after():
    document = build_document(api_router)
    too_many = document["components"]["responses"]["TooManyRequests"]
    assert too_many["headers"]["Retry-After"]["schema"]["type"] == "integer"
    for path in document["paths"].values():
        assert path["get"]["responses"]["429"] == {"$ref": "#/components/responses/TooManyRequests"}
