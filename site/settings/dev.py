"""Local development: debug on, mail printed to the console."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
# A fixed key is fine here: dev settings never serve real users.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret-buurtpreventie"
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
SERVE_MEDIA = True
DEMO_ACCOUNTS_ALLOWED = True
# No collectstatic here: WhiteNoise serves straight from the app and static folders.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Developers edit templates and expect to see it: no page cache unless asked.
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", False)
