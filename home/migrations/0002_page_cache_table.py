"""Create the database table of the page cache (settings.CACHES["pages"]).

A migration rather than a separate `createcachetable` step, so that `migrate`
alone prepares a fresh clone, CI and the test databases.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "page_cache"


def create_table(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_table, drop_table)]
