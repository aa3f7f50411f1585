"""Settings for ARMS, driven by environment variables.

One settings module for every environment. The variables:

- ``DATABASE_URL``: e.g. ``postgres://user@127.0.0.1:5432/arms``; defaults to an embedded
  SQLite file, which is only for the demo and quick local runs.
- ``SECRET_KEY``: required to serve with ``DEBUG`` off (``arms_site/wsgi.py`` refuses to start
  without it, and ``check --deploy`` reports it). Otherwise (the demo, the tests, management
  commands) a random key is made per process, so no secret is ever committed.
- ``DEBUG``: ``1``/``true`` for the demo only.
- ``ALLOWED_HOSTS``: comma-separated host names.

Nothing here detects a test run: the test configuration (``tests/conftest.py``) overrides what
the tests need for the whole session (fast hasher, plain static storage, immediate tasks, no
HTTPS-only flags, no persistent connections).
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Serving needs one stable key shared by every worker; a per-process key would break sessions.
SECRET_KEY_FROM_ENVIRONMENT = bool(SECRET_KEY)
if not SECRET_KEY:
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
if DEBUG:
    ALLOWED_HOSTS += ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "accounts",
    "audit",
    "offenders",
    "riskmatrix",
    "assessments",
    "engagements",
    "formulations",
    "register",
    "dashboard",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response, static files too (see "Security headers" below).
    "csp.middleware.CSPMiddleware",
    "arms_site.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step sign-in: django-otp marks a verified session; until then a signed-in user
    # reaches only the sign-in pages. Then the idle and 8-hour session limits.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionTimeout",
    "accounts.middleware.RequireSecondFactor",
    # Login everywhere: every view needs a signed-in user unless marked otherwise.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Counts failed sign-ins and answers a locked account (must be last).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "arms_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "arms_site.navigation.navigation",
                "accounts.context_processors.session_timeout",
            ],
        },
    },
]

WSGI_APPLICATION = "arms_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's web server and task worker share one file: a transaction takes the write lock
    # when it starts and waits for it, instead of failing with "database is locked" when a read
    # turns into a write while the other process writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

AUTH_USER_MODEL = "accounts.User"
# django-axes' backend first: it refuses a locked account before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
# A username is locked after 5 failures; an address after 20 (any usernames), so one address
# cannot spray usernames (accounts/lockout.py). Behind a proxy, set AXES_IPWARE_PROXY_COUNT so
# the client's address is used.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "accounts.lockout.LockoutHandler"
# Not True: axes would then clear every failure recorded for the address too, so anyone's
# sign-in from a shared address would lift another account's lockout. Failures expire after the
# cool-off; a force administrator unlocks sooner.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "accounts.views.signin.locked_out"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_IPWARE_PROXY_COUNT", "0")) or None
OTP_TOTP_ISSUER = "ARMS"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"  # British date formats (Django's en_GB locale formats)
TIME_ZONE = "Europe/London"
# The service is in English only and ships no translations: with translation off, every
# choice label and lazy string is a plain lookup instead of a pass through the translation
# machinery (2-3% of an offender page's CPU, measured in-process). Welsh would turn it on.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (meeting packs): Django's tasks API through the django-tasks backport, stored
# in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working shift
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# ``ARMS_LOCAL_HTTP=1``: the demo served with DEBUG off on this machine's loopback address over
# plain HTTP (`make run`): no HTTPS redirect, HSTS or secure-only cookies. Never in production.
LOCAL_HTTP = env_flag("ARMS_LOCAL_HTTP")
if not DEBUG and not LOCAL_HTTP:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    # Only this host's own subdomains; preloading (security.W021) is the force's choice for its
    # whole domain, not this application's.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# --- Security headers ------------------------------------------------------------------------
# Content-Security-Policy (django-csp, `csp.middleware.CSPMiddleware`): our own files only, and no
# inline script but the one GOV.UK snippet in templates/base.html, which carries the per-response
# nonce (`request.csp_nonce`). No inline styles either: every style is in static CSS (inline SVG
# charts use presentation attributes, which CSP does not govern). `data:` images are for the QR
# code of the two-factor enrolment page. PDFs are rendered server-side (WeasyPrint): no CSP there.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy (`arms_site.middleware.SecurityHeadersMiddleware`, on every response): the
# browser features ARMS never uses, refused to the page and anything it could embed. Each
# feature -> its allowlist ([] is `()`, none). Names Chromium recognises today (an unknown name
# is a console error): `browsing-topics` replaced FLoC's `interest-cohort`.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# The same middleware sends `Cache-Control: no-store` and `Pragma: no-cache` on every response to
# a signed-in user (static files excepted): nearly every page shows offender data, and no browser
# or proxy may keep a copy of it (the back button after signing out shows nothing).

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
