"""Read-only panels in the page editor."""

from django.urls import reverse

from forms.panels import InstanceSummaryPanel

from .permissions import HANDLE_PERMISSION


class SeatSummaryPanel(InstanceSummaryPanel):
    """An evening's seats taken and left and its waitlist, in one query however many sign-ups.

    Shown on the evening's edit form, so whoever changes the capacity sees what is taken;
    handlers get a link to the sign-up list. A new evening has none yet and shows nothing.
    """

    default_name = "seats"
    template_name = "aanmelding/admin/seat_summary_panel.html"

    def summary_context(self, evening, request):
        context = {"summary": evening.seat_summary()}
        if request is not None and request.user.has_perm(HANDLE_PERMISSION):
            list_url = reverse("aanmelding_eveningsignup_modeladmin_index")
            context["list_url"] = f"{list_url}?evening={evening.pk}"
        return context
