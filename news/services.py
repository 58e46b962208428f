"""The news view counter: one view per reader per article, bots ignored, atomic, without sessions.

Anonymous readers get no session (a session row per hit would fill the database): a cookie remembers
which articles this browser was already counted for, and the cache allows at most one count per
client address and article per window, so scripted requests that drop cookies cannot inflate counts.
"""

import hashlib
import re
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest

from website.ratelimit import client_key

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

# The cookie listing the articles this browser was counted for (ids, most recent last).
SEEN_COOKIE = "stiri_citite"
SEEN_COOKIE_MAX_AGE = timedelta(days=14)
# A reader with more articles than this in the cookie may be counted again for the oldest ones
# (200 ids stay well under the 4 KB a browser keeps per cookie).
SEEN_COOKIE_MAX_PAGES = 200
# One count per client address and article in this window, whatever the cookies say.
ADDRESS_WINDOW = timedelta(minutes=30)


def request_is_from_bot(request: HttpRequest) -> bool:
    """Whether the request comes from a crawler, a script or a browser prefetching the page."""
    user_agent = request.headers.get("User-Agent", "").strip()
    if not user_agent or BOT_USER_AGENT.search(user_agent):
        return True
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" in purpose.lower()


def seen_page_ids(request: HttpRequest) -> list[int]:
    """The article ids this browser's cookie says were already counted (malformed values are ignored)."""
    raw = request.COOKIES.get(SEEN_COOKIE, "")
    return [int(part) for part in raw.split(".") if part.isdigit() and len(part) <= 10][-SEEN_COOKIE_MAX_PAGES:]


def seen_cookie_value(seen: list[int], page: NewsPage) -> str:
    """The cookie value once `page` is added to `seen`."""
    ids = [page_id for page_id in seen if page_id != page.pk] + [page.pk]
    return ".".join(str(page_id) for page_id in ids[-SEEN_COOKIE_MAX_PAGES:])


def news_page_view_count(*, page: NewsPage) -> int:
    """The article's current view count, read from the database (never from a stale instance)."""
    return NewsPage.objects.filter(pk=page.pk).values_list("view_count", flat=True).get()


def _first_view_from_address(*, page: NewsPage, address: str) -> bool:
    """Claim this article's count for `address` for ADDRESS_WINDOW; False when it was already claimed.

    cache.add is atomic (it sets only a missing key), so concurrent requests claim it once.
    """
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return cache.add(f"news:view:{page.pk}:{digest}", 1, timeout=int(ADDRESS_WINDOW.total_seconds()))


@transaction.atomic
def news_page_record_view(*, page: NewsPage, request: HttpRequest, seen: list[int]) -> int:
    """Count a view of `page` unless a bot asks, `seen` (the reader's cookie) holds it, or its address
    was counted for it within ADDRESS_WINDOW; return the count. Never touches the session.

    The increment is a single UPDATE with F(), so concurrent readers never overwrite each other.
    """
    if request_is_from_bot(request) or page.pk in seen:
        return news_page_view_count(page=page)
    address = client_key(request)
    if address is None or not _first_view_from_address(page=page, address=address):
        return news_page_view_count(page=page)
    NewsPage.objects.filter(pk=page.pk).update(view_count=F("view_count") + 1)
    # Inside the transaction the row is locked by our UPDATE: this reads our own increment.
    return news_page_view_count(page=page)
