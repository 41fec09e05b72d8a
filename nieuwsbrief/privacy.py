"""Removing the newsletter's personal data after the retention period editors set."""

from django.db import transaction
from django.utils import timezone

from forms.models import OutgoingMail
from forms.retention import retention_cutoff

from .models import PracticeExampleSubmission


def purge_practice_submissions(moment=None):
    """Blank the name and address of practice-example submissions older than the retention period,
    with the outbox's copies of the mails sent to them. The example page, which never held them,
    stays. Safe to run twice; returns how many submissions were purged."""
    moment = moment or timezone.now()
    with transaction.atomic():
        expired = PracticeExampleSubmission.objects.select_for_update().filter(
            created_at__lt=retention_cutoff(moment=moment), personal_data_removed_at__isnull=True
        )
        addresses = list(expired.values_list("email", flat=True))
        purged = expired.update(name="", email="", personal_data_removed_at=moment)
        # The receipt and the publication mail held the same address and name.
        OutgoingMail.objects.copies_sent_to(addresses).delete()
    return purged
