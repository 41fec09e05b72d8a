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


def media_storage():
    """Where uploads go: a folder (DJANGO_MEDIA_ROOT, shared by every app server, e.g. over NFS)
    or, with DJANGO_MEDIA_STORAGE=s3, a bucket of any S3-compatible store through django-storages."""
    kind = os.environ.get("DJANGO_MEDIA_STORAGE", "filesystem").strip().lower()
    if kind == "filesystem":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"DJANGO_MEDIA_STORAGE is 'filesystem' or 's3', not {kind!r}.")
    bucket = os.environ.get("DJANGO_S3_BUCKET", "").strip()
    if not bucket:
        raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE=s3 needs DJANGO_S3_BUCKET.")
    options = {
        "bucket_name": bucket,
        "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("DJANGO_S3_REGION") or None,
        # Empty: boto3 looks further (its own variables, an instance role).
        "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
        # Private bucket: every link to a file is signed and expires (an hour).
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 3600,
        "file_overwrite": False,
    }
    if os.environ.get("DJANGO_S3_CUSTOM_DOMAIN"):
        options["custom_domain"] = os.environ["DJANGO_S3_CUSTOM_DOMAIN"]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": media_storage(),
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
# Every admin user needs a second factor; `make serve` (the demo on plain http) turns it off.
ADMIN_2FA = env_bool("DJANGO_ADMIN_2FA", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY") else None
