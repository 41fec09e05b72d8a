"""Removing personal data after the retention period editors set."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from forms.models import OutgoingMail
from forms.retention import retention_cutoff

from .models import EveningSignup, Registration, RoundAlert

UNCONFIRMED_ALERT_DAYS = 7


def purge_personal_data(moment=None):
    """Strip personal data from registrations whose round closed longer ago than
    the retention period and from sign-ups for evenings that ended longer ago,
    and drop alert requests never confirmed within a week; with each, the
    outbox's copies of the mails sent to them. The numbers (status, persons)
    stay. Safe to run twice.

    Returns (registrations purged, alerts deleted, evening sign-ups purged)."""
    moment = moment or timezone.now()
    cutoff = retention_cutoff(moment=moment)
    purged = 0
    for pk in Registration.objects.past_retention(cutoff).values_list("pk", flat=True):
        with transaction.atomic():
            registration = Registration.objects.select_for_update().get(pk=pk)
            if registration.personal_data_removed_at is None:
                registration.remove_personal_data(moment)
                purged += 1
    with transaction.atomic():
        alerts = RoundAlert.objects.filter(
            confirmed_at__isnull=True, created_at__lt=moment - timedelta(days=UNCONFIRMED_ALERT_DAYS)
        ).forget()
    with transaction.atomic():
        past = EveningSignup.objects.filter(evening__ends_at__lt=cutoff).exclude(name=EveningSignup.REMOVED_NAME)
        addresses = list(past.values_list("email", flat=True))
        signups = past.update(name=EveningSignup.REMOVED_NAME, email="", email_key=None, remark="", network_key="")
        # The confirmation, reminder and cancellation mails to them held the same data.
        OutgoingMail.objects.copies_sent_to(addresses).delete()
    return purged, alerts, signups
