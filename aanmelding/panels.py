"""Read-only panels in the page editor."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from .permissions import HANDLE_PERMISSION


class SeatSummaryPanel(Panel):
    """An evening's seats taken and left and its waitlist, in one query however many sign-ups.

    Shown on the evening's edit form, so whoever changes the capacity sees what is taken;
    handlers get a link to the sign-up list. A new evening has none yet and shows nothing.
    """

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        del kwargs["help_text"]
        return kwargs

    @property
    def clean_name(self):
        return super().clean_name or "seats"

    class BoundPanel(Panel.BoundPanel):
        template_name = "aanmelding/admin/seat_summary_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            evening = self.instance
            context["summary"] = evening.seat_summary()
            if self.request is not None and self.request.user.has_perm(HANDLE_PERMISSION):
                list_url = reverse("aanmelding_eveningsignup_modeladmin_index")
                context["list_url"] = f"{list_url}?evening={evening.pk}"
            return context
