"""What has expired is deleted by the periodic clean-up: sessions, rate-limit counts, tokens, task rows."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from forms.models import ConfirmationMailMarker, UsedFormToken
from forms.ratelimit import hit
from forms.tasks import clear_expired_data
from home.periodic import registered

pytestmark = [pytest.mark.django_db]


def session(expires_in):
    store = SessionStore()
    store["iets"] = "waarde"
    store.set_expiry(expires_in)
    store.save()
    return store.session_key


def ratelimit_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM ratelimit_cache")
        return cursor.fetchone()[0]


def task_row(status, finished_ago):
    now = timezone.now()
    return DBTaskResult.objects.create(
        task_path="forms.tasks.send_pending_mail",
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        enqueued_at=now - finished_ago,
        started_at=now - finished_ago,
        finished_at=now - finished_ago if status != TaskResultStatus.READY else None,
        backend_name="default",
        queue_name="default",
        priority=0,
    )


def test_the_clean_up_runs_every_five_minutes():
    schedule = {entry.task.module_path: entry.interval for entry in registered()}
    assert schedule["forms.tasks.clear_expired_data"] == timedelta(minutes=5)


def test_expired_sessions_go_and_live_ones_stay(time_machine):
    expired = session(expires_in=60)
    live = session(expires_in=3600)
    time_machine.move_to(timezone.now() + timedelta(minutes=2))

    assert clear_expired_data.call()["sessions"] == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert expired != live


def test_expired_rate_limit_counts_go_within_minutes(rf, time_machine):
    caches["ratelimit"].clear()
    hit(rf.post("/", REMOTE_ADDR="192.0.2.1"), "test", window=60)
    hit(rf.post("/", REMOTE_ADDR="192.0.2.2"), "test", window=600)
    assert ratelimit_rows() == 2

    time_machine.move_to(timezone.now() + timedelta(minutes=2))
    assert clear_expired_data.call()["rate-limit counts"] == 1
    assert ratelimit_rows() == 1


def test_used_tokens_markers_and_old_task_rows_go(settings):
    settings.FORMS_MAX_FORM_AGE_SECONDS = 24 * 60 * 60
    now = timezone.now()
    UsedFormToken.objects.create(nonce="oud", used_at=now - timedelta(hours=26))
    ConfirmationMailMarker.objects.create(key="oud", sent_at=now - timedelta(hours=25))
    old_done = task_row(TaskResultStatus.SUCCESSFUL, timedelta(days=8))
    old_failed = task_row(TaskResultStatus.FAILED, timedelta(days=8))
    recent = task_row(TaskResultStatus.SUCCESSFUL, timedelta(days=6))
    waiting = task_row(TaskResultStatus.READY, timedelta(days=30))

    counts = clear_expired_data.call()

    assert (counts["form tokens"], counts["confirmation markers"], counts["task results"]) == (1, 1, 2)
    assert not UsedFormToken.objects.exists() and not ConfirmationMailMarker.objects.exists()
    remaining = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert {recent.pk, waiting.pk} <= remaining
    assert not {old_done.pk, old_failed.pk} & remaining
