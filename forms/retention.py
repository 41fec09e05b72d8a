"""Retention: how far back personal data may be kept (set by editors per site)."""

from datetime import timedelta

from django.utils import timezone

from home.models import MunicipalitySettings

from .consent import municipality_settings

DEFAULT_RETENTION_DAYS = MunicipalitySettings._meta.get_field("retention_days").default


def retention_days(site=None):
    """``MunicipalitySettings.retention_days`` of ``site`` (default: the default site), or the field's default."""
    settings = municipality_settings(site=site)
    return settings.retention_days if settings else DEFAULT_RETENTION_DAYS


def retention_cutoff(site=None, moment=None, days=None):
    """``moment`` (default now) minus ``days``, or else ``retention_days(site)``.

    Without ``site`` the default site's settings count. Anything with personal
    data created before the cutoff is to be purged.
    """
    return (moment or timezone.now()) - timedelta(days=days or retention_days(site))
