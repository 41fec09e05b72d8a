"""Purging subscribers: unconfirmed requests after a week, unsubscribed addresses after the retention period.

Deliveries of sent issues keep their counts; the outbox loses the copies of the subscription mails.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from forms.models import OutgoingMail
from home.models import MunicipalitySettings
from nieuwsbrief.mails.subscribers import CONFIRM_SUBJECT, WELCOME_SUBJECT
from nieuwsbrief.models import Delivery, NewsletterArchivePage, NewsletterIssuePage, NewsletterSending, Subscriber
from nieuwsbrief.privacy import purge_subscribers
from nieuwsbrief.tasks import purge_expired_personal_data

from .subscriber_support import make_subscriber

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(timezone.datetime(2027, 6, 1, 12, 0))


@pytest.fixture
def retention_200_days(home_page):
    settings = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    settings.retention_days = 200
    settings.save()
    return settings


def subscriber_at(email, status, created_days_ago, unsubscribed_days_ago=None):
    subscriber = make_subscriber(email, status=status)
    Subscriber.objects.filter(pk=subscriber.pk).update(
        created_at=NOW - timedelta(days=created_days_ago),
        unsubscribed_at=NOW - timedelta(days=unsubscribed_days_ago) if unsubscribed_days_ago is not None else None,
    )
    return subscriber


def mail_to(address, subject, status=OutgoingMail.Status.SENT):
    return OutgoingMail.objects.create(to=address, subject=subject, body_text="x", status=status)


def test_unconfirmed_requests_go_after_seven_days_with_their_confirm_mails(retention_200_days):
    old = subscriber_at("oud@example.org", Subscriber.Status.PENDING, created_days_ago=8)
    fresh = subscriber_at("vers@example.org", Subscriber.Status.PENDING, created_days_ago=6)
    active = subscriber_at("actief@example.org", Subscriber.Status.ACTIVE, created_days_ago=400)
    mail_to("oud@example.org", CONFIRM_SUBJECT)
    kept = [mail_to("vers@example.org", CONFIRM_SUBJECT), mail_to("actief@example.org", WELCOME_SUBJECT)]

    assert purge_subscribers(NOW) == (1, 0)

    assert set(Subscriber.objects.values_list("pk", flat=True)) == {fresh.pk, active.pk}
    assert not Subscriber.objects.filter(pk=old.pk).exists()
    assert set(OutgoingMail.objects.all()) == set(kept)


def test_unsubscribed_addresses_are_erased_after_the_retention_period(retention_200_days):
    erased = subscriber_at("weg@example.org", Subscriber.Status.UNSUBSCRIBED, 500, unsubscribed_days_ago=201)
    recent = subscriber_at("net@example.org", Subscriber.Status.UNSUBSCRIBED, 500, unsubscribed_days_ago=199)
    mail_to("weg@example.org", WELCOME_SUBJECT)
    waiting = mail_to("weg@example.org", WELCOME_SUBJECT, status=OutgoingMail.Status.PENDING)  # a worker may send it
    other_app = mail_to("weg@example.org", "We hebben je aanmelding ontvangen (BP-2027-00001)")

    assert purge_subscribers(NOW) == (0, 1)

    assert list(Subscriber.objects.all()) == [recent]
    assert not Subscriber.objects.filter(pk=erased.pk).exists()
    # Only the newsletter's own mails go; another app's mail to the same address is that app's to keep.
    assert set(OutgoingMail.objects.all()) == {waiting, other_app}
    assert purge_subscribers(NOW) == (0, 0)  # safe to run twice


def test_deliveries_keep_their_counts_but_not_the_address(home_page, retention_200_days):
    archive = home_page.add_child(instance=NewsletterArchivePage(title="Nieuwsbrieven", slug="nieuwsbrieven"))
    issue = archive.add_child(instance=NewsletterIssuePage(title="Januari", subject="Januari", intro="Hallo"))
    sending = NewsletterSending.objects.create(issue=issue, subject="Januari", body_html="x", body_text="x")
    gone = subscriber_at("weg@example.org", Subscriber.Status.UNSUBSCRIBED, 500, unsubscribed_days_ago=300)
    stays = subscriber_at("blijft@example.org", Subscriber.Status.ACTIVE, 500)
    for subscriber in (gone, stays):
        Delivery.objects.create(
            sending=sending, subscriber=subscriber, status=Delivery.Status.SENT, message_id=f"<{subscriber.pk}@x>"
        )

    purge_subscribers(NOW)

    assert sending.progress()["sent"] == 2
    assert Delivery.objects.filter(subscriber__isnull=True).count() == 1
    assert not Subscriber.objects.filter(email="weg@example.org").exists()


def test_the_periodic_task_purges_subscribers_too(time_machine, retention_200_days):
    subscriber_at("oud@example.org", Subscriber.Status.PENDING, created_days_ago=8)
    subscriber_at("weg@example.org", Subscriber.Status.UNSUBSCRIBED, 500, unsubscribed_days_ago=300)
    time_machine.move_to(NOW, tick=False)

    result = purge_expired_personal_data.enqueue()

    assert result.return_value["unconfirmed_subscribers"] == 1
    assert result.return_value["unsubscribed_subscribers"] == 1
    assert not Subscriber.objects.exists()
