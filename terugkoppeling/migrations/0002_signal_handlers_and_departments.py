"""The group "Behandelaars meldingen" (reads patrol reports, handles signals, reads the outbox), the
editors' right to set the department per category, and one department row per signal category."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Copies of terugkoppeling/permissions.py and home/groups.py as they were when this migration was written.
HANDLERS = "Behandelaars meldingen"
HANDLER_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "terugkoppeling": [
        "handle_signals",
        "view_patrolreport",
        "view_signal",
        "change_signal",
        "view_signaldepartment",
    ],
    "forms": ["view_outgoingmail"],
}
EDITOR_GROUPS = ["Redacteuren", "Moderatoren"]
EDITOR_PERMISSIONS = {"terugkoppeling": ["view_signaldepartment", "change_signaldepartment"]}
CATEGORIES = ["verlichting", "bestrating", "groen", "afval", "anders"]


def _permissions(apps, wanted):
    Permission = apps.get_model("auth", "Permission")
    for app_label, codenames in wanted.items():
        yield from Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make these apps' now.
    for app_label in {*HANDLER_PERMISSIONS, *EDITOR_PERMISSIONS} - {"wagtailadmin"}:  # made by its own migration
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    handlers, _ = Group.objects.get_or_create(name=HANDLERS)
    handlers.permissions.add(*_permissions(apps, HANDLER_PERMISSIONS))
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*_permissions(apps, EDITOR_PERMISSIONS))
    SignalDepartment = apps.get_model("terugkoppeling", "SignalDepartment")
    for category in CATEGORIES:
        SignalDepartment.objects.get_or_create(category=category)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=HANDLERS).delete()
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*_permissions(apps, EDITOR_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("terugkoppeling", "0001_initial"),
        ("forms", "0006_outgoingmail_source"),
        ("home", "0007_newsletter_footer_link"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
