from django.utils.translation import gettext as _
from wagtail import hooks

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
