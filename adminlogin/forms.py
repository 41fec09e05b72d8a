from django import forms

from . import second_factor

EMPTY_CODE = "Typ de code uit de app."
WRONG_APP_CODE = "De code klopt niet. Typ de zes cijfers die de app nu laat zien."
WRONG_CODE = "De code klopt niet. Typ de zes cijfers die de app nu laat zien, of een herstelcode."


def wait_in_words(seconds):
    if seconds < 120:
        return f"{seconds} seconden" if seconds != 1 else "1 seconde"
    return f"{(seconds + 59) // 60} minuten"


def throttled_message(seconds):
    return f"U hebt te vaak een verkeerde code getypt. Wacht {wait_in_words(seconds)} en probeer het dan opnieuw."


class CodeForm(forms.Form):
    """One code field; the error beside it and in the summary, both linked to it for screen readers."""

    code = forms.CharField(
        label="Code",
        max_length=32,
        error_messages={"required": EMPTY_CODE},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false", "autofocus": True}
        ),
    )
    wrong_code_message = WRONG_CODE

    def __init__(self, *args, help_text="", numeric=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.help_text = help_text
        if numeric:
            field.widget.attrs["inputmode"] = "numeric"

    @property
    def help_text_id(self):
        return f"{self['code'].id_for_label}-helptext"

    @property
    def error_id(self):
        return f"{self['code'].id_for_label}-error"

    def full_clean(self):
        super().full_clean()
        self.describe_field()

    def describe_field(self):
        described_by = [self.help_text_id] if self.fields["code"].help_text else []
        if self.is_bound and self.errors.get("code"):
            described_by.append(self.error_id)
        if described_by:
            self.fields["code"].widget.attrs["aria-describedby"] = " ".join(described_by)

    def reject(self, check):
        """Show why ``check`` failed: a wrong code, or too many wrong codes in a row."""
        message = throttled_message(check.wait_seconds) if check.wait_seconds else self.wrong_code_message
        self.add_error("code", message)
        self.describe_field()

    @property
    def typed_code(self):
        return second_factor.normalise(self.cleaned_data["code"])
