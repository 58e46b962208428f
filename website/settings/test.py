"""Tests: fast and deterministic. DATABASE_URL still selects PostgreSQL for the CI run."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
STORAGES["private"]["OPTIONS"]["location"] = BASE_DIR / "test-artifacts" / "private-media"  # noqa: F405

# Serve static files straight from the source folders (no collectstatic needed).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# django-axes refuses logins without a request, which `client.login` makes: off here, and switched on
# (override_settings) by the tests of login throttling.
AXES_ENABLED = False

# The API fuzz sends thousands of requests a minute from one client: the API's limit is tested with a lower one.
RATE_LIMITS = {**RATE_LIMITS, "api": {"ip": "1000000/m"}}  # noqa: F405

# A minimal app built on the participation core, for the core's own tests (tests/participation/), and the
# benchmarks app, whose `seed_scale` is tested in tests/benchmarks/.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp", "benchmarks"]  # noqa: F405
