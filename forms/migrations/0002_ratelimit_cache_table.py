"""Create the database cache table of the rate limit (settings.CACHES["ratelimit"]).

A migration instead of a separate `createcachetable` step, so that fresh
clones, CI and the test databases get the table from `migrate` alone, on
SQLite and PostgreSQL. The name is fixed here; keep it equal to
CACHES["ratelimit"]["LOCATION"] (forms.cache.RATELIMIT_TABLE).
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "ratelimit_cache"


def create_table(apps, schema_editor):
    # Does nothing if the table exists already (e.g. made by hand with createcachetable).
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("forms", "0001_initial")]

    operations = [migrations.RunPython(create_table, drop_table)]
