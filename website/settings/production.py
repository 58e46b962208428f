"""Production: every secret and service comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, EMAIL_URL (SMTP), WAGTAILADMIN_BASE_URL.
Optional: REDIS_URL (cache and sessions), AWS_STORAGE_BUCKET_NAME (S3-compatible media) or
MEDIA_ROOT with SERVE_MEDIA (local media files), OPENSEARCH_URL (search at scale).
After `migrate`, `manage.py sync_site` points the default Wagtail Site at WAGTAILADMIN_BASE_URL.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env_required(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in env_required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
env_required("DATABASE_URL")
# The public address: links in emails (account confirmation, password reset), API URLs, feeds and exports
# use it; pages use the default Site, which `sync_site` sets from it (deploy check website.E001).
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = env_required("WAGTAILADMIN_BASE_URL").rstrip("/")

# Behind a TLS-terminating load balancer.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Redis for cache and sessions, so that any app server can answer any request.
if REDIS_URL := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "bss",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

# SMTP: EMAIL_URL=smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS).
# Members' accounts depend on email (verification, password reset), so it is required.
_email = urlparse(env_required("EMAIL_URL"))
_options = parse_qs(_email.query)
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _email.hostname,
            "port": _email.port or (465 if _email.scheme == "smtps" else 587),
            "username": unquote(_email.username or ""),
            "password": unquote(_email.password or ""),
            "use_ssl": _email.scheme == "smtps",
            "use_tls": _email.scheme != "smtps" and _options.get("tls", ["true"])[0].lower() == "true",
            "timeout": 20,
        },
    }
}

# S3-compatible object storage for media (images, documents, logos).
if AWS_STORAGE_BUCKET_NAME := os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    # Private files in the same bucket under private/, never public: signed, short-lived URLs only.
    STORAGES["private"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": "private", "default_acl": "private", "querystring_auth": True, "custom_domain": None},
    }
    _media_origin = f"https://{AWS_S3_CUSTOM_DOMAIN}" if AWS_S3_CUSTOM_DOMAIN else AWS_S3_ENDPOINT_URL
    if _media_origin:
        SECURE_CSP["img-src"] = [*SECURE_CSP["img-src"], _media_origin]  # noqa: F405
elif os.environ.get("MEDIA_ROOT"):
    # Local files on a volume every app server mounts; served with SERVE_MEDIA=django or by nginx (proxy).
    MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])

# OpenSearch through Wagtail's backend, for search at scale, with Romanian analysis (search/opensearch.py).
# `manage.py update_index` builds the indexes; publishing and moderation keep them current.
if OPENSEARCH_URL := os.environ.get("OPENSEARCH_URL"):
    from search.opensearch import DEFAULT_INDEX, search_backends

    WAGTAILSEARCH_BACKENDS = search_backends(OPENSEARCH_URL, index=os.environ.get("OPENSEARCH_INDEX", DEFAULT_INDEX))

# Background work (emails, digests): base.py's database queue, run by `manage.py db_worker` processes.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
