from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from website.hooks import API_ENDPOINTS_HOOK, DEMO_DATA_HOOK, NAVIGATION_HOOK
from website.models import ContentPage, FormPage

from .documents import page_document
from .registry import SEARCH_KINDS_HOOK, SearchKind


@hooks.register(SEARCH_KINDS_HOOK)
def website_search_kinds():
    """The site's own pages (about, privacy policy, contact): registered here, as website imports no app."""
    return [
        SearchKind(
            key="pagini",
            label=gettext_lazy("Pages"),
            model=ContentPage,
            public=lambda: ContentPage.objects.live().public().prefetch_related("topics"),
            document=page_document,
            order=70,
        ),
        SearchKind(
            key="pagini",
            label=gettext_lazy("Pages"),
            model=FormPage,
            public=lambda: FormPage.objects.live().public(),
            document=page_document,
            order=80,
        ),
    ]


@hooks.register(NAVIGATION_HOOK)
def search_navigation(request):
    return {"title": _("Site search"), "url": reverse("search:search"), "order": 90}


@hooks.register(API_ENDPOINTS_HOOK)
def search_api_endpoint():
    """`/api/v2/search/`: the site-wide search's results and facets."""
    from .api import SearchAPIViewSet

    return "search", SearchAPIViewSet


@hooks.register(DEMO_DATA_HOOK)
def search_demo():
    """Last of the demo loaders: every demo object's document, whatever the loaders saved without signals."""

    def seed(*, home, topics):
        from .services import documents_rebuild

        documents_rebuild()
        return []

    return 1000, seed
