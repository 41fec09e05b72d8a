"""Read-only panels in the page editor."""

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse

from forms.panels import InstanceSummaryPanel

from .groups import SEND_PERMISSION

VIEW_DELIVERIES_PERMISSION = "nieuwsbrief.view_delivery"
DELIVERY_LOG_URL_NAME = "nieuwsbrief_delivery_modeladmin_index"


def delivery_log_url(sending_id):
    """The delivery log filtered to one sending."""
    return f"{reverse(DELIVERY_LOG_URL_NAME)}?sending={sending_id}"


def sending_context(issue, user):
    """The issue's sending (or None) with its progress (one query) and, for whoever may see it, the log's link."""
    try:
        sent = issue.sending
    except ObjectDoesNotExist:
        sent = None
    context = {"sending": sent, "progress": None, "log_url": None}
    if sent is not None:
        context["progress"] = sent.progress()
        if user is not None and user.has_perm(VIEW_DELIVERIES_PERMISSION):
            context["log_url"] = delivery_log_url(sent.pk)
    return context


class SendingProgressPanel(InstanceSummaryPanel):
    """On an issue's edit form: when it was sent and how far (sent / total / failed / waiting), in one query.

    Before it is sent, whoever may send gets a link to "Versturen"; a new issue shows nothing.
    """

    default_name = "sending"
    template_name = "nieuwsbrief/admin/sending_progress_panel.html"

    def summary_context(self, issue, request):
        user = request.user if request is not None else None
        context = sending_context(issue, user)
        if user is not None and user.has_perm(SEND_PERMISSION):
            context["send_url"] = reverse("nieuwsbrief_send", args=[issue.pk])
        return context
