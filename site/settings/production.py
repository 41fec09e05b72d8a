"""Production: everything secret or host-specific comes from the environment."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is not set; production refuses to start without it.")


def public_base_url():
    """``WAGTAILADMIN_BASE_URL`` from the environment, required: links in mails the task worker
    sends are built from it (there is no request to take the address from), so base.py's
    development default would send residents to http://127.0.0.1:8000."""
    value = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            "WAGTAILADMIN_BASE_URL is not set to the public address of the site "
            f"(e.g. https://buurtpreventie.gemeente.nl; got {value!r}); production refuses to start without it."
        )
    return value.rstrip("/")


WAGTAILADMIN_BASE_URL = public_base_url()

DEBUG = False
DEMO_ACCOUNTS_ALLOWED = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS on by default; `make serve` turns it off to run on plain http://127.0.0.1.
HTTPS = env_bool("DJANGO_HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
# The site lives at its own (sub)domain, so its subdomains, if any, are its own too; the preload
# flag only allows a later submission of the registrable domain to the browsers' list. A
# municipality that serves plain-http subdomains under the site's name turns both off.
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS and env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = SECURE_HSTS_INCLUDE_SUBDOMAINS and env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY") else None
