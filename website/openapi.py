"""The partner API's OpenAPI 3 document (`/api/v2/openapi.json`) and its human form (`/api/docs/`).

Wagtail's API v2 builds its serializers per request, so no schema can be generated from it: the document is written.
website writes the skeleton (the uniform list shape, the JSON error, the parameters the router validates for every
endpoint, with the ranges `website.api.check_request` enforces); each endpoint registered with API_ENDPOINTS_HOOK
describes itself with an `openapi()` classmethod on its viewset returning an `EndpointSchema`, next to its fields.
Filter parameters are read from the endpoint's `ListingFilterSet` (`filterset_parameters`), so they cannot drift
from what the endpoint accepts. tests/api/test_openapi.py checks that every endpoint and every accepted parameter is
documented, and that real responses validate against the document.

Descriptions are English msgids, shown in Romanian (the document is built in the active language).
"""

import copy
import hashlib
import json
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils.encoding import force_str
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from .addresses import public_base_url

OPENAPI_VERSION = "3.0.3"
API_VERSION = "2.0"
API_PATH = "/api/v2"
TITLE = "Bucureștiul social și solidar — API pentru parteneri"
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class EndpointSchema:
    """What an endpoint says about itself (its viewset's `openapi()` classmethod returns one).

    - `item`: the JSON schema of one object as the detail view returns it (`fields` may leave some out of lists);
    - `parameters`: the list view's own parameters (OpenAPI parameter objects, e.g. from `filterset_parameters`);
      the router's common ones (`limit`, `offset`, `fields`, …) are added for each name in `known_query_parameters`;
    - `list_meta`: properties the list's `meta` adds to `total_count` (the search's facets);
    - `list_item`: the schema of a listed object, when it differs from `item`;
    - `find_parameters`: the parameters of `find/` that the list does not take (default: `id`);
    - `detail_parameters`: the names the detail view accepts, when they are not the common ones;
    - `components`: shared schemas the endpoint's schemas refer to (`#/components/schemas/<name>`);
    - `example`: a query string for the docs' example request (`?status=open`).
    """

    summary: str
    description: str
    item_name: str
    item: dict
    parameters: list = field(default_factory=list)
    find_parameters: list = field(default_factory=list)
    list_meta: dict = field(default_factory=dict)
    list_item: dict | None = None
    detail_parameters: frozenset | None = None
    components: dict = field(default_factory=dict)
    example: str = ""


# The parameters the router validates for every endpoint that accepts them (website.api.check_request).
def common_parameters():
    from .api import MAX_FIELDS_DEPTH, MAX_INTEGER, MAX_PARAMETER_LENGTH, MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS

    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    return {
        "limit": _parameter(
            "limit",
            _("How many items to list (default 20)."),
            {"type": "integer", "minimum": 0, "maximum": limit_max, "default": min(20, limit_max)},
        ),
        "offset": _parameter(
            "offset",
            _("How many items to skip, for the next page."),
            {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER, "default": 0},
        ),
        "fields": _parameter(
            "fields",
            _(
                "Which fields to show, separated by commas: `*` for all, `-name` to leave one out, "
                "`topics(name)` for nested fields (at most %(depth)d levels)."
            )
            % {"depth": MAX_FIELDS_DEPTH},
            {"type": "string", "maxLength": MAX_PARAMETER_LENGTH},
        ),
        "order": _parameter(
            "order",
            _("Order by a field, `-field` for descending order; `random` for a random order."),
            {"type": "string", "maxLength": MAX_PARAMETER_LENGTH},
        ),
        "search": _parameter(
            "search",
            _("Full-text search (at most %(length)d characters and %(words)d words, without double quotes).")
            % {"length": MAX_SEARCH_LENGTH, "words": MAX_SEARCH_WORDS},
            {"type": "string", "minLength": 1, "maxLength": MAX_SEARCH_LENGTH, "pattern": '^[^"]*$'},
        ),
        "search_operator": _parameter(
            "search_operator",
            _("With `search`: whether every word must match (`and`) or any of them (`or`)."),
            {"type": "string", "enum": ["and", "or"]},
        ),
        "format": _parameter(
            "format",
            _("The answer's format: `json` (the default) or `api` (a page for browsing it)."),
            {"type": "string", "enum": ["json", "api"]},
        ),
        "_": _parameter(
            "_",
            _("Ignored: a value that changes makes caches fetch the answer again."),
            {"type": "string", "maxLength": MAX_PARAMETER_LENGTH},
        ),
        "rich_text_format": _parameter(
            "rich_text_format",
            _("Rich text as HTML with real links (`html`, the default) or in Wagtail's internal format (`db_html`)."),
            {"type": "string", "enum": ["html", "db_html"]},
        ),
    }


def _parameter(name, description, schema, *, location="query"):
    return {"name": name, "in": location, "required": False, "description": description, "schema": schema}


def query_parameter(name, description, schema):
    """An endpoint's own query parameter, as an OpenAPI parameter object."""
    return _parameter(name, description, schema)


def filterset_parameters(filterset_class):
    """The API parameters of a `ListingFilterSet` (its filters' `api_name`s), with their values where they are fixed.

    Several values of a multiple-choice filter are separated by commas and widen the results; a yes/no filter
    takes `da`/`nu` (and true/false, 1/0, yes/no, on/off); a date is YYYY-MM-DD; options read from the database
    (topics, authorities, sectors) are slugs.
    """
    parameters = []
    for filter_ in filterset_class.base_filters.values():
        name = getattr(filter_, "api_name", None)
        if not name:
            continue
        choices = [str(value) for value, _label in filter_.extra.get("choices", []) if value != ""]
        aliases = list(getattr(filter_, "aliases", {}))
        schema = {"type": "string"}
        notes = []
        if issubclass(filter_.field_class, forms.DateField):
            schema["format"] = "date"
        elif getattr(filter_, "multiple", False):
            notes.append(gettext("Several values separated by commas widen the results."))
            if choices:
                notes.append(gettext("Values: %(values)s.") % {"values": ", ".join(f"`{c}`" for c in choices)})
            else:
                notes.append(gettext("Values are slugs."))
        elif choices:
            schema["enum"] = choices + [alias for alias in aliases if alias not in choices]
        elif getattr(filter_, "options", None):
            notes.append(gettext("A slug."))
        if max_length := getattr(filter_, "max_length", None):
            schema["maxLength"] = max_length
        description = " ".join([str(filter_.label) + ".", *notes])
        parameters.append(_parameter(name, description, schema))
    return sorted(parameters, key=lambda parameter: parameter["name"])


def merge_parameters(parameter_lists):
    """One parameter per name from several lists (the first one's schema), their descriptions joined."""
    merged = {}
    for parameters in parameter_lists:
        for parameter in parameters:
            if parameter["name"] in merged:
                known = merged[parameter["name"]]
                if parameter["description"] not in known["description"]:
                    known["description"] += " " + parameter["description"]
            else:
                merged[parameter["name"]] = copy.deepcopy(parameter)
    return [merged[name] for name in sorted(merged)]


# Reusable schemas: a value or null, a URL, a moment.
def nullable(schema):
    """`schema` or null. Not for a `$ref`: OpenAPI 3.0 ignores a `$ref`'s siblings, so `nullable` would be lost."""
    if "$ref" in schema:
        raise ValueError("a $ref cannot be nullable in OpenAPI 3.0: write the schema out")
    return {**schema, "nullable": True}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
NUMBER = {"type": "number"}
URL = {"type": "string", "format": "uri"}
DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}


def obj(properties, *, required=None, description=None):
    """An object schema; `required` defaults to every property (the detail shows them all)."""
    schema = {"type": "object", "properties": properties}
    if required := sorted(properties if required is None else required):
        schema["required"] = required
    if description:
        schema["description"] = description
    return schema


def array(items):
    return {"type": "array", "items": items}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


# An image resized for the web (Wagtail's ImageRenditionField; `error` when its file is missing).
RENDITION = obj(
    {"url": STRING, "full_url": URL, "width": INTEGER, "height": INTEGER, "alt": STRING, "error": STRING}, required=[]
)


def item_schema(meta, fields, *, description=None, meta_required=None):
    """An API object: `id`, `meta` (`type`, `detail_url` and the given ones) and its fields.

    Lists show the endpoint's default fields (`fields` chooses others), so only `id` and `meta` are required there:
    the required fields of a detail are checked against the detail's answer.
    """
    return obj(
        {"id": INTEGER, "meta": obj({"type": STRING, "detail_url": URL, **meta}, required=meta_required), **fields},
        required=["id", "meta"],
        description=description,
    )


def base_components():
    return {
        "schemas": {
            "Error": obj({"message": STRING}, description=_("A refusal, with a message for developers (in English).")),
            "ListMeta": obj(
                {"total_count": {"type": "integer", "minimum": 0}},
                description=_("How many objects match, over every page of the list."),
            ),
            "Topic": obj({"id": INTEGER, "name": STRING, "slug": STRING}),
        },
        "responses": {
            "BadRequest": _error_response(_("A parameter that is unknown, malformed or out of range.")),
            "NotFound": _error_response(_("No public object has this id.")),
            "TooManyRequests": {
                **_error_response(_("Too many requests from this client: wait and try again.")),
                # Seconds to wait (website.api_middleware).
                "headers": {"Retry-After": {"schema": {"type": "integer", "minimum": 0}}},
            },
        },
    }


def _error_response(description):
    return {"description": description, "content": {"application/json": {"schema": ref("Error")}}}


def list_response_schema(item, extra_meta=None):
    """The uniform list shape: `{"meta": {"total_count": N, …}, "items": [...]}`."""
    meta = ref("ListMeta")
    if extra_meta:
        meta = {"allOf": [ref("ListMeta"), obj(extra_meta)]}
    return obj({"meta": meta, "items": array(item)})


def endpoint_schemas(router):
    """`{name: EndpointSchema}` for the router's endpoints that describe themselves (`openapi()`)."""
    return {
        name: viewset.openapi()
        for name, viewset in sorted(router._endpoints.items())
        if callable(getattr(viewset, "openapi", None))
    }


def _parameters(names, own, common):
    """The parameter objects for `names`: the endpoint's own first, then the router's; undocumented names are left
    out (tests/api/test_openapi.py fails on them)."""
    own = {parameter["name"]: parameter for parameter in own}
    result = []
    for name in sorted(names):
        if name in own:
            result.append(own[name])
        elif name in common:
            result.append({"$ref": f"#/components/parameters/{_component_name(name)}"})
    return result


def _component_name(name):
    return "underscore" if name == "_" else name


def build_document(router):
    """The OpenAPI 3 document of every endpoint of `router` that describes itself."""
    common = common_parameters()
    components = base_components()
    components["parameters"] = {_component_name(name): parameter for name, parameter in common.items()}
    paths = {}
    tags = []
    errors = {
        "400": {"$ref": "#/components/responses/BadRequest"},
        "429": {"$ref": "#/components/responses/TooManyRequests"},
    }
    not_found = {"404": {"$ref": "#/components/responses/NotFound"}}
    for name, endpoint in endpoint_schemas(router).items():
        viewset = router._endpoints[name]
        components["schemas"].update(endpoint.components)
        components["schemas"][endpoint.item_name] = endpoint.item
        item = ref(endpoint.item_name)
        if endpoint.list_item is None:
            # `fields` chooses what a list shows: only `id` and `meta` are always there.
            meta = endpoint.item["properties"]["meta"]
            components["schemas"][f"{endpoint.item_name}InList"] = {
                **endpoint.item,
                "required": ["id", "meta"],
                "properties": {
                    **endpoint.item["properties"],
                    "meta": {key: value for key, value in meta.items() if key != "required"},
                },
            }
            list_item = ref(f"{endpoint.item_name}InList")
        else:
            list_item = endpoint.list_item
        tags.append({"name": name, "description": endpoint.description})
        detail_names = endpoint.detail_parameters
        if detail_names is None:
            detail_names = set(viewset.known_query_parameters) & {"fields", "format", "_", "rich_text_format"}
        own_by_name = {parameter["name"]: parameter for parameter in endpoint.parameters}
        paths[f"/{name}/"] = {
            "get": {
                "tags": [name],
                "operationId": f"{name}_list",
                "summary": endpoint.summary,
                "parameters": _parameters(
                    set(viewset.known_query_parameters) | set(own_by_name), endpoint.parameters, common
                ),
                "responses": {
                    "200": {
                        "description": _("The list."),
                        "content": {
                            "application/json": {"schema": list_response_schema(list_item, endpoint.list_meta)}
                        },
                    },
                    **errors,
                },
            }
        }
        paths[f"/{name}/{{id}}/"] = {
            "get": {
                "tags": [name],
                "operationId": f"{name}_detail",
                "summary": _("One object, by id"),
                "parameters": [
                    _parameter("id", _("The object's id."), {"type": "integer", "minimum": 0}, location="path")
                    | {"required": True},
                    *_parameters(detail_names, [], common),
                ],
                "responses": {
                    "200": {"description": _("The object."), "content": {"application/json": {"schema": item}}},
                    **errors,
                    **not_found,
                },
            }
        }
        find_names = sorted(getattr(viewset, "find_query_parameters", ()))
        if find_names:
            find_own = {parameter["name"]: parameter for parameter in endpoint.find_parameters}
            find_parameters = [
                find_own.get(parameter_name)
                or (parameter_name != "id" and own_by_name.get(parameter_name))
                or _parameter(parameter_name, _("The object's id."), {"type": "integer", "minimum": 0})
                for parameter_name in find_names
            ]
            paths[f"/{name}/find/"] = {
                "get": {
                    "tags": [name],
                    "operationId": f"{name}_find",
                    "summary": _("Find one object and redirect to it"),
                    "parameters": find_parameters,
                    "responses": {
                        "302": {
                            "description": _("A redirect to the object's detail."),
                            "headers": {"Location": {"schema": URL}},
                        },
                        **errors,
                        **not_found,
                    },
                }
            }
        paths[f"/{name}/"]["get"]["x-example"] = f"{public_base_url()}{API_PATH}/{name}/{endpoint.example}"
    document = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": TITLE,
            "version": API_VERSION,
            "description": _(
                "Read-only, anonymous JSON about the social and solidarity economy in Bucharest: news, guides, "
                "funding calls, consultations, organizations, collaboration proposals and the site-wide search. "
                'Lists have the shape `{"meta": {"total_count": N}, "items": [...]}`; a parameter that is '
                "unknown, malformed or out of range is a 400 with a JSON `message`."
            ),
        },
        "servers": [{"url": public_base_url() + API_PATH}],
        "tags": tags,
        "paths": paths,
        "components": components,
    }
    return _resolved(document)


def _resolved(value):
    """The document with lazy translations turned into text (in the active language)."""
    if isinstance(value, dict):
        return {key: _resolved(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_resolved(item) for item in value]
    if isinstance(value, Promise):
        return force_str(value)
    return value


def _router():
    from .api import api_router

    return api_router


def _with_headers(request, response, etag):
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    response["ETag"] = etag
    response["Vary"] = "Accept-Language"
    return response


@require_safe
def openapi_json(request):
    """`/api/v2/openapi.json`: cacheable, open to every origin, like the API."""
    content = json.dumps(build_document(_router()), ensure_ascii=False, indent=1).encode()
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    if etag in request.headers.get("If-None-Match", ""):
        return _with_headers(request, HttpResponseNotModified(), etag)
    return _with_headers(request, HttpResponse(content, content_type="application/json"), etag)


# The docs page: the same document, read by people.


def _schema_type(schema, components):
    schema = _dereference(schema, components)
    if "allOf" in schema:
        return "object"
    kind = schema.get("type", "")
    if kind == "array":
        kind = f"{_schema_type(schema.get('items', {}), components)}[]"
    elif schema.get("format"):
        kind = f"{kind} ({schema['format']})"
    if schema.get("enum"):
        kind += ": " + ", ".join(str(value) for value in schema["enum"])
    if schema.get("nullable"):
        kind += " | null"
    return kind


def _dereference(schema, components):
    while "$ref" in schema:
        kind, name = schema["$ref"].split("/")[-2:]
        schema = components[kind][name]
    return schema


def field_rows(schema, components, prefix=""):
    """`(name, type, description)` for each field of an object schema, nested ones as `partners[].role`."""
    schema = _dereference(schema, components)
    if "allOf" in schema:
        return [row for part in schema["allOf"] for row in field_rows(part, components, prefix)]
    if schema.get("type") == "array":
        return field_rows(schema.get("items", {}), components, prefix + "[]")
    rows = []
    for name, child in schema.get("properties", {}).items():
        child = _dereference(child, components)
        path = f"{prefix}.{name}" if prefix else name
        rows.append(
            {"name": path, "type": _schema_type(child, components), "description": child.get("description", "")}
        )
        nested = child.get("items", child) if child.get("type") == "array" else child
        if _dereference(nested, components).get("properties") or "allOf" in nested:
            rows += field_rows(child, components, path)
    return rows


def _parameter_rows(parameters, components):
    rows = []
    for parameter in parameters:
        parameter = _dereference(parameter, components)
        rows.append(
            {
                "name": parameter["name"],
                "location": parameter["in"],
                "type": _schema_type(parameter["schema"], components),
                "description": parameter.get("description", ""),
            }
        )
    return rows


@require_safe
def api_docs(request):
    """`/api/docs/`: every endpoint with its parameters, an example request and its answer's fields."""
    document = build_document(_router())
    components = document["components"]
    endpoints = []
    for tag in document["tags"]:
        name = tag["name"]
        listing = document["paths"][f"/{name}/"]["get"]
        detail = document["paths"][f"/{name}/{{id}}/"]["get"]
        find = document["paths"].get(f"/{name}/find/", {}).get("get")
        endpoints.append(
            {
                "name": name,
                "summary": listing["summary"],
                "description": tag["description"],
                "path": f"{API_PATH}/{name}/",
                "example": listing["x-example"],
                "parameters": _parameter_rows(listing["parameters"], components),
                "detail_parameters": _parameter_rows(detail["parameters"], components),
                "find_parameters": _parameter_rows(find["parameters"], components) if find else [],
                "meta_fields": field_rows(
                    listing["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["meta"],
                    components,
                ),
                "fields": field_rows(detail["responses"]["200"]["content"]["application/json"]["schema"], components),
            }
        )
    return render(
        request,
        "website/api_docs.html",
        {
            "document": document,
            "endpoints": endpoints,
            "api_base": document["servers"][0]["url"],
            "limit_max": getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20),
        },
    )
