from django import forms as django_forms

from forms.base import PublicModelForm
from forms.consent import ConsentMixin
from forms.fields import INVALID_EMAIL_MESSAGE, EmailField, NameField, RemarkField

from .models import EveningSignup, Registration

PERSONS_MESSAGE = "Kies of je alleen komt of met z'n tweeën."
DUPLICATE_SIGNUP_MESSAGE = (
    "Met dit e-mailadres is al iemand aangemeld voor deze bijeenkomst. "
    "Wil je iets veranderen? Annuleer dan eerst via de link in je bevestigingsmail."
)


class EveningSignupForm(ConsentMixin, PublicModelForm):
    consent_text = (
        "Ik geef toestemming dat de gemeente mijn gegevens gebruikt om mijn aanmelding voor deze "
        "informatiebijeenkomst af te handelen."
    )

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
        key = Registration.normalise_email(email)
        if self.evening is not None and EveningSignup.objects.filter(evening=self.evening, email_key=key).exists():
            raise django_forms.ValidationError(DUPLICATE_SIGNUP_MESSAGE)
        return email

    def validate_unique(self):
        # The database constraint decides under concurrency; clean_email() gives the message.
        pass
