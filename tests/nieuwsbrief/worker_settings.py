"""Settings of a real `manage.py db_worker` started by tests/nieuwsbrief/test_sending_kill.py.

The test settings, with the database task backend, the test database the test
process uses, SMTP to the test's local server and the sending's knobs from the
environment (a low rate and batch, a short lease).
"""

import os

from settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["WORKER_TEST_DATABASE"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["WORKER_SMTP_PORT"])
EMAIL_TIMEOUT = 10
WAGTAILADMIN_BASE_URL = "https://buurt.gemeente.example"
NIEUWSBRIEF_MAILS_PER_MINUTE = int(os.environ["NIEUWSBRIEF_MAILS_PER_MINUTE"])
NIEUWSBRIEF_BATCH_SIZE = int(os.environ["NIEUWSBRIEF_BATCH_SIZE"])
NIEUWSBRIEF_LEASE_SECONDS = int(os.environ["NIEUWSBRIEF_LEASE_SECONDS"])
