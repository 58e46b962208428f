from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from search.documents import page_document
from search.registry import SEARCH_KINDS_HOOK, SearchKind
from website.hooks import DEMO_DATA_HOOK, HOME_PAGE_BLOCKS_HOOK

from .models import LegislationGuidePage


@hooks.register(HOME_PAGE_BLOCKS_HOOK)
def guides_block(request):
    return {
        "order": 30,
        "id": "home-guides",
        "title": _("Guides and legislation"),
        "more_label": _("All guides"),
        "items": LegislationGuidePage.objects.live().public().for_listing()[:3],
        "card_meta": "guides/includes/guide_meta.html",
    }


@hooks.register(DEMO_DATA_HOOK)
def guides_demo():
    from . import demo

    return 40, demo.seed


@hooks.register(SEARCH_KINDS_HOOK)
def guides_search_kinds():
    """Published guides in the site-wide search, with the acts they cover and their questions and answers."""

    def document(page):
        acts = [f"{act.citation} {act.title}" for act in page.legal_acts.all()]
        questions = [f"{item.question} {item.answer}" for item in page.faq_items.all()]
        return page_document(page, extra=[*acts, *questions], date=page.last_reviewed)

    return SearchKind(
        key="ghiduri",
        label=gettext_lazy("Guides"),
        model=LegislationGuidePage,
        public=lambda: (
            LegislationGuidePage.objects.live().public().prefetch_related("topics", "legal_acts", "faq_items")
        ),
        document=document,
        order=30,
    )
