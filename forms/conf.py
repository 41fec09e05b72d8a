"""Settings of the forms app, each with a default so the app works without them.

=============================  =======  ==============================================
setting                        default  meaning
=============================  =======  ==============================================
FORMS_MIN_SUBMIT_SECONDS       3        a form sent back faster than this is returned
                                        to be checked and sent again
FORMS_MAX_FORM_AGE_SECONDS     86400    older forms get "please send again"
FORMS_TRUSTED_PROXY_COUNT      0        reverse proxies in front of the site that
                                        append to X-Forwarded-For (0: use REMOTE_ADDR)
FORMS_RATELIMIT_CACHE          ratelimit  cache alias shared by all server processes
FORMS_MAIL_LEASE_SECONDS       180      how long a worker owns an outgoing mail (keep it
                                        above EMAIL_TIMEOUT)
FORMS_MAIL_MAX_ATTEMPTS        5        attempts before a mail is marked failed
FORMS_TASK_STALE_SECONDS       3600     a task running longer lost its worker: the mail
                                        sweep marks its row failed
FORMS_TASK_RESULT_DAYS         7        finished task rows are kept this long
CONSENT_VERSION                2026-11  version of the privacy statement consented to
=============================  =======  ==============================================
"""

from django.conf import settings

DEFAULTS = {
    "FORMS_MIN_SUBMIT_SECONDS": 3,
    "FORMS_MAX_FORM_AGE_SECONDS": 24 * 60 * 60,
    "FORMS_TRUSTED_PROXY_COUNT": 0,
    "FORMS_RATELIMIT_CACHE": "ratelimit",
    "FORMS_MAIL_LEASE_SECONDS": 3 * 60,
    "FORMS_MAIL_MAX_ATTEMPTS": 5,
    "FORMS_TASK_STALE_SECONDS": 60 * 60,
    "FORMS_TASK_RESULT_DAYS": 7,
    "CONSENT_VERSION": "2026-11",
}


def get(name):
    """The value of one of the settings above (read on every call, so tests can override it)."""
    return getattr(settings, name, DEFAULTS[name])
