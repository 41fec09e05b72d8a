"""Periodic background work without cron.

django-tasks runs tasks but does not schedule them. Apps register a task with
an interval here (in their AppConfig.ready); ``manage.py run_periodic_tasks``
enqueues each registered task when it is due, and the task worker runs it.
Registered tasks take no arguments and must be safe to run twice.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

_schedule = {}


@dataclass
class PeriodicTask:
    task: object
    interval: timedelta
    last_enqueued_at: object = None

    def is_due(self, now):
        return self.last_enqueued_at is None or now - self.last_enqueued_at >= self.interval


def register_periodic(task, *, every):
    """Run ``task`` (a django-tasks Task) every ``every`` (a timedelta)."""
    _schedule[task.module_path] = PeriodicTask(task=task, interval=every)


def registered():
    return list(_schedule.values())


def enqueue_due_tasks(now=None):
    """Enqueue every registered task that is due; returns their module paths."""
    now = now or timezone.now()
    enqueued = []
    for entry in _schedule.values():
        if entry.is_due(now):
            entry.task.enqueue()
            entry.last_enqueued_at = now
            enqueued.append(entry.task.module_path)
    return enqueued
