"""Base classes for every public form, and the helper views use to handle them.

A public form (registration, information-evening sign-up, newsletter
subscription, patrol report) is built like this::

    from forms.base import PublicModelForm
    from forms.consent import ConsentMixin
    from forms.fields import EmailField, NameField, PostcodeField

    class RegistrationForm(ConsentMixin, PublicModelForm):
        consent_text = "Ik geef toestemming dat de gemeente mijn gegevens gebruikt om mijn aanmelding te behandelen."
        name = NameField()
        email = EmailField()
        postcode = PostcodeField()

        class Meta:
            model = Registration
            fields = ["kind", "name", "email", "postcode", "motivation"]
            widgets = {"kind": forms.RadioSelect}

and served like this (a Wagtail page's ``serve()`` or any view)::

    from forms.base import process_public_form
    from forms.ratelimit import check_rate_limit

    def serve(self, request):
        if request.method == "POST":
            if (limited := check_rate_limit(request, "aanmelding")) is not None:
                return limited
            form = RegistrationForm(request.POST, request=request)
            response = process_public_form(
                form,
                save=lambda form: form.save(),       # runs in transaction.atomic()
                success=lambda: redirect(self.url + "bedankt/"),
            )
            if response is not None:
                return response                      # success, or spam: same answer
        else:
            form = RegistrationForm(request=request)
        return render(request, self.template, {"page": self, "form": form})

and in the template: ``{% include "forms/public_form.html" with submit_label="Aanmelden" %}``.

What ``PublicForm`` brings: the honeypot and signed timestamp
(``forms.spam``), accessible rendering with an error summary
(``forms.rendering``), autocomplete tokens, the ``request`` keyword argument
(``form.request``) and, with ``ConsentMixin``, the consent checkbox.
"""

from django import forms as django_forms
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.views.generic.edit import FormView

from .ratelimit import RateLimitMixin
from .rendering import AccessibleFormMixin
from .spam import SpamProtectionMixin, log_spam


class PublicFormMixin(SpamProtectionMixin, AccessibleFormMixin):
    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)


class PublicForm(PublicFormMixin, django_forms.Form):
    """A public form that is not tied to a model."""


class PublicModelForm(PublicFormMixin, django_forms.ModelForm):
    """A public form over one of our models."""


def process_public_form(form, *, save, success, conflict_error=None):
    """Handle a bound public form according to the spam contract (see ``forms.spam``).

    - spam: nothing is saved, nothing sent; returns ``success()``, exactly the
      answer a real submission gets;
    - invalid: returns ``None``; render the bound form again (it keeps what
      was typed and shows the errors);
    - valid: calls ``save(form)`` inside ``transaction.atomic()`` (queue mails
      there too, see ``forms.mail``), then returns ``success()``.

    ``conflict_error`` (``(field, message)``) turns an ``IntegrityError`` from
    ``save`` (a unique constraint lost to a parallel submit) into that form
    error; without it the error propagates.

    ``success`` is a callable without arguments returning the response, best a
    redirect to a thank-you page that shows nothing from the submission.
    """
    if form.is_spam():
        log_spam(form)
        return success()
    if not form.is_valid():
        return None
    try:
        with transaction.atomic():
            save(form)
    except IntegrityError:
        if conflict_error is None:
            raise
        # Two submits at the same moment: the form's own check passed for
        # both, the database's unique constraint let one through. The other
        # gets the same error the form check gives, with what was typed kept.
        form.add_error(*conflict_error)
        return None
    return success()


class PublicFormView(RateLimitMixin, FormView):
    """A class-based view for a public form outside Wagtail's page tree.

    Rate-limits POSTs (``rate_limit_key``), passes ``request`` to the form and
    follows the spam contract. Override ``save(form)``; the default calls
    ``form.save()`` (model forms).
    """

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["request"] = self.request
        return kwargs

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        response = process_public_form(
            form, save=self.save, success=lambda: HttpResponseRedirect(self.get_success_url())
        )
        return response if response is not None else self.form_invalid(form)

    def save(self, form):
        form.save()
