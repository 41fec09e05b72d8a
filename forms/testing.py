"""Helpers for tests of apps that use the public forms.

A public form gives the form back ("check and send again") for a POST
without a sound render timestamp or one sent within
``FORMS_MIN_SUBMIT_SECONDS``. Tests that post directly use
``public_form_data()``::

    from forms.testing import public_form_data

    response = client.post(url, public_form_data({"name": "Piet", ...}))

Browser tests fill in the rendered form, which carries a real timestamp; they
either wait ``FORMS_MIN_SUBMIT_SECONDS`` or set it to 0 with pytest-django's
``settings`` fixture. The rate limit counts in a database table that test
transactions roll back, but ``transactional_db``/``live_server`` tests keep
it: clear it with ``clear_rate_limits()`` in such tests.

Tests that need another moment travel with time-machine's ``time_machine``
fixture (``time_machine.move_to(moment, tick=False)``): it moves Django's
``timezone.now()`` and ``time.time()`` (the render timestamp) together. Never
patch one clock alone: a form would then be opened at one time and sent at another.
"""

import time

from django.core.cache import caches

from . import conf
from .spam import SpamProtectionMixin, sign_timestamp


def public_form_data(data=None, seconds_ago=60, prefix=None):
    """``data`` plus a timestamp rendered ``seconds_ago`` and an empty honeypot."""

    def name(field):
        return f"{prefix}-{field}" if prefix else field

    return {
        name(SpamProtectionMixin.timestamp_field_name): sign_timestamp(time.time() - seconds_ago),
        name(SpamProtectionMixin.honeypot_field_name): "",
        **(data or {}),
    }


def clear_rate_limits():
    caches[conf.get("FORMS_RATELIMIT_CACHE")].clear()
