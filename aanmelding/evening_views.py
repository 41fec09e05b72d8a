"""Public views of an information evening (routed by InfoEveningPage)."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from forms.base import process_public_form
from forms.ratelimit import check_rate_limit

from . import evening_calendar, evening_mails
from .evening_forms import DUPLICATE_SIGNUP_MESSAGE, EveningSignupForm
from .models import EveningSignup, sign_up
from .views import PageConfirmActionView, redirect_to_thanks, thanked_object

# As aanmelding.views.THANKS_SESSION_KEY: which sign-up the thank-you page is
# about; None after a caught spam submission.
THANKS_SESSION_KEY = "informatiebijeenkomst_bedankt"
CLOSED_MESSAGE = "Aanmelden voor deze bijeenkomst kan niet meer. Je aanmelding is niet verstuurd."


def _render(request, page, form, status=200):
    context = {
        "page": page,
        "self": page,
        "form": form,
        "signup_open": page.is_signup_open(),
        "is_past": page.ends_at < timezone.now(),
        "agenda_path": page.reverse_subpage("calendar"),
        **_seats(page),
    }
    return TemplateResponse(request, "aanmelding/info_evening_page.html", context, status=status)


def _seats(page):
    left = page.seats_left()
    return {"seats_left": left, "is_full": left <= 0}


def signup_form(request, page):
    if request.method != "POST":
        form = EveningSignupForm(request=request, evening=page) if page.is_signup_open() else None
        return _render(request, page, form)

    if (limited := check_rate_limit(request, "informatiebijeenkomst")) is not None:
        return limited
    form = EveningSignupForm(request.POST, request=request, evening=page)
    if not page.is_signup_open():
        # Checked at submit time: a form opened before the deadline and sent after it is refused.
        form.is_valid()
        form.add_error(None, CLOSED_MESSAGE)
        return _render(request, page, form)
    saved = {}

    def save(form):
        data = {field: form.cleaned_data[field] for field in ("name", "email", "persons", "remark")}
        # The consent ConsentMixin recorded on the form's instance goes with the row.
        consent = {"consent_given_at": form.instance.consent_given_at, "consent_version": form.instance.consent_version}
        signup = sign_up(page, **data, **consent)
        evening_mails.queue_signup_received(signup, page, request)
        saved["signup"] = signup

    def success():
        return redirect_to_thanks(request, page, THANKS_SESSION_KEY, saved.get("signup"))

    response = process_public_form(form, save=save, success=success, conflict_error=("email", DUPLICATE_SIGNUP_MESSAGE))
    if response is not None:
        return response
    return _render(request, page, form)


def thanks(request, page):
    signup = thanked_object(request, THANKS_SESSION_KEY, EveningSignup.objects.filter(evening=page))
    context = {"page": page, "self": page, "signup": signup, "agenda_path": page.reverse_subpage("calendar")}
    return TemplateResponse(request, "aanmelding/evening_thanks.html", context)


def calendar_file(request, page):
    """'Zet in je agenda': the evening as an .ics download."""
    response = HttpResponse(
        evening_calendar.evening_calendar(page, request=request), content_type=evening_calendar.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{evening_calendar.FILENAME}"'
    return response


class CancelSignupView(PageConfirmActionView):
    purpose = evening_mails.CANCEL_PURPOSE
    max_age = evening_mails.CANCEL_MAX_AGE
    model = EveningSignup
    title = "Aanmelding annuleren"
    explanation = (
        "Wil je je aanmelding voor deze informatiebijeenkomst annuleren? Je plaats gaat dan naar iemand anders."
    )
    button_label = "Ja, annuleer mijn aanmelding"
    done_title = "Je aanmelding is geannuleerd"
    done_text = "Bedankt voor het doorgeven. Wil je toch komen? Meld je dan opnieuw aan zolang dat kan."

    def get_object(self, pk):
        return EveningSignup.objects.filter(pk=pk, evening=self.page).first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_cancelled and self.request.method == "GET":
            context["explanation"] = "Deze aanmelding is al geannuleerd. Je hoeft niets meer te doen."
        elif self.request.method == "GET":
            # Name the evening: a resident may have signed up for more than one.
            context["explanation"] = (
                f"Wil je je aanmelding voor ‘{self.page.title}’ ({evening_mails.when(self.page)}) annuleren? "
                "Je plaats gaat dan naar iemand anders."
            )
        return context

    def perform(self, signup):
        signup.cancel(timezone.now())
