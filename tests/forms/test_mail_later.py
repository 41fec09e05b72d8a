"""Mails the worker renders (forms.mail.queue_mail_later): one row in the request, rendered once, sent once."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from forms import outbox
from forms.mail import MailContent, mail_builder, queue_mail_later
from forms.models import OutgoingMail
from forms.tasks import send_pending_mail

pytestmark = pytest.mark.django_db

NOTICE = "forms/mail/notice"
BUILT = []  # the arguments of every build, to count them


@mail_builder
def build_greeting(name, gone=False):
    BUILT.append(name)
    if gone:
        return None
    return MailContent(
        f"Hallo {name}",
        NOTICE,
        {"greeting": f"Beste {name},", "paragraphs": ["Dit is je bevestiging."]},
        attachments=[("afspraak.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; method=PUBLISH")],
    )


def build_unregistered(name):
    return MailContent("Nee", NOTICE)


@pytest.fixture(autouse=True)
def fresh_builds():
    BUILT.clear()


def queue(name="Piet", key="greeting:1", **kwargs):
    return queue_mail_later(build_greeting, name, to="piet@example.org", key=key, source="forms", **kwargs)


def test_the_request_writes_one_unrendered_row_and_the_worker_renders_and_sends_it(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            row = queue()
    row.refresh_from_db()
    # Nothing rendered in the request: no subject, no body, the builder not called.
    assert (row.subject, row.body_text, row.body_html, row.attachments) == ("", "", "", [])
    assert row.awaits_rendering and row.recipients == ["piet@example.org"] and row.message_id
    assert BUILT == [] and len(callbacks) == 1
    callbacks[0]()  # the enqueue on commit; the test task backend runs the task at once
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT and not row.awaits_rendering
    assert row.subject == "Hallo Piet" and "Dit is je bevestiging." in row.body_text and row.body_html
    (sent,) = mail.outbox
    assert sent.subject == "Hallo Piet" and sent.to == ["piet@example.org"]
    assert sent.extra_headers["Message-ID"] == row.message_id
    assert [part.get_filename() for part in sent.attachments] == ["afspraak.ics"]
    assert BUILT == ["Piet"]


def test_run_twice_it_renders_and_sends_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = queue()
    assert outbox.deliver(row.pk) == outbox.SKIPPED
    assert send_pending_mail.call() == 0
    assert len(mail.outbox) == 1 and BUILT == ["Piet"]


def test_a_mail_that_failed_to_send_is_not_rendered_again(settings):
    settings.EMAIL_BACKEND = "tests.forms.test_outbox.BrokenBackend"
    row = queue()
    assert outbox.deliver(row.pk) == outbox.RETRY
    row.refresh_from_db()
    assert row.subject == "Hallo Piet" and row.status == OutgoingMail.Status.PENDING and not row.awaits_rendering
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingMail.objects.filter(pk=row.pk).update(lease_until=None)
    assert outbox.deliver(row.pk) == outbox.SENT
    assert BUILT == ["Piet"] and len(mail.outbox) == 1


def test_a_builder_that_fails_counts_as_a_failed_attempt_and_the_row_waits(monkeypatch):
    row = queue()

    def broken(*args):
        raise RuntimeError("sjabloon kapot")

    monkeypatch.setitem(__import__("forms.mail_render").mail_render._BUILDERS, row.builder, broken)
    assert outbox.deliver(row.pk) == outbox.RETRY
    row.refresh_from_db()
    assert row.awaits_rendering and row.attempts == 1 and "sjabloon kapot" in row.last_error
    assert mail.outbox == []


def test_nothing_left_to_write_about_sends_nothing_and_drops_the_row():
    row = queue_mail_later(build_greeting, "Piet", True, to="piet@example.org", key="greeting:gone", source="forms")
    assert outbox.deliver(row.pk) == outbox.SKIPPED
    assert not OutgoingMail.objects.filter(pk=row.pk).exists() and mail.outbox == []


def test_one_row_per_key():
    queue()
    with pytest.raises(IntegrityError), transaction.atomic():
        queue(name="Piet nog eens")
    assert OutgoingMail.objects.count() == 1


def test_only_registered_builders():
    with pytest.raises(ValueError, match="not registered"):
        queue_mail_later(build_unregistered, "Piet", to="piet@example.org", key="x:1", source="forms")
    row = queue()
    OutgoingMail.objects.filter(pk=row.pk).update(builder="forms.outbox.deliver")
    assert outbox.deliver(row.pk) == outbox.RETRY
    row.refresh_from_db()
    assert "not a registered mail builder" in row.last_error and mail.outbox == []
