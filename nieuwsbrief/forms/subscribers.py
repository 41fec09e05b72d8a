"""The subscription form: e-mail, optional wijk of interest, consent; its ``save()`` follows double opt-in.

Whatever the address's state, the visitor gets the same answer (the page's
thank-you page); only the mail differs, and it goes to the address's owner:

- new, pending or unsubscribed: pending (again), with a confirm mail;
- active: nothing changes, 'je bent al aangemeld' with the personal page.

Each of those mails goes at most once a day per address.
"""

from django import forms as django_forms
from django.db import IntegrityError, transaction

from forms.base import PublicForm
from forms.consent import ConsentMixin
from forms.fields import INVALID_EMAIL_MESSAGE, EmailField
from forms.models import normalise_email

from ..hooks import wijk_choices
from ..mails import subscribers as mails
from ..models import Subscriber

WIJK_MESSAGE = "Kies een wijk uit de lijst, of ‘Geen voorkeur’."


class SubscribeForm(ConsentMixin, PublicForm):
    consent_text = (
        "Ik geef toestemming dat de gemeente mijn e-mailadres (en de wijk als ik die kies) gebruikt om mij "
        "de nieuwsbrief over buurtpreventie te sturen."
    )

    email = EmailField(
        help_text="Je krijgt eerst een mail met een link om je aanmelding te bevestigen.",
        error_messages={"required": "Vul je e-mailadres in.", "invalid": INVALID_EMAIL_MESSAGE},
    )
    wijk = django_forms.ChoiceField(
        label="Welke wijk interesseert je het meest?",
        required=False,
        error_messages={"invalid_choice": WIJK_MESSAGE},
    )

    def __init__(self, *args, page=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = wijk_choices()

    def save(self):
        """Store or renew the request and queue its mail; returns the Subscriber."""
        email = normalise_email(self.cleaned_data["email"])
        wijk = self.cleaned_data.get("wijk", "")
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
            if subscriber is None:
                subscriber = self._create(email, wijk)
                if subscriber is not None:
                    mails.queue_confirmation(subscriber, self.request)
                    return subscriber
                # A parallel submit made the row first: go on with that row, like any known address.
                subscriber = Subscriber.objects.select_for_update().get(email=email)
            if subscriber.is_active:
                # Nothing changes: whoever typed the address may not be its owner.
                mails.queue_already_subscribed(subscriber, self.request)
            else:
                subscriber.ask_again(wijk)
                mails.queue_confirmation(subscriber, self.request)
        return subscriber

    @staticmethod
    def _create(email, wijk):
        """A new pending subscriber, or None when the unique address was taken in the meantime."""
        subscriber = Subscriber(email=email, wijk=wijk)
        subscriber.record_consent()
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the outer transaction usable
                subscriber.save(force_insert=True)
        except IntegrityError:
            return None
        return subscriber
