"""The benchmark server's URLs (benchmarks.settings only): the site's, plus a bare JSON view as the ceiling."""

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

from website.urls import handler500
from website.urls import urlpatterns as site_urlpatterns


@require_GET
def ping(request):
    """The least a Django view can do: no database, no template. What the pages are measured against."""
    return JsonResponse({"ok": True})


urlpatterns = [path("_bench/ping/", ping, name="bench_ping"), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
