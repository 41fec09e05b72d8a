"""Queueing mail: every mail of the site goes into the transactional outbox here.

``queue_mail(to, subject, template_name, context)`` renders
``<template_name>.txt`` and ``<template_name>.html`` (extend
``forms/mail/base.txt`` / ``forms/mail/base.html``), writes one
``OutgoingMail`` row *in the caller's transaction* and, when that transaction
commits, enqueues the task ``forms.tasks.send_outgoing_mail`` for the row.
A rolled-back transaction leaves no row and sends nothing; a committed one
always leaves a row, even if enqueueing fails (the sweep in ``forms.outbox``
finds it). Sending, retries and the sweep: ``forms.outbox``.

``queue_mail_later(builder, pk, ...)`` writes the row without rendering it:
the worker calls the registered builder and renders the mail when it sends
it (``forms.mail_render``). For a mail a resident waits for after a form,
so that the request stays cheap under a rush.

A confirmation mail to an address nobody has confirmed yet (double opt-in)
goes at most once a day per address and purpose, however many times and from
wherever the form is sent: ``may_send_confirmation(purpose, address)``, called
in the same transaction, says whether it may go now and records that it does.
"""

from functools import partial

from django.conf import settings
from django.core.mail import make_msgid
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .mail_render import (
    MailContent,
    addresses,
    builder_path,
    default_from_email,
    mail_builder,
    render_mail,
    rendered_fields,
)
from .models import ConfirmationMailMarker, OutgoingMail, normalise_email
from .tasks import send_outgoing_mail

# Builders and the content they make, for the apps that queue mails later (see queue_mail_later).
__all__ = ["MailContent", "mail_builder", "queue_mail", "queue_mail_later", "render_mail"]


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
    recipients = addresses(to)
    if not recipients:
        raise ValueError("A mail needs at least one recipient.")
    fields = rendered_fields(subject, template_name, context, attachments=attachments, reply_to=reply_to)
    mail = _create(recipients, from_email, source or template_name.split("/", 1)[0], **fields)
    # robust: a failing enqueue must not undo the caller's committed work;
    # the sweep sends the row anyway.
    transaction.on_commit(partial(send_outgoing_mail.enqueue, mail.pk), robust=True)
    return mail


def _create(recipients, from_email, source, **fields):
    from_email = default_from_email(from_email)
    return OutgoingMail.objects.create(
        to="\n".join(recipients),
        from_email=from_email,
        message_id=make_msgid(domain=from_email.rpartition("@")[2] or None),
        source=source,
        **fields,
    )


def queue_mail_later(builder, *args, to, key, source, from_email=None):
    """Put a mail in the outbox that the worker renders when it sends it; returns the ``OutgoingMail``.

    For mails a resident waits for after a form: the request writes one row
    (recipients, the builder's dotted path, ``args``) in the caller's
    transaction and renders nothing; the templates, CSS inlining and
    attachments cost the worker's time (see ``forms.mail_render``).
    ``builder``: a function registered with ``@mail_builder``, called as
    ``builder(*args)``; ``args`` must be JSON (primary keys, a status).
    ``key``: unique for what the mail is about (``"evening-signup:42"``): a
    second row for the same thing fails with IntegrityError, rolling the
    caller's transaction back, so a mail cannot be queued twice.
    """
    recipients = addresses(to)
    if not recipients:
        raise ValueError("A mail needs at least one recipient.")
    mail = _create(
        recipients, from_email, source, builder=builder_path(builder), builder_args=list(args), render_key=key
    )
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
