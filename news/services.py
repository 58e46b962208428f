"""The news view counter: one view per visitor session per article, bots ignored, atomic."""

import re

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest

from .models import NewsPage

# Crawlers, command-line clients, link-preview fetchers and headless browsers. An empty
# User-Agent is treated as a bot too: every real browser sends one.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|curl|wget|python-requests|python-urllib|httpx|aiohttp|libwww|"
    r"go-http-client|okhttp|java/|scrapy|headless|phantomjs|puppeteer|playwright|lighthouse|pagespeed|"
    r"prerender|preview|facebookexternalhit|embedly|whatsapp|skypeuripreview|vkshare|feedfetcher|"
    r"monitor|uptime|pingdom|validator",
    re.IGNORECASE,
)

SESSION_KEY = "news_viewed_pages"
# A visitor reading more articles than this in one session may be counted again for the oldest.
SESSION_MAX_PAGES = 500


def request_is_from_bot(request: HttpRequest) -> bool:
    """Whether the request comes from a crawler, a script or a browser prefetching the page."""
    user_agent = request.headers.get("User-Agent", "").strip()
    if not user_agent or BOT_USER_AGENT.search(user_agent):
        return True
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" in purpose.lower()


def news_page_view_count(*, page: NewsPage) -> int:
    """The article's current view count, read from the database (never from a stale instance)."""
    return NewsPage.objects.filter(pk=page.pk).values_list("view_count", flat=True).get()


@transaction.atomic
def news_page_record_view(*, page: NewsPage, request: HttpRequest) -> int:
    """Count a view of `page` unless this session already counted it or a bot asks; return the count.

    The increment is a single UPDATE with F(), so concurrent readers never overwrite each other.
    """
    if request_is_from_bot(request):
        return news_page_view_count(page=page)
    seen = request.session.get(SESSION_KEY, [])
    if page.pk in seen:
        return news_page_view_count(page=page)
    NewsPage.objects.filter(pk=page.pk).update(view_count=F("view_count") + 1)
    request.session[SESSION_KEY] = [*seen, page.pk][-SESSION_MAX_PAGES:]
    # Inside the transaction the row is locked by our UPDATE: this reads our own increment.
    return news_page_view_count(page=page)
