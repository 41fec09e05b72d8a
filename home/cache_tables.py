"""A migration operation that creates a database cache table.

Used by the migrations of every app with a DatabaseCache (the page cache,
the rate limit), so that `migrate` alone prepares a fresh clone, CI and the
test databases on SQLite and PostgreSQL: no separate `createcachetable` step.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(table):
    def create(apps, schema_editor):
        # Does nothing if the table exists already (e.g. made with createcachetable).
        call_command("createcachetable", table, database=schema_editor.connection.alias, verbosity=0)

    def drop(apps, schema_editor):
        schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(table)}")

    return migrations.RunPython(create, drop)
