"""The transactional mail outbox: every mail of the site goes through here.

Queueing
--------
``queue_mail(to, subject, template_name, context)`` renders
``<template_name>.txt`` and ``<template_name>.html`` (extend
``forms/mail/base.txt`` / ``forms/mail/base.html``), writes one
``OutgoingMail`` row *in the caller's transaction* and, when that transaction
commits, enqueues the task ``forms.tasks.send_outgoing_mail`` for the row.
A rolled-back transaction leaves no row and sends nothing; a committed one
always leaves a row, even if enqueueing fails (the sweep below finds it).

Sending
-------
``deliver(pk)`` (run by the task) first *claims* the row with one
conditional UPDATE: only a row that is pending or sending, not sent, and
whose lease is empty or over is taken; taking it sets a lease
(``FORMS_MAIL_LEASE_SECONDS``, default 10 minutes) and counts an attempt.
Claimed nothing? Another worker holds it, or it was sent: nothing happens.
Then the mail goes out through Django's mail framework and the row is marked
sent. A failure is recorded (``last_error``) and the row stays pending, with
its lease set to the moment of the next try (1, 4, 16, 60 minutes); where
the task backend can defer (``django_tasks_db``) the task is enqueued again
for that moment. After ``FORMS_MAIL_MAX_ATTEMPTS`` (5) attempts the row is
marked failed.

Sweeping
--------
``send_due_mail()`` (the task ``send_pending_mail`` and the management
command ``send_pending_mail``) sends every row that is due: never enqueued,
waiting for a retry, or left "sending" by a worker that crashed (its lease
ran out). Because every send starts with the claim, a row is never sent by
two workers at once and never again once it is marked sent. (A worker that
dies after the mail server accepted the mail but before marking it sent will
cause one duplicate after the lease: at least once, never lost.)

Also ``delete_old_mail()`` removes sent and failed mails older than the
retention period, as they hold personal data.
"""

import base64
import logging
import mimetypes
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from . import conf
from .models import OutgoingMail

logger = logging.getLogger(__name__)

SENT = "sent"
SKIPPED = "skipped"
RETRY = "retry"
FAILED = "failed"

# Seconds to wait before the next attempt, by the number of attempts made so far.
RETRY_DELAYS = (60, 4 * 60, 16 * 60, 60 * 60)


def _addresses(value):
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(address).strip() for address in value if str(address).strip()]


def _attachment(item):
    """``(filename, content, mimetype)`` or a dict with those keys -> stored dict."""
    if isinstance(item, dict):
        filename, content, mimetype = item["filename"], item["content"], item.get("mimetype")
    else:
        filename, content, mimetype = (tuple(item) + (None,))[:3]
    if isinstance(content, str):
        content = content.encode()
    mimetype = mimetype or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return {"filename": filename, "content": base64.b64encode(content).decode("ascii"), "mimetype": mimetype}


def render_mail(template_name, context):
    """Render ``<template_name>.txt`` (no HTML escaping) and ``.html``; returns ``(text, html)``."""
    text_template = get_template(f"{template_name}.txt")
    text = text_template.template.render(Context(context, autoescape=False))
    html = render_to_string(f"{template_name}.html", context)
    return text.strip() + "\n", html


def queue_mail(to, subject, template_name, context=None, *, attachments=None, reply_to=None, from_email=None):
    """Put a mail in the outbox, in the current transaction; returns the ``OutgoingMail``.

    ``to`` and ``reply_to``: an address or a list of them. ``subject``: the
    finished subject line. ``template_name``: without extension, e.g.
    ``"aanmelding/mail/received"``. ``context`` gets ``subject`` and
    ``municipality`` (the site settings) added. ``attachments``: a list of
    ``(filename, content, mimetype)`` tuples or dicts with those keys.
    """
    recipients = _addresses(to)
    if not recipients:
        raise ValueError("A mail needs at least one recipient.")
    subject = " ".join(str(subject).split())  # one line: no header injection
    from .consent import municipality_settings

    context = {"subject": subject, "municipality": municipality_settings(), **(context or {})}
    body_text, body_html = render_mail(template_name, context)
    mail = OutgoingMail.objects.create(
        to="\n".join(recipients),
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        reply_to="\n".join(_addresses(reply_to)),
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        attachments=[_attachment(item) for item in attachments or []],
    )
    from .tasks import send_outgoing_mail

    # robust: a failing enqueue must not undo the caller's committed work;
    # the sweep sends the row anyway.
    transaction.on_commit(partial(send_outgoing_mail.enqueue, mail.pk), robust=True)
    return mail


def build_message(mail):
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=mail.from_email,
        to=mail.recipients,
        reply_to=mail.reply_to_addresses or None,
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for item in mail.attachments:
        message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    return message


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
    _schedule_retry(mail.pk, retry_at)
    return RETRY


def _schedule_retry(pk, retry_at):
    """Enqueue the task again for ``retry_at`` if the backend can defer; else the sweep retries."""
    from .tasks import send_outgoing_mail

    if not send_outgoing_mail.get_backend().supports_defer:
        return
    try:
        send_outgoing_mail.using(run_after=retry_at + timedelta(seconds=1)).enqueue(pk)
    except Exception:
        logger.exception("Could not schedule a retry for mail %s; the sweep will send it.", pk)


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


def send_due_mail(limit=500):
    """The sweep: send every row that is due now; returns how many were sent."""
    fail_abandoned_mail()
    due = OutgoingMail.objects.claimable(timezone.now()).order_by("created_at", "pk")
    sent = 0
    for pk in list(due.values_list("pk", flat=True)[:limit]):
        if deliver(pk) == SENT:
            sent += 1
    return sent


def delete_old_mail(cutoff=None):
    """Delete sent and failed mails created before ``cutoff`` (default: the retention period)."""
    if cutoff is None:
        from .retention import retention_cutoff

        cutoff = retention_cutoff()
    deleted, _ = OutgoingMail.objects.filter(
        status__in=[OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED], created_at__lt=cutoff
    ).delete()
    return deleted
