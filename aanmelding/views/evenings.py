"""Sub-pages of an information evening: 'Zet in je agenda' and the cancel link.

The sign-up form itself is the page's (``InfoEveningPage``, through
``forms.base.PublicFormPageMixin``).
"""

from django.http import HttpResponse
from django.utils import timezone

from forms.views import ConfirmActionView

from .. import evening_calendar, seats
from ..mails import evenings as mails
from ..models import EveningSignup


def calendar_file(page, request):
    """'Zet in je agenda': the evening as an .ics download."""
    response = HttpResponse(
        evening_calendar.evening_calendar(page, request=request), content_type=evening_calendar.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{page.calendar_filename()}"'
    return response


class CancelSignupView(ConfirmActionView):
    purpose = mails.CANCEL_PURPOSE
    max_age = mails.CANCEL_MAX_AGE
    model = EveningSignup
    title = "Aanmelding annuleren"
    explanation = "Wil je je aanmelding voor deze bijeenkomst annuleren? Je plaats gaat dan naar iemand anders."
    button_label = "Ja, annuleer mijn aanmelding"
    done_title = "Je aanmelding is geannuleerd"
    done_text = "Bedankt voor het doorgeven. Wil je toch komen? Meld je dan opnieuw aan zolang dat kan."

    def get_object(self, pk):
        return EveningSignup.objects.filter(pk=pk, evening=self.page).first()

    used_title = "Je aanmelding is al geannuleerd"
    used_text = "Deze aanmelding is al geannuleerd. Je hoeft niets meer te doen."

    def is_used(self, signup):
        return signup.is_cancelled

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.method == "GET":
            # Name the evening: a resident may have signed up for more than one.
            context["explanation"] = (
                f"Wil je je aanmelding voor ‘{self.page.title}’ ({self.page.when_text()}) annuleren? "
                "Je plaats gaat dan naar iemand anders."
            )
        return context

    def perform(self, signup):
        seats.cancel(signup, timezone.now())
