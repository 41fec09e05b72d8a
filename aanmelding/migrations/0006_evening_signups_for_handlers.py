"""Handlers ("Behandelaars buurtpreventie", migration 0003) also see and cancel
sign-ups for information evenings; and persons is a plain number."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GROUP = "Behandelaars buurtpreventie"
CODENAMES = ["view_eveningsignup", "change_eveningsignup"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    app_config = apps.get_app_config("aanmelding")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="aanmelding", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="aanmelding", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelding", "0005_eveningsignup_reminder_sent_at"),
        ("aanmelding", "0003_handlers_group"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eveningsignup",
            name="persons",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="Aantal personen"),
        ),
        migrations.RunPython(grant, revoke),
    ]
