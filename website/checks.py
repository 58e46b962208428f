"""Deploy checks of the project's own (`manage.py check --deploy --database default`).

website.E001: the default Wagtail Site does not match the public address (WAGTAILADMIN_BASE_URL).
website.E002: the public address cannot be written as a Wagtail Site, or WAGTAILAPI_BASE_URL differs from it.
website.E003: SERVE_MEDIA has an unknown value.
website.I001: the database is not migrated yet, so the Site could not be compared.
website.W001: uploaded media are neither in object storage nor served (SERVE_MEDIA).
"""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError

from .addresses import default_site, public_base_url, site_address

SERVE_MEDIA_CHOICES = ("", "django", "proxy")
SYNC_HINT = "Run `manage.py sync_site` (it sets the default Site from WAGTAILADMIN_BASE_URL) after `migrate`."


def check_public_address(app_configs=None, databases=None, **kwargs):
    """The default Site, which builds every page's absolute URL, has the configured public address."""
    base_url = public_base_url()
    try:
        hostname, port = site_address(base_url)
    except ValueError as error:
        return [
            checks.Error(
                f"WAGTAILADMIN_BASE_URL is not usable as the site's public address: {error}",
                hint="Set WAGTAILADMIN_BASE_URL to the public origin, e.g. https://bucuresti-social.ro",
                id="website.E002",
            )
        ]
    errors = []
    api_base_url = getattr(settings, "WAGTAILAPI_BASE_URL", base_url).rstrip("/")
    if api_base_url != base_url:
        errors.append(
            checks.Error(
                f"WAGTAILAPI_BASE_URL ({api_base_url}) differs from WAGTAILADMIN_BASE_URL ({base_url}).",
                hint="The API's html_url and detail_url must use the public address: set both to the same value.",
                id="website.E002",
            )
        )
    if not databases:
        return errors  # the Site lives in the database: checked with `--database default`
    try:
        site = default_site()
    except DatabaseError:  # not migrated yet: `migrate` creates the Site that `sync_site` then sets
        errors.append(
            checks.Info(
                "The database is not migrated: the default Site's address was not compared with the public address.",
                hint="Run `manage.py migrate`, then `manage.py sync_site`.",
                id="website.I001",
            )
        )
        return errors
    if site is None:
        errors.append(
            checks.Error(
                "There is no default Wagtail Site to compare with WAGTAILADMIN_BASE_URL.",
                hint="Run `manage.py migrate`, then `manage.py sync_site`.",
                id="website.E001",
            )
        )
    elif (site.hostname, site.port) != (hostname, port):
        errors.append(
            checks.Error(
                f"The default Wagtail Site's address is {site.root_url}, but WAGTAILADMIN_BASE_URL is {base_url}: "
                "canonical links, sitemap.xml, the RSS and iCal feeds would point at the wrong address.",
                hint=SYNC_HINT,
                obj=site,
                id="website.E001",
            )
        )
    return errors


def check_media_serving(app_configs=None, **kwargs):
    """Uploaded images and documents have a way to reach readers: object storage, this app or a proxy."""
    if settings.SERVE_MEDIA not in SERVE_MEDIA_CHOICES:
        return [
            checks.Error(
                f"SERVE_MEDIA={settings.SERVE_MEDIA!r} is not one of: true, django, proxy (or unset).",
                hint="`django` (or `true`): this app serves MEDIA_ROOT at MEDIA_URL; "
                "`proxy`: nginx or a CDN serves MEDIA_ROOT itself.",
                id="website.E003",
            )
        ]
    in_object_storage = settings.STORAGES["default"]["BACKEND"] != "django.core.files.storage.FileSystemStorage"
    if in_object_storage or settings.DEBUG or settings.SERVE_MEDIA:
        return []
    return [
        checks.Warning(
            f"Uploaded media are stored in MEDIA_ROOT ({settings.MEDIA_ROOT}) but nothing serves "
            f"{settings.MEDIA_URL}: images would be broken.",
            hint="Set AWS_STORAGE_BUCKET_NAME (S3-compatible storage), or SERVE_MEDIA=django to serve MEDIA_ROOT "
            "from this app, or SERVE_MEDIA=proxy when nginx serves it (see README, 'Media files').",
            id="website.W001",
        )
    ]


def register():
    checks.register(check_public_address, checks.Tags.urls, deploy=True)
    checks.register(check_media_serving, checks.Tags.files, deploy=True)
