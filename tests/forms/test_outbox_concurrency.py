"""Two workers that claim the same outbox row at the same moment send it once.

Real threads, each with its own database connection, run ``forms.outbox``
as the task workers do. PostgreSQL only: SQLite's in-memory test database
cannot be written by several connections at once; CI runs this on PostgreSQL.
"""

import threading
import time

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, connections

from forms import outbox
from forms.models import OutgoingMail

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Parallel workers need PostgreSQL (SQLite runs one writer at a time); CI runs this on PostgreSQL.",
    ),
    pytest.mark.django_db(transaction=True),
]

WORKERS = 4
sent_subjects = []
sent_lock = threading.Lock()


class SlowBackend(BaseEmailBackend):
    """A mail server that takes a moment to accept a mail: long enough for a second worker to try."""

    def send_messages(self, email_messages):
        time.sleep(0.05)
        with sent_lock:
            sent_subjects.extend(message.subject for message in email_messages)
        return len(email_messages)


@pytest.fixture(autouse=True)
def slow_mail_server(settings):
    settings.EMAIL_BACKEND = f"{__name__}.SlowBackend"
    sent_subjects.clear()
    yield
    sent_subjects.clear()


def make_rows(count):
    return [
        OutgoingMail.objects.create(
            to="piet@example.org",
            from_email="buurtpreventie@gemeente.example",
            subject=f"Mail {number}",
            body_text="Tekst",
        )
        for number in range(count)
    ]


def at_once(work, workers=WORKERS):
    """Run ``work()`` in ``workers`` threads released together; their results, or the first error."""
    barrier = threading.Barrier(workers)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=30)
            result = work()
            with sent_lock:
                results.append(result)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(results) == workers
    return results


def test_workers_delivering_the_same_mail_at_once_send_it_once():
    for row in make_rows(10):
        results = at_once(lambda pk=row.pk: outbox.deliver(pk))

        assert sorted(results) == sorted([outbox.SENT] + [outbox.SKIPPED] * (WORKERS - 1))
        row.refresh_from_db()
        assert (row.status, row.attempts) == (OutgoingMail.Status.SENT, 1)
    assert sorted(sent_subjects) == sorted(f"Mail {number}" for number in range(10))


def test_sweeps_running_at_once_send_every_mail_once():
    make_rows(30)

    results = at_once(outbox.send_due_mail)

    assert sum(results) == 30
    assert sorted(sent_subjects) == sorted(f"Mail {number}" for number in range(30))
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {(OutgoingMail.Status.SENT, 1)}
