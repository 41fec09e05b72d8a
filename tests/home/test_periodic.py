from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from forms.mail import queue_mail
from forms.models import OutgoingMail
from home import periodic

pytestmark = pytest.mark.django_db

SWEEP = "forms.tasks.send_pending_mail"


@pytest.fixture(autouse=True)
def fresh_schedule():
    for entry in periodic.registered():
        entry.last_enqueued_at = None
    yield
    for entry in periodic.registered():
        entry.last_enqueued_at = None


def test_the_mail_sweep_is_registered_and_enqueued_when_due():
    now = timezone.now()
    assert SWEEP in periodic.enqueue_due_tasks(now)
    assert SWEEP not in periodic.enqueue_due_tasks(now + timedelta(minutes=1))
    assert SWEEP in periodic.enqueue_due_tasks(now + timedelta(minutes=5))


def test_the_command_runs_the_sweep_which_sends_mail_left_behind():
    # A mail whose enqueue never happened (say the process died right after commit).
    queue_mail(["bewoner@example.org"], "Onderwerp", "forms/mail/notice", {"paragraphs": ["Hallo"]})
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 1

    call_command("run_periodic_tasks", "--once", stdout=StringIO())

    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 0
