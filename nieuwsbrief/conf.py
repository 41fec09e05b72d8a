"""Settings of sending newsletters, each with a default so the app works without them.

===============================  =======  ===============================================
setting                          default  meaning
===============================  =======  ===============================================
NIEUWSBRIEF_MAILS_PER_MINUTE     300      the rate the worker sends an issue at (0: as
                                          fast as the mail server takes them)
NIEUWSBRIEF_BATCH_SIZE           50       mails per batch, sent over one SMTP connection
NIEUWSBRIEF_MAX_ATTEMPTS         5        attempts before a delivery is marked failed
NIEUWSBRIEF_LEASE_SECONDS        900      how long a worker owns a claimed batch (keep it
                                          above batch size × the time one mail may take)
===============================  =======  ===============================================
"""

from django.conf import settings

DEFAULTS = {
    "NIEUWSBRIEF_MAILS_PER_MINUTE": 300,
    "NIEUWSBRIEF_BATCH_SIZE": 50,
    "NIEUWSBRIEF_MAX_ATTEMPTS": 5,
    "NIEUWSBRIEF_LEASE_SECONDS": 15 * 60,
}


def get(name):
    """The value of one of the settings above (read on every call, so tests can override it)."""
    return getattr(settings, name, DEFAULTS[name])
