"""What the forms app's demo loader builds: the tussenevaluatie form and the contact form.

Idempotent: a page is found by its slug under the home page and left as an
editor may have changed it; only a missing page is made. The texts are in ``texts``.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from home.demo import Summary, ensure_page, get_home_page

from ..consent import municipality_settings
from ..form_pages import FormField, FormPage
from .texts import (
    CONTACT_CONSENT,
    CONTACT_DESCRIPTION,
    CONTACT_INTRO,
    CONTACT_QUESTIONS,
    CONTACT_RETENTION_DAYS,
    CONTACT_SLUG,
    CONTACT_THANKS,
    CONTACT_TITLE,
    EVALUATION_DESCRIPTION,
    EVALUATION_INTRO,
    EVALUATION_QUESTIONS,
    EVALUATION_SLUG,
    EVALUATION_THANKS,
    EVALUATION_TITLE,
)

# The handlers of registrations read the answers: found by what they may do, not by their group's name.
HANDLER_PERMISSION = ("aanmelding", "handle_registrations")
# Without them (a database emptied without its migrations): a group of our own.
FALLBACK_GROUP = "Behandelaars formulieren"


def load(stdout):
    summary = Summary("Formulieren")
    home = get_home_page()
    if home is None:
        summary.note("Geen startpagina: de formulierpagina's zijn overgeslagen.")
        summary.write(stdout)
        return
    group = submissions_group(summary)
    ensure_page(
        home,
        FormPage,
        EVALUATION_SLUG,
        report=summary,
        title=EVALUATION_TITLE,
        intro=EVALUATION_INTRO,
        thank_you_text=EVALUATION_THANKS,
        search_description=EVALUATION_DESCRIPTION,
        submissions_group=group,
        form_fields=questions(EVALUATION_QUESTIONS),
    )
    municipality = municipality_settings()
    ensure_page(
        home,
        FormPage,
        CONTACT_SLUG,
        report=summary,
        title=CONTACT_TITLE,
        intro=CONTACT_INTRO,
        thank_you_text=CONTACT_THANKS,
        consent_text=CONTACT_CONSENT,
        search_description=CONTACT_DESCRIPTION,
        submissions_group=group,
        retention_days=CONTACT_RETENTION_DAYS,
        to_address=municipality.contact_email if municipality else "",
        form_fields=questions(CONTACT_QUESTIONS),
    )
    summary.write(stdout)


def questions(rows):
    return [
        FormField(label=label, field_type=field_type, required=required, help_text=help_text, choices=choices)
        for label, field_type, required, help_text, choices in rows
    ]


def submissions_group(summary):
    """The group that holds the handlers' permission, or our own group when none does."""
    app_label, codename = HANDLER_PERMISSION
    if apps.is_installed(app_label):
        holders = Group.objects.filter(permissions__content_type__app_label=app_label, permissions__codename=codename)
        group = holders.order_by("pk").first()
        if group is not None:
            return group
    group, created = Group.objects.get_or_create(name=FALLBACK_GROUP)
    if created:
        access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        group.permissions.add(access_admin)
    summary.add(f"groep '{FALLBACK_GROUP}'", created)
    return group
