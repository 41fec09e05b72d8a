"""The retention period of patrol reports: their free text goes, what the figures count stays.

The cutoff is the site's retention period (``forms.retention.retention_cutoff``),
counted from when a report was filed. Reports are erased in batches of bulk
updates (a few queries per batch, not per report); the page cache is emptied
once at the end, as feedback pages and team pages show these rows.

The mails about signals (to the coordinator, with the response; to a
department, with the description and house number) live in the forms outbox.
``forms.outbox.delete_old_mail`` deletes sent and failed mails after the same
retention period, counted from when the mail was queued (the sweep task
``forms.tasks.send_pending_mail`` runs it), so they go at most the time between
report and status change later than the report's text.
"""

from django.db import transaction

from forms.retention import retention_cutoff
from home.page_cache import content_changed

from .models import PatrolReport

BATCH_SIZE = 500


def purge_expired_report_text(moment=None, batch_size=BATCH_SIZE):
    """Erase the free text of every report filed before the retention cutoff; returns how many."""
    cutoff = retention_cutoff(moment=moment)
    count = 0
    while True:
        with transaction.atomic():
            batch = list(
                PatrolReport.objects.past_retention(cutoff).order_by("pk").values_list("pk", flat=True)[:batch_size]
            )
            if not batch:
                break
            count += PatrolReport.objects.filter(pk__in=batch).erase_free_text(moment)
    if count:
        content_changed()
    return count
