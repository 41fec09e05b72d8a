"""Sending a newsletter issue: the check, the snapshot of recipients, and the batches the worker sends.

May it go?
----------
``refusal_reason(issue)`` (None when it may): the issue is live, its live
revision passed the workflow "Nieuwsbrief" (an approved run of that
workflow whose approval covers the live revision: approved at or after the
revision that was reviewed, and the live revision is no newer than the
approval), it was not sent before, the subscribe page its personal links
lead to is live, and there is at least one active subscriber.

Starting
--------
``start_sending(issue, user)`` renders the mail once (``nieuwsbrief.mails.issues``)
and, in one transaction, makes the ``NewsletterSending`` (one per issue: the
OneToOne refuses a second, also when two editors press at once) and one
``Delivery`` per active subscriber, each with its Message-ID; on commit it
enqueues ``nieuwsbrief.tasks.send_newsletter_batch``.

Sending: ``nieuwsbrief.batches``.
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from .groups import WORKFLOW_NAME
from .links import subscribe_page
from .mails.issues import new_message_id, render_issue_mail
from .models import Delivery, NewsletterIssuePage, NewsletterSending, Subscriber
from .tasks import send_newsletter_batch

SNAPSHOT_CHUNK = 2000


class SendRefused(Exception):
    """Sending this issue is not allowed (now); the message says why, in Dutch, for the editor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- may it go? ---------------------------------------------------------------


def approval_covers_live_revision(issue):
    """True if the issue's live revision passed the workflow "Nieuwsbrief".

    Wagtail publishes the latest revision when the last task is approved, so an
    approval covers the revision it reviewed and any saved until the approval;
    a revision published later without a new approval is not covered.
    """
    live = issue.live_revision
    if live is None:
        return False
    runs = WorkflowState.objects.for_instance(issue).filter(
        workflow__name=WORKFLOW_NAME, status=WorkflowState.STATUS_APPROVED
    )
    return TaskState.objects.filter(
        workflow_state__in=runs,
        status=TaskState.STATUS_APPROVED,
        revision_id__lte=live.pk,
        finished_at__gte=live.created_at,
    ).exists()


def refusal_reason(issue):
    """Why the issue cannot be sent now, in Dutch; None if it can."""
    sending = NewsletterSending.objects.filter(issue_id=issue.pk).first()
    if sending is not None:
        moment = timezone.localtime(sending.started_at)
        return (
            f"Deze nieuwsbrief is al verstuurd (gestart op {moment:%d-%m-%Y} om {moment:%H:%M}). "
            "Een nieuwsbrief gaat maar één keer uit."
        )
    if not issue.live:
        return (
            "Deze nieuwsbrief is nog niet gepubliceerd. Dien hem in bij de workflow ‘Nieuwsbrief’; "
            "na goedkeuring wordt hij gepubliceerd en kun je hem versturen."
        )
    if not approval_covers_live_revision(issue):
        return (
            "De gepubliceerde versie van deze nieuwsbrief is niet goedgekeurd in de workflow ‘Nieuwsbrief’. "
            "Dien hem in ter goedkeuring; na goedkeuring kun je hem versturen."
        )
    if subscribe_page() is None:
        return (
            "Er is geen gepubliceerde pagina ‘Nieuwsbrief ontvangen’: de links om je af te melden en je gegevens "
            "te wijzigen in elke nieuwsbrief leiden daarheen. Publiceer die pagina eerst."
        )
    if not Subscriber.objects.active().exists():
        return (
            "Er zijn nog geen abonnees die hun aanmelding hebben bevestigd: "
            "er is niemand om de nieuwsbrief aan te sturen."
        )
    return None


def can_send(issue):
    return refusal_reason(issue) is None


def recipient_count():
    """How many would get an issue sent now: the active subscribers."""
    return Subscriber.objects.active().count()


# --- starting -----------------------------------------------------------------

ALREADY_SENDING = (
    "Deze nieuwsbrief wordt al verstuurd: iemand anders drukte net ook op ‘Versturen’. "
    "Een nieuwsbrief gaat maar één keer uit."
)


def start_sending(issue, user):
    """Snapshot the recipients and start the worker; returns the ``NewsletterSending``.

    Raises ``SendRefused`` when the issue may not go (see ``refusal_reason``).
    """
    issue = NewsletterIssuePage.objects.get(pk=issue.pk)  # the live content, never a draft
    reason = refusal_reason(issue)
    if reason:
        raise SendRefused(reason)
    subject, body_html, body_text = render_issue_mail(issue)  # once per issue, outside the transaction
    try:
        with transaction.atomic():
            sending = NewsletterSending.objects.create(
                issue=issue, started_by=user, subject=subject[:255], body_html=body_html, body_text=body_text
            )
            snapshot_recipients(sending)
            transaction.on_commit(partial(send_newsletter_batch.enqueue, sending.pk), robust=True)
    except IntegrityError:
        # The OneToOne: another request made the sending first.
        raise SendRefused(ALREADY_SENDING) from None
    return sending


def snapshot_recipients(sending):
    """One Delivery per active subscriber, each with its own Message-ID; returns how many."""
    subscriber_ids = list(Subscriber.objects.active().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(subscriber_ids), SNAPSHOT_CHUNK):
        Delivery.objects.bulk_create(
            Delivery(sending=sending, subscriber_id=subscriber_id, message_id=new_message_id())
            for subscriber_id in subscriber_ids[start : start + SNAPSHOT_CHUNK]
        )
    return len(subscriber_ids)
