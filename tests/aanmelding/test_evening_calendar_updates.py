"""Calendar entries that calendar programs accept: a SEQUENCE that only grows, the method on the MIME part,
and a changed time or place mailed to everyone signed up with the updated entry."""

from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from aanmelding import seats
from aanmelding.evening_calendar import CANCEL, PUBLISH, event_uid
from aanmelding.mails import evenings as evening_mails
from aanmelding.models import EveningSignup, InfoEveningPage
from forms.models import OutgoingMail
from tests.factories import InfoEveningPageFactory

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def evening(index_page):
    starts_at = (timezone.now() + timedelta(days=10)).replace(second=0, microsecond=0)
    evening = InfoEveningPageFactory(
        parent=index_page,
        title="Informatieavond Noord",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        signup_deadline=starts_at - timedelta(days=1),
        capacity=2,
    )
    # Published the way an editor does, so the time and place are recorded.
    evening.save_revision().publish()
    evening.refresh_from_db()
    return evening


def calendar_parts(message):
    """``(method parameter of the MIME part, parsed calendar)`` for each .ics of a sent mail."""
    parsed = message_from_bytes(message.message().as_bytes())
    return [
        (part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True)))
        for part in parsed.walk()
        if part.get_content_type() == "text/calendar"
    ]


def the_event(message):
    ((method, calendar),) = calendar_parts(message)
    (event,) = calendar.walk("VEVENT")
    assert method == str(calendar["METHOD"])  # the MIME part says what the file says
    return method, event


def send_queued(django_capture_on_commit_callbacks, action):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = action()
    return result


def sign_up(evening, number, persons=1):
    """What the sign-up form does: take a seat (or a waitlist place) and queue the confirmation."""
    signup = seats.sign_up(evening, name=f"Bewoner {number}", email=f"bewoner{number}@example.org", persons=persons)
    evening_mails.queue_signup_received(signup, signup.evening)
    return signup


def publish_change(evening, **changes):
    page = InfoEveningPage.objects.get(pk=evening.pk)
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()
    return InfoEveningPage.objects.get(pk=evening.pk)


def test_cancelling_and_signing_up_again_gives_ever_higher_sequences_for_one_uid(
    evening, django_capture_on_commit_callbacks
):
    first = send_queued(django_capture_on_commit_callbacks, lambda: sign_up(evening, 1))
    method, published = the_event(mail.outbox[0])
    assert method == PUBLISH

    send_queued(django_capture_on_commit_callbacks, lambda: seats.cancel(first))
    method, cancelled = the_event(mail.outbox[0])
    assert method == CANCEL

    send_queued(django_capture_on_commit_callbacks, lambda: sign_up(evening, 1))
    method, again = the_event(mail.outbox[0])
    assert method == PUBLISH

    assert str(published["UID"]) == str(cancelled["UID"]) == str(again["UID"]) == event_uid(evening)
    # A calendar takes a version only if its SEQUENCE is higher than the one it holds.
    assert int(published["SEQUENCE"]) < int(cancelled["SEQUENCE"]) < int(again["SEQUENCE"])


def test_every_calendar_attachment_names_its_method_in_the_mime_type(evening, django_capture_on_commit_callbacks):
    signup = send_queued(django_capture_on_commit_callbacks, lambda: sign_up(evening, 1))
    message = message_from_bytes(mail.outbox[0].message().as_bytes())
    (part,) = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert part.get_params()[1:] == [("charset", "utf-8"), ("method", "PUBLISH")]
    assert part.get_filename() == "informatiebijeenkomst.ics"
    assert part.get_content_disposition() == "attachment"

    send_queued(django_capture_on_commit_callbacks, lambda: seats.cancel(signup))
    message = message_from_bytes(mail.outbox[0].message().as_bytes())
    (part,) = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "CANCEL"


def test_a_new_time_is_mailed_to_everyone_signed_up_with_a_higher_sequence(evening, django_capture_on_commit_callbacks):
    confirmed = send_queued(django_capture_on_commit_callbacks, lambda: sign_up(evening, 1, persons=2))
    (_, before), *_ = calendar_parts(mail.outbox[0])
    waitlisted = sign_up(evening, 2)
    gone = sign_up(evening, 3)
    seats.cancel(gone)
    assert (confirmed.status, waitlisted.status) == (EveningSignup.Status.CONFIRMED, EveningSignup.Status.WAITLISTED)
    old_sequence = int(before.walk("VEVENT")[0]["SEQUENCE"])

    later = evening.starts_at + timedelta(days=1, hours=1)
    send_queued(
        django_capture_on_commit_callbacks,
        lambda: publish_change(evening, starts_at=later, ends_at=later + timedelta(hours=2)),
    )

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["bewoner1@example.org", "bewoner2@example.org"]  # not the cancelled one

    seat_mail = by_address["bewoner1@example.org"]
    assert seat_mail.subject.startswith("Gewijzigd: de informatiebijeenkomst is nu op ")
    assert "De tijd of de plaats" in seat_mail.body and "blijft gewoon staan" in seat_mail.body
    method, event = the_event(seat_mail)
    assert method == PUBLISH
    assert str(event["UID"]) == event_uid(evening)
    assert int(event["SEQUENCE"]) > old_sequence
    assert event.decoded("DTSTART") == later

    waitlist_mail = by_address["bewoner2@example.org"]
    assert "wachtlijst" in waitlist_mail.body
    assert calendar_parts(waitlist_mail) == []  # no entry in their calendar to update


def test_a_new_place_is_mailed_too(evening, django_capture_on_commit_callbacks):
    sign_up(evening, 1)
    send_queued(django_capture_on_commit_callbacks, lambda: publish_change(evening, location_name="Wijkcentrum Oost"))
    (message,) = mail.outbox
    _, event = the_event(message)
    assert "Wijkcentrum Oost" in str(event["LOCATION"]) and "Wijkcentrum Oost" in message.body


def test_other_changes_the_first_publication_and_a_past_evening_mail_no_one(
    index_page, evening, django_capture_on_commit_callbacks
):
    sign_up(evening, 1)
    OutgoingMail.objects.all().delete()

    publish_change(evening, title="Informatieavond Noord (let op: nieuwe zaalindeling)", capacity=30)
    assert not OutgoingMail.objects.exists()

    starts_at = timezone.now() + timedelta(days=20)
    new = InfoEveningPageFactory(parent=index_page, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2))
    new.save_revision().publish()
    assert not OutgoingMail.objects.exists()
    assert InfoEveningPage.objects.get(pk=new.pk).calendar_published

    two_days_ago = timezone.now() - timedelta(days=2)
    publish_change(
        evening,
        starts_at=two_days_ago,
        ends_at=two_days_ago + timedelta(hours=2),
        signup_deadline=two_days_ago - timedelta(days=1),
    )
    assert not OutgoingMail.objects.exists()


def test_publishing_an_old_revision_never_lowers_the_sequence(evening):
    old_revision = InfoEveningPage.objects.get(pk=evening.pk).save_revision()
    sign_up(evening, 1)
    seats.cancel(EveningSignup.objects.get())
    sequence = InfoEveningPage.objects.get(pk=evening.pk).calendar_sequence
    assert sequence > 0

    # Loaded afresh, as the scheduled publishing or "publish this revision" in the history does.
    type(old_revision).objects.get(pk=old_revision.pk).publish()
    assert InfoEveningPage.objects.get(pk=evening.pk).calendar_sequence == sequence


def test_a_copied_evening_starts_its_calendar_afresh(evening, index_page):
    sign_up(evening, 1)
    seats.cancel(EveningSignup.objects.get())
    copy = InfoEveningPage.objects.get(pk=evening.pk).copy(
        to=index_page, update_attrs={"slug": "kopie", "title": "Kopie"}
    )
    assert (copy.calendar_sequence, copy.calendar_published) == (0, "")
