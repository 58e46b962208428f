from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from search.documents import page_document
from search.registry import SEARCH_KINDS_HOOK, SearchKind
from website.hooks import DEMO_DATA_HOOK, HOME_PAGE_BLOCKS_HOOK

from .models import NewsPage


@hooks.register(HOME_PAGE_BLOCKS_HOOK)
def latest_news_block(request):
    return {
        "order": 20,
        "id": "home-news",
        "title": _("Latest news"),
        "more_label": _("All news"),
        "items": NewsPage.objects.live().public().for_listing()[:3],
        "card_meta": "news/includes/news_meta.html",
    }


@hooks.register(DEMO_DATA_HOOK)
def news_demo():
    from . import demo

    return 30, demo.seed


@hooks.register(SEARCH_KINDS_HOOK)
def news_search_kinds():
    """Published articles in the site-wide search, with their author, source and tags."""

    def document(page):
        tags = [tag.name for tag in page.tags.all()]
        return page_document(page, extra=[page.author, page.source_name, *tags], date=page.date)

    return SearchKind(
        key="stiri",
        label=gettext_lazy("News"),
        model=NewsPage,
        public=lambda: NewsPage.objects.live().public().prefetch_related("topics", "tags"),
        document=document,
        order=20,
    )
