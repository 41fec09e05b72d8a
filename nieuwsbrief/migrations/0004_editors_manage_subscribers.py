"""The group "Redactie nieuwsbrief" (migration 0002) manages the subscribers: the list, the export, unsubscribing
and deleting one (nieuwsbrief.manage_subscribers with the model's view, change and delete; never add),
and reads the mail outbox (forms.view_outgoingmail) to see why a mail did not go out."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Copies of nieuwsbrief/groups.py as they were when this migration was written.
GROUP = "Redactie nieuwsbrief"
PERMISSIONS = {
    "nieuwsbrief": ["manage_subscribers", "view_subscriber", "change_subscriber", "delete_subscriber"],
    "forms": ["view_outgoingmail"],
}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make these apps' now.
    for app_label in PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codenames in PERMISSIONS.items():
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        for app_label, codenames in PERMISSIONS.items():
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("nieuwsbrief", "0003_editors_keep_themes"),
        ("forms", "0005_used_form_token"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
