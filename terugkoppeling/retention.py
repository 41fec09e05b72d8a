"""The retention period of patrol reports: their free text goes, what the figures count stays."""

from django.db import transaction

from forms.retention import retention_cutoff

from .models import PatrolReport


def purge_expired_report_text(moment=None):
    """Erase the free text of every report filed before the retention cutoff; returns how many."""
    cutoff = retention_cutoff(moment=moment)
    count = 0
    for report in PatrolReport.objects.past_retention(cutoff).iterator():
        with transaction.atomic():
            report.erase_free_text(moment)
        count += 1
    return count
