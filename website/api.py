"""The partner API's one router: Wagtail API v2 plus the project's own endpoints."""

from django.core.exceptions import ValidationError
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from directory.api import OrganizationAPIViewSet


class PageAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, prefetching what a page type's API fields read.

    Wagtail does no prefetching itself; page querysets that define `for_listing()`
    (select/prefetch of topics, images, …) keep the query count flat as lists grow.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if hasattr(queryset, "for_listing"):
            queryset = queryset.for_listing()
        return queryset

    def filter_queryset(self, queryset):
        # Wagtail converts only boolean, integer and foreign-key filter values; a bad date, decimal or
        # many-to-many value (`?deadline=abc`, `?topics=x`) would otherwise be a 500.
        try:
            return super().filter_queryset(queryset)
        except (ValueError, ValidationError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise BadRequestError("field filter error. " + " ".join(messages)) from error


api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PageAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("organizations", OrganizationAPIViewSet)
