"""A database that does not answer: a plain 503 page, and the site takes itself back when it answers again.

Django turns an exception into a response in every middleware layer, so no
middleware sees an error raised by another one (the page cache, the session):
the 500 handler (``home.views.server_error``) is the one place every such
error reaches. There, an ``OperationalError`` or ``InterfaceError`` of the
database gets ``unavailable_response()`` instead of the 500 page: a static
page that reads nothing from the database (no site settings, no menu), with
``Retry-After``. The broken connection is closed at once, so the next request
opens a new one (``CONN_HEALTH_CHECKS`` checks a kept one on PostgreSQL too).
"""

from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def is_database_outage(error):
    """True if ``error``, or an error it was raised from, says the database cannot be reached."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OUTAGE_ERRORS):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def drop_broken_connections():
    """Close every open database connection that no longer answers."""
    for conn in connections.all(initialized_only=True):
        if conn.connection is None:
            continue
        try:
            usable = conn.is_usable()
        except Exception:
            usable = False
        if not usable:
            try:
                conn.close()
            except Exception:
                # Closing a dead connection may fail too; it is forgotten either way.
                conn.connection = None


def unavailable_response():
    """The Dutch 503 page; rendered without a request, so no context processor queries anything."""
    drop_broken_connections()
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
