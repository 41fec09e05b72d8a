"""A database that cannot be reached, for real: the connection settings point where no database is.

SQLite: a file in a folder that does not exist (sqlite cannot open it).
PostgreSQL: a port on this machine where nothing listens. The test database
stays as it was: on SQLite it lives in memory, kept alive by a second
connection while Django's is closed.
"""

import socket
import sqlite3
from contextlib import contextmanager

from django.db import connection


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_unreachable():
    settings_dict = connection.settings_dict
    saved = {key: settings_dict.get(key) for key in ("NAME", "HOST", "PORT")}
    keep_alive = None
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db():
            keep_alive = sqlite3.connect(saved["NAME"], uri=True)
        # Renamed first: Django never closes a connection to an in-memory database.
        settings_dict["NAME"] = "/nonexistent-folder-for-tests/db.sqlite3"
        connection.close()
    else:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", str(free_port())
    try:
        yield
    finally:
        connection.close()
        settings_dict.update(saved)
        if keep_alive is not None:
            # Django's connection holds the in-memory database before the last other one goes.
            connection.ensure_connection()
            keep_alive.close()
