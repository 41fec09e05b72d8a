"""The registration form and the 'houd mij op de hoogte' form of the registration page.

Their ``save()`` stores the submission and queues its mails, in the
transaction of ``forms.base.PublicFormPageMixin``.
"""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.db import transaction

from forms.base import PublicForm, PublicModelForm
from forms.consent import READ_REQUIRED_MESSAGE, ConsentMixin
from forms.fields import INVALID_EMAIL_MESSAGE, EmailField, NameField, PhoneField, PostcodeField, RemarkField
from forms.mail import may_send_confirmation
from forms.models import normalise_email
from forms.motivation import STATEMENTS

from ..mails import registrations as mails
from ..models import Registration, RegistrationRound, RoundAlert, Team, Wijk
from .motivation import statement_field

KIND_MESSAGE = "Kies waarvoor je je aanmeldt: een nieuw team, een nieuwe app-groep of een bestaand team."
WIJK_MESSAGE = "Kies de wijk waarin je woont of werkt."
MEMBERS_MESSAGE = "Vul in met hoeveel mensen je denkt te beginnen, bijvoorbeeld 4."
DUPLICATE_MESSAGE = Registration.DUPLICATE_MESSAGE
TEAM_GONE_MESSAGE = "Dit team kun je niet meer kiezen. Kies een ander team, of ‘Weet ik nog niet’."
UNKNOWN_TEAM = "Weet ik nog niet"


def team_wijk_message(team, wijk):
    return (
        f"Team ‘{team.name}’ hoort bij de wijk {team.wijk}, niet bij {wijk}. "
        f"Kies een team uit je eigen wijk, of ‘{UNKNOWN_TEAM}’."
    )


class TeamChoiceField(django_forms.ChoiceField):
    """The active teams, grouped by wijk (``<optgroup>``); which one may be chosen is the form's
    business (it depends on the kind and the wijk), so any number passes here."""

    def __init__(self, **kwargs):
        super().__init__(choices=self.grouped_choices, **kwargs)

    def __deepcopy__(self, memo):
        # Each form reads the teams once: a callable would be read again by every look at
        # the choices (the select reads them twice).
        copy = super().__deepcopy__(memo)
        copy.choices = self.grouped_choices()
        return copy

    @staticmethod
    def grouped_choices():
        groups = {}
        for team in Team.objects.active().select_related("wijk"):
            groups.setdefault(str(team.wijk), []).append((str(team.pk), team.name))
        return [("", UNKNOWN_TEAM), *groups.items()]

    def to_python(self, value):
        value = super().to_python(value)
        return int(value) if value.isdigit() else None if value == "" else value

    def valid_value(self, value):
        return True


def closed_message(next_round=None):
    text = "Aanmelden kan op dit moment niet: het aanmeldmoment is gesloten. Je aanmelding is niet verstuurd."
    if next_round:
        text += f" Het volgende aanmeldmoment begint op {next_round.opens_in_words()}."
    return text


class RegistrationForm(ConsentMixin, PublicModelForm):
    # A public task, not consent (see the privacy statement): the box only says it was read.
    consent_text = "Ik heb gelezen hoe de gemeente mijn gegevens gebruikt om mijn aanmelding te behandelen."
    consent_required_message = READ_REQUIRED_MESSAGE

    kind = django_forms.ChoiceField(
        label="Waarvoor meld je je aan?",
        choices=Registration.Kind.choices,
        widget=django_forms.RadioSelect,
        error_messages={"required": KIND_MESSAGE, "invalid_choice": KIND_MESSAGE},
    )
    name = NameField(error_messages={"required": "Vul je naam in."})
    email = EmailField(
        help_text="Hierop krijg je een bevestiging en de uitnodiging voor de informatiebijeenkomst.",
        error_messages={"required": "Vul je e-mailadres in.", "invalid": INVALID_EMAIL_MESSAGE},
    )
    phone = PhoneField(required=False, help_text="Handig als we je willen bellen over het intakegesprek.")
    postcode = PostcodeField(
        help_text="Bijvoorbeeld 1234 AB.", error_messages={"required": "Vul je postcode in, bijvoorbeeld 1234 AB."}
    )
    wijk = django_forms.ModelChoiceField(
        label="In welke wijk woon of werk je?",
        queryset=Wijk.objects.all(),
        empty_label="Kies je wijk",
        error_messages={"required": WIJK_MESSAGE, "invalid_choice": WIJK_MESSAGE},
    )
    team = TeamChoiceField(
        label="Bij welk team wil je aansluiten?",
        required=False,
        help_text="Je ziet de actieve teams, per wijk. Weet je het nog niet? Dan helpen we je kiezen.",
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
        help_text="Jezelf meegeteld. Nodig voor een nieuw team of een nieuwe groep; sluit je aan bij een "
        "bestaand team, dan laat je dit leeg.",
        widget=django_forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": MEMBERS_MESSAGE,
            "min_value": MEMBERS_MESSAGE,
            "max_value": "Vul een aantal tot en met 500 in. Zijn jullie met meer? Zet dat dan bij je opmerkingen.",
        },
        # Required for a new initiative only: no "(niet verplicht)" after the label.
        template_name="aanmelding/fields/conditionally_required.html",
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
    remarks = RemarkField(
        label="Wil je nog iets kwijt?",
        help_text="Bijvoorbeeld een vraag, of iets wat we moeten weten voor het intakegesprek.",
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
            "team",
            "initiative_name",
            "expected_members",
            *[name for name, _, _ in STATEMENTS],
            "availability",
            "heard_via",
            "remarks",
        ]

    def __init__(self, *args, round=None, page=None, **kwargs):
        self.round = round
        self.page = page  # the RegistrationPage: its mail texts go into the confirmation
        super().__init__(*args, **kwargs)
        for name, _, statement in STATEMENTS:
            self.fields[name] = statement_field(statement)

    def statement_fields(self):
        return [self[name] for name, _, _ in STATEMENTS]

    def motivation_open(self):
        """The optional statements are folded away, but open when they hold answers or errors.

        Answers are also initial values (from the questionnaire's signed link): ``value()`` of an
        unbound form is its initial value.
        """
        return any(field.errors or field.value() not in (None, "") for field in self.statement_fields())

    def error_summary(self):
        # Several labels are questions: "In welke wijk woon of werk je? Kies ...", not "...?: Kies ...".
        return [(href, text.replace("?: ", "? ")) for href, text in super().error_summary()]

    def clean(self):
        cleaned = super().clean()
        if self.round is None:
            raise ValidationError(closed_message(RegistrationRound.next_upcoming()), code="round_closed")
        if (
            cleaned.get("kind") in Registration.NEW_INITIATIVES
            and not cleaned.get("expected_members")
            and "expected_members" not in self.errors  # a number it could not read already says so
        ):
            self.add_error("expected_members", MEMBERS_MESSAGE)
        team = self.clean_team_choice(cleaned)
        if "team" not in self.errors:
            cleaned["team"] = team
        email = cleaned.get("email")
        if email and Registration.objects.filter(round=self.round, email_key=normalise_email(email)).exists():
            self.add_error("email", DUPLICATE_MESSAGE)
        return cleaned

    def clean_team_choice(self, cleaned):
        """The chosen team: only for "join a team", active and in the chosen wijk; None otherwise."""
        value = cleaned.get("team")
        if cleaned.get("kind") != Registration.Kind.JOIN_TEAM or value is None:
            return None
        team = Team.objects.active().select_related("wijk").filter(pk=value).first() if isinstance(value, int) else None
        if team is None:
            self.add_error("team", TEAM_GONE_MESSAGE)
            return None
        wijk = cleaned.get("wijk")
        if wijk is not None and team.wijk_id != wijk.pk:
            self.add_error("team", team_wijk_message(team, wijk))
            return None
        return team

    def save(self, commit=True):
        """The registration in the form's round; with ``commit``, also the confirmation and notice mails."""
        registration = super().save(commit=False)
        registration.round = self.round
        if registration.kind not in Registration.NEW_INITIATIVES:
            registration.initiative_name = ""
            registration.expected_members = None
        if registration.kind != Registration.Kind.JOIN_TEAM:
            registration.team = None
        if commit:
            with transaction.atomic():
                registration.save()
                mails.queue_registration_received(registration, self.page, self.request)
        return registration


class RoundAlertForm(ConsentMixin, PublicForm):
    consent_text = "Ik geef toestemming dat de gemeente mij mailt zodra ik me weer kan aanmelden."

    email = EmailField(help_text="Je krijgt eerst een mail om je adres te bevestigen.")

    def __init__(self, *args, page=None, **kwargs):
        self.page = page  # the RegistrationPage: the confirmation link goes under it
        super().__init__(*args, **kwargs)

    def save(self):
        """Ask for the alert: a new or known address; a confirmation mail while it is not confirmed."""
        with transaction.atomic():
            # get_or_create takes the row a parallel request made: one row per address, as intended.
            alert, created = RoundAlert.objects.get_or_create(email=self.cleaned_data["email"])
            if created:
                alert.record_consent()
                alert.save()
            # Not yet confirmed: the confirmation mail, at most once a day whoever sends the form.
            if not alert.is_confirmed and may_send_confirmation(mails.ALERT_CONFIRM_PURPOSE, alert.email):
                mails.queue_round_alert_confirmation(alert, self.page, self.request)
        return alert
