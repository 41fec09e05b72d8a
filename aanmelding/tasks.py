"""Background tasks of the registration app. Safe to run twice."""

from django.db import IntegrityError, transaction
from django_tasks import task

from . import mails
from .models import RegistrationPage, RegistrationRound, RoundAlert, RoundAlertDelivery
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
    purged, alerts = purge_personal_data()
    return {"registrations": purged, "alerts": alerts}
