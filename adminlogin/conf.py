"""This app's settings, with their defaults (site/settings/base.py sets them from the environment)."""

from django.conf import settings

DEFAULTS = {
    # A second factor for every admin user (DJANGO_ADMIN_2FA).
    "ADMIN_2FA": True,
    # An admin session ends after this many minutes without an admin request.
    "ADMIN_SESSION_IDLE_MINUTES": 9 * 60,
    # Login records (axes' attempts and logs) are deleted after this many days.
    "ADMIN_LOGIN_RECORDS_DAYS": 30,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
