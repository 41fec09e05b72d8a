"""The group "Behandelaars buurtpreventie": the only non-superusers who may
see and handle registrations (and run rounds). Created here so every
installation has it; the municipality adds its handlers to it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Behandelaars buurtpreventie"
PERMISSIONS = {
    ("aanmelding", "registration"): ["view", "change"],
    ("aanmelding", "registrationround"): ["view", "add", "change", "delete"],
    ("aanmelding", "wijk"): ["view", "add", "change", "delete"],
    ("aanmelding", "roundalert"): ["view", "delete"],
}


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for (app, model), actions in PERMISSIONS.items() for action in actions]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="aanmelding", codename__in=codenames))
    group.permissions.add(*Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelding", "0002_registrationpage_roundalert_wijk_registration_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
