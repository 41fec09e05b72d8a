"""The dashboard panel "Werking van de site": is the background worker running, and the mail outbox.

For everyone who may read some of the outbox's mails (``forms.outbox_admin``):
superusers, and holders of a permission an app registered for its mails (the
handlers of registrations, signals, subscribers). The mail counts are of the
mails they may read; the link to the outbox list is for those who may open it.
Cheap: the worker figures come from ``forms.health`` (remembered a few
seconds), the counts are one query.
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import health
from .outbox_admin import OutboxPermissionHelper, OutgoingMailAdmin, may_read_some_mail, readable_mail


def ago_in_words(seconds):
    """'zojuist', '1 minuut geleden', '5 minuten geleden', '2 uur geleden', '3 dagen geleden'."""
    minutes = seconds // 60
    if minutes < 1:
        return "zojuist"
    if minutes < 60:
        return "1 minuut geleden" if minutes == 1 else f"{minutes} minuten geleden"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} uur geleden"
    return f"{hours // 24} dagen geleden"


class OperationsPanel(Component):
    name = "forms_operations"
    template_name = "forms/dashboard/operations_panel.html"
    order = 70

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        now = timezone.now()
        worker = health.figures(now)["worker"]
        seconds = worker["last_heartbeat_seconds_ago"]
        can_list = OutboxPermissionHelper(OutgoingMailAdmin.model).user_can_list(user)
        return {
            "worker_alive": worker["alive"],
            "last_heartbeat": None if seconds is None else ago_in_words(seconds),
            "mail": health.mail_figures(now, readable_mail(user)),
            "outbox_url": reverse("forms_outgoingmail_modeladmin_index") if can_list else None,
        }


def add_panels(request, panels):
    """The hook: only for those who may read some mail."""
    if may_read_some_mail(request.user):
        panels.append(OperationsPanel())
