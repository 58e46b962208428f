"""The partner API's one router: Wagtail API v2 plus the endpoints apps register (API_ENDPOINTS_HOOK).

Every request is validated here before any endpoint's view runs, so each endpoint, present or future, answers
a malformed id, an out-of-range number, a NUL character or an oversized search with a JSON 400, never a 500.
"""

import functools
import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import JsonResponse
from django.urls import include, re_path
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, get_page_models
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import openapi as oa
from .hooks import api_endpoints

# The largest id, limit or offset a database column holds (signed 64-bit, PostgreSQL's bigint).
MAX_INTEGER = 2**63 - 1
# Parameters that hold an id or a position; those in ROOT_PARAMETERS also accept "root" (the site's home page).
INTEGER_PARAMETERS = frozenset(["limit", "offset", "id", "child_of", "ancestor_of", "descendant_of", "translation_of"])
ROOT_PARAMETERS = frozenset(["child_of", "descendant_of", "translation_of"])
MAX_PARAMETER_LENGTH = 1000
# The longest search any endpoint accepts (the directory's own search field is as long).
MAX_SEARCH_LENGTH = 200
# Each word is a condition of the search query: hundreds of them make the database's query planner the bottleneck.
MAX_SEARCH_WORDS = 20
SEARCH_OPERATORS = frozenset(["and", "or"])
# `fields=topics(name)` nests one level; Wagtail's parser recurses once per level.
MAX_FIELDS_DEPTH = 5
DIGITS = re.compile(r"[0-9]+")
SIGNED_DIGITS = re.compile(r"-?[0-9]+")


def check_request(endpoint, query, kwargs):
    """Raise BadRequestError for the first parameter (or path id) that no endpoint can use safely."""
    if "pk" in kwargs:
        kwargs["pk"] = _integer("id", str(kwargs["pk"]))
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError(f"{name!r}: null characters are not allowed")
        if len(values) > 1:
            raise BadRequestError(f"{name}: give this parameter once")
        value = values[0]
        if len(value) > MAX_PARAMETER_LENGTH:
            raise BadRequestError(f"{name}: at most {MAX_PARAMETER_LENGTH} characters")
        if name in INTEGER_PARAMETERS and not (name in ROOT_PARAMETERS and value == "root"):
            _integer(name, value)
    _check_search(query, detail="pk" in kwargs)
    if "search_operator" in query and query["search_operator"] not in SEARCH_OPERATORS:
        raise BadRequestError(f"search_operator must be one of: {', '.join(sorted(SEARCH_OPERATORS))}")
    if _depth(query.get("fields", "")) > MAX_FIELDS_DEPTH:
        raise BadRequestError(f"fields error: at most {MAX_FIELDS_DEPTH} levels of nested fields")
    formats = {renderer.format for renderer in endpoint.renderer_classes}
    if "format" in query and query["format"] not in formats:
        raise BadRequestError(f"format must be one of: {', '.join(sorted(formats))}")


def _check_search(query, *, detail):
    if "search" not in query:
        return
    if detail:
        # Wagtail's detail views apply the list's filters, and a search result set is never found by id.
        raise BadRequestError("search applies to lists, not to a single object")
    search = query["search"]
    if not search.strip():
        # Wagtail's SQLite full-text backend fails on a query without words.
        raise BadRequestError("search must contain at least one word")
    if '"' in search:
        # Every word is searched as typed (no phrase syntax), and SQLite's full-text engine fails on a quote.
        raise BadRequestError("search: double quotes are not supported")
    if len(search) > MAX_SEARCH_LENGTH:
        raise BadRequestError(f"search: at most {MAX_SEARCH_LENGTH} characters")
    if len(search.split()) > MAX_SEARCH_WORDS:
        raise BadRequestError(f"search: at most {MAX_SEARCH_WORDS} words")


def _integer(name, value):
    if not DIGITS.fullmatch(value):
        raise BadRequestError(f"{name} must be a positive integer")
    number = int(value)
    if number > MAX_INTEGER:
        raise BadRequestError(f"{name} must be at most {MAX_INTEGER}")
    return number


def _depth(fields):
    depth = deepest = 0
    for character in fields:
        if character == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif character == ")":
            depth -= 1
    return deepest


class StrictAPIRouter(WagtailAPIRouter):
    """Wagtail's router, checking every request (`check_request`) before the endpoint's view sees it."""

    def wrap_view(self, func):
        view = super().wrap_view(func)
        endpoint = func.cls

        @functools.wraps(func)
        def checked(request, *args, **kwargs):
            try:
                check_request(endpoint, request.GET, kwargs)
            except BadRequestError as error:
                return JsonResponse({"message": str(error)}, status=400)
            return view(request, *args, **kwargs)

        return checked

    def get_urlpatterns(self):
        # Wagtail's detail URLs take digits only, so `pages/abc/` used to fall through to the website's HTML 404:
        # any other id reaches the endpoint's detail view too, where `check_request` refuses it.
        urlpatterns = [
            re_path(
                rf"^{name}/",
                include(
                    (
                        [
                            *class_.get_urlpatterns(),
                            re_path(r"^(?P<pk>[^/]+)/$", class_.as_view({"get": "detail_view"})),
                        ],
                        name,
                    ),
                    namespace=name,
                ),
            )
            for name, class_ in self._endpoints.items()
        ]
        decorate_urlpatterns(urlpatterns, self.wrap_view)
        return urlpatterns


class FieldFiltersMixin:
    """Field filters (`?listing_image=3`, `?deadline=2026-01-01`) checked against the model's field types.

    Wagtail converts only boolean, integer and foreign-key values and leaves the database to refuse the rest:
    a bad date, decimal or many-to-many value, or an id beyond the 64-bit range, was a 500.
    """

    def filter_queryset(self, queryset):
        model = queryset.model
        for name in set(self.get_available_fields(model, db_fields_only=True)) & set(self.request.GET):
            if _holds_integers(model, name):
                _signed_integer(name, self.request.GET[name])
        try:
            return super().filter_queryset(queryset)
        except (ValueError, ValidationError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise BadRequestError("field filter error. " + " ".join(messages)) from error


def _holds_integers(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    if field.is_relation:
        field = getattr(field, "target_field", None)
    return isinstance(field, models.IntegerField | models.AutoField)


def _signed_integer(name, value):
    if not SIGNED_DIGITS.fullmatch(value):
        raise BadRequestError(f"field filter error. {name} must be an integer")
    if not -MAX_INTEGER - 1 <= int(value) <= MAX_INTEGER:
        raise BadRequestError(f"field filter error. {name} is out of range")


class PageAPIViewSet(FieldFiltersMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, prefetching what a page type's API fields read.

    Wagtail does no prefetching itself; page querysets that define `for_listing()`
    (select/prefetch of topics, images, …) keep the query count flat as lists grow.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if hasattr(queryset, "for_listing"):
            queryset = queryset.for_listing()
        return queryset

    def check_query_parameters(self, queryset):
        if filters := listing_filters(queryset.model):
            self.known_query_parameters = self.known_query_parameters | filters.api_parameters()
        super().check_query_parameters(queryset)

    def filter_queryset(self, queryset):
        # Wagtail answers an unknown locale with a 404, as if the endpoint did not exist.
        if "locale" in self.request.GET and not Locale.objects.filter(language_code=self.request.GET["locale"]):
            raise BadRequestError(f"unknown locale: {self.request.GET['locale']}")
        # Before Wagtail's own filters: its search turns the queryset into search results.
        if filters := listing_filters(queryset.model):
            queryset = filters.from_api(self.request.GET, queryset).apply(queryset)
        return super().filter_queryset(queryset)

    @classmethod
    def openapi(cls):
        return _page_openapi(cls)


def listing_filters(model):
    """The filter set of a page type's listing (its `listing_filters`), which the API reads too; or None."""
    path = getattr(model, "listing_filters", None)
    return import_string(path) if path else None


def field_filter_parameters(viewset, model, *, note=""):
    """The field filters Wagtail accepts on a list (`?title=…`): one parameter per database field of `model`."""
    names = set(viewset.get_available_fields(model, db_fields_only=True)) - set(viewset.known_query_parameters)
    return [
        oa.query_parameter(
            name,
            str(_("Only objects whose field has exactly this value.")) + note,
            {"type": "integer"} if _holds_integers(model, name) else {"type": "string"},
        )
        for name in sorted(names)
    ]


def page_type_filter_parameters():
    """The filters of the page types that have a listing (`listing_filters`), with the types each applies to."""
    by_type = []
    for model in get_page_models():
        if filters := listing_filters(model):
            page_type = model._meta.label
            parameters = oa.filterset_parameters(filters)
            for parameter in parameters:
                parameter["description"] = f"`type={page_type}`: {parameter['description']}"
            by_type.append(parameters)
    return oa.merge_parameters(by_type)


def _page_openapi(cls):
    root = str(_("An id, or `root` for the site's home page."))
    integer_or_root = {"type": "string", "pattern": "^([0-9]+|root)$"}
    own = [
        oa.query_parameter(
            "type",
            _("Page types, as `app.Model`, separated by commas (news.NewsPage, funding.FundingCallPage, …)."),
            {"type": "string", "maxLength": MAX_PARAMETER_LENGTH},
        ),
        oa.query_parameter("child_of", str(_("Only the children of this page.")) + " " + root, integer_or_root),
        oa.query_parameter(
            "descendant_of", str(_("Only the descendants of this page.")) + " " + root, integer_or_root
        ),
        oa.query_parameter("ancestor_of", _("Only the ancestors of this page."), {"type": "integer", "minimum": 0}),
        oa.query_parameter(
            "translation_of", str(_("Only the translations of this page.")) + " " + root, integer_or_root
        ),
        oa.query_parameter("locale", _("Only pages in this language (`ro`)."), {"type": "string"}),
        oa.query_parameter("site", _("Only pages of the site with this host name."), {"type": "string"}),
        *field_filter_parameters(cls, Page),
        *page_type_filter_parameters(),
    ]
    meta = {
        "html_url": oa.nullable(oa.URL),
        "slug": oa.STRING,
        "show_in_menus": oa.BOOLEAN,
        "seo_title": oa.STRING,
        "search_description": oa.STRING,
        "first_published_at": oa.nullable(oa.DATE_TIME),
        "alias_of": oa.nullable(oa.obj({"id": oa.INTEGER}, required=["id"])),
        "parent": oa.nullable(oa.obj({"id": oa.INTEGER, "meta": oa.obj({})}, required=["id"])),
        "locale": oa.STRING,
    }
    item = oa.item_schema(
        meta,
        {"title": oa.STRING},
        description=_(
            "A page. With `fields=*` (or named fields), the fields its type adds: rich text as HTML, "
            "images with their renditions, derived statuses."
        ),
        # The detail adds `parent`, `fields=*` adds `locale`: the page's own meta is always there.
        meta_required=["type", "detail_url", "html_url", "slug"],
    )
    item["required"] = ["id", "meta", "title"]
    return oa.EndpointSchema(
        summary=_("Pages: news, guides, funding calls, consultations and content pages"),
        description=_(
            "Every public page of the site. Filter by type with `type=` (e.g. `news.NewsPage`); with one type, "
            "its own filters (`topic`, `status`, …) and `fields=*` for all of its fields."
        ),
        item_name="Page",
        item=item,
        parameters=own,
        find_parameters=[
            oa.query_parameter("html_path", _("The page's path on the website (`/stiri/`)."), {"type": "string"})
        ],
        example="?type=funding.FundingCallPage&status=deschis&fields=*",
    )


def _file_openapi(cls, model, *, item_name, summary, description, fields):
    return oa.EndpointSchema(
        summary=summary,
        description=description,
        item_name=item_name,
        item=oa.item_schema({"tags": oa.array(oa.STRING), "download_url": oa.STRING}, {"title": oa.STRING, **fields}),
        parameters=field_filter_parameters(cls, model),
        example="?limit=5",
    )


class ImageAPIViewSet(FieldFiltersMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, with checked field filters."""

    @classmethod
    def openapi(cls):
        return _file_openapi(
            cls,
            cls.model,
            item_name="Image",
            summary=_("Images"),
            description=_("The site's images, with their size and the original file's address."),
            fields={"width": oa.INTEGER, "height": oa.INTEGER},
        )


class DocumentAPIViewSet(FieldFiltersMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, with checked field filters."""

    @classmethod
    def openapi(cls):
        return _file_openapi(
            cls,
            cls.model,
            item_name="Document",
            summary=_("Documents"),
            description=_("The site's documents (guides, forms, reports), with their download address."),
            fields={},
        )


api_router = StrictAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PageAPIViewSet)
api_router.register_endpoint("images", ImageAPIViewSet)
api_router.register_endpoint("documents", DocumentAPIViewSet)
for name, viewset in api_endpoints():
    api_router.register_endpoint(name, viewset)
