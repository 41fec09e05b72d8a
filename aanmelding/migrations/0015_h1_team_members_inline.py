"""Teams in the admin: members are edited inline with their team (a ParentalKey), and the
handlers of registrations may view, add and change teams and their members (and remove a
member who leaves). Granted to the handlers' group of migration 0003; access itself goes
by the permission aanmelding.handle_registrations (see aanmelding.permissions)."""

import django.db.models.deletion
import modelcluster.fields
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Behandelaars buurtpreventie"
GRANTS = {"team": ("view", "add", "change"), "teammember": ("view", "add", "change", "delete")}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make these now.
    app_config = apps.get_app_config("aanmelding")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in GRANTS.items() for action in actions]
    permissions = list(Permission.objects.filter(content_type__app_label="aanmelding", codename__in=codenames))
    for group in Group.objects.filter(name=GROUP):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in GRANTS.items() for action in actions]
    permissions = list(Permission.objects.filter(content_type__app_label="aanmelding", codename__in=codenames))
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelding", "0014_teams"),
    ]

    operations = [
        migrations.AlterField(
            model_name="teammember",
            name="team",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="members",
                to="aanmelding.team",
                verbose_name="team",
            ),
        ),
        migrations.RunPython(grant, revoke),
    ]
