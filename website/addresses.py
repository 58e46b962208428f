"""The site's one public address: WAGTAILADMIN_BASE_URL, which the default Wagtail Site must match.

Pages build their absolute URLs from the Site (`page.get_full_url`); everything else (the API, feeds,
the sitemap's organizations, exports, emails) uses `public_url`. `manage.py sync_site` sets the Site
from the setting and the deploy check `website.E001` fails when they differ, so both give one address.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def public_base_url():
    """The configured public address, without a trailing slash: `https://bucuresti-social.ro`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_url(path):
    """`path` (absolute paths such as `/stiri/`) on the public address; full URLs are returned unchanged."""
    if path.startswith(("http://", "https://")):
        return path
    return public_base_url() + path


def public_host():
    """The public address's host name, without the port: `bucuresti-social.ro`."""
    return urlsplit(public_base_url()).hostname or ""


def site_address(base_url):
    """The (hostname, port) a Wagtail Site needs so that its `root_url` is `base_url`.

    Raises ValueError for addresses a Site cannot express: Wagtail writes `https://` only for port 443
    and `http://` for every other port, and a Site serves the root path only.
    """
    parts = urlsplit(base_url.rstrip("/"))
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{base_url!r} is not an absolute http:// or https:// address.")
    if parts.path or parts.query or parts.fragment:
        raise ValueError(f"{base_url!r} must be a bare origin such as https://example.org, without a path.")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(f"{base_url!r}: a Wagtail Site serves https:// only on port 443 and http:// on other ports.")
    return parts.hostname, port


def default_site():
    return Site.objects.filter(is_default_site=True).first()


def site_sync(*, site, base_url):
    """Point `site` at `base_url` (hostname and port); returns whether anything changed."""
    hostname, port = site_address(base_url)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.full_clean()
    site.save()
    return True
