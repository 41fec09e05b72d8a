"""Create the table of the rate limit's cache (settings.CACHES["ratelimit"]).

Keep the name equal to CACHES["ratelimit"]["LOCATION"] (forms.cache.RATELIMIT_TABLE).
"""

from django.db import migrations

from home.cache_tables import create_cache_table


class Migration(migrations.Migration):
    dependencies = [("forms", "0001_initial")]

    operations = [create_cache_table("ratelimit_cache")]
