"""The one settings module of vernetzt.

Everything comes from the environment; the defaults are safe for a laptop
(`make run`): SQLite under ./data, emails printed to the console, DEBUG on only
when asked for. Production sets DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS
and the email settings (see docs/operations.md).
"""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

import vernetzt


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SRC_DIR = Path(__file__).resolve().parent
BASE_DIR = SRC_DIR.parent.parent
# Local state (SQLite file, uploads, collected static files) lives in one folder git ignores.
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))

VERSION = vernetzt.__version__
DEBUG = env_bool("DEBUG", False)
# The fallback key is only for a laptop: with DEBUG off the server refuses to start without a
# real one (`vernetzt.core.startup`, called by wsgi.py and runserver).
DEV_SECRET_KEY = "django-insecure-local-only-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "") or DEV_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "vernetzt.core",
    "vernetzt.accounts",
    "vernetzt.directory",
    "vernetzt.events",
    "vernetzt.registration",
    "vernetzt.forums",
    "vernetzt.live",
    "vernetzt.feedback",
    "vernetzt.publishing",
    "vernetzt.network",
    "vernetzt.privacy",  # after every app: asks their personal-data hooks
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "axes",
    "django_ratelimit",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "template_partials",
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The hall's phone and projector updates, answered without the rest (decision 0187).
    "vernetzt.live.middleware.LiveUpdatesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "vernetzt.core.middleware.LanguageMiddleware",
    "vernetzt.core.middleware.RejectBadInputMiddleware",
    "vernetzt.core.middleware.DebugErrorPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "vernetzt.core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last, as django-axes asks: it turns a lockout into our own page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vernetzt.urls"
WSGI_APPLICATION = "vernetzt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vernetzt.core.context_processors.site",
                "vernetzt.events.staff_nav.meeting_nav",  # tabs on a meeting's staff pages
            ],
        },
    }
]

# --- Database ---------------------------------------------------------------------------------
# Without DATABASE_URL: SQLite in WAL mode. IMMEDIATE transactions take the write lock at
# BEGIN, so two writers queue (busy timeout) instead of failing half-way.
DATA_DIR.mkdir(parents=True, exist_ok=True)
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "vernetzt.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions -------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "vernetzt.core.cache.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
elif DEBUG:
    # One process (runserver): its own memory is the shared store.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Several workers without Redis: the database is the one store they share (rate limits
    # must not be counted per worker). `make serve-prod` creates the table. Its increment is
    # not atomic, so under a rush a few requests more may pass: production sets REDIS_URL.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "vernetzt_cache",
        }
    }
# Django's own Redis cache increments atomically (django-ratelimit lists only django-redis);
# the memory cache (runserver, tests) is one process; the database cache is the fallback.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]

# Live rooms: a shared snapshot is reused for this many seconds while writes go on (renders
# per room are bounded however many phones ask; see docs/decisions/0170).
LIVE_MIN_RENDER_INTERVAL = float(os.environ.get("LIVE_MIN_RENDER_INTERVAL", "0.3"))
# The phones' shared part (they ask every 3 s) and a worker's memory of a room's version
# (decision 0187).
LIVE_PHONE_RENDER_INTERVAL = float(os.environ.get("LIVE_PHONE_RENDER_INTERVAL", "1.0"))
LIVE_VERSION_MEMORY = float(os.environ.get("LIVE_VERSION_MEMORY", "0.2"))

# --- Background tasks ----------------------------------------------------------------------------
# `immediate` runs a task inside the request (laptop, tests); `database` needs a worker
# (`manage.py db_worker`) and is what production uses.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

# --- Accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first, so that a locked-out email is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_area"  # "Mein Bereich": the person's home after login
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1"]  # password optional; keeps it on the login form
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
# Volunteers forget passwords: a code by email is the main way in, a password is optional.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
# Same answer for known and unknown emails: membership of a migrant association is sensitive.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "request_login_code": "20/m/ip,3/m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_ADAPTER = "vernetzt.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[vernetzt] "

# --- Rate limits (vernetzt.core.ratelimits; counted in the cache above, Redis in production) -----
# Behind a reverse proxy: the header it sets with the client's address (for example
# X-Real-IP, or X-Forwarded-For of which the last entry counts). Empty: the connection's
# address. Never set it without a proxy that overwrites the header: clients could forge it.
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "")
RATELIMIT_IP_META_KEY = "vernetzt.core.ratelimits.client_ip"
RATELIMIT_USE_CACHE = "default"
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_PROXY_HEADER or None
AXES_CLIENT_IP_CALLABLE = "vernetzt.core.ratelimits.axes_client_ip"
# Per client address ("count/period", several separated by commas). Registration: a desk
# registers one person every 20 seconds at most (3/minute), a venue's shared address with
# people registering on their phones a few dozen in a minute; a script thousands.
RATE_LIMITS = {
    "registration": os.environ.get("RATE_LIMIT_REGISTRATION", "30/m,300/h"),
    "registration_link": os.environ.get("RATE_LIMIT_REGISTRATION_LINK", "5/10m"),
    "contact": "10/h",
    "contact_per_organisation": "3/h",
}

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours: locked out for 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "vernetzt.accounts.adapter.axes_username"
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Languages ----------------------------------------------------------------------------------
LANGUAGE_CODE = "de"
# Adding a language: one line here, then `make messages` creates its catalogues (see
# docs/translating.md). The writing direction comes from Django's own language table.
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
    ("fa", _("Persian")),
]
LANGUAGES_BIDI = [code for code, _name in LANGUAGES if LANG_INFO.get(code, {}).get("bidi")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
LANGUAGE_COOKIE_NAME = "vernetzt_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = env_bool("HTTPS", False)
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Optional machine translation of content, as suggestions staff review (none by default):
# "libretranslate" (LIBRETRANSLATE_URL, can be self-hosted) or "deepl" (DEEPL_API_KEY).
MACHINE_TRANSLATION = os.environ.get("MACHINE_TRANSLATION", "")
LIBRETRANSLATE_URL = os.environ.get("LIBRETRANSLATE_URL", "")
LIBRETRANSLATE_API_KEY = os.environ.get("LIBRETRANSLATE_API_KEY", "")
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
DEEPL_API_URL = os.environ.get("DEEPL_API_URL", "https://api-free.deepl.com/v2/translate")
# The accessibility statement: when the site was last checked, and who gets reported barriers
# (default: every active staff member).
ACCESSIBILITY_LAST_CHECK = os.environ.get("ACCESSIBILITY_LAST_CHECK", "2026-11-30")
ACCESSIBILITY_CONTACT_EMAILS = env_list("ACCESSIBILITY_CONTACT_EMAILS")

# --- Static files and uploads ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Uploads: the local folder by default (`make run`, one server); with STORAGE_BACKEND=s3 an
# S3-compatible object store (SeaweedFS, MinIO, Garage, a provider) that several web servers
# share. Either way they are served at MEDIA_URL by vernetzt.core.media, which checks access.
STORAGE_BACKEND = os.environ.get("STORAGE_BACKEND", "filesystem")
if STORAGE_BACKEND == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "vernetzt.core.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("S3_BUCKET", "vernetzt"),
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY", ""),
            "secret_key": os.environ.get("S3_SECRET_KEY", ""),
            "region_name": os.environ.get("S3_REGION", "us-east-1"),
            "location": os.environ.get("S3_PREFIX", "media"),
            "addressing_style": "path",
            "signature_version": "s3v4",
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG and env_bool("STATIC_MANIFEST", True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Email --------------------------------------------------------------------------------------
# Without EMAIL_HOST the emails (and login codes) are printed in the terminal of `make run`.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
elif DEBUG:
    # `make run`: emails are kept under data/emails/ and listed at /entwicklung/emails/; the
    # terminal shows one line per email with the link to it.
    EMAIL_BACKEND = "vernetzt.core.devmail.DevelopmentEmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "vernetzt <noreply@vernetzt.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in emails and calendar files: the address served on (`make run` passes its PORT).
SITE_URL = os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"

# --- Security -----------------------------------------------------------------------------------
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "vernetzt.core.views.csrf_failure"
# A strict policy from day one: no inline script or style, nothing from another origin.
# MAP_TILE_URL (directory) may add one image origin on purpose.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"]
        + ([os.environ.get("MAP_TILE_ORIGIN", "")] if os.environ.get("MAP_TILE_ORIGIN") else []),
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_traceback_below_500": {"()": "vernetzt.core.logging.NoTracebackBelow500"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # A locked-out login is expected behaviour, not an error worth a stack of log lines.
        "axes": {"level": "WARNING"},
        # A 403 (or 400, 404) is logged as one line, never with a traceback.
        "django.request": {"filters": ["no_traceback_below_500"]},
        "django.security": {"filters": ["no_traceback_below_500"]},
    },
}
