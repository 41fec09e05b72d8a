"""Sub-pages of the registration page: the withdraw link and 'houd mij op de hoogte'.

The registration form itself is the page's (``RegistrationPage``, through
``forms.base.PublicFormPageMixin``).
"""

from django.http import HttpResponseRedirect

from forms.base import PublicFormHandler
from forms.views import ConfirmActionView

from ..mails import registrations as mails
from ..models import Registration, RoundAlert


class RoundAlertHandler(PublicFormHandler):
    """'Houd mij op de hoogte', the second form of the registration page, shown while no round is open."""

    rate_limit_key = "aanmelding-op-de-hoogte"

    def __init__(self, page):
        self.page = page

    def get_form(self, request, data=None):
        return self.page.get_alert_form(request, data)

    def serve_form(self, request):
        # The form is on the page itself, and only while no round is open: then
        # registering is the way; a POST now stores and sends nothing.
        if request.method != "POST" or self.page.get_open_round(request) is not None:
            return HttpResponseRedirect(self.page.url)
        return super().serve_form(request)

    def form_submitted(self, request, alert):
        # The same page whether the address was new, known or confirmed already
        # (or the post was spam): it tells nobody which addresses are on the list.
        return self.page.render(request, template="aanmelding/round_alert_sent.html")

    def render_form(self, request, form, status=200):
        return self.page.render(request, context_overrides={"alert_form": form})


def round_alert(page, request):
    return RoundAlertHandler(page).serve_form(request)


class WithdrawRegistrationView(ConfirmActionView):
    purpose = mails.WITHDRAW_PURPOSE
    max_age = mails.WITHDRAW_MAX_AGE
    model = Registration
    title = "Aanmelding intrekken"
    explanation = (
        "Wil je je aanmelding voor buurtpreventie intrekken? Je naam en contactgegevens worden dan meteen verwijderd."
    )
    button_label = "Ja, trek mijn aanmelding in"
    done_title = "Je aanmelding is ingetrokken"
    done_text = (
        "Je gegevens zijn verwijderd. Wil je later toch meedoen? Meld je dan opnieuw aan bij een volgend aanmeldmoment."
    )

    used_title = "Je aanmelding is al ingetrokken"
    used_text = "Je gegevens zijn al verwijderd. Je hoeft niets meer te doen."

    def is_used(self, registration):
        return registration.status == Registration.Status.WITHDRAWN or registration.personal_data_removed

    def perform(self, registration):
        registration.withdraw()


class ConfirmRoundAlertView(ConfirmActionView):
    purpose = mails.ALERT_CONFIRM_PURPOSE
    max_age = mails.ALERT_CONFIRM_MAX_AGE
    model = RoundAlert
    title = "E-mailadres bevestigen"
    explanation = "Bevestig dat je een mail wilt krijgen zodra je je weer kunt aanmelden voor buurtpreventie."
    button_label = "Ja, houd mij op de hoogte"
    done_title = "Je e-mailadres is bevestigd"
    done_text = "Zodra een nieuw aanmeldmoment begint, krijg je van ons een mail."

    used_title = "Je e-mailadres is al bevestigd"
    used_text = "Zodra een nieuw aanmeldmoment begint, krijg je van ons een mail. Je hoeft niets meer te doen."

    def is_used(self, alert):
        return alert.is_confirmed

    def perform(self, alert):
        alert.confirm()


class CancelRoundAlertView(ConfirmActionView):
    purpose = mails.ALERT_CANCEL_PURPOSE
    max_age = mails.ALERT_CANCEL_MAX_AGE
    model = RoundAlert
    title = "Afmelden voor berichten"
    explanation = "Wil je geen mail meer krijgen als er een nieuw aanmeldmoment begint?"
    button_label = "Ja, meld mij af"
    done_title = "Je bent afgemeld"
    done_text = "Je krijgt geen berichten meer over nieuwe aanmeldmomenten. Je e-mailadres is verwijderd."

    def perform(self, alert):
        alert.forget()
