import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.csp import CSP
from django.views.decorators.cache import cache_control
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.models import Site

from .addresses import public_url

PRIVATE_PATHS = ["/admin/", "/cont/", "/contul-meu/", "/api/", "/stiri/vizualizari/"]


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS)]
    lines.append(f"Sitemap: {public_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Wagtail serves documents through /documents/<id>/<name>, which checks their privacy: never as raw files.
PRIVATE_MEDIA_PREFIXES = ("documents/",)


@require_GET
@cache_control(max_age=60 * 60 * 24 * 7, public=True)
@csp_override({"default-src": [CSP.NONE], "img-src": [CSP.SELF], "style-src": ["'unsafe-inline'"], "sandbox": True})
def media_file(request, path):
    """An uploaded file from MEDIA_ROOT, when this app serves media itself (DEBUG, or SERVE_MEDIA=django)."""
    served = settings.DEBUG or settings.SERVE_MEDIA == "django"
    if not served or posixpath.normpath(path).lstrip("/").startswith(PRIVATE_MEDIA_PREFIXES):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


@require_GET
def sitemap_page(request):
    """`/harta-site/`: the site's sections and the directory, for readers (`sitemap.xml` is for search engines)."""
    site = Site.find_for_request(request)
    sections = []
    if site is not None:
        pages = site.root_page.get_children().live().public().only("id", "title", "url_path", "path", "depth")
        sections = [{"title": page.title, "url": page.get_url(request)} for page in pages]
    return render(request, "website/sitemap_page.html", {"sections": sections})


def server_error(request):
    """The 500 page, rendered without the request context that may be what failed."""
    return render(None, "500.html", {"debug": settings.DEBUG}, status=500)
