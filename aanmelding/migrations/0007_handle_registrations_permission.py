"""Access to personal data goes by the permission aanmelding.handle_registrations,
no longer by membership of a group with a certain name. Granted here to the
handlers' group of migration 0003, so that its members keep their access; a
renamed group keeps it too, and any group can be given it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Behandelaars buurtpreventie"
CODENAME = "handle_registrations"


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make this one now.
    app_config = apps.get_app_config("aanmelding")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="aanmelding", codename=CODENAME)
    for group in Group.objects.filter(name=GROUP):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="aanmelding", codename=CODENAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelding", "0006_evening_signups_for_handlers"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="registration",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    ("handle_registrations", "Mag aanmeldingen en aanmeldingen voor bijeenkomsten behandelen")
                ],
                "verbose_name": "aanmelding",
                "verbose_name_plural": "aanmeldingen",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
