"""A database cache whose ``incr()`` is atomic across server processes.

Django's ``DatabaseCache`` inherits ``incr()`` from ``BaseCache``: a ``get``
followed by a ``set``. Two processes counting at the same moment can both read
4 and both write 5, and the ``set`` also resets the entry's expiry. The rate
limit (``forms.ratelimit``) counts with ``add()`` + ``incr()``, so this class
replaces ``incr()`` with a locked read-modify-write in one transaction:
``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the write transaction
itself serialises writers (the project opens them with ``BEGIN IMMEDIATE``).
The expiry is left as it was.

``add()`` is already atomic: the cache key is the table's primary key, so of
two concurrent inserts one fails and ``add()`` returns False.

The table is created by the migration ``forms/migrations/0002_ratelimit_cache_table``
(``createcachetable``), so fresh clones and test databases just work.
"""

import base64
import pickle

from django.core.cache.backends import db
from django.db import connections, models, router, transaction
from django.utils.timezone import now as tz_now

RATELIMIT_TABLE = "ratelimit_cache"


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

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version=version)

    @staticmethod
    def _to_datetime(value, connection):
        # The same conversion DatabaseCache.get_many() applies to "expires".
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
            value = converter(value, expression, connection)
        return value
