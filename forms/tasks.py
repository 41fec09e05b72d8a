"""Background tasks of the mail outbox (django-tasks); see ``forms.mail``.

Both take primary keys or nothing, and are safe to run twice.
"""

from django_tasks import task

from . import mail


@task()
def send_outgoing_mail(mail_id):
    """Send one outbox row if it is still due; returns what happened."""
    return mail.deliver(mail_id)


@task()
def send_pending_mail():
    """Sweep the outbox: send every due row, then delete old ones; returns the number sent."""
    sent = mail.send_due_mail()
    mail.delete_old_mail()
    return sent
