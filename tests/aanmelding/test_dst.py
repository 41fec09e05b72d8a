"""Summer and winter time (Europe/Amsterdam) where editors type times and where reminders go out.

On the last Sunday of March the clocks jump from 02:00 to 03:00, so 02:30 does not
exist; on the last Sunday of October they go back from 03:00 to 02:00, so 02:30
happens twice. An editor who types such a time gets a Dutch form error naming the
time, nothing is saved and nothing breaks. Reminders go out at 09:00 local time the
day before, also when that day is the one the clocks change.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from aanmelding.models import InfoEveningPage, RegistrationRound
from aanmelding.tasks import remind_evening_signups
from forms.models import OutgoingMail
from tests.factories import EveningSignupFactory, InfoEveningPageFactory, UserFactory

from .registration_support import at, evening_form_data, soup

# Frozen before every date below, so they stay in the future whenever this runs.
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(at(2027, 1, 15, 12, 0), tick=False)]

DOES_NOT_EXIST = "2027-03-28 02:30"  # last Sunday of March 2027
HAPPENS_TWICE = "2027-10-31 02:30"  # last Sunday of October 2027
PROBLEM_TIMES = pytest.mark.parametrize("typed", [DOES_NOT_EXIST, HAPPENS_TWICE], ids=["spring-gap", "autumn-twice"])


def dutch_error(typed):
    return f"{typed}:00 kon niet worden geïnterpreteerd in tijdzone Europe/Amsterdam"


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(is_superuser=True))
    return client


def field_error(response, name):
    """The error text shown with the admin field ``name``."""
    field = soup(response).find(attrs={"name": name})
    wrapper = field.find_parent(attrs={"data-field-wrapper": True}) or field.find_parent(class_="w-field__wrapper")
    return wrapper.get_text(" ", strip=True)


# --- an editor types the time -----------------------------------------------------------------


def post_round(client, **times):
    data = {"title": "Najaar 2027", "opens_at": "2027-09-01 09:00", "closes_at": "2027-11-15 23:59", "description": ""}
    return client.post("/admin/aanmelding/registrationround/create/", {**data, **times})


@PROBLEM_TIMES
@pytest.mark.parametrize("field", ["opens_at", "closes_at"])
def test_a_round_time_that_does_not_exist_or_happens_twice_is_a_dutch_form_error(editor_client, typed, field):
    times = {"opens_at": "2027-03-01 09:00", field: typed} if field == "closes_at" else {field: typed}

    response = post_round(editor_client, **times)

    assert response.status_code == 200
    assert dutch_error(typed) in field_error(response, field)
    assert not RegistrationRound.objects.exists()


def test_a_round_time_on_the_night_the_clocks_change_that_exists_once_is_saved(editor_client):
    response = post_round(editor_client, opens_at="2027-03-28 03:00", closes_at="2027-10-31 03:00")

    assert response.status_code == 302
    round_ = RegistrationRound.objects.get()
    assert round_.opens_at == datetime(2027, 3, 28, 1, 0, tzinfo=UTC)  # summer time: UTC+2
    assert round_.closes_at == datetime(2027, 10, 31, 2, 0, tzinfo=UTC)  # winter time again: UTC+1


@PROBLEM_TIMES
def test_an_evening_start_that_does_not_exist_or_happens_twice_is_a_dutch_form_error(editor_client, index_page, typed):
    data = evening_form_data(starts_at=typed, ends_at="2027-11-30 23:00", signup_deadline="2027-03-01 12:00")

    response = editor_client.post(f"/admin/pages/add/aanmelding/infoeveningpage/{index_page.pk}/", data)

    assert response.status_code == 200
    assert dutch_error(typed) in field_error(response, "starts_at")
    assert not InfoEveningPage.objects.exists()


# --- reminders the day before, when that day changes the clocks --------------------------------


@pytest.mark.parametrize(
    ("evening_day", "nine_in_utc"),
    [
        (at(2027, 3, 29, 19, 30), datetime(2027, 3, 28, 7, 0, tzinfo=UTC)),  # the day before is 23 hours long
        (at(2027, 11, 1, 19, 30), datetime(2027, 10, 31, 8, 0, tzinfo=UTC)),  # the day before is 25 hours long
    ],
    ids=["into-summer-time", "into-winter-time"],
)
def test_the_reminder_goes_out_at_nine_local_time_on_the_day_the_clocks_change(
    index_page, time_machine, evening_day, nine_in_utc
):
    evening = InfoEveningPageFactory(parent=index_page, starts_at=evening_day)
    EveningSignupFactory(evening=evening, email="fatima@example.org")
    assert evening.reminder_from() == nine_in_utc

    time_machine.move_to(nine_in_utc - timedelta(minutes=1))
    assert timezone.localtime().strftime("%H:%M") == "08:59"
    assert remind_evening_signups.call() == 0
    time_machine.move_to(nine_in_utc)
    assert timezone.localtime().strftime("%H:%M") == "09:00"
    assert remind_evening_signups.call() == 1
    assert remind_evening_signups.call() == 0

    (reminder,) = OutgoingMail.objects.filter(subject__startswith="Herinnering")
    assert reminder.to == "fatima@example.org"
    assert "Morgen is de informatiebijeenkomst" in reminder.body_text
    assert "19:30" in reminder.body_text
