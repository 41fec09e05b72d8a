"""A worker killed (SIGKILL) in the middle of sending an issue, and a new one that finishes it.

Real parts only: a local SMTP server (aiosmtpd, bench/smtp_sink.py) that counts
per address and records each mail's Message-ID, and real `manage.py db_worker`
processes on the test database, sending over SMTP at a low rate in small
batches with a short lease. After the kill a few subscribers who had not had
the issue yet unsubscribe; the periodic sweep and a new worker finish the send.

Every active subscriber gets the issue; the only second copies are of mails in
flight at the kill (at most one batch), with the same Message-ID as the first;
nobody who unsubscribed before their delivery gets it. PostgreSQL only: the
worker processes and the test write the same database at once.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

from bench.smtp_sink import SmtpSink
from nieuwsbrief import sending
from nieuwsbrief.models import Delivery, NewsletterSending, Subscriber
from nieuwsbrief.tasks import sweep_newsletter_sendings
from tests.nieuwsbrief.sending_support import (
    approved_issue,
    make_subscribers,
    municipality,
    newsletter_editor,
    newsletter_home,
    newsletter_site,
)

FIXTURES = (municipality, newsletter_editor, newsletter_home, newsletter_site)  # used here as fixtures

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Worker processes writing the test database at once need PostgreSQL; CI runs this on PostgreSQL.",
    ),
    # Everything commits, as in the running site: the worker processes see it.
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 300
BATCH = 20
LEASE_SECONDS = 3
UNSUBSCRIBING = 6


def start_worker(smtp_port):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tests.nieuwsbrief.worker_settings",
        WORKER_TEST_DATABASE=connection.settings_dict["NAME"],
        WORKER_SMTP_PORT=str(smtp_port),
        NIEUWSBRIEF_MAILS_PER_MINUTE="3000",  # a batch of 20 every 0.4 s
        NIEUWSBRIEF_BATCH_SIZE=str(BATCH),
        NIEUWSBRIEF_LEASE_SECONDS=str(LEASE_SECONDS),
        PYTHONUNBUFFERED="1",
    )
    command = [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay", "--no-reload"]
    # The worker's log goes to a file: a pipe nobody reads could fill up and stop it.
    log = tempfile.TemporaryFile()
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_for(condition, timeout, what, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {what}")


def stop(worker):
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def test_a_killed_worker_loses_no_mail_and_doubles_only_the_one_in_flight(newsletter_site, newsletter_editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscribers = make_subscribers(SUBSCRIBERS)
    issue = approved_issue(newsletter_site, newsletter_editor)
    workers = []
    with SmtpSink(delay=0.01) as sink:
        try:
            sent = sending.start_sending(issue, newsletter_editor)  # commits and enqueues the first batch
            first = start_worker(sink.port)
            workers.append(first)
            # Mid-batch (a batch is 20), most likely while the server holds back its answer to a mail it has.
            wait_for(lambda: len(sink.recorder.snapshot()) >= 110, 60, "the first 110 mails", step=0.001)

            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
            time.sleep(0.3)  # a mail the server was still taking in is counted before we look
            at_kill = sink.recorder.per_address()
            assert len(at_kill) < SUBSCRIBERS, "the worker finished before the kill; nothing was tested"
            sent.refresh_from_db()
            assert sent.finished_at is None

            # A few who have not had it yet unsubscribe: never claimed, and (if any) claimed but not sent.
            never_claimed = Delivery.objects.filter(sending=sent, status=Delivery.Status.PENDING, attempts=0)
            leaving = list(never_claimed.order_by("-pk").values_list("subscriber_id", flat=True)[: UNSUBSCRIBING - 1])
            in_the_dead_batch = (
                Delivery.objects.filter(sending=sent, status=Delivery.Status.SENDING)
                .exclude(subscriber__email__in=list(at_kill))
                .order_by("-pk")
                .values_list("subscriber_id", flat=True)
                .first()
            )
            if in_the_dead_batch:
                leaving.append(in_the_dead_batch)
            for subscriber in Subscriber.objects.filter(pk__in=leaving):
                subscriber.unsubscribe()
            gone = set(Subscriber.objects.filter(pk__in=leaving).values_list("email", flat=True))

            # The periodic sweep, run by the new worker, finds the sending whose worker died.
            sweep_newsletter_sendings.enqueue()
            workers.append(start_worker(sink.port))
            wait_for(
                lambda: NewsletterSending.objects.filter(pk=sent.pk, finished_at__isnull=False).exists(),
                120,
                "the sending to finish",
            )
        finally:
            for worker in workers:
                stop(worker)
        received = sink.recorder.snapshot()

    per_address = sink.recorder.per_address()
    active = {subscriber.email for subscriber in subscribers} - gone
    # Every active subscriber got it; nobody who left before their delivery did.
    assert active <= set(per_address)
    assert not gone & set(per_address)
    assert set(per_address) <= {subscriber.email for subscriber in subscribers}
    # Second copies: only mails in flight at the kill, at most one batch, each with the first copy's Message-ID.
    doubled = {address for address, count in per_address.items() if count > 1}
    assert len(doubled) <= BATCH
    assert all(per_address[address] == 2 for address in doubled)
    assert doubled <= set(at_kill)
    message_ids = dict(Delivery.objects.filter(sending=sent).values_list("subscriber__email", "message_id"))
    assert all(message_id == message_ids[address] for address, message_id in received)
    # The deliveries agree: sent to every active subscriber, skipped for who left.
    statuses = dict(Delivery.objects.filter(sending=sent).values_list("subscriber__email", "status"))
    assert {statuses[address] for address in active} == {Delivery.Status.SENT}
    assert {statuses[address] for address in gone} == {Delivery.Status.SKIPPED}
    assert sent.progress() == {
        "total": SUBSCRIBERS,
        "sent": SUBSCRIBERS - len(gone),
        "failed": 0,
        "skipped": len(gone),
        "waiting": 0,
    }
