"""Sending an issue: when it may go, the snapshot of recipients, and the worker's batches.

Tests use the immediate task backend: ``start_sending`` runs the batch task on
commit, which sends every due batch at once (no waiting for the rate).
"""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from nieuwsbrief import batches, conf, sending
from nieuwsbrief.models import Delivery, NewsletterSending, Subscriber
from nieuwsbrief.tasks import send_newsletter_batch, sweep_newsletter_sendings
from tests.nieuwsbrief.sending_support import (
    RefusingBackend,
    approve,
    approved_issue,
    draft_issue,
    make_subscribers,
    municipality,
    newsletter_editor,
    newsletter_home,
    newsletter_site,
    sent_to,
)

FIXTURES = (municipality, newsletter_editor, newsletter_home, newsletter_site)  # used here as fixtures

pytestmark = pytest.mark.django_db


def start(issue, user, capture):
    with capture(execute=True):
        return sending.start_sending(issue, user)


# --- may it go? ----------------------------------------------------------------


def test_a_draft_is_refused(newsletter_site, newsletter_editor):
    make_subscribers(2)
    issue = draft_issue(newsletter_site)
    reason = sending.refusal_reason(issue)
    assert "nog niet gepubliceerd" in reason
    with pytest.raises(sending.SendRefused) as refused:
        sending.start_sending(issue, newsletter_editor)
    assert refused.value.message == reason
    assert not NewsletterSending.objects.exists()


def test_a_live_issue_that_never_passed_the_workflow_is_refused(newsletter_site, newsletter_editor):
    make_subscribers(2)
    issue = draft_issue(newsletter_site)
    issue.get_latest_revision().publish()
    issue.refresh_from_db()
    assert issue.live
    assert "niet goedgekeurd" in sending.refusal_reason(issue)
    assert not sending.can_send(issue)


def test_an_approved_issue_can_be_sent(newsletter_site, newsletter_editor):
    make_subscribers(2)
    issue = approved_issue(newsletter_site, newsletter_editor)
    assert issue.live
    assert sending.refusal_reason(issue) is None
    assert sending.can_send(issue)


def test_an_unapproved_change_published_after_the_approval_is_refused(newsletter_site, newsletter_editor):
    make_subscribers(2)
    issue = approved_issue(newsletter_site, newsletter_editor)
    issue.intro = "Later veranderd, zonder goedkeuring."
    issue.save_revision().publish()
    issue.refresh_from_db()
    assert "niet goedgekeurd" in sending.refusal_reason(issue)
    # Approved again: may go.
    approve(issue, newsletter_editor)
    assert sending.can_send(issue)


def test_a_draft_saved_after_the_approval_does_not_stop_the_live_version(newsletter_site, newsletter_editor):
    make_subscribers(1)
    issue = approved_issue(newsletter_site, newsletter_editor)
    issue.intro = "Een concept voor later."
    issue.save_revision()
    assert sending.can_send(issue)


def test_an_approval_in_another_workflow_does_not_count(newsletter_site, newsletter_editor):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    make_subscribers(1)
    other = Workflow.objects.create(name="Iets anders")
    task = GroupApprovalTask.objects.create(name="Ander akkoord")
    WorkflowTask.objects.create(workflow=other, task=task, sort_order=0)
    issue = draft_issue(newsletter_site)
    state = other.start(issue, newsletter_editor)
    state.current_task_state.approve(user=newsletter_editor)
    issue.refresh_from_db()
    assert issue.live
    assert "niet goedgekeurd" in sending.refusal_reason(issue)


def test_without_a_live_subscribe_page_the_personal_links_lead_nowhere(newsletter_site, newsletter_editor):
    from nieuwsbrief.models import SubscribePage

    make_subscribers(1)
    issue = approved_issue(newsletter_site, newsletter_editor)
    SubscribePage.objects.get().unpublish()
    assert "Nieuwsbrief ontvangen" in sending.refusal_reason(issue)


def test_without_active_subscribers_there_is_nobody_to_send_to(newsletter_site, newsletter_editor):
    make_subscribers(2, status=Subscriber.Status.PENDING)
    issue = approved_issue(newsletter_site, newsletter_editor)
    assert "geen abonnees" in sending.refusal_reason(issue)


def test_an_issue_is_sent_once_a_second_versturen_is_refused(
    newsletter_site, newsletter_editor, django_capture_on_commit_callbacks
):
    make_subscribers(3)
    issue = approved_issue(newsletter_site, newsletter_editor)
    start(issue, newsletter_editor, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3

    reason = sending.refusal_reason(issue)
    assert "al verstuurd" in reason and "één keer" in reason
    with pytest.raises(sending.SendRefused):
        sending.start_sending(issue, newsletter_editor)
    assert NewsletterSending.objects.count() == 1
    assert Delivery.objects.count() == 3
    assert len(mail.outbox) == 3


def test_a_second_sending_that_slips_past_the_check_is_refused_by_the_database(
    newsletter_site, newsletter_editor, monkeypatch
):
    """Two editors press at once: both pass the check, the OneToOne lets one through (see also the PG test)."""
    make_subscribers(2)
    issue = approved_issue(newsletter_site, newsletter_editor)
    sending.start_sending(issue, newsletter_editor)
    monkeypatch.setattr(sending, "refusal_reason", lambda issue: None)  # as if the check ran before the first commit
    with pytest.raises(sending.SendRefused) as refused:
        sending.start_sending(issue, newsletter_editor)
    assert refused.value.message == sending.ALREADY_SENDING
    assert Delivery.objects.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Two requests at once need PostgreSQL (SQLite runs one writer at a time); CI runs this on PostgreSQL.",
)
def test_two_versturen_at_the_same_moment_make_one_sending(newsletter_site, newsletter_editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    make_subscribers(20)
    issue = approved_issue(newsletter_site, newsletter_editor)
    barrier = threading.Barrier(2)
    results = []

    def press():
        try:
            barrier.wait(timeout=10)
            results.append(sending.start_sending(issue, newsletter_editor))
        except sending.SendRefused as refused:
            results.append(refused.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 2
    assert sum(isinstance(result, NewsletterSending) for result in results) == 1
    assert any(isinstance(result, str) and ("al verstuurd" in result or "al verstuurd" in result) for result in results)
    assert NewsletterSending.objects.count() == 1
    assert Delivery.objects.count() == 20


# --- the snapshot ---------------------------------------------------------------


def test_the_snapshot_has_one_delivery_per_active_subscriber_only(newsletter_site, newsletter_editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    active = make_subscribers(5)
    make_subscribers(2, status=Subscriber.Status.PENDING, prefix="wacht")
    make_subscribers(2, status=Subscriber.Status.UNSUBSCRIBED, prefix="weg")
    issue = approved_issue(newsletter_site, newsletter_editor)

    sent = sending.start_sending(issue, newsletter_editor)

    deliveries = list(sent.deliveries.all())
    assert sorted(d.subscriber_id for d in deliveries) == sorted(s.pk for s in active)
    assert {d.status for d in deliveries} == {Delivery.Status.PENDING}
    assert len({d.message_id for d in deliveries}) == 5
    assert all(d.message_id.startswith("<") and d.message_id.endswith("@gemeente.example>") for d in deliveries)
    assert sent.started_by == newsletter_editor
    assert sent.subject == issue.subject
    assert "Welkom bij de nieuwsbrief." in sent.body_html
    assert sent.progress() == {"total": 5, "sent": 0, "failed": 0, "skipped": 0, "waiting": 5}


def test_the_batch_task_is_enqueued_only_when_the_snapshot_commits(
    newsletter_site, newsletter_editor, django_capture_on_commit_callbacks
):
    make_subscribers(2)
    issue = approved_issue(newsletter_site, newsletter_editor)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sent = sending.start_sending(issue, newsletter_editor)
    assert [callback.func for callback in callbacks] == [send_newsletter_batch.enqueue]
    assert callbacks[0].args == (sent.pk,)
    assert mail.outbox == []


# --- sending --------------------------------------------------------------------


def test_every_active_subscriber_gets_the_issue_exactly_once(
    newsletter_site, newsletter_editor, django_capture_on_commit_callbacks, settings
):
    settings.NIEUWSBRIEF_BATCH_SIZE = 7
    subscribers = make_subscribers(30)
    issue = approved_issue(newsletter_site, newsletter_editor)

    sent = start(issue, newsletter_editor, django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == sorted(s.email for s in subscribers)
    sent.refresh_from_db()
    assert sent.finished_at is not None
    assert sent.progress() == {"total": 30, "sent": 30, "failed": 0, "skipped": 0, "waiting": 0}
    assert set(Delivery.objects.values_list("attempts", "lease_until", "last_error")) == {(1, None, "")}
    assert not Delivery.objects.filter(sent_at__isnull=True).exists()
    # Each mail carries its delivery's Message-ID.
    ids = dict(Delivery.objects.values_list("subscriber__email", "message_id"))
    assert all(message.extra_headers["Message-ID"] == ids[message.to[0]] for message in mail.outbox)


def test_running_the_batch_task_again_sends_nothing_more(
    newsletter_site, newsletter_editor, django_capture_on_commit_callbacks
):
    make_subscribers(4)
    sent = start(
        approved_issue(newsletter_site, newsletter_editor), newsletter_editor, django_capture_on_commit_callbacks
    )
    assert len(mail.outbox) == 4
    send_newsletter_batch.enqueue(sent.pk)
    sweep_newsletter_sendings.enqueue()
    assert len(mail.outbox) == 4


def test_who_unsubscribes_during_the_send_gets_nothing_more(newsletter_site, newsletter_editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    subscribers = make_subscribers(4)
    sent = sending.start_sending(approved_issue(newsletter_site, newsletter_editor), newsletter_editor)
    batches.send_batch(sent.pk, size=1)
    subscribers[2].unsubscribe()
    Subscriber.objects.filter(pk=subscribers[3].pk).delete()  # erased: the delivery keeps no address

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    send_newsletter_batch.enqueue(sent.pk)

    assert sorted(message.to[0] for message in mail.outbox) == [subscribers[0].email, subscribers[1].email]
    assert sent.progress() == {"total": 4, "sent": 2, "failed": 0, "skipped": 2, "waiting": 0}
    assert Delivery.objects.filter(subscriber__isnull=True, status=Delivery.Status.SKIPPED).count() == 1


def test_a_refused_address_is_retried_with_back_off_and_failed_after_the_last_attempt(
    newsletter_site, newsletter_editor, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = f"{RefusingBackend.__module__}.RefusingBackend"
    settings.NIEUWSBRIEF_MAX_ATTEMPTS = 3
    RefusingBackend.refused = {"lezer1@example.org"}
    make_subscribers(3)
    issue = approved_issue(newsletter_site, newsletter_editor)
    try:
        sent = start(issue, newsletter_editor, django_capture_on_commit_callbacks)
        refused = Delivery.objects.get(subscriber__email="lezer1@example.org")
        assert (refused.status, refused.attempts) == (Delivery.Status.PENDING, 1)
        assert "SMTPRecipientsRefused" in refused.last_error
        assert refused.lease_until > timezone.now() + timedelta(seconds=50)
        assert len(mail.outbox) == 2
        sent.refresh_from_db()
        assert sent.finished_at is None
        assert sent.progress()["waiting"] == 1

        # Not due yet: the sweep leaves it.
        assert batches.sendings_to_restart() == []
        with time_machine.travel(timezone.now() + timedelta(minutes=2), tick=False):
            assert sweep_newsletter_sendings.enqueue().return_value == [sent.pk]
            refused.refresh_from_db()
            assert (refused.status, refused.attempts) == (Delivery.Status.PENDING, 2)
            assert refused.lease_until >= timezone.now() + timedelta(minutes=4)
        with time_machine.travel(timezone.now() + timedelta(minutes=8), tick=False):
            sweep_newsletter_sendings.enqueue()
        refused.refresh_from_db()
        assert (refused.status, refused.attempts, refused.lease_until) == (Delivery.Status.FAILED, 3, None)
        sent.refresh_from_db()
        assert sent.finished_at is not None
        assert sent.progress() == {"total": 3, "sent": 2, "failed": 1, "skipped": 0, "waiting": 0}
        assert len(mail.outbox) == 2
    finally:
        RefusingBackend.refused = set()


def test_a_failure_in_the_middle_of_a_batch_does_not_stop_the_rest(
    newsletter_site, newsletter_editor, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = f"{RefusingBackend.__module__}.RefusingBackend"
    RefusingBackend.refused = {"lezer0@example.org", "lezer2@example.org"}
    try:
        make_subscribers(5)
        start(approved_issue(newsletter_site, newsletter_editor), newsletter_editor, django_capture_on_commit_callbacks)
        assert sorted(message.to[0] for message in mail.outbox) == [
            "lezer1@example.org",
            "lezer3@example.org",
            "lezer4@example.org",
        ]
    finally:
        RefusingBackend.refused = set()


def test_a_delivery_abandoned_by_a_dead_worker_goes_again_with_the_same_message_id(
    newsletter_site, newsletter_editor, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    make_subscribers(3)
    sent = sending.start_sending(approved_issue(newsletter_site, newsletter_editor), newsletter_editor)
    # A worker claimed a batch, handed the first mail to the server, and died before marking it.
    (first, *_) = batches.claim_batch(sent.pk, size=2)
    first.sending = sent
    from nieuwsbrief.mails.issues import build_message

    build_message(first).send()
    assert len(mail.outbox) == 1

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert sweep_newsletter_sendings.enqueue().return_value == [sent.pk]  # the third was never claimed: due at once
    assert len(mail.outbox) == 2
    sent.refresh_from_db()
    assert sent.finished_at is None  # the dead worker's two are still leased

    later = timezone.now() + timedelta(seconds=conf.get("NIEUWSBRIEF_LEASE_SECONDS") + 1)
    with time_machine.travel(later, tick=False):
        assert sweep_newsletter_sendings.enqueue().return_value == [sent.pk]
    copies = sent_to(first.subscriber.email)
    assert len(copies) == 2
    assert copies[0].extra_headers["Message-ID"] == copies[1].extra_headers["Message-ID"] == first.message_id
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        ["lezer0@example.org", "lezer0@example.org", "lezer1@example.org", "lezer2@example.org"]
    )
    sent.refresh_from_db()
    assert sent.finished_at is not None
    assert Delivery.objects.get(pk=first.pk).attempts == 2


def test_a_claim_takes_only_due_deliveries_and_a_second_claim_gets_others(newsletter_site, newsletter_editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    make_subscribers(5)
    sent = sending.start_sending(approved_issue(newsletter_site, newsletter_editor), newsletter_editor)
    first = batches.claim_batch(sent.pk, size=3)
    second = batches.claim_batch(sent.pk, size=3)
    third = batches.claim_batch(sent.pk, size=3)
    assert len(first) == 3 and len(second) == 2 and third == []
    assert not {d.pk for d in first} & {d.pk for d in second}
    assert {d.status for d in first + second} == {Delivery.Status.SENDING}


def test_a_worker_whose_lease_ran_out_does_not_settle_the_delivery_another_worker_took(
    newsletter_site, newsletter_editor, settings
):
    from django.core.mail import get_connection

    from nieuwsbrief.mails.issues import batch_context

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    make_subscribers(1)
    sent = sending.start_sending(approved_issue(newsletter_site, newsletter_editor), newsletter_editor)
    (slow,) = batches.claim_batch(sent.pk, size=1)
    with time_machine.travel(timezone.now() + timedelta(seconds=conf.get("NIEUWSBRIEF_LEASE_SECONDS") + 1)):
        (other,) = batches.claim_batch(sent.pk, size=1)
    for claim in (slow, other):
        claim.sending = sent
    connection_ = get_connection()

    batches.send_one(slow, connection_, batch_context())  # too late: its mail goes, the row is not its own any more
    row = Delivery.objects.get()
    assert (row.status, row.lease_until, row.attempts) == (Delivery.Status.SENDING, other.lease_until, 2)
    batches.send_one(other, connection_, batch_context())
    assert Delivery.objects.get().status == Delivery.Status.SENT
    assert len(mail.outbox) == 2
    assert mail.outbox[0].extra_headers["Message-ID"] == mail.outbox[1].extra_headers["Message-ID"]


# --- the rate -------------------------------------------------------------------


def test_with_a_deferring_backend_each_task_sends_one_batch_and_enqueues_the_next_at_the_rate(
    newsletter_site, newsletter_editor, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.NIEUWSBRIEF_BATCH_SIZE = 2
    settings.NIEUWSBRIEF_MAILS_PER_MINUTE = 60  # a batch of 2 every 2 seconds
    make_subscribers(5)
    sent = sending.start_sending(approved_issue(newsletter_site, newsletter_editor), newsletter_editor)
    backend = send_newsletter_batch.get_backend()
    backend.clear()
    assert backend.supports_defer

    now = timezone.now()
    with time_machine.travel(now, tick=False):
        assert send_newsletter_batch.call(sent.pk) == {"sent": 2}
        # A second task at the same moment (the sweep's, say) does not send: it is not its turn.
        assert send_newsletter_batch.call(sent.pk) == {}
    assert len(mail.outbox) == 2
    (queued,) = backend.results
    assert queued.args == [sent.pk]
    assert queued.task.run_after == now + timedelta(seconds=2)

    with time_machine.travel(now + timedelta(seconds=2), tick=False):
        assert send_newsletter_batch.call(sent.pk) == {"sent": 2}
    with time_machine.travel(now + timedelta(seconds=4), tick=False):
        assert send_newsletter_batch.call(sent.pk) == {"sent": 1}
    sent.refresh_from_db()
    assert sent.finished_at is not None
    assert len(backend.results) == 2  # nothing enqueued after the last batch


def test_the_rate_setting_spaces_the_batches(settings):
    settings.NIEUWSBRIEF_BATCH_SIZE = 50
    settings.NIEUWSBRIEF_MAILS_PER_MINUTE = 300
    assert batches.batch_interval() == timedelta(seconds=10)
    settings.NIEUWSBRIEF_MAILS_PER_MINUTE = 0
    assert batches.batch_interval() == timedelta(0)


def test_the_sweep_is_registered_as_a_periodic_task():
    from home.periodic import registered

    entries = {entry.task.module_path: entry for entry in registered()}
    assert entries["nieuwsbrief.tasks.sweep_newsletter_sendings"].interval <= timedelta(minutes=5)
