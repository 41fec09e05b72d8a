"""Settings for the test suite: fast hashing, mail in memory, tasks run at once."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEMO_ACCOUNTS_ALLOWED = True
SERVE_MEDIA = True
ALLOWED_HOSTS = ["*"]
# No collectstatic here: WhiteNoise serves straight from the app and static folders.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests see every change at once; tests/home/test_page_cache.py switches it on.
PAGE_CACHE_ENABLED = False
# Tests log in with a password only; tests/adminlogin/ switch the second factor on.
ADMIN_2FA = False
