import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from forms.mail import queue_mail
from forms.models import OutgoingMail
from home import periodic
from home.models import PeriodicTaskTick

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SWEEP = "forms.tasks.send_pending_mail"
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Scheduler processes writing the test database at once need PostgreSQL; CI runs this on PostgreSQL.",
)


def sweep_entry():
    return next(entry for entry in periodic.registered() if entry.task.module_path == SWEEP)


def paths():
    return sorted(entry.task.module_path for entry in periodic.registered())


def task_rows_per_path():
    return Counter(DBTaskResult.objects.filter(task_path__in=paths()).values_list("task_path", flat=True))


def claims_per_path():
    return Counter(PeriodicTaskTick.objects.values_list("task_path", flat=True))


def assert_each_claim_has_its_one_task_row():
    claims = list(PeriodicTaskTick.objects.all())
    assert claims, "no tick was claimed"
    assert task_rows_per_path() == claims_per_path()
    ids = [claim.task_result_id for claim in claims]
    assert len(set(ids)) == len(ids)
    rows = DBTaskResult.objects.filter(task_path__in=paths()).values_list("id", flat=True)
    assert {str(row) for row in rows} == set(ids)


def test_a_tick_is_the_start_of_its_interval_slot_counted_from_a_fixed_epoch():
    sweep = sweep_entry()  # every 5 minutes
    assert sweep.tick_at(datetime(2026, 3, 1, 10, 7, 59, tzinfo=UTC)) == datetime(2026, 3, 1, 10, 5, tzinfo=UTC)
    assert sweep.tick_at(datetime(2026, 3, 1, 10, 10, tzinfo=UTC)) == datetime(2026, 3, 1, 10, 10, tzinfo=UTC)
    daily = next(entry for entry in periodic.registered() if entry.interval == timedelta(hours=24))
    assert daily.tick_at(datetime(2026, 3, 1, 23, 59, tzinfo=UTC)) == datetime(2026, 3, 1, tzinfo=UTC)


def test_the_mail_sweep_is_enqueued_once_per_tick():
    slot = sweep_entry().tick_at(timezone.now())
    assert SWEEP in periodic.enqueue_due_tasks(slot + timedelta(seconds=10))
    assert SWEEP not in periodic.enqueue_due_tasks(slot + timedelta(minutes=4, seconds=59))
    assert SWEEP in periodic.enqueue_due_tasks(slot + timedelta(minutes=5))
    assert sorted(PeriodicTaskTick.objects.filter(task_path=SWEEP).values_list("tick", flat=True)) == [
        slot,
        slot + timedelta(minutes=5),
    ]


def test_claims_older_than_two_days_are_deleted():
    now = timezone.now()
    PeriodicTaskTick.objects.create(task_path=SWEEP, tick=now - timedelta(days=3))
    PeriodicTaskTick.objects.create(task_path=SWEEP, tick=now - timedelta(days=1))
    periodic.enqueue_due_tasks(now)
    ticks = PeriodicTaskTick.objects.filter(task_path=SWEEP).values_list("tick", flat=True)
    assert min(ticks) == now - timedelta(days=1)


def test_the_command_runs_the_sweep_which_sends_mail_left_behind():
    # A mail whose enqueue never happened (say the process died right after commit).
    queue_mail(["bewoner@example.org"], "Onderwerp", "forms/mail/notice", {"paragraphs": ["Hallo"]})
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 1

    call_command("run_periodic_tasks", "--once", stdout=StringIO())

    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 0


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_the_same_moment_enqueue_each_task_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    now = timezone.now()
    start = threading.Barrier(2)
    won = {}

    def scheduler(name):
        try:
            start.wait()
            won[name] = periodic.enqueue_due_tasks(now)
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(won["a"] + won["b"]) == paths()
    assert task_rows_per_path() == dict.fromkeys(paths(), 1)
    assert_each_claim_has_its_one_task_row()


def scheduler_process(*args):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tests.home.scheduler_settings",
        SCHEDULER_TEST_DATABASE=connection.settings_dict["NAME"],
        PYTHONUNBUFFERED="1",
    )
    command = [sys.executable, "manage.py", "run_periodic_tasks", "--verbosity", "2", *args]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_scheduler_processes_enqueue_each_tick_once():
    schedulers = [scheduler_process("--tick", "1"), scheduler_process("--tick", "1")]
    deadline = time.monotonic() + 90
    while set(claims_per_path()) != set(paths()) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # a few more rounds each, all within claimed ticks
    for scheduler in schedulers:
        scheduler.terminate()
        scheduler.wait(timeout=10)
    output = "".join(scheduler.stdout.read() for scheduler in schedulers)

    assert set(claims_per_path()) == set(paths()), output
    assert_each_claim_has_its_one_task_row()
    # Both ran (each printed the schedule), yet every enqueue is claimed once.
    assert output.count("Periodieke taken:") == 2


def psycopg_connection():
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname=settings["NAME"],
    )


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_scheduler_killed_between_claim_and_commit_loses_and_doubles_no_tick():
    # Another session holds the task table, so the scheduler's first enqueue waits after its
    # claim, inside the transaction: the kill lands between the claim and the commit.
    with psycopg_connection() as blocker, psycopg_connection() as watcher:
        blocker.execute(f"LOCK TABLE {DBTaskResult._meta.db_table} IN EXCLUSIVE MODE")
        # Autocommit: pg_stat_activity is read afresh only in a new transaction.
        watcher.autocommit = True
        victim = scheduler_process("--once")
        deadline = time.monotonic() + 90
        while True:
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            ).fetchone()[0]
            if waiting:
                break
            if victim.poll() is not None or time.monotonic() > deadline:
                victim.kill()
                raise AssertionError(f"the scheduler never reached its first enqueue: {victim.stdout.read()}")
            time.sleep(0.05)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        blocker.rollback()

    # PostgreSQL rolls the dead session's transaction back: no claim is left without its task.
    time.sleep(0.5)
    assert PeriodicTaskTick.objects.count() == 0
    assert DBTaskResult.objects.count() == 0

    restarted = scheduler_process("--once")
    assert restarted.wait(timeout=60) == 0, restarted.stdout.read()
    assert set(claims_per_path()) == set(paths())
    assert_each_claim_has_its_one_task_row()

    # Started again within the same ticks, it enqueues nothing more.
    before = task_rows_per_path()
    again = scheduler_process("--once")
    assert again.wait(timeout=60) == 0, again.stdout.read()
    after = task_rows_per_path()
    # A tick that started in between (a 3- or 5-minute slot boundary) may add one; no tick has two.
    assert_each_claim_has_its_one_task_row()
    assert all(after[path] - before[path] <= 1 for path in paths())
