"""Periodic background work without cron.

django-tasks runs tasks but does not schedule them. Apps register a task with
an interval here (in their AppConfig.ready); ``manage.py run_periodic_tasks``
enqueues each registered task when it is due, and the task worker runs it.
Registered tasks take no arguments and must be safe to run twice.

Time is cut into slots of each task's interval, counted from a fixed epoch, so every
scheduler process agrees on them. A scheduler enqueues a task for a slot only after it
has claimed that slot in the database (``PeriodicTaskTick``, unique per task and slot),
in the same transaction as the task row. So two schedulers running by mistake enqueue
each tick once, and a scheduler killed halfway leaves neither a claim without a task
nor a task without a claim: its restart takes the slot over.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

# Slots are counted from here; any fixed instant works, as long as every process uses it.
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# Claims older than this are deleted: long past the longest interval (a day).
KEEP_CLAIMS = timedelta(days=2)

_schedule = {}


@dataclass
class PeriodicTask:
    task: object
    interval: timedelta

    def tick_at(self, now):
        """The start of the interval slot ``now`` falls in."""
        return EPOCH + ((now - EPOCH) // self.interval) * self.interval


def register_periodic(task, *, every):
    """Run ``task`` (a django-tasks Task) every ``every`` (a timedelta)."""
    _schedule[task.module_path] = PeriodicTask(task=task, interval=every)


def registered():
    return list(_schedule.values())


def claim_and_enqueue(entry, tick):
    """Enqueue ``entry``'s task for ``tick`` if no scheduler has; True when this call did."""
    from .models import PeriodicTaskTick

    with transaction.atomic():
        try:
            # A savepoint: a lost race rolls back the insert only.
            with transaction.atomic():
                claim = PeriodicTaskTick.objects.create(task_path=entry.task.module_path, tick=tick)
        except IntegrityError:
            return False
        # The database task backend writes the task row in this transaction, so the claim
        # and the task commit together or not at all.
        result = entry.task.enqueue()
        claim.task_result_id = str(result.id)
        claim.save(update_fields=["task_result_id"])
    return True


def purge_old_claims(now):
    from .models import PeriodicTaskTick

    return PeriodicTaskTick.objects.filter(tick__lt=now - KEEP_CLAIMS).delete()[0]


def enqueue_due_tasks(now=None):
    """Enqueue every registered task whose current tick nobody claimed; returns their module paths."""
    now = now or timezone.now()
    enqueued = [entry.task.module_path for entry in _schedule.values() if claim_and_enqueue(entry, entry.tick_at(now))]
    if enqueued:
        purge_old_claims(now)
    return enqueued
