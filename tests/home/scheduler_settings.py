"""Settings of real `manage.py run_periodic_tasks` processes started by tests/home/test_periodic.py.

The test settings with the database task backend, on the test database the test process uses.
"""

import os

from settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["SCHEDULER_TEST_DATABASE"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
