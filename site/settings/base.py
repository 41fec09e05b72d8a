"""Settings shared by every environment.

Everything that differs between machines comes from the environment, so the
same code runs on a laptop (SQLite), in CI and in production (PostgreSQL).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

# site/settings/base.py -> the repository root
BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Only dev and test settings may create the demo editor account.
DEMO_ACCOUNTS_ALLOWED = False

INSTALLED_APPS = [
    # our apps, in dependency order: home <- dossier; home <- forms <- aanmelding <- terugkoppeling;
    # forms <- nieuwsbrief. The demo loader runs their demos in this order: dossier after forms and
    # aanmelding (its chapters link their pages), before nieuwsbrief and terugkoppeling (whose demos
    # add links to a dossier chapter).
    "home",
    "forms",
    "aanmelding",
    "dossier",
    "nieuwsbrief",
    "terugkoppeling",
    # Logging in to the admin: second factor, login throttling, idle sessions (imports home only).
    "adminlogin",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    # /healthz for the proxy, first: the proxy asks each app server over plain http by its own
    # address (no HTTPS redirect, no host check), and it must answer without the page cache or
    # sessions, also with the database down (forms/health.py).
    "forms.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise directly after SecurityMiddleware, so static files skip the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CSP and Permissions-Policy (home/security.py). Outside the page cache, so a page served from it
    # gets the same headers as a fresh one, as SecurityMiddleware's headers do.
    "home.security.SecurityHeadersMiddleware",
    # Before sessions and auth: a cached page needs neither (home/page_cache.py).
    "home.page_cache.PageCacheMiddleware",
    # One lookup per request for the pages that rich text links to (home/rich_text.py).
    "home.rich_text.RichTextLinksMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.user.is_verified(): has this session typed a second-factor code (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # Admin sessions end after a working day idle; admin pages need the second factor (adminlogin/middleware.py).
    "adminlogin.middleware.AdminLoginMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked login into adminlogin.lockout's page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

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
            ],
        },
    },
]

# SQLite by default (a file in var/), PostgreSQL when DATABASE_URL says so.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so two writers queue up on
        # the busy timeout instead of failing with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
    # A database that does not answer: give up connecting after this many seconds, so a request
    # gets the 503 page (home/outage.py) instead of hanging; the default waits for minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Editors type and read admin dates the Dutch way: dd-mm-jjjj uu:mm. Each format is one
# of Django's Dutch input formats, so the admin's date picker and the form read the same
# text (Wagtail's check wagtailadmin.E003); home/admin_dates.py keeps the picker from
# replacing text it cannot read.
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
# `make backup` (home/backups.py) writes here; backups hold personal data, keep them off the web root.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))
# Django serves uploads itself only where no web server does (dev, make serve).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Mail: the backend comes from the environment (console in dev, SMTP in production).
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
# A send never hangs: a mail server that does not answer within this is a failure to retry.
# Below FORMS_MAIL_LEASE_SECONDS, so no second worker takes a mail still being sent.
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "60"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "buurtpreventie@gemeente.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: Django's tasks API (django-tasks backport) stored in the
# database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Sending a newsletter: the worker's rate and batch size (more in nieuwsbrief/conf.py).
NIEUWSBRIEF_MAILS_PER_MINUTE = int(os.environ.get("NIEUWSBRIEF_MAILS_PER_MINUTE", "300"))
NIEUWSBRIEF_BATCH_SIZE = int(os.environ.get("NIEUWSBRIEF_BATCH_SIZE", "50"))

WAGTAIL_SITE_NAME = "Buurtpreventie"
# No avatars from Gravatar: each would be a third-party request carrying a hash of
# the editor's e-mail address. Wagtail shows its own placeholder instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's login form with a Dutch label on the password field (home/admin_forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_forms.DutchLoginForm"
# The dashboard asks releases.wagtail.io for the latest version from the editor's browser and
# shows an English "what's new" banner; neither is for this municipality's editors.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# A Dutch page in the site's layout instead of Django's English one.
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Not no-referrer: Django's CSRF check over HTTPS rejects a POST without a same-origin Referer.
SECURE_REFERRER_POLICY = "same-origin"
# Django's default, written out: a window this site opens or is opened from shares nothing with it.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp, sent by home.security.SecurityHeadersMiddleware).
# The public site: only its own files, no inline script or style, nothing from elsewhere.
# Images may be data: URIs (none today; Wagtail's userbar for logged-in editors uses them).
# More image origins (media on S3-compatible storage): DJANGO_CSP_IMG_SRC, comma-separated.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env_list("DJANGO_CSP_IMG_SRC")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Wagtail's admin (every path under /admin/): what Wagtail 8 needs, found by opening its pages
# in Chromium under the public policy (tests/browser/test_csp.py keeps checking it).
# Wagtail 8 writes inline <script>s into its pages (date pickers, inline panels, listings) and its
# vendor.js adds <style> and <script> elements; so both may be inline here, never on the public site.
# No 'unsafe-eval' (Wagtail does not need it); images may also be blob: (upload previews).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "blob:"],
        # The page editor's preview shows the page in a frame of the admin itself.
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Browser features no page here uses, refused for this site and anything it frames.
PERMISSIONS_POLICY = [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]

# Signed-link tokens (cancel, unsubscribe, a team's page) never reach a log: every handler masks
# them, and so do the loggers that write request paths, before any handler (forms/log_masking.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_tokens": {"()": "forms.log_masking.MaskTokensFilter"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_tokens"]},
        # runserver's access log, as Django's own, masked.
        "django.server": {
            "level": "INFO",
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["mask_tokens"],
        },
    },
    "loggers": {
        # Django's default handlers here ("console" with DEBUG, "mail_admins" with ADMINS) would
        # write the path unmasked; its records go to the root's handler instead.
        "django": {"handlers": [], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"), "propagate": True},
        "django.request": {"filters": ["mask_tokens"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["mask_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# --- forms: shared form machinery (see forms/conf.py for every setting) -------
# Spam protection: a form sent back within this many seconds of being rendered
# is a bot's; one older than a day asks to be sent again.
FORMS_MIN_SUBMIT_SECONDS = 3
FORMS_MAX_FORM_AGE_SECONDS = 24 * 60 * 60
# Number of reverse proxies in front of the site that append to
# X-Forwarded-For; 0 (no proxy) means the rate limit uses REMOTE_ADDR only.
FORMS_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
# The version of the privacy statement people consent to; stored with each consent.
CONSENT_VERSION = "2026-11"
# The rate limit counts in a database cache, shared by every server process;
# forms' migration 0002 creates its table. forms.cache.DatabaseCache is
# Django's DatabaseCache with an atomic incr().
CACHES = globals().get("CACHES") or {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole rendered pages for anonymous visitors, shared by every server process
# and emptied on every content change; home's migration 0002 creates the table.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "page_cache",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)
CACHES["ratelimit"] = {
    "BACKEND": "forms.cache.DatabaseCache",
    "LOCATION": "ratelimit_cache",
    "OPTIONS": {"MAX_ENTRIES": 20000},
}
FORMS_RATELIMIT_CACHE = "ratelimit"
# --- end forms ------------------------------------------------------------------

# --- adminlogin: logging in to the admin (see adminlogin/) ------------------------
# A second factor (an authenticator app, or a single-use recovery code) for every admin user.
# On unless DJANGO_ADMIN_2FA=0; dev and test settings turn it off (make run's demo, the tests).
ADMIN_2FA = env_bool("DJANGO_ADMIN_2FA", True)
# The name the authenticator app shows next to the code.
OTP_TOTP_ISSUER = os.environ.get("DJANGO_OTP_ISSUER", WAGTAIL_SITE_NAME)
# An admin session ends after this many minutes without an admin request (a working day).
ADMIN_SESSION_IDLE_MINUTES = int(os.environ.get("DJANGO_ADMIN_SESSION_IDLE_MINUTES", str(9 * 60)))
# django-axes: 10 wrong passwords for one username from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# 15 minutes from the 10th wrong password: trying again while locked does not start the wait anew.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The client address as the rate limit sees it: behind DJANGO_TRUSTED_PROXY_COUNT proxies, from X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "forms.ratelimit.client_address"
# Wagtail's login page with a Dutch message, status 429 (adminlogin/lockout.py).
AXES_LOCKOUT_CALLABLE = "adminlogin.lockout.locked_out_response"
# Records of logins (address, username, browser) are deleted after this many days (a daily task).
ADMIN_LOGIN_RECORDS_DAYS = int(os.environ.get("DJANGO_ADMIN_LOGIN_RECORDS_DAYS", "30"))
# --- end adminlogin ---------------------------------------------------------------
