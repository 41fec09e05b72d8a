from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

from forms.base import PublicForm, PublicModelForm
from forms.consent import ConsentMixin
from forms.fields import EmailField, NameField, PhoneField, PostcodeField
from forms.motivation import AGREE_SCALE, STATEMENTS

from .models import Registration, RegistrationRound, Wijk

DUPLICATE_MESSAGE = (
    "Met dit e-mailadres is al een aanmelding gedaan voor dit aanmeldmoment. "
    "Wil je iets veranderen? Neem dan contact op met de gemeente."
)


def closed_message(next_round=None):
    text = "Aanmelden kan op dit moment niet: het aanmeldmoment is gesloten. Je aanmelding is niet verstuurd."
    if next_round:
        opens = date_format(timezone.localtime(next_round.opens_at), "j F Y")
        text += f" Het volgende aanmeldmoment begint op {opens}."
    return text


class RegistrationForm(ConsentMixin, PublicModelForm):
    consent_text = (
        "Ik geef toestemming dat de gemeente mijn gegevens gebruikt om mijn aanmelding te behandelen "
        "en om contact met mij op te nemen."
    )

    kind = django_forms.ChoiceField(
        label="Waarvoor meld je je aan?", choices=Registration.KIND_CHOICES, widget=django_forms.RadioSelect
    )
    name = NameField()
    email = EmailField(help_text="Hierop krijg je een bevestiging en de uitnodiging voor de informatieavond.")
    phone = PhoneField(required=False, help_text="Handig als we je willen bellen voor een kennismaking.")
    postcode = PostcodeField()
    wijk = django_forms.ModelChoiceField(
        label="In welke wijk?", queryset=Wijk.objects.all(), empty_label="Kies je wijk"
    )
    initiative_name = django_forms.CharField(
        label="Voorgestelde naam van het team of de groep",
        required=False,
        max_length=120,
        help_text="Alleen voor een nieuw team of een nieuwe groep. Weet je het nog niet? Laat het dan leeg.",
    )
    expected_members = django_forms.IntegerField(
        label="Met hoeveel mensen denk je te beginnen?",
        required=False,
        min_value=1,
        max_value=500,
        help_text="Alleen voor een nieuw team of een nieuwe groep; jezelf meegeteld.",
        widget=django_forms.NumberInput(attrs={"inputmode": "numeric", "size": "4"}),
    )
    availability = django_forms.MultipleChoiceField(
        label="Wanneer kun je meedoen?",
        choices=Registration.AVAILABILITY_CHOICES,
        required=False,
        widget=django_forms.CheckboxSelectMultiple,
    )
    heard_via = django_forms.ChoiceField(
        label="Hoe heb je van buurtpreventie gehoord?",
        choices=[("", "Kies een antwoord"), *Registration.HEARD_VIA_CHOICES],
        required=False,
    )
    remarks = django_forms.CharField(
        label="Wil je nog iets kwijt?",
        required=False,
        max_length=2000,
        widget=django_forms.Textarea(attrs={"rows": 4}),
        help_text="Bijvoorbeeld een vraag, of iets wat we moeten weten voor het gesprek.",
    )

    class Meta:
        model = Registration
        fields = [
            "kind",
            "name",
            "email",
            "phone",
            "postcode",
            "wijk",
            "initiative_name",
            "expected_members",
            *[name for name, _, _ in STATEMENTS],
            "availability",
            "heard_via",
            "remarks",
        ]

    def __init__(self, *args, round=None, **kwargs):
        self.round = round
        super().__init__(*args, **kwargs)
        for name, _, statement in STATEMENTS:
            self.fields[name] = django_forms.TypedChoiceField(
                label=statement,
                choices=AGREE_SCALE,
                coerce=int,
                required=False,
                empty_value=None,
                widget=django_forms.RadioSelect,
            )

    def statement_fields(self):
        return [self[name] for name, _, _ in STATEMENTS]

    def clean(self):
        cleaned = super().clean()
        if self.round is None:
            raise ValidationError(closed_message(RegistrationRound.next_upcoming()), code="round_closed")
        if cleaned.get("kind") in Registration.NEW_INITIATIVES and not cleaned.get("expected_members"):
            self.add_error("expected_members", "Vul in met hoeveel mensen je denkt te beginnen, bijvoorbeeld 4.")
        email = cleaned.get("email")
        if (
            email
            and Registration.objects.filter(round=self.round, email_key=Registration.normalise_email(email)).exists()
        ):
            self.add_error("email", DUPLICATE_MESSAGE)
        return cleaned

    def save(self, commit=True):
        registration = super().save(commit=False)
        registration.round = self.round
        if registration.kind not in Registration.NEW_INITIATIVES:
            registration.initiative_name = ""
            registration.expected_members = None
        if commit:
            registration.save()
        return registration


class RoundAlertForm(ConsentMixin, PublicForm):
    consent_text = "Ik geef toestemming dat de gemeente mij mailt zodra ik me weer kan aanmelden."

    email = EmailField(help_text="Je krijgt eerst een mail om je adres te bevestigen.")
