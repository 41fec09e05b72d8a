"""The form of the motivation questionnaire 'Wat drijft jou?': six statements, at least four answered.

It stores nothing itself: the page counts the questionnaire in the week's
totals and carries the answers in a signed link (``aanmelding.motivation``).
"""

from django import forms as django_forms
from django.core.exceptions import ValidationError

from forms.base import PublicForm
from forms.motivation import AGREE_SCALE, STATEMENTS

from ..motivation import MIN_ANSWERS

STATEMENT_TEMPLATE = "aanmelding/fields/statement.html"
INVALID_ANSWER_MESSAGE = "Kies een van de vijf antwoorden."
NOT_ANSWERED_MESSAGE = f"Kies hier nog een antwoord. Je hebt er minstens {MIN_ANSWERS} nodig."
SENT_BEFORE_MESSAGE = (
    "Je hebt deze vragenlijst net al verstuurd. Wil je je uitslag nog een keer zien? "
    "Verstuur de vragenlijst dan opnieuw."
)


def too_few_message(count):
    done = "nog geen enkele" if count == 0 else f"er nu {count}"
    return (
        f"Beantwoord minstens {MIN_ANSWERS} van de {len(STATEMENTS)} uitspraken. "
        f"Je hebt {done} beantwoord. Je antwoorden staan er nog."
    )


def statement_field(statement, **options):
    """One statement on the five-point scale, optional: for the questionnaire and the registration form."""
    return django_forms.TypedChoiceField(
        label=statement,
        choices=AGREE_SCALE,
        coerce=int,
        required=False,
        empty_value=None,
        widget=django_forms.RadioSelect,
        **options,
    )


class MotivationQuestionnaireForm(PublicForm):
    """Each statement on the five-point scale; any four of the six will do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.missing = []
        for name, _, statement in STATEMENTS:
            self.fields[name] = statement_field(
                statement,
                error_messages={"invalid_choice": INVALID_ANSWER_MESSAGE},
                # No "(niet verplicht)": four of the six are needed, the page says so.
                template_name=STATEMENT_TEMPLATE,
            )
        # The statements first, then the spam fields the base class added.
        self.order_fields([name for name, _, _ in STATEMENTS])

    def statement_fields(self):
        return [self[name] for name, _, _ in STATEMENTS]

    def clean(self):
        cleaned = super().clean()
        names = [name for name, _, _ in STATEMENTS]
        count = sum(1 for name in names if cleaned.get(name))
        if count < MIN_ANSWERS:
            # An answer that could not be read already has its own message.
            self.missing = [name for name in names if not cleaned.get(name) and name not in self.errors]
            self.answered_count = count
            for name in self.missing:
                self.add_error(name, ValidationError(NOT_ANSWERED_MESSAGE, code="too_few"))
        return cleaned

    def answers(self):
        """``{field name: 1..5 or None}`` of a valid form."""
        return {name: self.cleaned_data.get(name) for name, _, _ in STATEMENTS}

    def error_summary(self):
        """One line for too few answers (linking to the first open statement) instead of one per statement."""
        items = [(href, text) for href, text in super().error_summary() if not text.endswith(NOT_ANSWERED_MESSAGE)]
        if self.missing:
            first = self[self.missing[0]]
            target = first.id_for_label or first.auto_id
            items.insert(len(self.non_field_errors()), (f"#{target}", too_few_message(self.answered_count)))
        return items

    def refuse_used_token(self):
        # The shared message speaks of a confirmation mail; this form sends none.
        self.add_error(None, ValidationError(SENT_BEFORE_MESSAGE, code="form_used"))
        self.renew_token()
