"""Local development: debug on, mail printed to the console."""

import logging
import os

from .base import *  # noqa: F403
from .base import LOGGING, env_bool

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
# make run's demo accounts log in with their password only; DJANGO_ADMIN_2FA=1 tries the second factor.
ADMIN_2FA = env_bool("DJANGO_ADMIN_2FA", False)


def warnings_and_up(record):
    return record.levelno >= logging.WARNING


# `make run`: the task worker logs two lines per task, and the periodic tasks run every few minutes;
# they would bury the mails the console backend prints. db_worker sets these loggers to INFO
# (or DEBUG) itself at start, whatever the level here, so a filter on them keeps only warnings
# and errors (a failed task still shows). "django.tasks": its name once Django has tasks built in.
task_loggers = ("django_tasks", "django_tasks_db", "django.tasks")
LOGGING = {
    **LOGGING,
    "filters": {
        **LOGGING.get("filters", {}),
        "warnings_and_up": {"()": "django.utils.log.CallbackFilter", "callback": warnings_and_up},
    },
    "loggers": {
        **LOGGING.get("loggers", {}),
        **{name: {"level": "WARNING", "filters": ["warnings_and_up"]} for name in task_loggers},
    },
}
