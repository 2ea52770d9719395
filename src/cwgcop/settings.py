"""Django settings for cwgcop.

Every setting that an operator may change comes from an environment variable; the table in
``docs/configuration.md`` lists them. The defaults run a fresh checkout on SQLite with local files
and in-process work, with no server to install.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_number(name: str, default: float, convert: type[float] | type[int], kind: str) -> Any:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return convert(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be {kind}, not {value!r}") from exc


def env_int(name: str, default: int) -> int:
    return int(_env_number(name, default, int, "a whole number"))


def env_float(name: str, default: float) -> float:
    return float(_env_number(name, default, float, "a number"))


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("CWGCOP_DEBUG", default=False)

DATA_DIR = Path(os.environ.get("CWGCOP_DATA_DIR") or (Path.cwd() / "var")).resolve()
MEDIA_ROOT = Path(os.environ.get("CWGCOP_MEDIA_ROOT") or (DATA_DIR / "media")).resolve()
MEDIA_URL = "/media/"
STATIC_ROOT = Path(os.environ.get("CWGCOP_STATIC_ROOT") or (DATA_DIR / "static")).resolve()
STATIC_URL = "/static/"

_secret = os.environ.get("CWGCOP_SECRET_KEY", "")
if not _secret:
    if DEBUG:
        # Only a development process may run with a key everybody knows (the tests set theirs in settings_test).
        _secret = "insecure-development-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "CWGCOP_SECRET_KEY is not set. Set it to a long random string, or set CWGCOP_DEBUG=true "
            "for a development server."
        )
SECRET_KEY = _secret

ALLOWED_HOSTS = env_list("CWGCOP_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CWGCOP_CSRF_TRUSTED_ORIGINS", [])
# Proxies (addresses or CIDR networks) whose X-Forwarded-For is believed: the client's address, which every
# rate limit counts by, is read from that header only when the peer is one of them (cwgcop.core.http).
CWGCOP_TRUSTED_PROXIES = env_list("CWGCOP_TRUSTED_PROXIES", [])
for _proxy in CWGCOP_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _exc:
        raise ImproperlyConfigured(
            f"CWGCOP_TRUSTED_PROXIES must list addresses or networks (10.0.0.0/8), not {_proxy!r}"
        ) from _exc

INSTALLED_APPS = [
    "modeltranslation",
    "cwgcop.core.admin_site.ReadOnlyAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "rules.apps.AutodiscoverRulesConfig",
    "ninja",
    "csp",
    "cwgcop.core",
    "cwgcop.accounts",
    # After cwgcop.accounts, whose templates restyle allauth's pages.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "cwgcop.bodies",
    "cwgcop.meetings",
    "cwgcop.documents",
    "cwgcop.search",
    "cwgcop.events",
    "cwgcop.reports",
    "cwgcop.liaisons",
    "cwgcop.consultations",
    "cwgcop.history",
    "cwgcop.site",
    "cwgcop.demo",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: it stores pages with every header the stack below adds, and a cached page skips that whole stack
    # (and so does the WSGI front, cwgcop.core.cache.PageCacheApp, which answers before Django).
    "cwgcop.core.cache.PageCacheMiddleware",
    # Below the cache, so that stored pages carry it too; static files and errors are answered below it.
    "cwgcop.core.http.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Under /api/ every error answers JSON {detail, code}, in the reader's language (after LocaleMiddleware).
    "cwgcop.core.api.middleware.ApiErrorsMiddleware",
    # Under /consult/, a 403, 404, 429 or 500 answer (a refused CSRF check too) still shows a child helpline.
    "cwgcop.consultations.middleware.HelpOnErrorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cwgcop.accounts.middleware.StaffAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cwgcop.accounts.sessions.StaffSessionExpiryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "cwgcop.site.urls"
WSGI_APPLICATION = "cwgcop.wsgi.application"

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
                "cwgcop.core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in the data directory unless DATABASE_URL says otherwise.
_default_db_url = f"sqlite:///{DATA_DIR / 'cwgcop.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or _default_db_url,
        conn_max_age=env_int("CWGCOP_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            # cache_size: up to 64 MB of pages per connection (the default is 2 MB); a search reads index and
            # entry pages spread over the whole file (docs/benchmarks.md, "Search").
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
            ),
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when CWGCOP_REDIS_URL is set (production, several processes), otherwise process memory.
REDIS_URL = os.environ.get("CWGCOP_REDIS_URL", "")
# An unreachable Redis is logged and worked around, never an error (cwgcop.core.cache_backend): pages are
# rendered without the cache, rate-limit counters (these key prefixes) are kept in the process meanwhile.
RATE_LIMIT_KEY_PREFIXES = ("rl:", "allauth:rl:", "consult-rate:")
REDIS_TIMEOUT_SECONDS = env_float("CWGCOP_REDIS_TIMEOUT_SECONDS", 1.0)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cwgcop.core.cache_backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CWGCOP_CACHE_PREFIX", "cwgcop"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "RETRY_SECONDS": env_float("CWGCOP_CACHE_RETRY_SECONDS", 5.0),
                "LOCAL_FALLBACK_PREFIXES": RATE_LIMIT_KEY_PREFIXES,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cwgcop"}}
PAGE_CACHE_SECONDS = env_int("CWGCOP_PAGE_CACHE_SECONDS", 0 if DEBUG else 300)
# Each server process keeps its most recent pages in memory too, and trusts its last reading of the archive
# generation for this long (another process's change shows here within it); see cwgcop.core.cache.
PAGE_CACHE_LOCAL_PAGES = env_int("CWGCOP_PAGE_CACHE_LOCAL_PAGES", 500)
PAGE_CACHE_GENERATION_SECONDS = env_float("CWGCOP_PAGE_CACHE_GENERATION_SECONDS", 1.0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Role predicates in each app's rules.py answer user.has_perm(); allauth signs people in by e-mail or user
# name (its backend extends Django's ModelBackend, so model permissions stay for the admin).
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "home"

# Accounts (django-allauth): sign-up with an e-mail address that must be verified before the first login;
# login by e-mail or user name; TOTP two-factor authentication for everyone, required for staff roles
# (cwgcop.accounts.middleware). See docs/accounts.md.
ACCOUNT_ADAPTER = "cwgcop.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "cwgcop.accounts.forms.SignupProfileForm"
# The sign-up form does the same work for a known address as for a new one (cwgcop.accounts.signup).
ACCOUNT_FORMS = {"signup": "cwgcop.accounts.signup.EqualWorkSignupForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[cwgcop] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_PRESERVE_USERNAME_CASING = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "cwgcop"

# Languages: the six official languages of the United Nations.
LANGUAGE_CODE = "en"
# Names as each language calls itself (the switcher shows these; see cwgcop.core.languages for labels).
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LANGUAGES_BIDI = ["ar"]
# Each app keeps its own catalogue in <app>/locale, so apps can be translated independently. The same folders are
# LOCALE_PATHS too: Django lets LOCALE_PATHS override every installed app's catalogue, so where Django, its admin,
# allauth or django-countries translate one of our messages differently, readers see ours (docs/translations.md).
# Among our apps the order does not matter: the catalogue check refuses two of them translating a message differently.
LOCALE_PATHS: list[Path] = sorted(PACKAGE_DIR.glob("*/locale"))
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("CWGCOP_TIME_ZONE", "Europe/Zurich")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr", "es", "ru", "zh-hans", "ar")}

STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}


# Uploaded files go to an S3-compatible bucket (django-storages, boto3) when one is named, else to MEDIA_ROOT.
# Empty keys leave boto3 to find credentials itself (instance role, AWS_* variables, ~/.aws).
def s3_storage(environ: Mapping[str, str]) -> dict[str, Any]:
    """The ``STORAGES["default"]`` entry for the bucket the ``CWGCOP_S3_*`` variables describe."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": environ["CWGCOP_S3_BUCKET"],
            "endpoint_url": environ.get("CWGCOP_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("CWGCOP_S3_REGION") or None,
            "access_key": environ.get("CWGCOP_S3_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("CWGCOP_S3_SECRET_ACCESS_KEY") or None,
            "location": environ.get("CWGCOP_S3_PREFIX", ""),
            "default_acl": None,  # the bucket stays private; readers get files through the platform
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


CWGCOP_S3_BUCKET = os.environ.get("CWGCOP_S3_BUCKET", "")
if CWGCOP_S3_BUCKET:
    STORAGES["default"] = s3_storage(os.environ)
# Seconds a signed download address stays valid; 0 streams every download through the app (checked first).
CWGCOP_S3_SIGNED_URL_SECONDS = env_int("CWGCOP_S3_SIGNED_URL_SECONDS", 0) if CWGCOP_S3_BUCKET else 0
FILE_UPLOAD_PERMISSIONS = 0o644
# Uploads above this size are refused before anything is written (bytes).
CWGCOP_MAX_UPLOAD_BYTES = env_int("CWGCOP_MAX_UPLOAD_MB", 50) * 1024 * 1024
# The most an archive to import (a ZIP) may unpack to, all files together.
CWGCOP_ARCHIVE_MAX_BYTES = env_int("CWGCOP_ARCHIVE_MAX_MB", 20480) * 1024 * 1024
# Archives uploaded on the staff import page wait here for their background check and import (docs/history.md).
CWGCOP_IMPORT_DIR = Path(os.environ.get("CWGCOP_IMPORT_DIR") or (DATA_DIR / "imports")).resolve()
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Office files (DOCX, XLSX, PPTX) are ZIP packages: refused before anything is unpacked when they hold more
# parts, would unpack to more bytes, or compress a part (above 1 MB) more times than this.
CWGCOP_OFFICE_MAX_PARTS = env_int("CWGCOP_OFFICE_MAX_PARTS", 5000)
CWGCOP_OFFICE_MAX_UNCOMPRESSED_BYTES = env_int("CWGCOP_OFFICE_MAX_UNCOMPRESSED_MB", 200) * 1024 * 1024
CWGCOP_OFFICE_MAX_RATIO = env_int("CWGCOP_OFFICE_MAX_RATIO", 100)
# Text extraction of one file stops after this many seconds (the text read so far is kept).
CWGCOP_EXTRACTION_SECONDS = env_int("CWGCOP_EXTRACTION_SECONDS", 60)
# The guard drops the bytes of a file past the limit as they arrive and keeps unsafe names for refusal.
FILE_UPLOAD_HANDLERS = [
    "cwgcop.core.uploads.UploadGuard",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# The group this installation is run for (its acronym); the home page presents it. Empty: the first
# Council working group in the database.
CWGCOP_MAIN_BODY = os.environ.get("CWGCOP_MAIN_BODY", "")

EMAIL_BACKEND = os.environ.get("CWGCOP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("CWGCOP_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("CWGCOP_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("CWGCOP_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("CWGCOP_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CWGCOP_EMAIL_USE_TLS", default=False)
# Where the file-based e-mail backend writes messages (django.core.mail.backends.filebased.EmailBackend).
EMAIL_FILE_PATH = os.environ.get("CWGCOP_EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
# E-mail leaves through the task queue (cwgcop.core.outbox); a delivery that fails is tried this many times.
CWGCOP_EMAIL_ATTEMPTS = env_int("CWGCOP_EMAIL_ATTEMPTS", 5)
DEFAULT_FROM_EMAIL = os.environ.get("CWGCOP_DEFAULT_FROM_EMAIL", "cwgcop@localhost")
SITE_URL = os.environ.get("CWGCOP_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Liaisons: statements for action whose deadline is this many days away (or passed) are listed for the
# secretariat and reminded once by `cwgcop send_liaison_reminders`; the reminder also goes to these addresses.
CWGCOP_LIAISON_REMINDER_DAYS = env_int("CWGCOP_LIAISON_REMINDER_DAYS", 14)
CWGCOP_LIAISON_REMINDER_EMAILS = env_list("CWGCOP_LIAISON_REMINDER_EMAILS", [])

# Security: with debug off, cookies are secure and browsers are told to use HTTPS only.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Sessions of staff-role holders end after this long without a request, and this long after signing in
# (cwgcop.accounts.sessions); other sessions last Django's two weeks.
CWGCOP_STAFF_SESSION_IDLE_MINUTES = env_int("CWGCOP_STAFF_SESSION_IDLE_MINUTES", 30)
CWGCOP_STAFF_SESSION_MAX_HOURS = env_int("CWGCOP_STAFF_SESSION_MAX_HOURS", 12)
# Browser features no page uses are switched off for every response (cwgcop.core.http.PermissionsPolicyMiddleware);
# WebAuthn stays allowed for this site's own pages.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(self), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
    "publickey-credentials-get=(self), screen-wake-lock=(), usb=(), xr-spatial-tracking=()"
)
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("CWGCOP_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = env_int("CWGCOP_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = False
    SECURE_SSL_REDIRECT = env_bool("CWGCOP_SSL_REDIRECT", default=False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Load balancers check health over plain HTTP: never redirected.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CWGCOP_LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# Search: the engine follows the database (SQLite FTS5 or PostgreSQL full-text) unless set explicitly.
SEARCH_ENGINE = os.environ.get("CWGCOP_SEARCH_ENGINE", "").strip()

# Background tasks (text extraction): in-process by default; "database" stores them for `cwgcop db_worker`.
_tasks_backend = os.environ.get("CWGCOP_TASKS_BACKEND", "immediate").strip().lower()
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if _tasks_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"CWGCOP_TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {_tasks_backend!r}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks_backend], "QUEUES": ["default"]}}
# /readyz reports the task queue as behind when the oldest task due has waited longer than this.
CWGCOP_READY_MAX_TASK_AGE_SECONDS = env_int("CWGCOP_READY_MAX_TASK_AGE_SECONDS", 600)

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200

# A strict Content-Security-Policy: no inline script or style, nothing from another origin.
# The admin too: its templates have no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Events (Industry Connect): registrants' personal data is erased this many days after the event.
CWGCOP_EVENT_RETENTION_DAYS = env_int("CWGCOP_EVENT_RETENTION_DAYS", 90)
# Public registrations accepted per network address (``count/period``, cwgcop.core.ratelimit).
CWGCOP_EVENT_RATE_LIMIT = os.environ.get("CWGCOP_EVENT_RATE_LIMIT", "10/h")
# A registration form sent back sooner than this after it was shown is treated as a robot's.
CWGCOP_EVENT_FORM_MIN_SECONDS = env_int("CWGCOP_EVENT_FORM_MIN_SECONDS", 3)

# Consultations with children and young people.
CWGCOP_CONSULTATION_MAX_ANSWER_CHARS = env_int("CWGCOP_CONSULTATION_MAX_ANSWER_CHARS", 2000)
# Figures for groups smaller than this are hidden in public results; focal points receive figures down to the second.
CWGCOP_CONSULTATION_PUBLIC_K = env_int("CWGCOP_CONSULTATION_PUBLIC_K", 10)
CWGCOP_CONSULTATION_FOCAL_POINT_K = env_int("CWGCOP_CONSULTATION_FOCAL_POINT_K", 5)
# While a consultation is open, its public totals move only after every this many new answers (0: the public k).
CWGCOP_CONSULTATION_OPEN_STEP = env_int("CWGCOP_CONSULTATION_OPEN_STEP", 0)
# Children younger than this answer only through a consent route (a group code run by a school or a helpline).
CWGCOP_CONSULTATION_CONSENT_AGE = env_int("CWGCOP_CONSULTATION_CONSENT_AGE", 13)
# Raw answers are hard-deleted this many days after the consultation closes.
CWGCOP_CONSULTATION_RETENTION_DAYS = env_int("CWGCOP_CONSULTATION_RETENTION_DAYS", 180)
# Links to sharing packages stop working after this many days.
CWGCOP_CONSULTATION_PACKAGE_DAYS = env_int("CWGCOP_CONSULTATION_PACKAGE_DAYS", 30)
# Submissions accepted per network per hour (a whole school class may share one address); 0 switches it off.
CWGCOP_CONSULTATION_RATE_LIMIT = env_int("CWGCOP_CONSULTATION_RATE_LIMIT", 300)
# Submissions per network per hour with a group code during a consultation's live window, counted apart (a hall of
# children on one address); never below the limit above.
CWGCOP_CONSULTATION_LIVE_RATE_LIMIT = env_int("CWGCOP_CONSULTATION_LIVE_RATE_LIMIT", 2000)
# Error reports about child-facing pages also mask the network address (cwgcop.consultations.privacy).
DEFAULT_EXCEPTION_REPORTER_FILTER = "cwgcop.consultations.privacy.ReporterFilter"
# Where children and their adults report a problem with a consultation page.
CWGCOP_CONSULTATION_REPORT_EMAIL = os.environ.get("CWGCOP_CONSULTATION_REPORT_EMAIL", "safeguarding@itu.int")
