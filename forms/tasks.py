"""Background tasks of the mail outbox (django-tasks); see ``forms.mail`` and ``forms.outbox``.

Both take primary keys or nothing, and are safe to run twice.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from . import conf, housekeeping, outbox, spam
from .models import OutgoingMail

logger = logging.getLogger(__name__)


def send_and_schedule_retry(mail_id):
    """Send one row; after a failure, enqueue the task again for the moment of the next try.

    Only where the task backend can defer (``django_tasks_db``); otherwise the sweep retries.
    """
    outcome = outbox.deliver(mail_id)
    if outcome == outbox.RETRY and send_outgoing_mail.get_backend().supports_defer:
        retry_at = OutgoingMail.objects.values_list("lease_until", flat=True).get(pk=mail_id)
        try:
            send_outgoing_mail.using(run_after=retry_at + timedelta(seconds=1)).enqueue(mail_id)
        except Exception:
            logger.exception("Could not schedule a retry for mail %s; the sweep will send it.", mail_id)
    return outcome


@task()
def send_outgoing_mail(mail_id):
    """Send one outbox row if it is still due; returns what happened."""
    return send_and_schedule_retry(mail_id)


def fail_abandoned_task_results(now=None):
    """Task rows left RUNNING by a worker that was killed: marked failed, so they do not run for ever.

    Only with the database task backend (``django_tasks_db``); a task running
    longer than ``FORMS_TASK_STALE_SECONDS`` has lost its worker.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=conf.get("FORMS_TASK_STALE_SECONDS"))
    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="forms.tasks.WorkerLost",
        traceback="De verwerker stopte terwijl deze taak liep; de mailronde heeft haar als mislukt gemarkeerd.",
    )


@task()
def send_pending_mail():
    """Sweep the outbox: send every due row, then delete old ones; returns the number sent.

    Also marks the rows of tasks whose worker died (see ``fail_abandoned_task_results``).
    """
    sent = outbox.send_due_mail(send=send_and_schedule_retry)
    outbox.delete_old_mail()
    fail_abandoned_task_results()
    return sent


def delete_finished_task_results(now=None):
    """Finished task rows older than ``FORMS_TASK_RESULT_DAYS``: the periodic tasks alone add hundreds a day."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=conf.get("FORMS_TASK_RESULT_DAYS"))
    finished = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    deleted, _ = DBTaskResult.objects.filter(status__in=finished, finished_at__lt=cutoff).delete()
    return deleted


@task()
def clear_expired_data():
    """Forget what has run out: sessions, rate-limit counts, used form tokens, confirmation markers, old task rows,
    and form pages' submissions past their retention.

    Returns the number of rows deleted per kind, for the log.
    """
    # Through the registry: the form pages queue their mails through forms.mail, which imports this module.
    form_page = apps.get_model("forms", "FormPage")
    return {
        "sessions": housekeeping.clear_expired_sessions(),
        "rate-limit counts": housekeeping.delete_expired_cache_entries(conf.get("FORMS_RATELIMIT_CACHE")),
        "form tokens": spam.delete_used_form_tokens(),
        "confirmation markers": outbox.delete_old_confirmation_markers(),
        "task results": delete_finished_task_results(),
        "form submissions": form_page.purge_expired_submissions(),
    }
