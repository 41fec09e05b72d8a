"""Accessible rendering of public forms.

``AccessibleFormRenderer`` renders ``{{ form }}`` with the templates in
``templates/forms/``:

- ``forms/form.html``: the error summary ("Er ging iets mis", ``role="alert"``,
  a link to each field with an error), then every field, then hidden fields;
- ``forms/field.html``: label (or ``<fieldset>``/``<legend>`` for radio and
  checkbox groups), the hint (``help_text``) and the error beside the field,
  both referenced by the input's ``aria-describedby`` (Django's own ids
  ``<id>_helptext`` and ``<id>_error``); ``aria-invalid="true"`` on invalid
  inputs; "(niet verplicht)" after the label of an optional field;
- ``forms/fields/honeypot.html``: the honeypot, hidden from everyone;
- ``forms/public_form.html``: an include for the whole ``<form>`` element.

Templates are looked up in the project's template settings first (so
``templates/`` can override anything, widgets included), then in Django's
built-in form templates. Wagtail's admin forms are not affected: only forms
built on ``forms.base.PublicForm`` use this renderer.
"""

import functools

from django.forms.renderers import DjangoTemplates, TemplatesSetting
from django.template import TemplateDoesNotExist
from django.utils.html import strip_tags

FORM_TEMPLATE = "forms/form.html"
FIELD_TEMPLATE = "forms/field.html"

# Standard autocomplete tokens by field name, so browsers can fill in forms
# (WCAG 1.3.5). A form can add its own in ``autocomplete_fields``.
AUTOCOMPLETE_BY_FIELD_NAME = {
    "name": "name",
    "full_name": "name",
    "first_name": "given-name",
    "last_name": "family-name",
    "email": "email",
    "phone": "tel",
    "telephone": "tel",
    "postal_code": "postal-code",
    "postcode": "postal-code",
    "street_address": "street-address",
    "address": "street-address",
    "city": "address-level2",
}


@functools.cache
def builtin_renderer():
    """Django's own form templates (one engine for the whole process)."""
    return DjangoTemplates()


class AccessibleFormRenderer(TemplatesSetting):
    form_template_name = FORM_TEMPLATE
    field_template_name = FIELD_TEMPLATE

    def get_template(self, template_name):
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return builtin_renderer().get_template(template_name)


# One renderer for every public form: the template engines behind it cache
# their templates, a renderer per form would not.
renderer = AccessibleFormRenderer()


class AccessibleFormMixin:
    """Renders the form with ``AccessibleFormRenderer`` and sets autocomplete tokens.

    The browser's own validation is switched off (no ``required`` attribute):
    the server validates and answers in Dutch with an error summary, the same
    for everyone.
    """

    default_renderer = renderer
    template_name = FORM_TEMPLATE
    use_required_attribute = False
    autocomplete_fields = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tokens = {**AUTOCOMPLETE_BY_FIELD_NAME, **self.autocomplete_fields}
        for name, field in self.fields.items():
            if name in tokens and "autocomplete" not in field.widget.attrs:
                field.widget.attrs["autocomplete"] = tokens[name]

    def error_summary(self):
        """``(href, text)`` pairs for the error summary, fields in form order.

        The text names the field ("Naam: Dit is een verplicht veld."), so a list
        of errors read on its own is clear; a checkbox's label is a whole
        sentence, so there the message stands alone.
        """
        items = [(None, message) for message in self.non_field_errors()]
        for bound_field in self:
            if not bound_field.errors:
                continue
            if bound_field.is_hidden:
                items.extend((None, message) for message in bound_field.errors)
                continue
            target = bound_field.id_for_label or bound_field.auto_id
            label = strip_tags(str(bound_field.label or "")).strip()
            for message in bound_field.errors:
                text = message if bound_field.widget_type == "checkbox" or not label else f"{label}: {message}"
                items.append((f"#{target}" if target else None, text))
        return items
