"""The patrol-report form (verslag van een loopronde) and its matters for the public space.

``PatrolReportForm`` asks the questions of guideline example 3 for one team
(``team``: the one whose link was opened). Its matters for the public space
are a formset (``form.matters``); each non-empty row becomes a ``Signal`` in
the transaction that stores the report (``forms.base.PublicFormPageMixin``).

A "rustige ronde" asks only date, times and route: the other answers, and
the matters, are ignored. The button "Nog een melding toevoegen" posts the
form to get one more empty row: nothing is checked or stored then, and
everything typed comes back (no JavaScript needed).
"""

import datetime

from django import forms as django_forms
from django.forms.utils import ErrorDict, ErrorList
from django.utils import timezone

from forms.base import PublicModelForm
from forms.rendering import AccessibleFormMixin

from ..models import PatrolReport, Signal
from ..models.reports import MAX_REPORT_AGE_DAYS

# The name of the submit button that asks for one more empty matter row.
ADD_MATTER_BUTTON = "nog_een_melding"
MATTER_PREFIX = "melding"
MAX_MATTERS = 20
CONDITIONAL_TEMPLATE = "aanmelding/fields/conditionally_required.html"

ROUTE_MESSAGE = "Vul de route in: de straten in de volgorde waarin jullie liepen."
DATE_MESSAGE = "Vul de datum van de ronde in, bijvoorbeeld 14-03-2026."
START_MESSAGE = "Vul de begintijd in, bijvoorbeeld 20:00."
END_MESSAGE = "Vul de eindtijd in, bijvoorbeeld 21:30."
KIND_MESSAGE = "Kies of het een rustige ronde was of dat je een volledig verslag invult."
AREA_MESSAGE = "Kies waar jullie liepen."
COUNT_MESSAGE = "Vul in met hoeveel mensen jullie liepen, bijvoorbeeld 2."
NOTICED_MESSAGE = "Kies ja of nee: viel er iets op?"
NOTICED_TEXT_MESSAGE = "Vertel kort wat er opviel."
SPOKE_MESSAGE = "Kies ja of nee: spraken jullie bewoners?"
SPOKE_TEXT_MESSAGE = "Vertel kort waarover jullie spraken en hoe het ging."
OTHER_MESSAGE = "Vul in waar jullie nog meer op letten."
WALKERS_MESSAGE = "Kies alleen leden van jullie eigen team."
TOO_MANY_WALKERS_MESSAGE = "Je koos meer teamleden dan er liepen. Pas het aantal of de namen aan."
CATEGORY_MESSAGE = "Kies wat voor melding het is."
DESCRIPTION_MESSAGE = "Beschrijf wat er aan de hand is."

YES_NO = [("ja", "Ja"), ("nee", "Nee")]
KIND_CHOICES = [
    ("volledig", "Een volledig verslag"),
    ("rustig", "Een rustige ronde: er viel niets op, ik vul alleen datum, tijd en route in"),
]
# Asked in a full report only; a quiet round stores these answers, whatever was typed.
QUIET_ANSWERS = {
    "area": "",
    "walker_count": None,
    "walkers": [],
    "noticed_something": None,
    "noticed": "",
    "spoke_with_residents": None,
    "conversations": "",
    "attention": [],
    "attention_other": "",
}
FULL_REPORT_FIELDS = list(QUIET_ANSWERS)


def time_field(label, message):
    """A time of day as a phone's time picker gives it, or typed as 20:00 or 20.00."""
    return django_forms.TimeField(
        label=label,
        widget=django_forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        error_messages={"required": message, "invalid": message},
    )


def yes_no_field(label, message):
    return django_forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "ja",
        empty_value=None,
        widget=django_forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


class MatterForm(AccessibleFormMixin, django_forms.ModelForm):
    """One matter for the public space: what kind, where, and what is wrong."""

    category = django_forms.ChoiceField(
        label="Soort melding",
        choices=[("", "Kies een soort"), *Signal.Category.choices],
        error_messages={"required": CATEGORY_MESSAGE, "invalid_choice": CATEGORY_MESSAGE},
    )
    street = django_forms.CharField(
        label="Straat",
        required=False,
        max_length=120,
        help_text="Of beschrijf hieronder de plek, als er geen straatnaam is.",
        template_name=CONDITIONAL_TEMPLATE,
        widget=django_forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    house_number = django_forms.CharField(
        label="In de buurt van huisnummer",
        required=False,
        max_length=10,
        widget=django_forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "size": "6"}),
    )
    location_description = django_forms.CharField(
        label="Of beschrijf de plek",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: het speeltuintje achter de school.",
        template_name=CONDITIONAL_TEMPLATE,
    )
    description = django_forms.CharField(
        label="Wat is er aan de hand?",
        max_length=2000,
        widget=django_forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": DESCRIPTION_MESSAGE},
    )

    class Meta:
        model = Signal
        fields = ["category", "street", "house_number", "location_description", "description"]


class BaseMatterFormSet(django_forms.BaseFormSet):
    def empty_rows_ignored(self):
        """The rows that hold something: an untouched row is no matter."""
        return [form for form in self.forms if form.has_changed()]


MatterFormSet = django_forms.formset_factory(
    MatterForm, formset=BaseMatterFormSet, extra=1, max_num=MAX_MATTERS, absolute_max=MAX_MATTERS
)


def skip_validation(form):
    """Render a bound form with what was typed, but without checking it (no errors shown)."""
    form._errors = ErrorDict()
    form.cleaned_data = {}


class PatrolReportForm(PublicModelForm):
    """The report of one patrol round of ``team``, with its matters for the public space."""

    report_kind = django_forms.ChoiceField(
        label="Wat voor verslag wordt het?",
        choices=KIND_CHOICES,
        initial="volledig",
        widget=django_forms.RadioSelect,
        error_messages={"required": KIND_MESSAGE, "invalid_choice": KIND_MESSAGE},
    )
    walked_on = django_forms.DateField(
        label="Datum van de ronde",
        widget=django_forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"required": DATE_MESSAGE, "invalid": DATE_MESSAGE},
    )
    start_time = time_field("Begintijd", START_MESSAGE)
    end_time = time_field("Eindtijd", END_MESSAGE)
    route = django_forms.CharField(
        label="Route",
        max_length=2000,
        help_text="De straten in de volgorde waarin jullie liepen, bijvoorbeeld: Dorpsstraat, Kerkpad, Molenweg.",
        widget=django_forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
        error_messages={"required": ROUTE_MESSAGE},
    )
    area = django_forms.ChoiceField(
        label="Waar liepen jullie?",
        choices=PatrolReport.Area.choices,
        widget=django_forms.RadioSelect,
        error_messages={"required": AREA_MESSAGE, "invalid_choice": AREA_MESSAGE},
    )
    walker_count = django_forms.IntegerField(
        label="Met hoeveel mensen liepen jullie?",
        min_value=1,
        max_value=50,
        widget=django_forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": COUNT_MESSAGE,
            "invalid": COUNT_MESSAGE,
            "min_value": COUNT_MESSAGE,
            "max_value": "Vul een aantal tot en met 50 in.",
        },
    )
    walkers = django_forms.ModelMultipleChoiceField(
        label="Wie liepen er mee?",
        queryset=None,  # this team's members, set in __init__
        required=False,
        help_text="Kies uit de leden van jullie team.",
        widget=django_forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": WALKERS_MESSAGE, "invalid_pk_value": WALKERS_MESSAGE},
    )
    noticed_something = yes_no_field("Viel er iets op?", NOTICED_MESSAGE)
    noticed = django_forms.CharField(
        label="Wat viel er op?",
        required=False,
        max_length=3000,
        help_text="Alleen als er iets opviel.",
        widget=django_forms.Textarea(attrs={"rows": 4}),
        template_name=CONDITIONAL_TEMPLATE,
    )
    spoke_with_residents = yes_no_field("Hebben jullie bewoners gesproken?", SPOKE_MESSAGE)
    conversations = django_forms.CharField(
        label="Waarover spraken jullie, en hoe ging het?",
        required=False,
        max_length=3000,
        help_text="Alleen als jullie bewoners spraken. Noem geen namen.",
        widget=django_forms.Textarea(attrs={"rows": 4}),
        template_name=CONDITIONAL_TEMPLATE,
    )
    attention = django_forms.MultipleChoiceField(
        label="Waar letten jullie op?",
        choices=PatrolReport.ATTENTION_CHOICES,
        required=False,
        widget=django_forms.CheckboxSelectMultiple,
    )
    attention_other = django_forms.CharField(
        label="Iets anders, namelijk",
        required=False,
        max_length=200,
        help_text="Alleen als je ‘Iets anders’ koos.",
        template_name=CONDITIONAL_TEMPLATE,
        widget=django_forms.TextInput(attrs={"autocomplete": "off"}),
    )

    class Meta:
        model = PatrolReport
        fields = [
            "walked_on",
            "start_time",
            "end_time",
            "route",
            "area",
            "walker_count",
            "walkers",
            "noticed_something",
            "noticed",
            "spoke_with_residents",
            "conversations",
            "attention",
            "attention_other",
        ]

    def __init__(self, *args, team, **kwargs):
        self.team = team
        super().__init__(*args, **kwargs)
        self.instance.team = team
        self.fields["walkers"].queryset = team.members.all()
        today = timezone.localdate()
        self.fields["walked_on"].widget.attrs.update(
            max=today.isoformat(), min=(today - datetime.timedelta(days=MAX_REPORT_AGE_DAYS)).isoformat()
        )
        self.adding_matter = self.is_bound and ADD_MATTER_BUTTON in self.data
        if self.is_quiet:
            # A quiet round answers none of the further questions.
            for name in FULL_REPORT_FIELDS:
                self.fields[name].required = False
        self.matters = MatterFormSet(self._matter_data(), prefix=MATTER_PREFIX)
        if self.adding_matter:
            skip_validation(self)
            for form in self.matters.forms:
                skip_validation(form)
            self.matters._non_form_errors = ErrorList()

    def _matter_data(self):
        if not self.is_bound:
            return None
        if not self.adding_matter:
            return self.data
        # One more row: the management form says how many rows there are.
        data = self.data.copy()
        key = f"{MATTER_PREFIX}-TOTAL_FORMS"
        try:
            total = int(data.get(key, 0))
        except ValueError:
            total = 0
        data[key] = str(min(total + 1, MAX_MATTERS))
        return data

    @property
    def is_quiet(self):
        return self.is_bound and self.data.get(self.add_prefix("report_kind")) == "rustig"

    @property
    def new_matter_index(self):
        """The index of the row just added by the button (for focus), else None."""
        return len(self.matters.forms) - 1 if self.adding_matter else None

    @property
    def next_matter_id(self):
        """The id of the first field of the row the button will add: the address's fragment, so it gets focus."""
        return f"id_{MATTER_PREFIX}-{len(self.matters.forms)}-category"

    @property
    def shows_walkers(self):
        """Names to choose from only when the team has members on its list."""
        return bool(self.fields["walkers"].choices)

    @property
    def can_add_matter(self):
        return len(self.matters.forms) < MAX_MATTERS

    def full_clean(self):
        if self.adding_matter:
            return  # nothing is checked: the form comes back with one more row
        super().full_clean()

    def is_valid(self):
        if self.adding_matter:
            return False
        valid = super().is_valid()
        if self.is_quiet:
            return valid
        return self.matters.is_valid() and valid

    def clean(self):
        cleaned_data = super().clean()
        if self.is_quiet:
            # Whatever was typed in the further questions is neither checked nor stored.
            for name in FULL_REPORT_FIELDS:
                self._errors.pop(name, None)
            cleaned_data.update(QUIET_ANSWERS)
            return cleaned_data
        if cleaned_data.get("noticed_something") and not cleaned_data.get("noticed", "").strip():
            self.add_error("noticed", NOTICED_TEXT_MESSAGE)
        if not cleaned_data.get("noticed_something"):
            cleaned_data["noticed"] = ""
        if cleaned_data.get("spoke_with_residents") and not cleaned_data.get("conversations", "").strip():
            self.add_error("conversations", SPOKE_TEXT_MESSAGE)
        if not cleaned_data.get("spoke_with_residents"):
            cleaned_data["conversations"] = ""
        if "anders" in cleaned_data.get("attention", []):
            if not cleaned_data.get("attention_other", "").strip():
                self.add_error("attention_other", OTHER_MESSAGE)
        else:
            cleaned_data["attention_other"] = ""
        walkers, count = cleaned_data.get("walkers"), cleaned_data.get("walker_count")
        if walkers and count and len(walkers) > count:
            self.add_error("walkers", TOO_MANY_WALKERS_MESSAGE)
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        self.instance.is_quiet = self.is_quiet

    def has_errors(self):
        """Anything to put in the error summary (the matters' errors too)."""
        return self.is_bound and not self.adding_matter and bool(self.error_summary())

    def matter_rows(self):
        """The matter forms with their number, for the template."""
        return [(number, form) for number, form in enumerate(self.matters.forms, start=1)]

    def error_summary(self):
        items = [(href, text.replace("?: ", "? ")) for href, text in super().error_summary()]
        if self.adding_matter or self.is_quiet or not self.is_bound:
            return items
        for number, form in self.matter_rows():
            for href, text in form.error_summary():
                items.append((href, f"Melding {number}, {text[0].lower()}{text[1:]}".replace("?: ", "? ")))
        items.extend((None, message) for message in self.matters.non_form_errors())
        return items

    def save(self, commit=True):
        report = super().save(commit=commit)
        if commit and not report.is_quiet:
            for form in self.matters.empty_rows_ignored():
                signal = form.save(commit=False)
                signal.report = report
                signal.reported_on = report.walked_on
                signal.save()
        return report
