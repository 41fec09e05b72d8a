"""Wagtail's migrations create the groups "Editors" and "Moderators"; editors and
administrators see those English names in the admin. Renamed to Dutch (home/groups.py),
keeping each group's members and rights. Depends on every Wagtail migration that
looks these groups up by name, so those find them before they are renamed."""

from django.db import migrations

NAMES = {"Editors": "Redacteuren", "Moderators": "Moderatoren"}


def rename(apps, names):
    Group = apps.get_model("auth", "Group")
    for old, new in names.items():
        # An administrator may already have made a group with the new name: leave both alone.
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)


def to_dutch(apps, schema_editor):
    rename(apps, NAMES)


def to_english(apps, schema_editor):
    rename(apps, {new: old for old, new in NAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_dutch_default_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0005_add_page_lock_permission_to_moderators"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(to_dutch, to_english)]
