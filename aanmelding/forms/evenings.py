"""The sign-up form of an information evening; its ``save()`` takes a seat (or a waitlist place) and mails."""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.db import transaction

from forms.base import PublicModelForm
from forms.consent import READ_REQUIRED_MESSAGE, ConsentMixin
from forms.fields import INVALID_EMAIL_MESSAGE, EmailField, NameField, RemarkField
from forms.models import normalise_email
from forms.ratelimit import network_key
from home.models import MunicipalitySettings

from .. import seats
from ..mails import evenings as mails
from ..models import EveningSignup

PERSONS_MESSAGE = "Kies of je alleen komt of met z'n tweeën."
DUPLICATE_SIGNUP_MESSAGE = EveningSignup.DUPLICATE_MESSAGE


class EveningSignupForm(ConsentMixin, PublicModelForm):
    consent_text = (
        # 'bijeenkomst': the same form serves information evenings and interim evaluations.
        "Ik heb gelezen hoe de gemeente mijn gegevens gebruikt om mijn aanmelding voor deze bijeenkomst af te handelen."
    )
    # A public task, not consent (see the privacy statement): the box only says it was read.
    consent_required_message = READ_REQUIRED_MESSAGE

    name = NameField(error_messages={"required": "Vul je naam in."})
    email = EmailField(
        help_text="Hierop krijg je een bevestiging, met een link om af te melden.",
        error_messages={"required": "Vul je e-mailadres in.", "invalid": INVALID_EMAIL_MESSAGE},
    )
    persons = django_forms.TypedChoiceField(
        label="Met hoeveel personen kom je?",
        choices=EveningSignup.PERSONS_CHOICES,
        coerce=int,
        initial=1,
        widget=django_forms.RadioSelect,
        error_messages={"required": PERSONS_MESSAGE, "invalid_choice": PERSONS_MESSAGE},
    )
    remark = RemarkField(
        label="Vraag of opmerking",
        help_text="Bijvoorbeeld een vraag voor de avond, of iets wat we moeten weten om je welkom te heten.",
    )

    class Meta:
        model = EveningSignup
        fields = ["name", "email", "persons", "remark"]

    def __init__(self, *args, evening=None, **kwargs):
        self.evening = evening
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        key = normalise_email(email)
        if self.evening is not None and EveningSignup.objects.filter(evening=self.evening, email_key=key).exists():
            raise django_forms.ValidationError(DUPLICATE_SIGNUP_MESSAGE)
        return email

    def validate_unique(self):
        # The database constraint decides under concurrency; clean_email() gives the message.
        pass

    def save(self, commit=True):
        """Sign up: a seat if the party fits, else the waitlist (``aanmelding.seats``); and the confirmation."""
        if not commit:
            return super().save(commit=False)
        data = {field: self.cleaned_data[field] for field in ("name", "email", "persons", "remark")}
        # The consent ConsentMixin recorded on the form's instance goes with the row.
        consent = {"consent_given_at": self.instance.consent_given_at, "consent_version": self.instance.consent_version}
        with transaction.atomic():
            try:
                signup = seats.sign_up(self.evening, network_key=self.network_key(), **data, **consent)
            except seats.NetworkFull as full:
                raise ValidationError(self.network_full_message(full.cap), code="network_full") from full
            # signup.evening is the row sign_up() locked: its calendar sequence is current.
            mails.queue_signup_received(signup, signup.evening, self.request)
        return signup

    def network_key(self):
        return network_key(self.request) if self.request is not None else ""

    def network_full_message(self, cap):
        contact = MunicipalitySettings.for_request(self.request) if self.request is not None else None
        how = f" Mail dan naar {contact.contact_email} of bel {contact.phone}." if contact else ""
        return (
            f"Vanaf dit netwerk zijn al {cap} plaatsen voor deze bijeenkomst aangevraagd. Meer kan niet, "
            f"zodat niemand in z'n eentje de zaal vult. Deel je de internetverbinding met anderen "
            f"(op je werk, in een bibliotheek) en wil je toch komen?{how} Er is nog niets opgeslagen."
        )
