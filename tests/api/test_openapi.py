"""The partner API's OpenAPI document (`/api/v2/openapi.json`) and its docs page (`/api/docs/`).

The document is written, not generated (Wagtail's v2 serializers are built per request), so these tests keep it
honest: it is valid OpenAPI 3, it documents every endpoint registered through the hook and exactly the parameters
each one accepts, and real answers of every list and detail validate against its response schemas.
"""

import pytest
from django.test import Client
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from openapi_spec_validator import validate as validate_spec
from wagtail.models import Page, get_page_models

from consultations.models import ConsultationPage
from tests.api.test_fuzz import BASE_QUERIES, content  # noqa: F401 (a fixture)
from tests.factories.consultations import ResponseAnswerFactory, ResponseFactory
from tests.factories.proposals import ProposalFactory, ProposalPartnerFactory
from website.addresses import public_base_url
from website.api import api_router, listing_filters
from website.openapi import build_document

pytestmark = pytest.mark.django_db

UNRECOGNISED = "query parameter is not"


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def document():
    return build_document(api_router)


@pytest.fixture
def data(content):  # noqa: F811
    """The fuzz's objects of every kind, plus an answered recommendation and a completed project with a partner."""
    ResponseAnswerFactory(response=ResponseFactory(consultation=ConsultationPage.objects.get()))
    proposal = ProposalFactory(state="completed")
    ProposalPartnerFactory(proposal=proposal, state="accepted")
    return content


def endpoint_names():
    return sorted(api_router._endpoints)


def list_operation(document, name):
    return document["paths"][f"/{name}/"]["get"]


def parameter_names(document, operation):
    names = set()
    for parameter in operation["parameters"]:
        if "$ref" in parameter:
            parameter = document["components"]["parameters"][parameter["$ref"].split("/")[-1]]
        if parameter["in"] == "query":
            names.add(parameter["name"])
    return names


def page_type_filters():
    """`{parameter: page type}`: the page types' own filters, which the pages endpoint takes with `type=`."""
    filters = {}
    for model in get_page_models():
        if filterset := listing_filters(model):
            for name in filterset.api_parameters():
                filters.setdefault(name, model._meta.label)
    return filters


def accepted_list_parameters(name):
    """What the list view reads: its known parameters, and the model's field filters where Wagtail accepts them."""
    viewset = api_router._endpoints[name]
    names = set(viewset.known_query_parameters)
    if name in {"pages", "images", "documents"}:
        names |= set(viewset.get_available_fields(viewset.model or Page, db_fields_only=True))
    if name == "pages":
        names |= set(page_type_filters())
    return names


def assert_valid(document, schema, instance):
    """`instance` against an OpenAPI 3.0 schema of `document` (nullable, formats, `$ref`s to its components)."""
    OAS30Validator({**schema, "components": document["components"]}, format_checker=oas30_format_checker).validate(
        instance
    )


def response_schema(document, path, status="200"):
    return document["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]


def test_the_document_is_valid_openapi_3(document):
    validate_spec(document)
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Bucureștiul social și solidar — API pentru parteneri"
    assert document["servers"] == [{"url": public_base_url() + "/api/v2"}]


def test_every_registered_endpoint_describes_itself(document):
    """A new endpoint registered through API_ENDPOINTS_HOOK without an `openapi()` fails here."""
    documented = {tag["name"] for tag in document["tags"]}
    assert documented == set(api_router._endpoints)
    for name in api_router._endpoints:
        assert f"/{name}/" in document["paths"]
        assert f"/{name}/{{id}}/" in document["paths"]


@pytest.mark.parametrize("name", endpoint_names())
def test_every_accepted_list_parameter_is_documented_and_nothing_else(document, name):
    documented = parameter_names(document, list_operation(document, name))
    assert documented == accepted_list_parameters(name)


@pytest.mark.parametrize("name", endpoint_names())
def test_documented_parameters_are_accepted_and_others_refused(client, document, data, name):
    url = f"/api/v2/{name}/"
    base = BASE_QUERIES.get(name, {})
    type_filters = page_type_filters() if name == "pages" else {}
    for parameter in list_operation(document, name)["parameters"]:
        if "$ref" in parameter:
            parameter = document["components"]["parameters"][parameter["$ref"].split("/")[-1]]
        schema = parameter["schema"]
        value = str((schema.get("enum") or ["1" if schema.get("type") == "integer" else "2026-01-01"])[0])
        query = {**base, parameter["name"]: value}
        if parameter["name"] in type_filters:
            query["type"] = type_filters[parameter["name"]]
        response = client.get(url, query)
        assert response.status_code < 500, (parameter["name"], response.content)
        if response.status_code == 400:
            assert UNRECOGNISED not in response.json()["message"], parameter["name"]
    refused = client.get(url, {**base, "undocumented_parameter": "1"})
    assert refused.status_code == 400
    assert_valid(document, {"$ref": "#/components/schemas/Error"}, refused.json())


@pytest.mark.parametrize("name", endpoint_names())
def test_real_lists_and_details_validate_against_the_document(client, document, data, name):
    base = BASE_QUERIES.get(name, {})
    for query in ({}, {"fields": "*"} if "fields" in api_router._endpoints[name].known_query_parameters else {}):
        listing = client.get(f"/api/v2/{name}/", {**base, **query})
        assert listing.status_code == 200, listing.content
        body = listing.json()
        assert body["items"], f"/api/v2/{name}/ lists nothing to validate"
        assert_valid(document, response_schema(document, f"/{name}/"), body)
    for item in body["items"]:
        detail = client.get(f"/api/v2/{name}/{item['id']}/")
        assert detail.status_code == 200, detail.content
        assert_valid(document, response_schema(document, f"/{name}/{{id}}/"), detail.json())


@pytest.mark.parametrize("name", sorted(set(endpoint_names()) - {"pages", "search"}))
def test_every_field_an_object_shows_is_in_its_schema(client, document, data, name):
    """With `fields=*`, an object's fields are exactly those of its schema: none undocumented, none missing."""
    item_schema = document["components"]["schemas"][
        document["paths"][f"/{name}/{{id}}/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"][
            "$ref"
        ].split("/")[-1]
    ]
    for item in client.get(f"/api/v2/{name}/", {"fields": "*"}).json()["items"]:
        assert set(item) == set(item_schema["properties"])
        assert set(item["meta"]) == set(item_schema["properties"]["meta"]["properties"])


def test_every_page_type_validates_with_all_its_fields(client, document, data):
    pages = client.get("/api/v2/pages/", {"limit": 100}).json()["items"]
    types = {page["meta"]["type"] for page in pages}
    assert {"news.NewsPage", "funding.FundingCallPage", "consultations.ConsultationPage"} <= types
    for page_type in types:
        listing = client.get("/api/v2/pages/", {"type": page_type, "fields": "*"})
        assert listing.status_code == 200, listing.content
        assert_valid(document, response_schema(document, "/pages/"), listing.json())


def test_an_answered_recommendation_and_a_completed_project_validate(client, document, data):
    consultations = client.get("/api/v2/consultations/").json()
    answers = [r["answer"] for item in consultations["items"] for r in item["recommendations"] if r["answer"]]
    assert answers and answers[0]["verdict"] == "accepted"
    proposals = client.get("/api/v2/proposals/", {"state": "completed", "fields": "*"}).json()
    assert proposals["items"][0]["results_summary"]
    assert proposals["items"][0]["partners"]
    assert_valid(document, response_schema(document, "/consultations/"), consultations)
    assert_valid(document, response_schema(document, "/proposals/"), proposals)


@pytest.mark.parametrize("name", endpoint_names())
def test_errors_have_the_documented_shape(client, document, content, name):  # noqa: F811
    bad = client.get(f"/api/v2/{name}/", {"limit": "-1"})
    missing = client.get(f"/api/v2/{name}/0/")
    assert (bad.status_code, missing.status_code) == (400, 404)
    for response in (bad, missing):
        assert_valid(document, {"$ref": "#/components/schemas/Error"}, response.json())


def test_openapi_json_is_served_cacheable_and_open_to_every_origin(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age" in response["Cache-Control"]
    validate_spec(response.json())
    again = client.get("/api/v2/openapi.json", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_the_docs_page_lists_every_endpoint_in_romanian(client, content):  # noqa: F811
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ro"' in html
    assert "API pentru parteneri" in html
    assert 'href="/api/v2/openapi.json"' in html
    for name in api_router._endpoints:
        assert f'id="endpoint-{name}"' in html
        assert f"curl '{public_base_url()}/api/v2/{name}/" in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]
