from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import calendar, openapi, views
from .api import api_router
from .hooks import sitemaps
from .spreadsheets import safe_report_urlpatterns

handler500 = "website.views.server_error"

# Wagtail's pages, then the sections apps register (SITEMAPS_HOOK: the directory's organizations).
SITEMAPS = {"pages": PageSitemap, **sitemaps()}

urlpatterns = [
    # Wagtail's reports with formula-safe exports, ahead of the admin's own routes for the same paths.
    *safe_report_urlpatterns(),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/openapi.json", openapi.openapi_json, name="api_openapi"),
    path("api/docs/", openapi.api_docs, name="api_docs"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("harta-site/", views.sitemap_page, name="sitemap_page"),
    path("", include("news.urls")),
    # `<page>calendar.ics`, handed to the page's `calendar.ics/` route (Wagtail's page URLs cannot hold a dot).
    re_path(r"^(?P<path>(?:[\w\-]+/)*)calendar\.ics$", calendar.page_calendar, name="page_calendar"),
    path("", include("consultations.urls")),
    path("", include("proposals.urls")),
    path("", include("dialogue.urls")),
    path("", include("resources.urls")),
    path("organizatii/", include("directory.urls")),
    path("cautare/", include("search.urls")),
    path("cont/", include("members.account_urls")),
    path("contul-meu/", include("members.urls")),
    path("", include("participation.urls")),
]

# Uploaded media from MEDIA_ROOT, in development and with SERVE_MEDIA=django (the view answers 404 otherwise);
# with S3 storage, media URLs point at the bucket and never reach this pattern.
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media_file, name="media_file")]

# Wagtail's page serving comes last: it answers every path the patterns above do not.
urlpatterns += [path("", include(wagtail_urls))]
