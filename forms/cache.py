"""A database cache whose ``incr()`` is atomic across server processes.

Django's ``DatabaseCache`` inherits ``incr()`` from ``BaseCache``: a ``get``
followed by a ``set``. Two processes counting at the same moment can both read
4 and both write 5, and the ``set`` also resets the entry's expiry. The rate
limit (``forms.ratelimit``) counts with ``add()`` + ``incr()``, so this class
replaces ``incr()`` with a locked read-modify-write in one transaction:
``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the write transaction
itself serialises writers (the project opens them with ``BEGIN IMMEDIATE``).
The expiry is left as it was.

``add()`` is atomic as well: one upsert on the primary key, the cache key,
that only overwrites an expired row; of two concurrent adds one inserts and
the other finds a live row and returns False (see ``add``).

The table is created by the migration ``forms/migrations/0002_ratelimit_cache_table``
(``createcachetable``), so fresh clones and test databases just work.
"""

import base64
import pickle
import random
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends import db
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import connections, models, router, transaction
from django.utils.timezone import now as tz_now

RATELIMIT_TABLE = "ratelimit_cache"
CULL_EVERY = 50  # add() counts the table for culling once in this many calls


class DatabaseCache(db.DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        for_update = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote_name('value')}, {quote_name('expires')} FROM {table} "
                f"WHERE {quote_name('cache_key')} = %s{for_update}",
                [key],
            )
            row = cursor.fetchone()
            if row is None or self._to_datetime(row[1], connection) < tz_now():
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode()))
            new_value = value + delta
            encoded = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {quote_name('value')} = %s WHERE {quote_name('cache_key')} = %s",
                [encoded, key],
            )
        return new_value

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """Set ``key`` if it is missing or expired; True if it was set. One statement, no transaction.

        Django's ``add()`` counts the table, then selects and inserts in a transaction: five
        statements for every POST the rate limit counts. An upsert whose update only applies to
        an expired row does the same in one (PostgreSQL, and SQLite from 3.35). The count for
        culling the table (``MAX_ENTRIES``) runs for one add in ``CULL_EVERY``: expired rows also
        go every night (``forms.housekeeping``).
        """
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        if connection.vendor not in ("postgresql", "sqlite"):
            return super().add(key, value, timeout, version)
        key = self.make_and_validate_key(key, version=version)
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        cache_key, value_column, expires = (quote_name(name) for name in ("cache_key", "value", "expires"))
        timeout = self.get_backend_timeout(timeout)
        now = tz_now().replace(microsecond=0)
        if timeout is None:
            expiry = datetime.max
        else:
            expiry = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        with connection.cursor() as cursor:
            if random.randrange(CULL_EVERY) == 0:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")
                count = cursor.fetchone()[0]
                if count > self._max_entries:
                    self._cull(alias, cursor, now, count)
            cursor.execute(
                f"INSERT INTO {table} ({cache_key}, {value_column}, {expires}) VALUES (%s, %s, %s) "
                f"ON CONFLICT ({cache_key}) DO UPDATE SET {value_column} = excluded.{value_column}, "
                f"{expires} = excluded.{expires} WHERE {table}.{expires} < %s RETURNING {cache_key}",
                [
                    key,
                    encoded,
                    connection.ops.adapt_datetimefield_value(expiry.replace(microsecond=0)),
                    connection.ops.adapt_datetimefield_value(now),
                ],
            )
            return cursor.fetchone() is not None

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version=version)

    @staticmethod
    def _to_datetime(value, connection):
        # The same conversion DatabaseCache.get_many() applies to "expires".
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
            value = converter(value, expression, connection)
        return value
