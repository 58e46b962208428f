"""Settings shared by every environment. No secrets here: see production.py."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "website",
    "news",
    "guides",
    "funding",
    "consultations",
    "proposals",
    "resources",
    "dialogue",
    "directory",
    "members",
    "participation",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.usersessions",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # Wagtail's PostgreSQL search backend needs it; harmless on SQLite.
    "django.contrib.postgres",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the rest: the API's rate limit refuses early, and its ETag/304 sees the final answer.
    "website.api_middleware.APIHTTPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it turns any locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "website.context_processors.navigation",
                "participation.context_processors.notifications",
                "website.context_processors.public_address",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

# SQLite by default (zero set-up); DATABASE_URL switches to PostgreSQL (psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first (it refuses locked-out logins), then Django's username login (the Wagtail admin),
# then allauth's email login (the members' site).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "members.validators.WhitespacePasswordValidator"},
]

# The Wagtail admin's login form signs in staff only (members log in at /cont/autentificare/).
WAGTAILADMIN_USER_LOGIN_FORM = "members.forms.AdminLoginForm"

# Members' accounts (django-allauth): email and password, mandatory email verification.
LOGIN_URL = "account_login"
# Login-protected pages (Wagtail's page privacy) send readers to the members' login, not Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "members:dashboard"
LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "members.forms.LoginForm",
    "signup": "members.forms.SignupForm",
    "reset_password": "members.forms.ResetPasswordForm",
    "reset_password_from_key": "members.forms.ResetPasswordKeyForm",
    "change_password": "members.forms.ChangePasswordForm",
    "set_password": "members.forms.SetPasswordForm",
    "add_email": "members.forms.AddEmailForm",
    "reauthenticate": "members.forms.ReauthenticateForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
# Links in emails only show a confirmation page; the address is confirmed by the POST from that page
# (mail scanners that follow links confirm nothing).
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Bucureștiul social și solidar] "
ACCOUNT_USER_DISPLAY = "members.selectors.user_display_name"
# Signing up with an address that already has an account says so (the issue asks for a clear message);
# the password-reset form still never tells whether an address has an account (members.forms).
ACCOUNT_PREVENT_ENUMERATION = False
# Failed logins are throttled by django-axes (per address and IP, with a lockout page); allauth's own
# limits stay on for everything else (sign-ups, reset emails, confirmation emails).
# Sign-ups send an email each: at most 5 a minute and 30 an hour from one IP.
ACCOUNT_RATE_LIMITS = {"login_failed": None, "signup": "5/m/ip,30/h/ip"}
# Number of reverse proxies (load balancers) in front of the app, for the client IP that throttling uses.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Forms of our own that create something or send email (website.ratelimit): submissions per account ("user") and per
# client IP ("ip"), as "count/period" with the period in s, m, h or d.
RATE_LIMITS = {
    "contact_form": {"user": "5/h", "ip": "10/h"},
    "organization_register": {"user": "3/d", "ip": "10/d"},
    "organization_edit": {"user": "20/h", "ip": "60/h"},
    "join_request": {"user": "10/h", "ip": "30/h"},
    "profile": {"user": "20/h", "ip": "60/h"},
    "consultation_response": {"user": "10/h", "ip": "30/h"},
    "consultation_debate_request": {"user": "10/h", "ip": "30/h"},
    "report": {"user": "20/h", "ip": "60/h"},
    "proposal_create": {"user": "10/h", "ip": "30/h"},
    "proposal_comment": {"user": "30/h", "ip": "90/h"},
    "proposal_partner_offer": {"user": "10/h", "ip": "30/h"},
    # Threads, replies and their edits: a burst of a few, and a ceiling per hour.
    "dialogue_post": {"user": "4/m,30/h", "ip": "10/m,90/h"},
    # Every request to the partner API (/api/v2/), per client (website.api_middleware).
    "api": {"ip": "600/m"},
}

# Login throttling (django-axes), on every login form (the members' and the Wagtail admin's): 5 failures for one
# account from one IP lock it out for 15 minutes, whether its username or any of its addresses was typed; 30 failures
# from one IP, whatever accounts they tried, lock that IP out (members.throttling).
AXES_FAILURE_LIMIT = 5
LOGIN_IP_FAILURE_LIMIT = 30
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "members.throttling.login_username"
AXES_HANDLER = "members.throttling.LoginAttemptHandler"
AXES_LOCKOUT_TEMPLATE = "members/lockout.html"
AXES_ENABLE_ADMIN = False
# The client's address behind ALLAUTH_TRUSTED_PROXY_COUNT proxies, read as allauth and the form limits read it.
AXES_CLIENT_IP_CALLABLE = "website.ratelimit.client_ip"

# Internationalisation: the site, its emails and the Wagtail admin are in Romanian.
# Wagtail creates its default locale from LANGUAGE_CODE at the first migrate.
LANGUAGE_CODE = "ro"
LANGUAGES = [("ro", "Română")]
TIME_ZONE = "Europe/Bucharest"
USE_I18N = True
USE_TZ = True
# The project's catalogue (`make messages` extracts into it), then locale_overrides: better Romanian for texts
# that Django, Wagtail and allauth bring, edited by hand (makemessages would drop them from the first one).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ro", "Română"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Static files: hand-written CSS/JS in static/, served by whitenoise.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Who serves uploaded media (MEDIA_ROOT at MEDIA_URL) when they are not in object storage: "django" (this
# app, through website.views.media_file; "true" means the same), "proxy" (nginx or a CDN serves MEDIA_ROOT
# itself) or "" (only DEBUG serves them, and `check --deploy` warns). README "Media files" has the options.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "").strip().lower()
if SERVE_MEDIA == "true":
    SERVE_MEDIA = "django"

# "private": files only the app hands out after a permission check (attachments of recommendations waiting for
# moderation, …), kept outside MEDIA_ROOT so that no web server or media URL reaches them.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "bss-default",
    }
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Tasks (emails, digests) go to a queue in the database; `manage.py db_worker` runs them (`make run` starts it
# next to the server). Tests run them at once (settings/test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email goes to the console in development; production.py configures SMTP from EMAIL_URL.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Bucureștiul social și solidar <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Bucureștiul social și solidar"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Wagtail's database backend with Romanian matching (search.backends); PostgreSQL stems with its Romanian config.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends", "SEARCH_CONFIG": "romanian"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The image form says that the description is the alternative text.
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.images.ImageForm"
# Tag slugs in plain ASCII ("intreprinderi-sociale"), like page slugs.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
# Page slugs in plain ASCII: "reparații" becomes "reparatii" (see website.wagtail_hooks for ţ and ș).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar: the admin runs without calls to outside services and shows Wagtail's own avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"

# API v2: rich text as HTML with real links, not Wagtail's internal format.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# How long browsers and proxies may reuse an API answer (website.api_middleware).
API_CACHE_SECONDS = 60

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Listings
NEWS_PER_PAGE = 10
FUNDING_PER_PAGE = 12
CONSULTATIONS_PER_PAGE = 12
GUIDES_PER_PAGE = 12
SEARCH_PER_PAGE = 10

FORMAT_MODULE_PATH = ["website.formats"]

# Content Security Policy (Django's own). The Wagtail admin is exempt: it needs inline
# scripts and styles (see website.middleware).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
CSP_EXEMPT_PATH_PREFIXES = ("/admin/",)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Django's immediate task backend logs every task at INFO: too chatty for a console.
    "loggers": {"django.tasks": {"level": "WARNING"}},
}
