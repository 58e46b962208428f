from django.utils.translation import gettext as _
from wagtail import hooks

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
