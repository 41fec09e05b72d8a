"""Queueing mail: every mail of the site goes into the transactional outbox here.

``queue_mail(to, subject, template_name, context)`` renders
``<template_name>.txt`` and ``<template_name>.html`` (extend
``forms/mail/base.txt`` / ``forms/mail/base.html``), writes one
``OutgoingMail`` row *in the caller's transaction* and, when that transaction
commits, enqueues the task ``forms.tasks.send_outgoing_mail`` for the row.
A rolled-back transaction leaves no row and sends nothing; a committed one
always leaves a row, even if enqueueing fails (the sweep in ``forms.outbox``
finds it). Sending, retries and the sweep: ``forms.outbox``.

A confirmation mail to an address nobody has confirmed yet (double opt-in)
goes at most once a day per address and purpose, however many times and from
wherever the form is sent: ``may_send_confirmation(purpose, address)``, called
in the same transaction, says whether it may go now and records that it does.
"""

import base64
import mimetypes
from functools import partial

from django.conf import settings
from django.core.mail import make_msgid
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .consent import municipality_settings
from .models import ConfirmationMailMarker, OutgoingMail, normalise_email
from .tasks import send_outgoing_mail


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


def queue_mail(
    to, subject, template_name, context=None, *, attachments=None, reply_to=None, from_email=None, source=None
):
    """Put a mail in the outbox, in the current transaction; returns the ``OutgoingMail``.

    ``to`` and ``reply_to``: an address or a list of them. ``subject``: the
    finished subject line. ``template_name``: without extension, e.g.
    ``"aanmelding/mail/received"``. ``context`` gets ``subject`` and
    ``municipality`` (the site settings) added. ``attachments``: a list of
    ``(filename, content, mimetype)`` tuples or dicts with those keys.
    Without ``reply_to``, an answer goes to the municipality's contact address
    (the site settings), not to the sending address nobody reads. ``source``:
    the app that writes the mail, which decides who reads it in the admin's
    outbox (``forms.outbox_admin``); default the template's first folder, so an
    app that uses a shared ``forms/`` template names itself.
    """
    recipients = _addresses(to)
    if not recipients:
        raise ValueError("A mail needs at least one recipient.")
    subject = " ".join(str(subject).split())  # one line: no header injection
    municipality = municipality_settings()
    if reply_to is None and municipality is not None:
        reply_to = municipality.contact_email
    context = {"subject": subject, "municipality": municipality, **(context or {})}
    body_text, body_html = render_mail(template_name, context)
    from_email = from_email or settings.DEFAULT_FROM_EMAIL
    mail = OutgoingMail.objects.create(
        to="\n".join(recipients),
        from_email=from_email,
        message_id=make_msgid(domain=from_email.rpartition("@")[2] or None),
        reply_to="\n".join(_addresses(reply_to)),
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        attachments=[_attachment(item) for item in attachments or []],
        source=source or template_name.split("/", 1)[0],
    )
    # robust: a failing enqueue must not undo the caller's committed work;
    # the sweep sends the row anyway.
    transaction.on_commit(partial(send_outgoing_mail.enqueue, mail.pk), robust=True)
    return mail


def absolute_url(path, request=None):
    """A full link for a mail: from the request when there is one, else from ``WAGTAILADMIN_BASE_URL``
    (mails queued in the background have no request)."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def may_send_confirmation(purpose, address, now=None):
    """True if a confirmation mail for ``purpose`` may go to ``address`` now, and records it; else False.

    At most one a day: a form cannot be used to flood someone's mailbox. Call it
    in the transaction that queues the mail, so a rolled-back submission counts
    for nothing. The record holds a keyed hash, not the address.
    """
    now = now or timezone.now()
    key = salted_hmac("forms.mail.confirmation", f"{purpose}:{normalise_email(address)}").hexdigest()
    with transaction.atomic():
        marker, created = ConfirmationMailMarker.objects.select_for_update().get_or_create(
            key=key, defaults={"sent_at": now}
        )
        if created:
            return True
        if marker.sent_at > now - ConfirmationMailMarker.INTERVAL:
            return False
        marker.sent_at = now
        marker.save(update_fields=["sent_at"])
        return True
