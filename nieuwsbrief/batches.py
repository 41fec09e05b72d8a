"""The worker's side of sending an issue: claiming, sending and settling batches of deliveries.

``send_batch(sending_id)`` claims up to ``NIEUWSBRIEF_BATCH_SIZE`` due
deliveries with one conditional UPDATE that sets a lease and counts an
attempt (on PostgreSQL the rows are picked with ``SKIP LOCKED``, so workers
never wait for each other), then sends them over one SMTP connection. Each
delivery is marked sent as soon as the server accepted its mail; one whose
subscriber is no longer active is skipped; a failure is retried with
back-off (1, 4, 16, 60 minutes) and marked failed after
``NIEUWSBRIEF_MAX_ATTEMPTS``. A worker killed mid-batch leaves its
deliveries claimed until the lease ends; then they are due again, and a
mail the server had accepted but the worker had not yet marked goes a
second time, with the same Message-ID (at least once, never lost, and only
the one mail in flight twice).

``run_batches(sending_id)`` (the task ``send_newsletter_batch``) keeps the
rate: a batch may start only when the sending's ``next_batch_at`` has come
(taken with a conditional UPDATE, so of two tasks for one sending only one
sends), and the task enqueues itself for the next turn. A task backend that
cannot defer (the immediate one in tests) sends every due batch at once.
``sendings_to_restart()`` (the periodic task ``sweep_newsletter_sendings``)
finds the unfinished sendings whose turn has come and that have due
deliveries: their worker died, or a retry came due.

This module enqueues nothing itself; ``nieuwsbrief.tasks`` does, with what it returns.
"""

import logging
import secrets
from collections import Counter
from datetime import timedelta

from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from . import conf
from .mails.issues import batch_context, build_message
from .models import Delivery, NewsletterSending

logger = logging.getLogger(__name__)

SENT = Delivery.Status.SENT.value
SKIPPED = Delivery.Status.SKIPPED.value
FAILED = Delivery.Status.FAILED.value
RETRY = "retry"

# Seconds to wait before the next attempt, by the number of attempts made so far.
RETRY_DELAYS = (60, 4 * 60, 16 * 60, 60 * 60)


OPEN = [Delivery.Status.PENDING, Delivery.Status.SENDING]


def open_deliveries(sending_id):
    """Deliveries not settled yet: waiting, being sent, or waiting for a retry."""
    return Delivery.objects.filter(sending_id=sending_id, status__in=OPEN)


def due_deliveries(sending_id, moment):
    """Deliveries a worker may take now: open, and nobody holds a live lease (nor is a retry ahead)."""
    return open_deliveries(sending_id).filter(Q(lease_until__isnull=True) | Q(lease_until__lt=moment))


def fail_abandoned(sending_id, moment=None):
    """Mark failed the deliveries whose last allowed attempt died with its worker."""
    moment = moment or timezone.now()
    return (
        due_deliveries(sending_id, moment)
        .filter(attempts__gte=conf.get("NIEUWSBRIEF_MAX_ATTEMPTS"))
        .update(
            status=Delivery.Status.FAILED,
            lease_until=None,
            last_error="Geen verzending bevestigd na het maximale aantal pogingen.",
        )
    )


def claim_batch(sending_id, size, moment=None):
    """Take up to ``size`` due deliveries for this worker; returns them, with their subscribers.

    The lease's microseconds are random, so the rows this claim took are told
    apart from any other worker's by the lease alone.
    """
    moment = moment or timezone.now()
    lease = moment + timedelta(seconds=conf.get("NIEUWSBRIEF_LEASE_SECONDS"), microseconds=secrets.randbelow(1_000_000))
    claimable = due_deliveries(sending_id, moment).filter(attempts__lt=conf.get("NIEUWSBRIEF_MAX_ATTEMPTS"))
    with transaction.atomic():
        picking = claimable.order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            picking = picking.select_for_update(skip_locked=True)
        pks = list(picking.values_list("pk", flat=True)[:size])
        if not pks:
            return []
        claimable.filter(pk__in=pks).update(
            status=Delivery.Status.SENDING, lease_until=lease, attempts=F("attempts") + 1
        )
    return list(
        Delivery.objects.filter(pk__in=pks, status=Delivery.Status.SENDING, lease_until=lease)
        .select_related("subscriber")
        .order_by("pk")
    )


def _settle(delivery, **fields):
    # Only the claim that holds the row settles it: not one whose lease ran out and was taken by another worker.
    held = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING, lease_until=delivery.lease_until)
    return held.update(**fields)


def _record_failure(delivery, error):
    error_text = f"{type(error).__name__}: {error}"[:2000]
    if delivery.attempts >= conf.get("NIEUWSBRIEF_MAX_ATTEMPTS"):
        _settle(delivery, status=Delivery.Status.FAILED, lease_until=None, last_error=error_text)
        logger.error(
            "Newsletter delivery %s failed for good after %s attempts: %s", delivery.pk, delivery.attempts, error_text
        )
        return FAILED
    retry_at = timezone.now() + timedelta(seconds=RETRY_DELAYS[min(delivery.attempts, len(RETRY_DELAYS)) - 1])
    _settle(delivery, status=Delivery.Status.PENDING, lease_until=retry_at, last_error=error_text)
    logger.warning(
        "Newsletter delivery %s failed (attempt %s), next try at %s: %s",
        delivery.pk,
        delivery.attempts,
        retry_at,
        error_text,
    )
    return RETRY


def _reopen(mail_connection):
    """After an error the SMTP session may be broken: start a fresh one for the rest of the batch."""
    try:
        mail_connection.close()
    except Exception:  # a broken session may fail to say goodbye
        pass
    try:
        mail_connection.open()
    except Exception:  # the next send reports it, per delivery
        logger.warning("Could not reopen the mail connection", exc_info=True)


def send_one(delivery, mail_connection, context):
    """Send one claimed delivery over the open connection; returns SENT, SKIPPED, RETRY or FAILED."""
    subscriber = delivery.subscriber
    if subscriber is None or not subscriber.is_active:
        # Unsubscribed (or erased) since the snapshot: nothing more goes to them.
        _settle(delivery, status=Delivery.Status.SKIPPED, lease_until=None)
        return SKIPPED
    try:
        message = build_message(delivery, mail_connection, context)
        if mail_connection.send_messages([message]) != 1:
            raise RuntimeError("The mail server accepted no message.")
    except Exception as error:
        outcome = _record_failure(delivery, error)
        _reopen(mail_connection)
        return outcome
    _settle(delivery, status=Delivery.Status.SENT, sent_at=timezone.now(), lease_until=None, last_error="")
    return SENT


def send_batch(sending_id, size=None):
    """Claim and send one batch of this sending; returns a Counter of outcomes (empty: nothing was due)."""
    outcomes = Counter()
    sending = NewsletterSending.objects.filter(pk=sending_id).first()
    if sending is None:
        return outcomes
    fail_abandoned(sending_id)
    deliveries = claim_batch(sending_id, size or conf.get("NIEUWSBRIEF_BATCH_SIZE"))
    if not deliveries:
        return outcomes
    context = batch_context()
    mail_connection = get_connection()
    try:
        mail_connection.open()
    except Exception as error:
        # No mail server: every claimed delivery counts a failed attempt.
        for delivery in deliveries:
            outcomes[_record_failure(delivery, error)] += 1
        return outcomes
    try:
        for delivery in deliveries:
            delivery.sending = sending  # one copy of the rendered body for the whole batch
            outcomes[send_one(delivery, mail_connection, context)] += 1
    finally:
        try:
            mail_connection.close()
        except Exception:
            pass
    return outcomes


def finish_if_done(sending_id, moment=None):
    """Set ``finished_at`` once no delivery is open any more; True if the sending is finished."""
    if open_deliveries(sending_id).exists():
        return False
    NewsletterSending.objects.filter(pk=sending_id, finished_at__isnull=True).update(
        finished_at=moment or timezone.now()
    )
    return True


def batch_interval():
    """The time one batch takes at the configured rate (zero: no limit)."""
    rate = conf.get("NIEUWSBRIEF_MAILS_PER_MINUTE")
    if not rate:
        return timedelta(0)
    return timedelta(seconds=conf.get("NIEUWSBRIEF_BATCH_SIZE") * 60 / rate)


def take_turn(sending_id, now):
    """Reserve the next batch of this sending for the caller; False if another task's batch is not over yet."""
    return (
        NewsletterSending.objects.filter(pk=sending_id, finished_at__isnull=True)
        .filter(Q(next_batch_at__isnull=True) | Q(next_batch_at__lte=now))
        .update(next_batch_at=now + batch_interval())
        == 1
    )


def next_run(sending_id, now):
    """When the next batch task should run: at the next turn, or later when every open delivery waits for a retry."""
    if due_deliveries(sending_id, now).exists():
        return NewsletterSending.objects.values_list("next_batch_at", flat=True).get(pk=sending_id)
    waiting_until = open_deliveries(sending_id).aggregate(first=Min("lease_until"))["first"]
    turn = NewsletterSending.objects.values_list("next_batch_at", flat=True).get(pk=sending_id)
    return max(filter(None, [waiting_until, turn]), default=now)


def run_batches(sending_id, *, can_defer):
    """The batch task's work: ``(outcomes, run_after)``, a Counter and when the next task should run (or None).

    With a backend that can defer: one batch (if it is this task's turn) and the
    moment of the next turn. Without: every due batch now, and no next task.
    """
    total = Counter()
    while True:
        now = timezone.now()
        if can_defer and not take_turn(sending_id, now):
            return total, None  # another task's batch is running; that task enqueues the next
        outcomes = send_batch(sending_id)
        total.update(outcomes)
        if finish_if_done(sending_id):
            return total, None
        if can_defer:
            return total, next_run(sending_id, timezone.now())
        if not outcomes:
            return total, None  # only retries ahead: the sweep sends them when they are due


def sendings_to_restart(now=None):
    """The ids of unfinished sendings whose turn has come and that have due deliveries (the sweep enqueues them).

    Those are sendings whose worker died (their leases ran out) and retries that
    came due. A task enqueued beside a living one costs nothing: only one of
    them gets the turn (``take_turn``), the other ends.
    """
    now = now or timezone.now()
    unfinished = NewsletterSending.objects.filter(finished_at__isnull=True).filter(
        Q(next_batch_at__isnull=True) | Q(next_batch_at__lte=now)
    )
    due = []
    for sending_id in unfinished.values_list("pk", flat=True):
        fail_abandoned(sending_id, now)
        if finish_if_done(sending_id, now):
            continue
        if due_deliveries(sending_id, now).exists():
            due.append(sending_id)
    return due
