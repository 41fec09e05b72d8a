"""The themes of practice examples are content: editors (Wagtail's Editors and Moderators groups,
by their Dutch or English names) keep the list in the admin (Nieuwsbrief → Thema's praktijkvoorbeelden)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUPS = ["Editors", "Moderators", "Redacteuren", "Moderatoren"]
CODENAMES = ["add_theme", "change_theme", "delete_theme", "view_theme"]


def theme_permissions(apps):
    app_config = apps.get_app_config("nieuwsbrief")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return list(Permission.objects.filter(content_type__app_label="nieuwsbrief", codename__in=CODENAMES))


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*theme_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*theme_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("nieuwsbrief", "0002_newsletter_editors_and_workflow"),
        ("home", "0005_dutch_group_names"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
