"""One settings file, driven by the environment.

Every setting a deployer may change is read here from an environment variable,
and a bad value stops start-up with ImproperlyConfigured rather than half-working.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import csp.constants as csp
import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from symptomdb.config_checks import (
    LOG_LEVELS,
    env,
    envbool,
    envchoice,
    envdatabase,
    envint,
    envlist,
    envlocale,
    envrate,
    envtimezone,
    writable_home,
)

PACKAGE_DIR = Path(__file__).resolve().parent


# SYMPTOMDB_HOME holds the SQLite database, built indexes, collected static files
# and the generated secret key: everything the site writes, in one folder.
HOME = writable_home("SYMPTOMDB_HOME", Path(env("SYMPTOMDB_HOME") or "var").resolve())

DEBUG = envbool("SYMPTOMDB_DEBUG", False)
# Where the caches live when there is no REDIS_URL: DISK (diskcache under SYMPTOMDB_HOME,
# shared by the workers of this machine) or MEMORY (each process its own: the test suite,
# which sets it in tests/environment.py, or a single-process server).
CACHE_STORE = envchoice("SYMPTOMDB_CACHE_STORE", "DISK", ("DISK", "MEMORY"))
# Static files under hashed names (whitenoise's manifest, cached for a year by browsers);
# off for DEBUG and for the test suite, which serves them from the apps' folders.
STATIC_MANIFEST = envbool("SYMPTOMDB_STATIC_MANIFEST", not DEBUG)


def _secret_key() -> str:
    """The key from SECRET_KEY, or one generated once and kept in SYMPTOMDB_HOME.

    A key baked into the code would be public; a key generated per process would
    log every reader out on restart and break signed cookies across workers.
    """
    if key := env("SECRET_KEY"):
        return key
    if key_file := env("SECRET_KEY_FILE"):
        try:
            return Path(key_file).read_text().strip()
        except OSError as error:
            raise ImproperlyConfigured(
                f"SECRET_KEY_FILE={key_file!r} cannot be read ({error.strerror}): "
                "point it at a file holding the key, or unset it."
            ) from None
    path = HOME / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _strong_secret_key(key: str) -> str:
    """The key, refused when it is one an attacker could guess and DEBUG is off.

    Django signs sessions, password-reset links and the readers' cookie with it; the
    limits are those of `check --deploy` (security.W009).
    """
    if DEBUG:
        return key
    if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "SECRET_KEY is too weak for production: unless SYMPTOMDB_DEBUG is on, use at "
            "least 50 random characters (e.g. python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'), not Django's 'django-insecure-' default."
        )
    return key


SECRET_KEY = _strong_secret_key(_secret_key())
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "reversion",
    "ninja",
    "corsheaders",  # CORS for the read-only API; see the CORS block below
    "csp",
    "axes",
    "symptomdb.terminology",
    "symptomdb.people",
    "symptomdb.articles",
    "symptomdb.community",
    "symptomdb.search",
    "symptomdb.insights",  # what readers search for and think of pages; review dates
    "symptomdb.web",
    "symptomdb.api",
    "symptomdb.operations",  # check, backup, restore, health probes
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # ETag on every page, and 304 when the reader's copy is current.
    "django.middleware.http.ConditionalGetMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # CORS block below; before CommonMiddleware
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware checks the Host: load balancers' probes are answered
    # whatever Host they send, and over-long request targets are refused in the
    # API's shape; the security headers above still wrap both.
    "symptomdb.operations.middleware.RequestTargetLimitMiddleware",
    "symptomdb.operations.middleware.HealthProbeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "symptomdb.urls"
WSGI_APPLICATION = "symptomdb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "symptomdb.web.context.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envdatabase("DATABASE_URL") or f"sqlite:///{HOME / 'symptomdb.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60, minimum=0),
        # A kept connection is checked before a request reuses it: after PostgreSQL
        # restarts, each worker reconnects instead of failing one request first.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a writer commits; the busy timeout makes a
    # second gunicorn worker wait for the lock instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Kept between requests like PostgreSQL's (DATABASE_CONN_MAX_AGE): opening a file per
    # request cost 2-3 ms of CPU in a search, with the setup of each new connection and an
    # empty page cache (docs/serving.md). `restore` asks for the site to be stopped first.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The rate limits count in the default cache, which every worker must share (or each
# of 4 workers would allow the limit again): Redis when REDIS_URL (e.g.
# redis://localhost:6379/0) is set, shared by every server too; else diskcache
# under SYMPTOMDB_HOME, shared by the workers of this machine (content_cache.py
# says why DiskStore), or in each process's memory (SYMPTOMDB_CACHE_STORE=memory).
CACHES: dict[str, dict[str, Any]]
if REDIS_URL := env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "symptomdb",
            # A Redis that is away must not hold a worker (docs/serving.md, Faults).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
elif CACHE_STORE == "MEMORY":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "symptomdb",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "symptomdb.content_cache.DiskStore",
            "LOCATION": str(HOME / "cache" / "shared"),
        }
    }


def _redis_database(url: str, database: int) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


# Rendered public pages and search answers (symptomdb/content_cache.py), retired
# together whenever content changes. They need a store every worker shares: a Redis
# database of their own, or diskcache under SYMPTOMDB_HOME (SQLite and files, made
# for several processes; Django's file-based cache lists every file on each write,
# 17 ms a write at 15,000 entries against diskcache's 0.2 ms). diskcache keeps at
# most 1 GB (its default size_limit), dropping the oldest entries first.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 600, minimum=0)
# Search answers (search/answer.py) are kept in the same cache, retired with the
# pages; 0 computes every answer afresh (benchmarks/http_load.sh measures both).
SEARCH_CACHE_SECONDS = envint("SEARCH_CACHE_SECONDS", PAGE_CACHE_SECONDS, minimum=0)
# MEMORY keeps the pages in each process even beside a REDIS_URL (the test suite: a
# page kept by one test must not be served to the next from a shared store).
if CACHE_STORE == "MEMORY":
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    }
elif REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "symptomdb.page_stores.PageRedisStore",
        "LOCATION": env("REDIS_PAGES_URL") or _redis_database(REDIS_URL, 1),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
else:
    CACHES["pages"] = {
        "BACKEND": "symptomdb.page_stores.PageDiskStore",
        "LOCATION": str(HOME / "cache" / "content"),
        "TIMEOUT": PAGE_CACHE_SECONDS,
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = envtimezone("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
# Files editors upload (none yet): kept in the home, so `symptomdb backup` takes them.
MEDIA_ROOT = HOME / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if not STATIC_MANIFEST
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security defaults that hold without TLS on loopback; HTTPS deployments turn on
# the rest with SYMPTOMDB_HTTPS=true. `symptomdb check --deploy` is clean with
# SYMPTOMDB_HTTPS=true, a strong SECRET_KEY and ALLOWED_HOSTS set (tests/security).
HTTPS = envbool("SYMPTOMDB_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# Load balancers and deploy scripts probe over plain HTTP, on the inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/ready)?$"]
SECURE_HSTS_SECONDS = envint("SYMPTOMDB_HSTS_SECONDS", 31536000, minimum=0) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SYMPTOMDB_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
# The header only makes the site eligible; joining the browsers' list is a separate,
# deliberate submission at https://hstspreload.org.
SECURE_HSTS_PRELOAD = envbool("SYMPTOMDB_HSTS_PRELOAD", HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Behind a TLS-terminating proxy (nginx, a load balancer) the site sees plain HTTP and
# would redirect forever; the proxy then says "https" in X-Forwarded-Proto. Never set
# this without such a proxy: a client could send the header itself.
if envbool("SYMPTOMDB_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp 4, https://www.w3.org/TR/CSP3/): everything
# from this origin only; no inline script or style and no eval, so injected markup
# cannot run. The pages' JSON-LD is a data block, not a script, and is not blocked.
# /api/docs is django-ninja's Swagger UI, served from our static files (not a CDN)
# because "ninja" is in INSTALLED_APPS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
        "upgrade-insecure-requests": HTTPS,
    }
}

# Permissions-Policy (django-permissions-policy): the site needs none of these
# browser features, so no page, and nothing injected into one, may ask for them.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Editors' sign-in (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked out for AXES_COOLOFF_MINUTES. The
# axes backend must come first so it can refuse before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5, minimum=1)
_AXES_COOLOFF_MINUTES = envint("AXES_COOLOFF_MINUTES", 15, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=_AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = (
    "Too many failed sign-in attempts for this account from your address: please wait "
    f"{_AXES_COOLOFF_MINUTES} minutes before trying again, or ask another editor to unlock it."
)


# The reader's address as symptomdb/client_address.py tells it: the socket's, or
# behind SYMPTOMDB_TRUSTED_PROXIES proxies the one the outermost of them saw — never
# an X-Forwarded-For entry the client wrote. Shared with the write limits below.
SYMPTOMDB_TRUSTED_PROXIES = envint("SYMPTOMDB_TRUSTED_PROXIES", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "symptomdb.client_address.client_address"


# --- CORS (django-cors-headers) -------------------------------------------------
# Any site may read the API and the Infobutton service from a browser, but only
# read: no credentials, and no POST in a preflight answer, so a page on another
# site can never rate an author or post a comment with a reader's cookies.
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_URLS_REGEX = r"^/(api/.*|infobutton(/.*)?)$"  # /infobutton is also served without a slash
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "if-modified-since", "if-none-match")
CORS_EXPOSE_HEADERS = ("ETag",)  # Last-Modified is exposed by default; ETag is not
CORS_PREFLIGHT_MAX_AGE = 86400
# --- end CORS ---------------------------------------------------------------------

# Community write limits (django-ratelimit rates: count/period).
RATELIMIT_RATING = envrate("RATELIMIT_RATING", "20/h")
RATELIMIT_COMMENT = envrate("RATELIMIT_COMMENT", "5/h")
RATELIMIT_ENABLE = envbool("RATELIMIT_ENABLE", True)
RATELIMIT_IP_META_KEY = "symptomdb.client_address.client_address"
COMMENT_MAX_LENGTH = envint("COMMENT_MAX_LENGTH", 2000, minimum=1)
RATELIMIT_FEEDBACK = envrate("RATELIMIT_FEEDBACK", "20/h")

# Readers' searches, recorded for the editors' dashboard (insights/): the words of a
# search are forgotten after INSIGHTS_TEXT_RETENTION_DAYS, its counts kept; a queue of
# INSIGHTS_QUEUE_SIZE searches is written every INSIGHTS_FLUSH_SECONDS off the request path.
INSIGHTS_RECORD_SEARCHES = envbool("INSIGHTS_RECORD_SEARCHES", True)
INSIGHTS_TEXT_RETENTION_DAYS = envint("INSIGHTS_TEXT_RETENTION_DAYS", 90, minimum=1)
INSIGHTS_QUEUE_SIZE = envint("INSIGHTS_QUEUE_SIZE", 10_000, minimum=1)
# Ten seconds: each write has a cost of its own (a transaction, a commit, the day's counts
# read and updated), and at 2 s that cost showed in a cached answer's CPU (docs/insights.md).
INSIGHTS_FLUSH_SECONDS = envint("INSIGHTS_FLUSH_SECONDS", 10, minimum=1)
# false: no writer thread; the searches wait in the queue for insights.recorder.flush() in
# the caller's thread (tests/environment.py sets it, so a test's searches are its own).
INSIGHTS_WRITER_THREAD = envbool("INSIGHTS_WRITER_THREAD", True)
# Benchmarks only (benchmarks/insights_ab.sh, insights/ab.py): N > 0 has each worker answer
# its searches in alternating blocks of N recorded and not, and log the CPU of each block.
INSIGHTS_AB_BLOCK = envint("INSIGHTS_AB_BLOCK", 0, minimum=0)

# Locale of the readers: decides the emergency and crisis numbers shown.
SYMPTOMDB_LOCALE = envlocale("SYMPTOMDB_LOCALE", "US")

# Read by `symptomdb serve` (docs/serving.md), checked here with everything else.
WEB_CONCURRENCY = envint("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1), minimum=1)
SYMPTOMDB_THREADS = envint("SYMPTOMDB_THREADS", 1, minimum=1)
# `serve --no-access-log` sets it for gunicorn_conf.py; true or false like the others.
SYMPTOMDB_ACCESS_LOG = envbool("SYMPTOMDB_ACCESS_LOG", True)

# The longest request target (path and query) answered; longer ones get a 400 in
# the API's shape (symptomdb/operations/middleware.py). gunicorn's own limit on the
# whole request line is set above it (gunicorn_conf.py), so this one speaks first.
MAX_REQUEST_TARGET = 4000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envchoice("LOG_LEVEL", "WARNING", LOG_LEVELS)},
}
