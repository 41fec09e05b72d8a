"""/healthz for the proxy: the database, the worker's heartbeat and the outbox, in a small JSON."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from forms import health
from forms.models import OutgoingMail
from home.periodic import registered

# transaction=True: the worker commits its task rows, as it does next to the running site.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_figures():
    health.forget_figures()
    yield
    health.forget_figures()


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """db_worker's loop in this process: every task that is due, then it stops (``--batch``)."""
    Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    ).run()


def healthz(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    return response.status_code, response.json()


def test_the_heartbeat_is_a_periodic_task():
    entry = next(entry for entry in registered() if entry.task.module_path == health.heartbeat.module_path)
    assert entry.interval == health.HEARTBEAT_INTERVAL


def test_with_a_live_worker_and_an_empty_outbox_all_is_ok(client, database_tasks):
    health.heartbeat.enqueue()
    run_worker()
    status, body = healthz(client)
    assert status == 200
    assert body["status"] == "ok" and body["database"] == "ok" and body["problems"] == []
    assert body["worker"]["alive"] is True
    assert body["worker"]["last_heartbeat_seconds_ago"] < 60
    assert body["worker"]["oldest_waiting_task_seconds"] is None
    assert body["mail"] == {"waiting": 0, "failed": 0, "failed_last_day": 0, "oldest_waiting_seconds": None}


def test_the_heartbeat_keeps_only_its_latest_row(database_tasks):
    for _ in range(3):
        health.heartbeat.enqueue()
        run_worker()
    rows = DBTaskResult.objects.filter(task_path=health.heartbeat.module_path)
    assert rows.count() == 1 and rows.get().status == TaskResultStatus.SUCCESSFUL


def test_no_heartbeat_and_a_task_backlog_is_degraded_but_still_200(client, database_tasks):
    # Tasks waiting since 20 minutes, and no worker ever ran: the app server itself still serves pages.
    health.heartbeat.enqueue()
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(minutes=20))
    status, body = healthz(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["problems"] == ["worker_heartbeat_stale", "task_backlog"]
    assert body["worker"]["alive"] is False and body["worker"]["last_heartbeat_seconds_ago"] is None
    assert 19 * 60 < body["worker"]["oldest_waiting_task_seconds"] < 21 * 60


def test_a_heartbeat_older_than_a_few_intervals_means_the_worker_is_gone(client, database_tasks):
    health.heartbeat.enqueue()
    run_worker()
    DBTaskResult.objects.update(finished_at=timezone.now() - health.WORKER_STALE_AFTER - timedelta(seconds=5))
    status, body = healthz(client)
    assert status == 200 and body["status"] == "degraded"
    assert body["problems"] == ["worker_heartbeat_stale"]
    assert body["worker"]["last_heartbeat_seconds_ago"] >= health.WORKER_STALE_AFTER.total_seconds()


def test_the_outbox_backlog_and_failed_mails_without_any_address(client, database_tasks):
    health.heartbeat.enqueue()
    run_worker()
    now = timezone.now()
    old = OutgoingMail.objects.create(to="wacht@example.org", subject="Bevestig", body_text="x")
    OutgoingMail.objects.filter(pk=old.pk).update(created_at=now - timedelta(minutes=30))
    OutgoingMail.objects.create(
        to="nieuw@example.org", subject="Nieuw", body_text="x", status=OutgoingMail.Status.SENDING
    )
    OutgoingMail.objects.create(to="mis@example.org", subject="Mis", body_text="x", status=OutgoingMail.Status.FAILED)
    ancient = OutgoingMail.objects.create(to="oud@example.org", subject="Oud", body_text="x", status="failed")
    OutgoingMail.objects.filter(pk=ancient.pk).update(created_at=now - timedelta(days=3))
    OutgoingMail.objects.create(to="weg@example.org", subject="Weg", body_text="x", status=OutgoingMail.Status.SENT)

    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "degraded"
    assert body["problems"] == ["mail_backlog", "mail_failed"]
    assert body["mail"]["waiting"] == 2 and body["mail"]["failed"] == 2 and body["mail"]["failed_last_day"] == 1
    assert 29 * 60 < body["mail"]["oldest_waiting_seconds"] < 31 * 60
    assert "@" not in response.content.decode()


def test_one_failure_long_ago_is_reported_but_does_not_degrade(client, database_tasks):
    health.heartbeat.enqueue()
    run_worker()
    ancient = OutgoingMail.objects.create(to="oud@example.org", subject="Oud", body_text="x", status="failed")
    OutgoingMail.objects.filter(pk=ancient.pk).update(created_at=timezone.now() - timedelta(days=3))
    status, body = healthz(client)
    assert status == 200 and body["status"] == "ok" and body["mail"]["failed"] == 1


def table_queries(queries):
    return [
        query
        for query in queries
        if not query["sql"].startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE", "SET LOCAL"))
    ]


def test_healthz_is_cheap_needs_no_session_and_is_never_cached(client, settings):
    # The page cache on: /healthz is answered before it, and before sessions and routing.
    settings.PAGE_CACHE_ENABLED = True
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    # The check, the heartbeat, the task backlog, the outbox (on PostgreSQL in a transaction with a timeout).
    assert len(table_queries(queries)) == 4, [query["sql"] for query in queries]
    assert response.status_code == 200
    assert "X-Page-Cache" not in response and not response.cookies and "Vary" not in response
    # Within FIGURES_MAX_AGE_SECONDS the figures are remembered: only the database check runs.
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/healthz", HTTP_COOKIE="sessionid=whatever; csrftoken=x")
    assert [query["sql"] for query in table_queries(queries)] == ["SELECT 1"]
    assert again.status_code == 200 and json.loads(again.content)["database"] == "ok"
    assert client.head("/healthz").status_code == 200


def test_only_get_and_head_are_answered_by_the_check():
    # Anything else goes on to the site like any other request.
    response = Client(raise_request_exception=False).post("/healthz")
    assert not response["Content-Type"].startswith("application/json")


def test_the_proxy_asks_over_plain_http_by_the_servers_own_address(client, settings):
    # Production: HTTPS redirect on, and only the site's own host names allowed.
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["buurt.example.nl"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.12:8001")
    assert response.status_code == 200 and response.json()["database"] == "ok"
    assert client.get("/", HTTP_HOST="buurt.example.nl").status_code == 301  # pages still go to https
