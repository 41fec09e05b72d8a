"""Test-only views that exercise the forms machinery end to end (@pytest.mark.urls)."""

from django import forms as django_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import HttpResponse, HttpResponseRedirect
from django.template import engines
from django.urls import path

import urls as site_urls
from forms.base import PublicForm, PublicFormHandler, PublicFormView, process_public_form
from forms.consent import ConsentMixin
from forms.fields import EmailField, NameField, PostcodeField
from forms.mail import queue_mail
from forms.ratelimit import rate_limit
from forms.views import ConfirmActionView

PAGE = engines["django"].from_string(
    '<!DOCTYPE html><html lang="nl"><head><title>Test</title></head><body><main><h1>Testformulier</h1>'
    '{% include "forms/public_form.html" with submit_label="Versturen" %}</main></body></html>'
)
THANK_YOU_URL = "/bedankt/"


class ContactForm(ConsentMixin, PublicForm):
    name = NameField()
    email = EmailField(help_text="We sturen je een bevestiging.")
    postcode = PostcodeField(required=False)
    kind = django_forms.ChoiceField(
        label="Waarover gaat het?",
        choices=[("team", "Een nieuw team"), ("app", "Een buurtapp-groep")],
        widget=django_forms.RadioSelect,
        help_text="Kies wat het beste past.",
    )
    message = django_forms.CharField(label="Bericht", widget=django_forms.Textarea)


def save_contact(form):
    """Store nothing but a confirmation mail in the outbox: enough to see whether a submission counted."""
    queue_mail(
        form.cleaned_data["email"],
        "Je bericht is ontvangen",
        "forms/mail/notice",
        {"greeting": f"Beste {form.cleaned_data['name']},", "paragraphs": ["We hebben je bericht ontvangen."]},
    )


class ContactView(PublicFormView):
    form_class = ContactForm
    success_url = THANK_YOU_URL
    rate_limit_key = "test-contact"

    def render_to_response(self, context, **response_kwargs):
        return HttpResponse(PAGE.render(context, self.request), **response_kwargs)

    def save(self, form):
        save_contact(form)


@rate_limit("test-function-view", limit=3, window=60)
def function_view(request):
    form = ContactForm(request.POST or None, request=request)
    if request.method == "POST":
        response = process_public_form(
            form,
            save=save_contact,
            success=lambda: HttpResponseRedirect(THANK_YOU_URL),
        )
        if response is not None:
            return response
    return HttpResponse(PAGE.render({"form": form}, request))


def thank_you(request):
    return HttpResponse("Bedankt")


class DeactivateAccountView(ConfirmActionView):
    purpose = "test-deactivate"
    model = get_user_model()
    title = "Account uitzetten"
    explanation = "Wil je je account uitzetten?"
    button_label = "Ja, zet mijn account uit"
    done_title = "Je account staat uit"

    def perform(self, user):
        user.is_active = False
        user.save(update_fields=["is_active"])


class GroupForm(PublicForm):
    name = NameField(label="Naam van de groep")


class GroupFormHandler(PublicFormHandler):
    """The form framework's pipeline on its own: a group name, unique in the database."""

    form_class = "tests.forms.urls.GroupForm"  # a dotted path, as pages name their model forms
    rate_limit_key = "test-handler"
    duplicate_error = ("name", "Deze groep bestaat al.")
    closed_message = "Dit formulier is gesloten. Er is niets verstuurd."

    def is_form_open(self, request):
        return "dicht" not in request.GET

    def process_form_submission(self, form):
        return Group.objects.create(name=form.cleaned_data["name"])

    def form_submitted(self, request, group):
        return HttpResponseRedirect(f"{THANK_YOU_URL}?groep={group.pk if group else ''}")

    def render_form(self, request, form, status=200):
        if form is None:
            return HttpResponse("Gesloten", status=status)
        return HttpResponse(PAGE.render({"form": form}, request), status=status)


def group_view(request):
    return GroupFormHandler().serve_form(request)


# The test views first, then the site's own URLs (base.html links search and
# sitemap; Wagtail's catch-all comes last there).
urlpatterns = [
    path("contact/", ContactView.as_view(), name="contact"),
    path("melding/", function_view, name="melding"),
    path("groep/", group_view, name="groep"),
    path("bedankt/", thank_you),
    path("uitzetten/<str:token>/", DeactivateAccountView.as_view(), name="deactivate"),
] + site_urls.urlpatterns
