"""Deleting what has expired but that Django keeps until someone deletes it.

Django's database session store and database cache only skip expired rows
when reading; the rows stay in the table (``clearsessions`` and the cache's
occasional cull remove them). These hold traces of visitors (a session, a
hashed address with its count), so ``forms.tasks.clear_expired_data`` calls
these every few minutes.
"""

from importlib import import_module

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils import timezone


def clear_expired_sessions():
    """What ``manage.py clearsessions`` does; returns the number deleted where the store tells."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    model = getattr(store, "get_model_class", None)
    if model is None:
        store.clear_expired()
        return None
    deleted, _ = model().objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


def delete_expired_cache_entries(alias):
    """Delete the expired rows of a database cache; returns how many (0 for other cache backends)."""
    cache = caches[alias]
    if not isinstance(cache, DatabaseCache):
        return 0
    database = router.db_for_write(cache.cache_model_class)
    connection = connections[database]
    table = connection.ops.quote_name(cache._table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE {connection.ops.quote_name('expires')} < %s",
            [connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))],
        )
        return cursor.rowcount
