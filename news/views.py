"""The view-counter endpoints called by static/js/news-views.js and the <noscript> pixel."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .models import NewsPage
from .services import (
    SEEN_COOKIE,
    SEEN_COOKIE_MAX_AGE,
    news_page_record_view,
    request_is_from_bot,
    seen_cookie_value,
    seen_page_ids,
)

# The smallest transparent GIF (1×1 pixel, 43 bytes).
TRANSPARENT_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


# Page ids are signed 64-bit integers at most; the URL's <int:…> takes any number of digits.
MAX_PAGE_ID = 2**63 - 1


def _countable_page(page_id):
    """The live, public article with this id, or None: drafts and private pages are never counted."""
    if page_id > MAX_PAGE_ID:
        return None  # the database would refuse it (an overflow, not "no such row")
    return NewsPage.objects.live().public().filter(pk=page_id).first()


def _count(request, page):
    """Record the view; return the count and the reader's new cookie value (None when unchanged)."""
    seen = seen_page_ids(request)
    views = news_page_record_view(page=page, request=request, seen=seen)
    if request_is_from_bot(request) or page.pk in seen:
        return views, None
    return views, seen_cookie_value(seen, page)


def _remember(response, cookie_value):
    """Keep the articles this browser was counted for in a cookie (no session is created)."""
    if cookie_value is not None:
        response.set_cookie(
            SEEN_COOKIE,
            cookie_value,
            max_age=SEEN_COOKIE_MAX_AGE,
            path="/stiri/vizualizari/",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


# CSRF-exempt on purpose: the worst a forged request can do is count one view for the
# forging visitor's own address, and the cached article HTML carries no token.
@csrf_exempt
@require_POST
@never_cache
def record_view(request, page_id):
    """Count a view of a live article for this reader; answer {"views": N}."""
    page = _countable_page(page_id)
    if page is None:
        return JsonResponse({"error": "not found"}, status=404)
    views, cookie_value = _count(request, page)
    return _remember(JsonResponse({"views": views}), cookie_value)


@require_GET
@never_cache
def record_view_pixel(request, page_id):
    """The same count for readers without JavaScript, as a 1×1 GIF."""
    page = _countable_page(page_id)
    if page is None:
        return HttpResponseNotFound(content_type="image/gif")
    _views, cookie_value = _count(request, page)
    return _remember(HttpResponse(TRANSPARENT_GIF, content_type="image/gif"), cookie_value)
