"""Rendering outbox mails: now (``forms.mail.queue_mail``) or later, by the worker (``queue_mail_later``).

A mail queued *later* is one outbox row that names a registered builder and
its arguments (primary keys); the request that queues it renders nothing.
The worker calls the builder when it sends the row (``forms.outbox.deliver``,
holding the row's lease), writes the result into the row and sends it. The
row is rendered once: after that it holds exactly what is sent, as every
other row does. A builder answers with ``MailContent`` or None: the thing
the mail was about is gone (deleted, cancelled), so nothing is sent and the
row goes.

A builder is registered with ``@mail_builder``; rows name it by its dotted
path, and a row naming anything unregistered is never rendered (a failure).

Its own module, below ``forms.mail`` and ``forms.outbox``: both need it, and
``forms.mail`` imports the tasks, which import the outbox.
"""

import base64
import mimetypes
from dataclasses import dataclass, field

from django.conf import settings
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.module_loading import import_string

from .consent import municipality_settings

_BUILDERS = {}


@dataclass
class MailContent:
    """What a builder makes: the arguments of ``queue_mail`` after the recipients."""

    subject: str
    template_name: str
    context: dict = field(default_factory=dict)
    attachments: list = field(default_factory=list)
    reply_to: object = None


def mail_builder(function):
    """Register ``function(*args) -> MailContent | None`` for ``queue_mail_later``; returns it unchanged."""
    _BUILDERS[f"{function.__module__}.{function.__qualname__}"] = function
    return function


def builder_path(function):
    path = f"{function.__module__}.{function.__qualname__}"
    if _BUILDERS.get(path) is not function:
        raise ValueError(f"{path} is not registered with @mail_builder.")
    return path


def addresses(value):
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(address).strip() for address in value if str(address).strip()]


def stored_attachment(item):
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


def rendered_fields(subject, template_name, context=None, *, attachments=None, reply_to=None):
    """The outbox row's fields that rendering fills: subject, bodies, attachments, reply-to."""
    subject = " ".join(str(subject).split())  # one line: no header injection
    municipality = municipality_settings()
    if reply_to is None and municipality is not None:
        reply_to = municipality.contact_email
    context = {"subject": subject, "municipality": municipality, **(context or {})}
    body_text, body_html = render_mail(template_name, context)
    return {
        "subject": subject[:255],
        "body_text": body_text,
        "body_html": body_html,
        "attachments": [stored_attachment(item) for item in attachments or []],
        "reply_to": "\n".join(addresses(reply_to)),
    }


def render_later(mail):
    """Fill a row queued with ``queue_mail_later`` by calling its builder; False if there is nothing to send.

    Saves the rendered fields, so a second delivery attempt sends the same mail.
    """
    builder = _BUILDERS.get(mail.builder)
    if builder is None:
        import_string(mail.builder)  # registers it, if it is a builder at all
        builder = _BUILDERS.get(mail.builder)
    if builder is None:
        raise ValueError(f"{mail.builder} is not a registered mail builder.")
    content = builder(*mail.builder_args)
    if content is None:
        return False
    fields = rendered_fields(
        content.subject,
        content.template_name,
        content.context,
        attachments=content.attachments,
        reply_to=content.reply_to,
    )
    for name, value in fields.items():
        setattr(mail, name, value)
    mail.save(update_fields=list(fields))
    return True


def default_from_email(from_email=None):
    return from_email or settings.DEFAULT_FROM_EMAIL
