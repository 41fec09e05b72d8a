"""Rounds and wijken are content: editors (Wagtail's Editors and Moderators groups) run them,
next to the information evenings they plan; handlers, who handle the personal data, only
see them. Until now only the handlers' group could create a round, so an editor could plan
an evening but not the round it belongs to (issue 10)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's English names, or the Dutch ones of home's migration 0005 when that ran first.
EDITOR_GROUPS = ["Editors", "Moderators", "Redacteuren", "Moderatoren"]
HANDLERS = "Behandelaars buurtpreventie"
CONTENT_MODELS = ["registrationround", "wijk"]
ACTIONS = ["add", "change", "delete", "view"]


def permissions(apps, actions):
    app_config = apps.get_app_config("aanmelding")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in CONTENT_MODELS for action in actions]
    return list(Permission.objects.filter(content_type__app_label="aanmelding", codename__in=codenames))


def to_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions(apps, ACTIONS))
    for group in Group.objects.filter(name=HANDLERS):
        group.permissions.remove(*permissions(apps, ["add", "change", "delete"]))


def to_handlers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*permissions(apps, ACTIONS))
    for group in Group.objects.filter(name=HANDLERS):
        group.permissions.add(*permissions(apps, ACTIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelding", "0010_evening_calendar_sequence"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(to_editors, to_handlers)]
