"""Information evenings in the resident's calendar (.ics), the reminder the day before, and the purge."""

from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core import mail
from icalendar import Calendar

from aanmelding import seats
from aanmelding.evening_calendar import AMSTERDAM, CANCEL, PUBLISH, evening_calendar, event_uid
from aanmelding.models import EveningSignup
from aanmelding.privacy import purge_personal_data
from aanmelding.seats import sign_up
from aanmelding.tasks import remind_evening_signups, send_evening_reminders
from forms.models import OutgoingMail
from forms.testing import public_form_data
from tests.factories import EveningSignupFactory, InfoEveningPageFactory

from .registration_support import at

# The whole module lives on 1 June 2027 (both clocks, standing still), nine days before the
# evening: the dates below never turn into the past.
NOW = at(2027, 6, 1, 12, 0)
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("no_rate_limit_left_over"),
    pytest.mark.time_machine(NOW, tick=False),
]


@pytest.fixture
def evening(index_page):
    # A summer evening (CEST, UTC+2): 19:30-21:30 in Amsterdam is 17:30-19:30 UTC.
    return InfoEveningPageFactory(
        parent=index_page,
        title="Informatieavond Noord",
        starts_at=at(2027, 6, 10, 19, 30),
        ends_at=at(2027, 6, 10, 21, 30),
        signup_deadline=at(2027, 6, 9, 12, 0),
        capacity=2,
    )


def the_event(ics):
    calendar = Calendar.from_ical(ics)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def sent_calendars(message):
    """The .ics attachments of a sent mail, parsed back from the real MIME message."""
    parsed = message_from_bytes(message.message().as_bytes())
    return [
        Calendar.from_ical(part.get_payload(decode=True))
        for part in parsed.walk()
        if part.get_content_type() == "text/calendar"
    ]


# --- the .ics -------------------------------------------------------------------------


def test_the_ics_parses_back_with_the_right_times_in_amsterdam(evening):
    calendar, event = the_event(evening_calendar(evening))
    assert str(calendar["METHOD"]) == PUBLISH
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert (start.hour, start.minute, end.hour, end.minute) == (19, 30, 21, 30)
    assert start.utcoffset() == timedelta(hours=2)
    assert start == evening.starts_at and end == evening.ends_at
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    assert str(event["UID"]) == event_uid(evening)
    assert "Buurthuis De Schakel" in str(event["LOCATION"])


def test_a_winter_evening_is_an_hour_from_utc(index_page):
    winter = InfoEveningPageFactory(
        parent=index_page, starts_at=at(2027, 1, 14, 19, 30), ends_at=at(2027, 1, 14, 21, 0)
    )
    _, event = the_event(evening_calendar(winter))
    start = event.decoded("DTSTART")
    assert (start.hour, start.utcoffset()) == (19, timedelta(hours=1))


def test_the_uid_is_stable_and_a_cancellation_outranks_it(evening):
    _, first = the_event(evening_calendar(evening))
    _, again = the_event(evening_calendar(evening))
    calendar, cancelled = the_event(evening_calendar(evening, CANCEL))
    assert str(first["UID"]) == str(again["UID"]) == str(cancelled["UID"])
    assert str(calendar["METHOD"]) == CANCEL
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) > int(first["SEQUENCE"])
    assert "ORGANIZER" in cancelled


def test_zet_in_je_agenda_downloads_the_ics(client, evening):
    page = client.get(evening.url).content.decode()
    assert 'href="' + evening.url + 'agenda/"' in page
    assert "Zet in je agenda" in page
    response = client.get(evening.url + "agenda/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    _, event = the_event(response.content)
    assert event.decoded("DTSTART") == evening.starts_at


def test_the_confirmation_mail_carries_the_ics_and_a_waitlist_mail_does_not(
    client, evening, django_capture_on_commit_callbacks
):
    fields = {"name": "Fatima el Amrani", "persons": "2", "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(evening.url, public_form_data({**fields, "email": "fatima@example.org"}))
        client.post(evening.url, public_form_data({**fields, "email": "joost@example.org"}))
    seat, waitlist = sorted(mail.outbox, key=lambda m: m.to[0])
    assert seat.to == ["fatima@example.org"]
    (calendar,) = sent_calendars(seat)
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == PUBLISH
    assert event.decoded("DTSTART").astimezone(AMSTERDAM).hour == 19
    assert waitlist.to == ["joost@example.org"]
    assert sent_calendars(waitlist) == []


def test_cancelling_a_seat_sends_method_cancel_and_the_moved_up_resident_gets_the_event(
    evening, django_capture_on_commit_callbacks
):
    seated = sign_up(evening, name="Fatima", email="fatima@example.org", persons=2)
    waiting = sign_up(evening, name="Joost", email="joost@example.org", persons=1)
    assert waiting.is_waitlisted
    with django_capture_on_commit_callbacks(execute=True):
        seats.cancel(seated)
    by_address = {message.to[0]: message for message in mail.outbox}
    (cancel,) = sent_calendars(by_address["fatima@example.org"])
    assert str(cancel["METHOD"]) == CANCEL
    (moved_up,) = sent_calendars(by_address["joost@example.org"])
    assert str(moved_up["METHOD"]) == PUBLISH


def test_cancelling_a_waitlist_place_sends_no_calendar(evening, django_capture_on_commit_callbacks):
    EveningSignupFactory(evening=evening, persons=2)
    waiting = sign_up(evening, name="Joost", email="joost@example.org", persons=1)
    with django_capture_on_commit_callbacks(execute=True):
        seats.cancel(waiting)
    (message,) = mail.outbox
    assert "geannuleerd" in message.subject
    assert sent_calendars(message) == []


# --- the reminder ----------------------------------------------------------------------


def signed_up_before(evening, moment, **kwargs):
    signup = EveningSignupFactory(evening=evening, **kwargs)
    EveningSignup.objects.filter(pk=signup.pk).update(created_at=moment)
    return signup


def test_the_reminder_goes_out_the_day_before_once_even_if_the_task_runs_twice(evening):
    seated = signed_up_before(evening, at(2027, 6, 1, 10, 0), email="fatima@example.org")
    signed_up_before(evening, at(2027, 6, 1, 11, 0), status=EveningSignup.Status.WAITLISTED)
    signed_up_before(evening, at(2027, 6, 1, 12, 0), status=EveningSignup.Status.CANCELLED)

    assert send_evening_reminders(at(2027, 6, 9, 8, 59)) == 0  # not before nine the day before
    assert send_evening_reminders(at(2027, 6, 9, 9, 15)) == 1
    assert send_evening_reminders(at(2027, 6, 9, 9, 30)) == 0
    assert send_evening_reminders(at(2027, 6, 10, 12, 0)) == 0  # nor on the day itself

    (reminder,) = OutgoingMail.objects.filter(subject__startswith="Herinnering")
    assert reminder.to == "fatima@example.org"
    assert "donderdag 10 juni" in reminder.subject
    assert "Buurthuis De Schakel" in reminder.body_text
    assert "Morgen is de informatiebijeenkomst" in reminder.body_text
    assert evening.url + "annuleren/" in reminder.body_text
    seated.refresh_from_db()
    assert seated.reminder_sent_at == at(2027, 6, 9, 9, 15)


def test_the_reminder_task_itself_runs_twice_without_a_second_mail(evening, time_machine):
    signed_up_before(evening, at(2027, 6, 1, 10, 0))
    time_machine.move_to(at(2027, 6, 9, 18, 0))
    assert remind_evening_signups.call() == 1
    assert remind_evening_signups.call() == 0
    assert OutgoingMail.objects.filter(subject__startswith="Herinnering").count() == 1


def test_a_reminder_caught_up_on_the_day_itself_says_vandaag(evening, time_machine):
    signed_up_before(evening, at(2027, 6, 1, 10, 0))
    time_machine.move_to(at(2027, 6, 10, 8, 0))
    assert send_evening_reminders() == 1
    (reminder,) = OutgoingMail.objects.filter(subject__startswith="Herinnering")
    assert "Vandaag is de informatiebijeenkomst" in reminder.body_text
    assert "Morgen" not in reminder.body_text


def test_no_reminder_for_who_signed_up_within_the_day_or_after_the_start(evening):
    signed_up_before(evening, at(2027, 6, 9, 10, 0))  # just had the confirmation
    assert send_evening_reminders(at(2027, 6, 9, 18, 0)) == 0
    signed_up_before(evening, at(2027, 6, 1, 10, 0))
    assert send_evening_reminders(at(2027, 6, 10, 19, 31)) == 0  # started: too late


def test_no_reminder_for_an_unpublished_evening(evening):
    signed_up_before(evening, at(2027, 6, 1, 10, 0))
    evening.unpublish()
    assert send_evening_reminders(at(2027, 6, 9, 18, 0)) == 0


# --- retention ----------------------------------------------------------------------------


def test_the_purge_strips_sign_ups_of_long_past_evenings_and_keeps_the_numbers(evening, municipality):
    signup = EveningSignupFactory(evening=evening, persons=2, remark="Ik neem mijn buurman mee.")
    after_retention = evening.ends_at + timedelta(days=municipality.retention_days + 1)

    assert purge_personal_data(evening.ends_at + timedelta(days=1))[2] == 0
    assert purge_personal_data(after_retention)[2] == 1
    assert purge_personal_data(after_retention)[2] == 0  # safe to run twice

    signup.refresh_from_db()
    assert (signup.name, signup.email, signup.remark) == (EveningSignup.REMOVED_NAME, "", "")
    assert (signup.persons, signup.status) == (2, EveningSignup.Status.CONFIRMED)
