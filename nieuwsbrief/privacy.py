"""Removing the newsletter's personal data after the retention period editors set."""

from django.db import transaction
from django.utils import timezone

from forms.models import OutgoingMail
from forms.retention import retention_cutoff

from .mails.subscribers import SUBJECTS as SUBSCRIBER_MAIL_SUBJECTS
from .models import PracticeExampleSubmission, Subscriber


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


def purge_subscribers(moment=None):
    """Delete requests nobody confirmed within a week, and addresses unsubscribed longer ago than the
    retention period; with each, the outbox's copies of the subscription mails to it. Deliveries of
    sent issues stay as counts (their subscriber becomes empty). Safe to run twice; returns
    ``(unconfirmed deleted, unsubscribed erased)``."""
    moment = moment or timezone.now()
    counts = []
    for expired in (
        Subscriber.objects.unconfirmed_before(moment),
        Subscriber.objects.unsubscribed_before(retention_cutoff(moment=moment)),
    ):
        with transaction.atomic():
            addresses = list(expired.select_for_update().values_list("email", flat=True))
            # Still expired when deleted: a request confirmed in the meantime stays.
            _, deleted = expired.filter(email__in=addresses).delete()
            OutgoingMail.objects.copies_sent_to(addresses).filter(subject__in=SUBSCRIBER_MAIL_SUBJECTS).delete()
        counts.append(deleted.get(Subscriber._meta.label, 0))
    return tuple(counts)
