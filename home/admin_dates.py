"""Admin dates the Dutch way (dd-mm-jjjj uu:mm), and never silently changed.

The formats themselves are Wagtail's settings (site/settings/base.py). Two things are
added here for every date, time and date-time field of every admin form:

- text the form cannot read is a Dutch error on that field that says how to write it;
- the date picker leaves typed text alone. Its default ``validateOnBlur`` replaces text it
  cannot parse with the current moment when the field loses focus, so a typo became 'now'
  and a round could open by accident. The server reads the text and says what is wrong.
"""

from django.db import models
from django.utils.safestring import mark_safe
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override

DATE_HINT = "dd-mm-jjjj"
TIME_HINT = "uu:mm"
DATETIME_HINT = f"{DATE_HINT} {TIME_HINT}"

INVALID_DATE = f"Dit is geen datum die we kunnen lezen. Schrijf de datum als {DATE_HINT}, bijvoorbeeld 05-04-2027."
INVALID_TIME = f"Dit is geen tijd die we kunnen lezen. Schrijf de tijd als {TIME_HINT}, bijvoorbeeld 09:00."
INVALID_DATETIME = (
    f"Dit is geen datum en tijd die we kunnen lezen. Schrijf ze als {DATETIME_HINT}, bijvoorbeeld 05-04-2027 09:00."
)

# Runs with the admin's global scripts (insert_global_admin_js), after the picker's library and before any field
# on the page creates its picker, so every picker (forms, publishing schedule, blocks) gets it.
KEEP_TYPED_TEXT_JS = (
    "<script>window.jQuery && jQuery.fn.datetimepicker && "
    "(jQuery.fn.datetimepicker.defaults.validateOnBlur = false);</script>"
)


def register_field_overrides():
    """Our widgets and error messages for the admin's model forms (replacing Wagtail's own)."""
    register_form_field_override(
        models.DateTimeField,
        override={
            "widget": widgets.AdminDateTimeInput(attrs={"placeholder": DATETIME_HINT}),
            "error_messages": {"invalid": INVALID_DATETIME},
        },
    )
    register_form_field_override(
        models.DateField,
        override={
            "widget": widgets.AdminDateInput(attrs={"placeholder": DATE_HINT}),
            "error_messages": {"invalid": INVALID_DATE},
        },
    )
    register_form_field_override(
        models.TimeField,
        override={
            "widget": widgets.AdminTimeInput(attrs={"placeholder": TIME_HINT}),
            "error_messages": {"invalid": INVALID_TIME},
        },
    )


def keep_typed_text_script():
    return mark_safe(KEEP_TYPED_TEXT_JS)  # a constant of ours, no outside text
