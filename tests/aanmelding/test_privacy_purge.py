"""Purging personal data after the retention period editors set."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from aanmelding.models import Registration, RegistrationStatusChange, RoundAlert
from aanmelding.privacy import purge_personal_data
from aanmelding.tasks import purge_expired_personal_data
from tests.factories import RegistrationFactory, RegistrationRoundFactory, UserFactory, WijkFactory

pytestmark = pytest.mark.django_db

PERSONAL_FIELDS = ["name", "email", "phone", "initiative_name", "remarks", "internal_notes"]


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def closed_round(days_since_closing, title):
    closes_at = days_ago(days_since_closing)
    return RegistrationRoundFactory(title=title, opens_at=closes_at - timedelta(days=14), closes_at=closes_at)


def purge_command():
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


@pytest.fixture
def retention_200_days(municipality):
    municipality.retention_days = 200
    municipality.save()
    return municipality


@pytest.fixture
def rounds(db):
    return {
        "old": closed_round(201, "Lang geleden"),
        "recent": closed_round(199, "Net binnen de termijn"),
        "open": RegistrationRoundFactory(title="Nu open"),
    }


def full_registration(round_, **fields):
    registration = RegistrationFactory(
        round=round_,
        kind=Registration.Kind.NEW_TEAM,
        initiative_name="Team Noorderpark",
        expected_members=6,
        postcode="1234 AB",
        wijk=WijkFactory(name="Noorderpark"),
        internal_notes="Belt liever 's avonds.",
        statement_together=4,
        availability=["weekend"],
        heard_via="buren",
        **fields,
    )
    registration.change_status(Registration.Status.INVITED, by=UserFactory(), note="Gebeld met Fatima, komt op de 12e.")
    return registration


def test_the_command_removes_personal_data_after_the_retention_period(retention_200_days, rounds):
    old = full_registration(rounds["old"], name="Fatima el Amrani", email="fatima@example.org")
    recent = full_registration(rounds["recent"], name="Jan de Vries", email="jan@example.org")
    current = full_registration(rounds["open"], name="Priya", email="priya@example.org")

    output = purge_command()

    assert "Aanmeldingen opgeschoond: 1" in output
    old.refresh_from_db()
    for field in PERSONAL_FIELDS:
        assert getattr(old, field) == "", field
    assert old.email_key is None
    assert old.personal_data_removed_at is not None
    assert old.status_changes.get().note == ""
    # What counts anonymously stays.
    assert old.round == rounds["old"]
    assert old.kind == Registration.Kind.NEW_TEAM
    assert old.wijk.name == "Noorderpark"
    assert old.status == Registration.Status.INVITED
    assert old.postcode == "1234"
    assert old.expected_members == 6 and old.statement_together == 4 and old.availability == ["weekend"]
    assert old.consent_given_at is not None
    assert old.status_changes.get().to_status == Registration.Status.INVITED
    # Recent and current ones are left alone.
    for registration, name in ((recent, "Jan de Vries"), (current, "Priya")):
        registration.refresh_from_db()
        assert registration.name == name and registration.email and registration.personal_data_removed_at is None
        assert registration.status_changes.get().note.startswith("Gebeld")


def test_running_twice_is_harmless(retention_200_days, rounds):
    old = full_registration(rounds["old"])
    purge_command()
    old.refresh_from_db()
    removed_at = old.personal_data_removed_at

    output = purge_command()

    assert "Aanmeldingen opgeschoond: 0" in output
    old.refresh_from_db()
    assert old.personal_data_removed_at == removed_at
    assert Registration.objects.count() == 1
    assert RegistrationStatusChange.objects.count() == 1


def test_the_retention_period_is_the_one_editors_set(municipality, rounds):
    municipality.retention_days = 365
    municipality.save()
    old = full_registration(rounds["old"])

    purge_command()
    old.refresh_from_db()
    assert old.personal_data_removed_at is None

    municipality.retention_days = 30
    municipality.save()
    purge_command()
    old.refresh_from_db()
    assert old.personal_data_removed_at is not None


def test_purged_rows_keep_the_counts(retention_200_days, rounds):
    for number in range(3):
        full_registration(rounds["old"], email=f"bewoner{number}@example.org")
    purge_command()

    counts = Registration.objects.filter(round=rounds["old"]).values_list("kind", flat=True)
    assert list(counts) == [Registration.Kind.NEW_TEAM] * 3
    # Purged addresses no longer block anything: the unique key is empty.
    assert set(Registration.objects.values_list("email_key", flat=True)) == {None}


def test_unconfirmed_alerts_older_than_a_week_are_deleted(municipality):
    stale = RoundAlert.objects.create(email="oud-onbevestigd@example.org")
    fresh = RoundAlert.objects.create(email="nieuw-onbevestigd@example.org")
    confirmed = RoundAlert.objects.create(email="oud-bevestigd@example.org", confirmed_at=days_ago(300))
    RoundAlert.objects.filter(pk__in=[stale.pk, confirmed.pk]).update(created_at=days_ago(8))
    RoundAlert.objects.filter(pk=fresh.pk).update(created_at=days_ago(6))

    output = purge_command()

    assert "onbevestigde verzoeken verwijderd: 1" in output
    assert set(RoundAlert.objects.values_list("email", flat=True)) == {
        "nieuw-onbevestigd@example.org",
        "oud-bevestigd@example.org",
    }
    assert "onbevestigde verzoeken verwijderd: 0" in purge_command()


def test_the_periodic_task_purges_too(retention_200_days, rounds):
    old = full_registration(rounds["old"])

    result = purge_expired_personal_data.enqueue()

    assert result.return_value == {"registrations": 1, "alerts": 0, "evening_signups": 0}
    old.refresh_from_db()
    assert old.name == ""


def test_purge_personal_data_can_look_from_another_moment(retention_200_days, rounds):
    recent = full_registration(rounds["recent"])

    assert purge_personal_data() == (0, 0, 0)
    assert purge_personal_data(timezone.now() + timedelta(days=2)) == (1, 0, 0)
    recent.refresh_from_db()
    assert recent.personal_data_removed_at is not None


# --- the outbox's copies go with the data ---------------------------------------------------------


def sent_mail_to(address, status=None):
    from forms.models import OutgoingMail

    return OutgoingMail.objects.create(
        to=address,
        from_email="buurtpreventie@gemeente.example",
        subject="Over je aanmelding",
        body_text=f"Beste buur, {address}",
        status=status or OutgoingMail.Status.SENT,
        sent_at=timezone.now(),
    )


def test_the_retention_purge_removes_the_mails_sent_about_a_registration(retention_200_days, rounds):
    old = full_registration(rounds["old"], email="Oud@Example.org")
    recent = full_registration(rounds["recent"], email="recent@example.org")
    copy, kept = sent_mail_to("oud@example.org"), sent_mail_to(recent.email)

    purge_personal_data()

    from forms.models import OutgoingMail

    old.refresh_from_db()
    assert old.personal_data_removed
    assert not OutgoingMail.objects.filter(pk=copy.pk).exists()
    assert OutgoingMail.objects.filter(pk=kept.pk).exists()


def test_the_sign_up_purge_removes_the_mails_sent_about_the_evening(municipality):
    from forms.models import OutgoingMail
    from tests.factories import EveningSignupFactory, InfoEveningIndexPageFactory, InfoEveningPageFactory

    index = InfoEveningIndexPageFactory(parent=municipality.site.root_page)
    evening = InfoEveningPageFactory(parent=index)
    signup = EveningSignupFactory(evening=evening, email="Fatima@Example.org")
    copies = [sent_mail_to("fatima@example.org"), sent_mail_to("fatima@example.org", OutgoingMail.Status.FAILED)]
    other = sent_mail_to("iemand-anders@example.org")

    purge_personal_data(evening.ends_at + timedelta(days=municipality.retention_days + 1))

    signup.refresh_from_db()
    assert signup.email == ""
    assert not OutgoingMail.objects.filter(pk__in=[copy.pk for copy in copies]).exists()
    assert OutgoingMail.objects.filter(pk=other.pk).exists()


def test_expired_unconfirmed_alerts_take_their_confirmation_mail_with_them(municipality):
    from forms.models import OutgoingMail

    alert = RoundAlert.objects.create(email="nooit@example.org")
    RoundAlert.objects.filter(pk=alert.pk).update(created_at=days_ago(8))
    copy = sent_mail_to("nooit@example.org")

    assert purge_personal_data()[1] == 1

    assert not RoundAlert.objects.filter(pk=alert.pk).exists()
    assert not OutgoingMail.objects.filter(pk=copy.pk).exists()


def test_a_mail_waiting_to_go_out_stays_a_worker_may_be_sending_it(retention_200_days, rounds):
    from forms.models import OutgoingMail

    full_registration(rounds["old"], email="oud@example.org")
    waiting = OutgoingMail.objects.create(
        to="oud@example.org", from_email="x@example.org", subject="Onderweg", body_text="Tekst"
    )

    purge_personal_data()

    assert OutgoingMail.objects.filter(pk=waiting.pk).exists()
