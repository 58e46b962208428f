from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from search.documents import page_document
from search.registry import SEARCH_KINDS_HOOK, SearchKind
from website.hooks import API_ENDPOINTS_HOOK, DEMO_DATA_HOOK, HOME_PAGE_BLOCKS_HOOK, PROFILE_SECTIONS_HOOK

from .models import FundingCallPage


@hooks.register(PROFILE_SECTIONS_HOOK)
def funding_calls_section(organization, request):
    """The funding calls an organization gives, on its directory profile (open ones first)."""
    calls = FundingCallPage.objects.live().public().filter(funder_organization=organization).order_by_deadline()
    items = [(f"{call.title} ({call.status_label})", call.get_url(request)) for call in calls[:20]]
    return {"title": _("Funding calls it gives"), "items": items}


@hooks.register(HOME_PAGE_BLOCKS_HOOK)
def open_calls_block(request):
    """The home page's first section: calls that accept applications now."""
    return {
        "order": 10,
        "id": "home-funding",
        "title": _("Open funding calls"),
        "more_label": _("All funding calls"),
        "items": FundingCallPage.objects.live().public().accepting_applications().for_listing()[:3],
        "card_meta": "funding/includes/call_meta.html",
    }


@hooks.register(API_ENDPOINTS_HOOK)
def funding_api_endpoint():
    """`/api/v2/funding-calls/`: live, public funding calls with their status and the index's filters."""
    from .api import FundingCallAPIViewSet

    return "funding-calls", FundingCallAPIViewSet


@hooks.register(DEMO_DATA_HOOK)
def funding_demo():
    from . import demo

    return 50, demo.seed


@hooks.register(SEARCH_KINDS_HOOK)
def funding_search_kinds():
    """Published funding calls in the site-wide search; open ones rank above closed ones (`closes_at`)."""

    def document(call):
        return page_document(
            call,
            extra=[call.funder_name, call.programme],
            date=timezone.localdate(call.deadline),
            closes_at=call.deadline,
        )

    return SearchKind(
        key="finantari",
        label=gettext_lazy("Funding calls"),
        model=FundingCallPage,
        public=lambda: (
            FundingCallPage.objects.live().public().select_related("funder_organization").prefetch_related("topics")
        ),
        document=document,
        order=40,
    )
