"""Public views of the registration page (routed by RegistrationPage)."""

from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from forms.base import process_public_form
from forms.ratelimit import check_rate_limit
from forms.views import ConfirmActionView

from . import mails
from .forms import DUPLICATE_MESSAGE, RegistrationForm, RoundAlertForm
from .models import Registration, RegistrationRound, RoundAlert

# The session remembers which registration the thank-you page is about. A
# caught spam submission stores None there: the same redirect to the same URL
# and the same cookie, so a bot cannot tell it was caught.
THANKS_SESSION_KEY = "aanmelding_bedankt"


def redirect_to_thanks(request, page, session_key, instance):
    """Remember what the page's thank-you page is about (None after caught spam) and go there."""
    request.session[session_key] = instance.pk if instance is not None else None
    return HttpResponseRedirect(page.url + page.reverse_subpage("thanks"))


def thanked_object(request, session_key, queryset):
    """What ``redirect_to_thanks`` remembered, looked up in ``queryset``; None if nothing (or spam)."""
    pk = request.session.get(session_key)
    return queryset.filter(pk=pk).first() if pk else None


def _render(request, page, context, status=200, current=None):
    """The registration page; ``current`` is the open round, if the caller looked it up already."""
    now = timezone.now()
    current = current or RegistrationRound.current(now)
    context = {
        "page": page,
        "self": page,
        "current_round": current,
        "next_round": None if current else RegistrationRound.next_upcoming(now),
        **context,
    }
    return TemplateResponse(request, "aanmelding/registration_page.html", context, status=status)


def registration_form(request, page):
    if request.method == "POST":
        if (limited := check_rate_limit(request, "aanmelding")) is not None:
            return limited
        # Checked now, at submit time: a form opened before closing time and
        # sent after it is refused (with what was typed kept).
        current = RegistrationRound.current()
        form = RegistrationForm(request.POST, request=request, round=current)
        saved = {}

        def save(form):
            registration = form.save()
            mails.queue_registration_received(registration, page, request)
            saved["registration"] = registration

        def success():
            return redirect_to_thanks(request, page, THANKS_SESSION_KEY, saved.get("registration"))

        response = process_public_form(form, save=save, success=success, conflict_error=("email", DUPLICATE_MESSAGE))
        if response is not None:
            return response
        return _render(request, page, {"form": form}, status=200, current=current)

    current = RegistrationRound.current()
    if current is None:
        return _render(request, page, {"alert_form": RoundAlertForm(request=request)})
    return _render(request, page, {"form": RegistrationForm(request=request, round=current)}, current=current)


def thanks(request, page):
    registration = thanked_object(request, THANKS_SESSION_KEY, Registration.objects.select_related("round"))
    context = {
        "page": page,
        "self": page,
        "registration": registration,
        "evening": registration.round.next_info_evening() if registration else None,
    }
    return TemplateResponse(request, "aanmelding/registration_thanks.html", context)


def round_alert(request, page):
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    if (limited := check_rate_limit(request, "aanmelding-op-de-hoogte")) is not None:
        return limited
    form = RoundAlertForm(request.POST, request=request)

    def save(form):
        alert, created = RoundAlert.objects.get_or_create(email=form.cleaned_data["email"])
        if created:
            alert.record_consent()
            alert.save()
        if not alert.is_confirmed:
            mails.queue_round_alert_confirmation(alert, page, request)

    def success():
        # The same page whether the address was new, known or confirmed already:
        # it tells nobody which addresses are on the list.
        return TemplateResponse(request, "aanmelding/round_alert_sent.html", {"page": page, "self": page})

    try:
        response = process_public_form(form, save=save, success=success)
    except IntegrityError:
        response = success()  # the same address twice at once: one row, as intended
    if response is not None:
        return response
    return _render(request, page, {"alert_form": form})


class PageConfirmActionView(ConfirmActionView):
    """A mail link under the registration page."""

    page = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)


class WithdrawRegistrationView(PageConfirmActionView):
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

    def perform(self, registration):
        registration.withdraw()


class ConfirmRoundAlertView(PageConfirmActionView):
    purpose = mails.ALERT_CONFIRM_PURPOSE
    max_age = mails.ALERT_CONFIRM_MAX_AGE
    model = RoundAlert
    title = "E-mailadres bevestigen"
    explanation = "Bevestig dat je een mail wilt krijgen zodra je je weer kunt aanmelden voor buurtpreventie."
    button_label = "Ja, houd mij op de hoogte"
    done_title = "Je e-mailadres is bevestigd"
    done_text = "Zodra een nieuw aanmeldmoment begint, krijg je van ons een mail."

    def perform(self, alert):
        alert.confirm()


class CancelRoundAlertView(PageConfirmActionView):
    purpose = mails.ALERT_CANCEL_PURPOSE
    max_age = mails.ALERT_CANCEL_MAX_AGE
    model = RoundAlert
    title = "Afmelden voor berichten"
    explanation = "Wil je geen mail meer krijgen als er een nieuw aanmeldmoment begint?"
    button_label = "Ja, meld mij af"
    done_title = "Je bent afgemeld"
    done_text = "Je krijgt geen berichten meer over nieuwe aanmeldmomenten. Je e-mailadres is verwijderd."

    def perform(self, alert):
        alert.delete()
