"""Sending the outbox that ``forms.mail.queue_mail`` fills.

Sending
-------
``deliver(pk)`` (run by the task) first *claims* the row with one
conditional UPDATE: only a row that is pending or sending, not sent, and
whose lease is empty or over is taken; taking it sets a lease
(``FORMS_MAIL_LEASE_SECONDS``, default 3 minutes: longer than a send may
take, as ``EMAIL_TIMEOUT`` bounds it) and counts an attempt.
Claimed nothing? Another worker holds it, or it was sent: nothing happens.
A row queued with ``queue_mail_later`` is rendered first, by its builder
(``forms.mail_render``), and saved; a failing builder counts as a failed
attempt. Then the mail goes out through Django's mail framework and the row is marked
sent. A failure is recorded (``last_error``) and the row stays pending, with
its lease set to the moment of the next try (1, 4, 16, 60 minutes); where
the task backend can defer (``django_tasks_db``) ``forms.tasks`` enqueues
the task again for that moment. After ``FORMS_MAIL_MAX_ATTEMPTS`` (5)
attempts the row is marked failed.

Sweeping
--------
``send_due_mail()`` (the task ``send_pending_mail`` and the management
command ``send_pending_mail``) sends every row that is due: never enqueued,
waiting for a retry, or left "sending" by a worker that crashed (its lease
ran out). Because every send starts with the claim, a row is never sent by
two workers at once and never again once it is marked sent. (A worker that
dies after the mail server accepted the mail but before marking it sent will
cause one more copy after the lease: at least once, never lost. That copy
carries the Message-ID made when the mail was queued, so mail programs drop
it as the same message.)

Also ``delete_old_mail()`` removes sent and failed mails older than the
retention period, as they hold personal data.
"""

import base64
import logging
from datetime import timedelta
from email import encoders
from email.mime.base import MIMEBase

from django.core.mail import EmailMultiAlternatives, make_msgid
from django.core.mail.message import SafeMIMEText
from django.db.models import F
from django.utils import timezone

from . import conf
from .mail_render import render_later
from .models import ConfirmationMailMarker, OutgoingMail
from .retention import retention_cutoff

logger = logging.getLogger(__name__)

SENT = "sent"
SKIPPED = "skipped"
RETRY = "retry"
FAILED = "failed"

# Seconds to wait before the next attempt, by the number of attempts made so far.
RETRY_DELAYS = (60, 4 * 60, 16 * 60, 60 * 60)


def build_message(mail):
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=mail.from_email,
        to=mail.recipients,
        reply_to=mail.reply_to_addresses or None,
        headers={
            # RFC 3834: sent by the site, not a person; auto-responders do not answer it.
            "Auto-Submitted": "auto-generated",
            # The same on every attempt (see OutgoingMail.message_id); older rows get one now.
            "Message-ID": mail.message_id or make_msgid(),
        },
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for item in mail.attachments:
        content = base64.b64decode(item["content"])
        if ";" in item["mimetype"]:
            message.attach(mime_part_with_parameters(item["filename"], content, item["mimetype"]))
        else:
            message.attach(item["filename"], content, item["mimetype"])
    return message


def mime_part_with_parameters(filename, content, mimetype):
    """An attachment whose type has parameters (``text/calendar; method=REQUEST``).

    Django's ``attach()`` takes a bare type only; parameters go in with ``set_param``.
    """
    type_, *parameters = [part.strip() for part in mimetype.split(";")]
    maintype, subtype = type_.split("/", 1)
    if maintype == "text":
        part = SafeMIMEText(content.decode("utf-8"), subtype, "utf-8")
    else:
        part = MIMEBase(maintype, subtype)
        part.set_payload(content)
        encoders.encode_base64(part)
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        part.set_param(name.strip(), value.strip().strip('"'))
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def claim(pk, moment=None):
    """Take the row for sending; True if this worker got it."""
    moment = moment or timezone.now()
    lease = moment + timedelta(seconds=conf.get("FORMS_MAIL_LEASE_SECONDS"))
    claimed = (
        OutgoingMail.objects.claimable(moment)
        .filter(pk=pk, attempts__lt=conf.get("FORMS_MAIL_MAX_ATTEMPTS"))
        .update(status=OutgoingMail.Status.SENDING, lease_until=lease, attempts=F("attempts") + 1)
    )
    return claimed == 1


def deliver(pk):
    """Send one outbox row if it is due; returns SENT, SKIPPED, RETRY or FAILED."""
    if not claim(pk):
        return SKIPPED
    mail = OutgoingMail.objects.get(pk=pk)
    try:
        # Queued with queue_mail_later: rendered now, under the lease, and saved before the send.
        if mail.awaits_rendering and not render_later(mail):
            # What it was about is gone: nothing to send, nothing to keep.
            OutgoingMail.objects.filter(pk=pk, sent_at__isnull=True).delete()
            return SKIPPED
        sent_count = build_message(mail).send()
        if not sent_count:
            raise RuntimeError("The mail backend accepted no message.")
    except Exception as error:
        return _record_failure(mail, error)
    OutgoingMail.objects.filter(pk=pk, sent_at__isnull=True).update(
        status=OutgoingMail.Status.SENT, sent_at=timezone.now(), lease_until=None, last_error=""
    )
    return SENT


def _record_failure(mail, error):
    now = timezone.now()
    error_text = f"{type(error).__name__}: {error}"[:2000]
    if mail.attempts >= conf.get("FORMS_MAIL_MAX_ATTEMPTS"):
        OutgoingMail.objects.filter(pk=mail.pk, sent_at__isnull=True).update(
            status=OutgoingMail.Status.FAILED, lease_until=None, last_error=error_text
        )
        logger.error("Mail %s failed for good after %s attempts: %s", mail.pk, mail.attempts, error_text)
        return FAILED
    retry_at = now + timedelta(seconds=RETRY_DELAYS[min(mail.attempts, len(RETRY_DELAYS)) - 1])
    OutgoingMail.objects.filter(pk=mail.pk, sent_at__isnull=True).update(
        status=OutgoingMail.Status.PENDING, lease_until=retry_at, last_error=error_text
    )
    logger.warning("Mail %s failed (attempt %s), next try at %s: %s", mail.pk, mail.attempts, retry_at, error_text)
    return RETRY


def fail_abandoned_mail(moment=None):
    """Mark failed the rows whose last allowed attempt died with its worker."""
    moment = moment or timezone.now()
    return (
        OutgoingMail.objects.claimable(moment)
        .filter(attempts__gte=conf.get("FORMS_MAIL_MAX_ATTEMPTS"))
        .update(
            status=OutgoingMail.Status.FAILED,
            lease_until=None,
            last_error="Geen verzending bevestigd na het maximale aantal pogingen.",
        )
    )


def send_due_mail(limit=500, send=deliver):
    """The sweep: send every row that is due now with ``send(pk)``; returns how many were sent."""
    fail_abandoned_mail()
    due = OutgoingMail.objects.claimable(timezone.now()).order_by("created_at", "pk")
    sent = 0
    for pk in list(due.values_list("pk", flat=True)[:limit]):
        if send(pk) == SENT:
            sent += 1
    return sent


def delete_old_confirmation_markers(now=None):
    """Markers older than a day count for nothing any more (see ``forms.mail.may_send_confirmation``)."""
    now = now or timezone.now()
    deleted, _ = ConfirmationMailMarker.objects.filter(sent_at__lt=now - ConfirmationMailMarker.INTERVAL).delete()
    return deleted


def delete_old_mail(cutoff=None):
    """Delete sent and failed mails created before ``cutoff`` (default: the retention period)."""
    if cutoff is None:
        cutoff = retention_cutoff()
    deleted, _ = OutgoingMail.objects.filter(
        status__in=[OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED], created_at__lt=cutoff
    ).delete()
    return deleted
