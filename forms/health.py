"""Is the site working? ``/healthz`` for the proxy, and the same figures for the admin dashboard.

Three things are checked:

- the database: one trivial query, with a short statement timeout on PostgreSQL;
- the task worker: the periodic task ``heartbeat`` (every minute, enqueued by
  ``run_periodic_tasks``, run by ``db_worker``) leaves a finished row in
  django_tasks_db's table; the worker is alive when one finished within
  ``WORKER_STALE_AFTER``. The oldest task waiting to run shows a backlog
  (a worker that is alive but cannot keep up, or none at all);
- the mail outbox (``forms.mail``): mails waiting, the age of the oldest, and
  failed mails (in total, and of the last day).

No model of its own: the task table already says when the worker last ran
something. The figures are counts and ages only, never addresses.

Here in ``forms``, not in ``home``: the outbox is forms', and home imports no
other app. Served by a middleware, first in ``MIDDLEWARE``: before the HTTPS
redirect and the host check (the proxy asks each app server over plain http by
its own address), and before the page cache, sessions and routing, each of
which would query the database first, and so answer with an error page rather
than with these figures when it is down.
"""

import json
import time
from datetime import timedelta

from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Min, Q
from django.http import HttpResponse
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from home.outage import drop_broken_connections

from .models import OutgoingMail

PATH = "/healthz"
HEARTBEAT_INTERVAL = timedelta(minutes=1)
# A few intervals: the scheduler looks every 30 s, and a long task (a newsletter batch) may hold the worker.
WORKER_STALE_AFTER = timedelta(minutes=5)
# Waiting longer than this means nobody takes the work: "degraded".
TASK_BACKLOG_AFTER = timedelta(minutes=10)
MAIL_BACKLOG_AFTER = timedelta(minutes=15)
# The proxy asks every few seconds, on every app server: the figures below (a scan of the task
# table among them) are computed at most once per this many seconds per process; the database
# check runs on every request.
FIGURES_MAX_AGE_SECONDS = 15
# A query that takes longer than this on PostgreSQL counts as "database unreachable".
STATEMENT_TIMEOUT_MS = 2000


@task()
def heartbeat():
    """Proves the worker runs tasks: its finished row is the heartbeat. Removes the earlier ones."""
    DBTaskResult.objects.filter(task_path=heartbeat.module_path, finished_at__isnull=False).delete()
    return "ok"


def seconds_since(moment, now):
    return None if moment is None else max(0, int((now - moment).total_seconds()))


def last_heartbeat():
    """When the worker last finished a heartbeat (or None)."""
    return (
        DBTaskResult.objects.filter(task_path=heartbeat.module_path, status=TaskResultStatus.SUCCESSFUL)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )


def worker_figures(now):
    """The heartbeat and the task backlog; one query each."""
    beat = last_heartbeat()
    # The READY rows have a partial index (django_tasks_db's own): cheap however large the table.
    oldest_task = DBTaskResult.objects.filter(status=TaskResultStatus.READY, run_after__lte=now).aggregate(
        oldest=Min("run_after")
    )["oldest"]
    return {
        "alive": beat is not None and now - beat <= WORKER_STALE_AFTER,
        "last_heartbeat": beat,
        "last_heartbeat_seconds_ago": seconds_since(beat, now),
        "oldest_waiting_task_seconds": seconds_since(oldest_task, now),
    }


def mail_figures(now, mails=None):
    """Mails waiting (and the oldest one's age) and failed; one query. ``mails``: a queryset to count in."""
    status = OutgoingMail.Status
    waiting = Q(status__in=[status.PENDING, status.SENDING])
    failed = Q(status=status.FAILED)
    figures = (mails if mails is not None else OutgoingMail.objects.all()).aggregate(
        waiting=Count("pk", filter=waiting),
        oldest_waiting=Min("created_at", filter=waiting),
        failed=Count("pk", filter=failed),
        # A mail fails within about 1.5 hours of being queued (five tries), so its creation tells the day.
        failed_last_day=Count("pk", filter=failed & Q(created_at__gte=now - timedelta(days=1))),
    )
    figures["oldest_waiting_seconds"] = seconds_since(figures.pop("oldest_waiting"), now)
    return figures


_memo = {"at": None, "figures": None}


def figures(now=None):
    """Worker and mail figures, remembered for ``FIGURES_MAX_AGE_SECONDS`` in this process."""
    now = now or timezone.now()
    at = time.monotonic()
    if _memo["at"] is None or at - _memo["at"] > FIGURES_MAX_AGE_SECONDS:
        _memo["figures"] = {"worker": worker_figures(now), "mail": mail_figures(now)}
        _memo["at"] = at
    return _memo["figures"]


def forget_figures():
    _memo["at"] = None


def problems(worker, mail):
    """What makes the site "degraded" (it still serves pages), as short English codes."""
    found = []
    if not worker["alive"]:
        found.append("worker_heartbeat_stale")
    if (worker["oldest_waiting_task_seconds"] or 0) > TASK_BACKLOG_AFTER.total_seconds():
        found.append("task_backlog")
    if (mail["oldest_waiting_seconds"] or 0) > MAIL_BACKLOG_AFTER.total_seconds():
        found.append("mail_backlog")
    if mail["failed_last_day"]:
        found.append("mail_failed")
    return found


def check_database():
    """One trivial query; raises ``DatabaseError`` when the database does not answer (in time)."""
    if connection.vendor == "postgresql":
        # Only for this transaction: a hanging database must not hang the proxy's check.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}")
            cursor.execute("SELECT 1")
            cursor.fetchone()
    else:
        # No transaction on SQLite: ours begins IMMEDIATE, which would wait for every writer.
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()


def report():
    """``(http status, body)``: 503 only when the database is unreachable."""
    try:
        check_database()
        found = figures()
    except DatabaseError:
        drop_broken_connections()
        forget_figures()
        return 503, {"status": "down", "database": "unreachable"}
    worker = {key: value for key, value in found["worker"].items() if key != "last_heartbeat"}
    mail = found["mail"]
    issues = problems(worker, mail)
    # A dead worker or failed mails leave the status 200 ("degraded"): this app server still serves
    # pages, and the worker is one process for all app servers, so a 503 here would make the proxy
    # take every app server out at once for something none of them can fix. Monitoring reads "status".
    return 200, {
        "status": "degraded" if issues else "ok",
        "database": "ok",
        "problems": issues,
        "worker": worker,
        "mail": mail,
    }


def healthz_response():
    status, body = report()
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    # Never from a cache: the proxy must see this moment's answer.
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers ``GET``/``HEAD /healthz`` itself: no session, CSRF, page cache or routing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH and request.method in ("GET", "HEAD"):
            return healthz_response()
        return self.get_response(request)
