"""Wagtail's migrations create the default workflow and its task as "Moderators approval";
editors see that name when they submit a page for moderation. Renamed to Dutch where it
still has the English name (an administrator's own name is left alone)."""

from django.db import migrations

ENGLISH = "Moderators approval"
DUTCH = "Goedkeuring door moderatoren"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_dutch(apps, schema_editor):
    rename(apps, ENGLISH, DUTCH)


def to_english(apps, schema_editor):
    rename(apps, DUTCH, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_content_version"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_dutch, to_english)]
