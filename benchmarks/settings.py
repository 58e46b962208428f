"""Benchmarks (`make bench`): production-like serving on loopback, without the TLS and secret requirements.

DEBUG off, hashed and compressed static files through whitenoise, PostgreSQL from DATABASE_URL, Redis
as the cache when it answers. The URLs add a bare JSON view, the ceiling the pages are compared with.
"""

import os
import socket
from urllib.parse import urlparse

from website.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-secret-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.urls"
# `seed_scale` lives in the benchmarks app, never in the running site's settings.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405

if not os.environ.get("DATABASE_URL"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Benchmarks run on PostgreSQL: set DATABASE_URL (benchmarks/run.py does).")


# The benchmark database's pictures and renditions, apart from the development ones.
MEDIA_ROOT = BASE_DIR / "media" / "bench"  # noqa: F405

# Demo accounts and forms send nothing while benchmarking.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}


def _answers(url, timeout=0.3):
    """Whether something listens at the Redis URL's host and port."""
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=timeout):
            return True
    except OSError:
        return False


REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")
if _answers(REDIS_URL):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "bss-bench",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
