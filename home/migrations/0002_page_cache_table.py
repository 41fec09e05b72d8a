"""Create the table of the page cache (settings.CACHES["pages"])."""

from django.db import migrations

from home.cache_tables import create_cache_table


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [create_cache_table("page_cache")]
