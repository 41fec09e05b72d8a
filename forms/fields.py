"""Form fields for the contact details (and the free remark) our public forms ask for.

Each sets the ``autocomplete`` token (WCAG 1.3.5) and a fitting ``inputmode``,
and validates in Dutch. Use them in plain forms, or as ``field_classes`` /
``formfield_callback`` targets in model forms.
"""

import re

from django import forms as django_forms
from django.core.exceptions import ValidationError

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
PHONE_ALLOWED_RE = re.compile(r"^\+?[0-9 ()\-.]+$")
INVALID_EMAIL_MESSAGE = "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."


def _with_attrs(kwargs, widget_class, **attrs):
    widget = kwargs.get("widget") or widget_class()
    if isinstance(widget, type):
        widget = widget()
    for name, value in attrs.items():
        widget.attrs.setdefault(name, value)
    kwargs["widget"] = widget
    return kwargs


class NameField(django_forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Naam")
        kwargs.setdefault("max_length", 150)
        super().__init__(**_with_attrs(kwargs, django_forms.TextInput, autocomplete="name", spellcheck="false"))


class EmailField(django_forms.EmailField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "E-mailadres")
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("error_messages", {"invalid": INVALID_EMAIL_MESSAGE})
        super().__init__(**_with_attrs(kwargs, django_forms.EmailInput, autocomplete="email", spellcheck="false"))

    def clean(self, value):
        value = super().clean(value)
        return value.strip().lower() if value else value


class PhoneField(django_forms.CharField):
    """A Dutch or international phone number: 10 to 15 digits, spaces and dashes allowed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Telefoonnummer")
        kwargs.setdefault("max_length", 30)
        super().__init__(**_with_attrs(kwargs, django_forms.TelInput, autocomplete="tel"))

    def clean(self, value):
        value = super().clean(value)
        if value:
            digits = re.sub(r"\D", "", value)
            if not PHONE_ALLOWED_RE.match(value) or not 10 <= len(digits) <= 15:
                raise ValidationError(
                    "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.", code="invalid_phone"
                )
        return value


class PostcodeField(django_forms.CharField):
    """A Dutch postcode, stored as ``1234 AB``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Postcode")
        kwargs.setdefault("max_length", 10)
        super().__init__(
            **_with_attrs(kwargs, django_forms.TextInput, autocomplete="postal-code", spellcheck="false", size="7")
        )

    def clean(self, value):
        value = super().clean(value)
        if value:
            match = POSTCODE_RE.match(value)
            if not match:
                raise ValidationError("Vul een geldige postcode in, bijvoorbeeld 1234 AB.", code="invalid_postcode")
            value = f"{match.group(1)} {match.group(2).upper()}"
        return value


class RemarkField(django_forms.CharField):
    """An optional free text ("Vraag of opmerking"): a short textarea, at most 2000 characters."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 2000)
        kwargs.setdefault("widget", django_forms.Textarea(attrs={"rows": 4}))
        super().__init__(**kwargs)
