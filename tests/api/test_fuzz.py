"""Every parameter of every API endpoint, fed hostile values: never a server error, and every refusal is JSON.

The endpoints and their parameters are read from the router and the viewsets (`known_query_parameters`,
`find_query_parameters`, the filterable fields of every model an endpoint serves), so a new endpoint or
parameter is fuzzed without touching this file. Runs on SQLite and PostgreSQL, whose failures differ
(NUL characters, bigint overflow).
"""

from urllib.parse import quote

import pytest
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, get_page_models

from tests.factories.consultations import ConsultationIndexPageFactory, ConsultationPageFactory, ResponseFactory
from tests.factories.dialogue import PostFactory, ThreadFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.funding import FundingCallPageFactory, FundingIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory, LegislationGuidePageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.proposals import ProposalFactory, ProposalPartnerFactory
from tests.factories.resources import ResourceDocumentFactory, ResourceIndexPageFactory, ResourcePageFactory
from tests.factories.website import ContentPageFactory, TopicFactory
from website.api import MAX_INTEGER, api_router

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
HOSTILE_VALUES = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "1\x00",
    HUGE,
    "-" + HUGE,
    str(MAX_INTEGER),
    str(MAX_INTEGER + 1),
    str(-MAX_INTEGER - 2),
    "-1",
    "0",
    "1.5",
    "1e9",
    "0x10",
    "NaN",
    "inf",
    "١٢",  # digits that int() accepts but no database column holds as typed
    "ăîșțâ ĂÎȘȚÂ",
    "😀\u202e\ufeff",
    "x" * 5000,
    " ".join(["cuvânt"] * 300),
    " ".join(f"w{number}" for number in range(300)),
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "%",
    "%_\\",
    "*",
    "-",
    ",",
    ",,,",
    "a" + "(a" * 500,
    "root",
    "random",
    "true",
    "../../../etc/passwd",
    "/",
    "//" * 100,
    "<script>alert(1)</script>",
    "\r\n\t",
    "news.NewsPage,wagtailcore.Page,nu.Exista",
]
# Endpoints that list nothing without a query: the query their list is fuzzed with (each parameter in turn replaced
# by the hostile values, `q` too) and their detail found from.
BASE_QUERIES = {"search": {"q": "sociale"}}
MALFORMED_IDS = ["abc", "1e9", "-1", "1.5", "0x1", HUGE, str(MAX_INTEGER + 1), "%00", quote("ș"), quote(" 1")]
UNKNOWN_WELL_FORMED_IDS = ["0", str(MAX_INTEGER)]


def endpoints():
    return sorted(api_router._endpoints.items())


def parameters(endpoint_class, view):
    """What each view reads: lists filter on the model's fields too, find looks objects up by its own."""
    if view == "find":
        return sorted(endpoint_class.find_query_parameters)
    names = set(endpoint_class.known_query_parameters)
    if view == "list" and endpoint_class.model is not None:
        names |= set(endpoint_class.get_available_fields(endpoint_class.model, db_fields_only=True))
    return sorted(names)


def views():
    for name, endpoint_class in endpoints():
        for view in ("list", "detail", "find"):
            yield pytest.param(name, view, parameters(endpoint_class, view), id=f"{name}-{view}")


def page_types():
    """`(type, fields)`: with `?type=`, the pages endpoint also filters on the fields that type adds to Page's."""
    endpoint_class = api_router._endpoints["pages"]
    page_fields = set(endpoint_class.get_available_fields(Page, db_fields_only=True))
    for model in get_page_models():
        page_type = f"{model._meta.app_label}.{model.__name__}"
        fields = sorted(set(endpoint_class.get_available_fields(model, db_fields_only=True)) - page_fields)
        if fields:
            yield pytest.param(page_type, fields, id=page_type)


@pytest.fixture
def client():
    """A client that reports server errors as 500 answers, so one run lists them all."""
    return Client(raise_request_exception=False)


@pytest.fixture
def content(home_page):
    """At least one public object for every endpoint, with tags, topics and relations to filter on."""
    topic = TopicFactory(name="Economie socială", slug="economie-sociala")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), tags=["voluntariat"], topics=[topic])
    FundingCallPageFactory(parent=FundingIndexPageFactory(parent=home_page), topics=[topic])
    LegislationGuidePageFactory(parent=GuideIndexPageFactory(parent=home_page), topics=[topic])
    ContentPageFactory(parent=home_page, slug="despre")
    image = Image.objects.create(title="Poză", file=get_test_image_file())
    image.tags.add("atelier")
    Document.objects.create(title="Raport", file=get_test_image_file(filename="raport.png"))
    organization = OrganizationFactory(name="Asociația Vecinii din Titan", topics=[topic], sectors=["sector-3"])
    consultation = ConsultationPageFactory(parent=ConsultationIndexPageFactory(parent=home_page), topics=[topic])
    ResponseFactory(consultation=consultation)
    resource = ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home_page), topics=[topic])
    ResourceDocumentFactory(page=resource)
    proposal = ProposalFactory(state="accepted", topics=[topic])
    ProposalPartnerFactory(proposal=proposal, state="accepted")
    thread = ThreadFactory(topics=[topic], organization=organization)
    PostFactory(thread=thread, quote=PostFactory(thread=thread))
    return news


def detail_url(client, name):
    items = client.get(f"/api/v2/{name}/", BASE_QUERIES.get(name, {})).json()["items"]
    assert items, f"the fuzz needs at least one public object in /api/v2/{name}/"
    return f"/api/v2/{name}/{items[0]['id']}/"


def problems(response, description):
    """What is wrong with an answer: a server error, or a refusal that is not JSON with a message."""
    if response.status_code >= 500:
        return [f"{description}: {response.status_code}"]
    if response.status_code >= 400:
        if not response.get("Content-Type", "").startswith("application/json"):
            return [f"{description}: {response.status_code} is not JSON"]
        message = response.json().get("message")
        if not isinstance(message, str) or not message:
            return [f"{description}: {response.status_code} without a message"]
    return []


def fuzz(client, url, names, base_query=None):
    """Every hostile value in each parameter of `names`, then each parameter repeated; the problems found."""
    found = []
    for parameter in names:
        for value in HOSTILE_VALUES:
            response = client.get(url, {**(base_query or {}), parameter: value})
            found += problems(response, f"{url}?{parameter}={value[:40]!r}")
        repeated = client.get(url, {**(base_query or {}), parameter: ["1", HUGE]})
        found += problems(repeated, f"{url}?{parameter} repeated")
    return found


@pytest.mark.parametrize(("name", "view", "names"), list(views()))
def test_every_parameter_survives_hostile_values(client, content, name, view, names):
    url = {"list": f"/api/v2/{name}/", "find": f"/api/v2/{name}/find/"}.get(view) or detail_url(client, name)
    found = fuzz(client, url, names, BASE_QUERIES.get(name) if view == "list" else None)
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("page_type", "names"), list(page_types()))
def test_every_page_type_filter_survives_hostile_values(client, content, page_type, names):
    found = fuzz(client, "/api/v2/pages/", names, {"type": page_type})
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", [name for name, _ in endpoints()])
def test_hostile_parameter_names(client, content, name):
    found = []
    for url in (f"/api/v2/{name}/", f"/api/v2/{name}/find/", detail_url(client, name)):
        for parameter in ("\x00", "limit\x00", "x" * 5000, "ș", "fields[]", ""):
            found += problems(client.get(url, {parameter: "1"}), f"{url}?{parameter[:40]!r}=1")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", [name for name, _ in endpoints()])
@pytest.mark.parametrize("pk", MALFORMED_IDS)
def test_malformed_ids_are_a_json_400(client, content, name, pk):
    response = client.get(f"/api/v2/{name}/{pk}/")
    assert response.status_code == 400, response.content
    assert response.json()["message"]


@pytest.mark.parametrize("name", [name for name, _ in endpoints()])
@pytest.mark.parametrize("pk", UNKNOWN_WELL_FORMED_IDS)
def test_well_formed_unknown_ids_stay_a_json_404(client, content, name, pk):
    response = client.get(f"/api/v2/{name}/{pk}/")
    assert response.status_code == 404, response.content
    assert response.json()["message"]
