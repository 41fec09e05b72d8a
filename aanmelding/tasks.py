"""Background tasks of the registration app. Safe to run twice."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from .mails import evenings as evening_mails
from .mails import registrations as mails
from .models import EveningSignup, InfoEveningPage, RegistrationPage, RegistrationRound, RoundAlert, RoundAlertDelivery
from .privacy import purge_personal_data


@task()
def notify_open_round():
    """Mail every confirmed 'houd mij op de hoogte' address once for the round that is open now."""
    round_ = RegistrationRound.current()
    page = RegistrationPage.objects.live().first()
    if round_ is None or page is None:
        return 0
    sent = 0
    pending = RoundAlert.objects.filter(confirmed_at__isnull=False).exclude(deliveries__round=round_)
    for alert in pending:
        try:
            with transaction.atomic():
                # The unique (alert, round) row and the mail commit together:
                # a second run, or a parallel one, fails here and sends nothing.
                RoundAlertDelivery.objects.create(alert=alert, round=round_)
                mails.queue_round_open(alert, round_, page)
        except IntegrityError:
            continue
        sent += 1
    return sent


@task()
def purge_expired_personal_data():
    purged, alerts, signups = purge_personal_data()
    return {"registrations": purged, "alerts": alerts, "evening_signups": signups}


def send_evening_reminders(now=None):
    """Queue the day-before reminder for every confirmed sign-up of a due evening, once each.

    Who signed up after the reminder window opened just had a confirmation and
    gets no reminder. Each reminder is claimed with a conditional UPDATE in the
    same transaction as its mail: a second run, or a parallel one, claims nothing.
    """
    now = now or timezone.now()
    queued = 0
    soon = InfoEveningPage.objects.live().filter(starts_at__gt=now, starts_at__lte=now + timedelta(days=2))
    for evening in soon:
        if not evening.is_reminder_due(now):
            continue
        pending = evening.signups.filter(
            status=EveningSignup.Status.CONFIRMED, reminder_sent_at__isnull=True, created_at__lt=evening.reminder_from()
        )
        for signup in pending:
            with transaction.atomic():
                claimed = EveningSignup.objects.filter(
                    pk=signup.pk, status=EveningSignup.Status.CONFIRMED, reminder_sent_at__isnull=True
                ).update(reminder_sent_at=now)
                if claimed:
                    evening_mails.queue_reminder(signup, evening)
                    queued += 1
    return queued


@task()
def remind_evening_signups():
    return send_evening_reminders()
