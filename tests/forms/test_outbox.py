"""The transactional mail outbox: queued with the data, sent once, retried, never lost."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from forms import outbox
from forms.mail import queue_mail
from forms.models import OutgoingMail
from forms.tasks import send_outgoing_mail, send_pending_mail

from .conftest import mail_enqueues

pytestmark = pytest.mark.django_db

NOTICE = "forms/mail/notice"


class BrokenBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP-server onbereikbaar")


BROKEN_BACKEND = f"{__name__}.BrokenBackend"


def queue(to="piet@example.org", **context):
    return queue_mail(
        to,
        "Je aanmelding is ontvangen",
        NOTICE,
        {"greeting": "Beste Piet,", "paragraphs": ["We hebben je aanmelding ontvangen."], **context},
    )


def queue_and_commit(capture, **kwargs):
    with capture(execute=True):
        with transaction.atomic():
            row = queue(**kwargs)
    row.refresh_from_db()
    return row


def make_row(**fields):
    row = outbox.OutgoingMail.objects.create(
        to="piet@example.org",
        from_email="buurtpreventie@gemeente.example",
        subject="Herinnering",
        body_text="Tekst",
        body_html="<p>Tekst</p>",
        **fields,
    )
    return row


def test_a_rolled_back_transaction_leaves_no_row_and_no_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                queue()
                raise RuntimeError("the registration could not be saved")

    assert OutgoingMail.objects.count() == 0
    assert mail_enqueues(callbacks) == []
    assert mail.outbox == []


def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            row = queue()
        assert OutgoingMail.objects.get().status == OutgoingMail.Status.PENDING
        assert mail.outbox == []
    (enqueue,) = mail_enqueues(callbacks)
    enqueue()
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT


def test_a_committed_mail_is_sent_once_with_text_and_html(django_capture_on_commit_callbacks, home_page):
    row = queue_and_commit(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["piet@example.org"]
    assert message.subject == "Je aanmelding is ontvangen"
    assert "We hebben je aanmelding ontvangen." in message.body
    assert "Gemeente Voorbeeld" in message.body  # the footer, from the site settings
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="nl">' in html
    assert "<title>Je aanmelding is ontvangen</title>" in html

    assert row.status == OutgoingMail.Status.SENT
    assert row.sent_at is not None
    assert row.attempts == 1
    assert row.lease_until is None


def test_text_is_not_html_escaped_but_html_is(django_capture_on_commit_callbacks):
    queue_and_commit(django_capture_on_commit_callbacks, greeting="Beste Jansen & Zn <b>,")
    message = mail.outbox[0]
    assert "Beste Jansen & Zn <b>," in message.body
    assert "Beste Jansen &amp; Zn &lt;b&gt;," in message.alternatives[0][0]


def test_subject_is_one_line(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail("a@example.org", "Eerste regel\nBcc: iedereen@example.org", NOTICE, {})
    assert mail.outbox[0].subject == "Eerste regel Bcc: iedereen@example.org"


def test_attachments_and_reply_to_are_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(
            ["a@example.org", "b@example.org"],
            "Uitnodiging",
            NOTICE,
            {},
            attachments=[("bijeenkomst.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
            reply_to="wijkagent@example.org",
        )
    message = mail.outbox[0]
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.reply_to == ["wijkagent@example.org"]
    assert message.attachments == [("bijeenkomst.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")]


def test_every_mail_says_it_was_sent_automatically(django_capture_on_commit_callbacks):
    queue_and_commit(django_capture_on_commit_callbacks)
    assert mail.outbox[0].extra_headers["Auto-Submitted"] == "auto-generated"
    assert "Auto-Submitted: auto-generated" in mail.outbox[0].message().as_string()


def test_without_a_reply_to_answers_go_to_the_municipality(home_page, django_capture_on_commit_callbacks):
    from home.models import MunicipalitySettings

    municipality = MunicipalitySettings.for_site(home_page.get_site())
    municipality.contact_email = "vragen@oostwold.example"
    municipality.save()

    queue_and_commit(django_capture_on_commit_callbacks)

    assert mail.outbox[0].reply_to == ["vragen@oostwold.example"]


def test_running_the_send_task_twice_sends_once(django_capture_on_commit_callbacks):
    row = queue_and_commit(django_capture_on_commit_callbacks)

    again = send_outgoing_mail.enqueue(row.pk)
    assert again.return_value == outbox.SKIPPED
    assert outbox.deliver(row.pk) == outbox.SKIPPED
    assert send_pending_mail.enqueue().return_value == 0

    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.attempts == 1


def test_the_sweep_sends_a_mail_whose_worker_crashed_exactly_once():
    # A worker claimed the row, then died: status "sending", lease over, never sent.
    row = make_row(status=OutgoingMail.Status.SENDING, attempts=1, lease_until=timezone.now() - timedelta(minutes=1))

    call_command("send_pending_mail", verbosity=0)
    call_command("send_pending_mail", verbosity=0)
    send_pending_mail.enqueue()

    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT
    assert row.attempts == 2


def test_the_sweep_sends_a_mail_that_was_never_enqueued():
    make_row()
    assert outbox.send_due_mail() == 1
    assert len(mail.outbox) == 1


def test_a_row_with_a_live_lease_is_left_alone():
    row = make_row(status=OutgoingMail.Status.SENDING, attempts=1, lease_until=timezone.now() + timedelta(minutes=5))

    assert outbox.deliver(row.pk) == outbox.SKIPPED
    assert outbox.send_due_mail() == 0

    assert mail.outbox == []
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingMail.Status.SENDING, 1)


def test_a_sent_row_is_never_sent_again_even_with_an_odd_status():
    row = make_row(status=OutgoingMail.Status.PENDING, sent_at=timezone.now())
    assert outbox.deliver(row.pk) == outbox.SKIPPED
    assert outbox.send_due_mail() == 0
    assert mail.outbox == []


def test_a_failing_mail_server_is_recorded_and_the_mail_kept_for_a_retry(django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = BROKEN_BACKEND
    before = timezone.now()

    row = queue_and_commit(django_capture_on_commit_callbacks)

    assert row.status == OutgoingMail.Status.PENDING
    assert row.sent_at is None
    assert row.attempts == 1
    assert "SMTP-server onbereikbaar" in row.last_error
    # The lease now holds the moment of the next try: not before it.
    assert row.lease_until >= before + timedelta(seconds=outbox.RETRY_DELAYS[0])
    assert outbox.send_due_mail() == 0

    # The server is back and the wait is over: the sweep sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingMail.objects.filter(pk=row.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert outbox.send_due_mail() == 1
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT
    assert row.attempts == 2
    assert row.last_error == ""
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_a_mail_is_marked_failed_never_sent(settings):
    settings.EMAIL_BACKEND = BROKEN_BACKEND
    settings.FORMS_MAIL_MAX_ATTEMPTS = 2
    row = make_row()

    assert outbox.deliver(row.pk) == outbox.RETRY
    OutgoingMail.objects.filter(pk=row.pk).update(lease_until=None)
    assert outbox.deliver(row.pk) == outbox.FAILED

    row.refresh_from_db()
    assert (row.status, row.attempts, row.sent_at) == (OutgoingMail.Status.FAILED, 2, None)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.deliver(row.pk) == outbox.SKIPPED
    assert outbox.send_due_mail() == 0
    assert mail.outbox == []


def test_a_worker_that_died_on_the_last_attempt_leaves_a_failed_row(settings):
    settings.FORMS_MAIL_MAX_ATTEMPTS = 3
    row = make_row(status=OutgoingMail.Status.SENDING, attempts=3, lease_until=timezone.now() - timedelta(minutes=1))
    assert outbox.send_due_mail() == 0
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.FAILED
    assert mail.outbox == []


def test_with_the_database_task_backend_a_retry_is_scheduled(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = BROKEN_BACKEND
    row = make_row()

    assert send_outgoing_mail.call(row.pk) == outbox.RETRY

    row.refresh_from_db()
    scheduled = DBTaskResult.objects.get()
    assert scheduled.task_path == "forms.tasks.send_outgoing_mail"
    assert scheduled.args_kwargs == {"args": [row.pk], "kwargs": {}}
    assert scheduled.run_after > row.lease_until


def test_old_sent_and_failed_mails_are_deleted_after_the_retention_period(home_page):
    old = timezone.now() - timedelta(days=400)
    old_sent = make_row(status=OutgoingMail.Status.SENT, sent_at=old, created_at=old)
    old_failed = make_row(status=OutgoingMail.Status.FAILED, created_at=old)
    old_pending = make_row(created_at=old)
    recent_sent = make_row(status=OutgoingMail.Status.SENT, sent_at=timezone.now())

    assert outbox.delete_old_mail() == 2

    remaining = set(OutgoingMail.objects.values_list("pk", flat=True))
    assert remaining == {old_pending.pk, recent_sent.pk}
    assert not {old_sent.pk, old_failed.pk} & remaining


def test_a_copy_sent_again_after_a_crash_carries_the_same_message_id(django_capture_on_commit_callbacks):
    row = queue_and_commit(django_capture_on_commit_callbacks)
    assert row.message_id.startswith("<") and row.message_id.endswith("@gemeente.example>")
    # The worker died after the mail server took the mail, before it marked the row sent.
    OutgoingMail.objects.filter(pk=row.pk).update(
        status=OutgoingMail.Status.SENDING, sent_at=None, lease_until=timezone.now() - timedelta(seconds=1)
    )

    assert outbox.send_due_mail() == 1

    first, again = mail.outbox
    assert first.extra_headers["Message-ID"] == again.extra_headers["Message-ID"] == row.message_id
    assert f"Message-ID: {row.message_id}" in again.message().as_string()


def test_every_mail_gets_its_own_message_id(django_capture_on_commit_callbacks):
    first = queue_and_commit(django_capture_on_commit_callbacks)
    second = queue_and_commit(django_capture_on_commit_callbacks)
    assert first.message_id != second.message_id


def test_the_lease_is_a_few_minutes_and_longer_than_a_send_may_take(settings):
    from forms import conf

    assert conf.get("FORMS_MAIL_LEASE_SECONDS") <= 5 * 60
    assert settings.EMAIL_TIMEOUT < conf.get("FORMS_MAIL_LEASE_SECONDS")


def test_the_sweep_marks_the_task_rows_of_killed_workers_failed(settings):
    from django_tasks import TaskResultStatus

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    killed = send_outgoing_mail.enqueue(1)
    busy = send_outgoing_mail.enqueue(2)
    DBTaskResult.objects.filter(pk=killed.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=2)
    )
    DBTaskResult.objects.filter(pk=busy.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=5)
    )

    send_pending_mail.call()

    assert DBTaskResult.objects.get(pk=killed.id).status == TaskResultStatus.FAILED
    assert DBTaskResult.objects.get(pk=busy.id).status == TaskResultStatus.RUNNING


def test_a_confirmation_mail_goes_at_most_once_a_day_per_address_and_purpose():
    from forms.mail import may_send_confirmation
    from forms.models import ConfirmationMailMarker

    now = timezone.now()
    assert may_send_confirmation("nieuwsbrief", "Piet@Example.org", now)
    assert not may_send_confirmation("nieuwsbrief", "piet@example.org ", now + timedelta(hours=23))
    assert may_send_confirmation("op-de-hoogte", "piet@example.org", now)  # another purpose counts apart
    assert may_send_confirmation("nieuwsbrief", "piet@example.org", now + timedelta(hours=24, seconds=1))
    # No address is kept, only a keyed hash.
    assert not ConfirmationMailMarker.objects.filter(key__icontains="piet").exists()


def test_a_rolled_back_submission_does_not_use_up_the_days_confirmation():
    from forms.mail import may_send_confirmation

    with pytest.raises(RuntimeError), transaction.atomic():
        assert may_send_confirmation("nieuwsbrief", "piet@example.org")
        raise RuntimeError("het opslaan mislukt")

    assert may_send_confirmation("nieuwsbrief", "piet@example.org")


def test_the_clean_up_forgets_confirmation_markers_after_a_day():
    from forms.mail import may_send_confirmation
    from forms.models import ConfirmationMailMarker
    from forms.tasks import clear_expired_data

    may_send_confirmation("nieuwsbrief", "oud@example.org", timezone.now() - timedelta(hours=25))
    may_send_confirmation("nieuwsbrief", "nieuw@example.org")

    clear_expired_data.call()

    assert ConfirmationMailMarker.objects.count() == 1
