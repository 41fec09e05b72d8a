from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from aanmelding.models import RegistrationRound

AMS = ZoneInfo("Europe/Amsterdam")
SECOND = timedelta(seconds=1)


def at(*args):
    return datetime(*args, tzinfo=AMS)


def make_round(opens_at, closes_at, title="Ronde", save=True):
    round_ = RegistrationRound(title=title, opens_at=opens_at, closes_at=closes_at)
    if save:
        round_.full_clean()
        round_.save()
    return round_


@pytest.fixture
def spring_round(db):
    return make_round(at(2027, 3, 1, 9, 0), at(2027, 3, 15, 23, 59))


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        (at(2027, 3, 1, 9, 0) - SECOND, "upcoming"),
        (at(2027, 3, 1, 9, 0), "open"),
        (at(2027, 3, 1, 9, 0) + SECOND, "open"),
        (at(2027, 3, 15, 23, 59) - SECOND, "open"),
        (at(2027, 3, 15, 23, 59), "open"),
        (at(2027, 3, 15, 23, 59) + SECOND, "closed"),
    ],
)
def test_status_around_opening_and_closing(spring_round, moment, status):
    assert spring_round.status(moment) == status
    assert spring_round.is_open(moment) is (status == "open")
    assert (RegistrationRound.current(moment) == spring_round) is (status == "open")


def test_status_across_a_dst_change(db):
    # Clocks go forward on 28 March 2027 at 02:00 → 03:00 in Amsterdam.
    round_ = make_round(at(2027, 3, 27, 12, 0), at(2027, 3, 28, 3, 30))
    round_.refresh_from_db()
    utc_close = round_.closes_at.astimezone(ZoneInfo("UTC"))
    assert utc_close.hour == 1 and utc_close.minute == 30  # CEST is UTC+2
    assert round_.is_open(at(2027, 3, 28, 3, 29, 59))
    assert not round_.is_open(at(2027, 3, 28, 3, 30, 1))
    # 01:30 CET is two hours earlier on the wall clock but only one real hour.
    assert round_.closes_at - at(2027, 3, 28, 1, 30).astimezone(ZoneInfo("UTC")) == timedelta(hours=1)
    assert round_.is_open(at(2027, 3, 28, 1, 30))


def test_closing_before_opening_is_refused(db):
    round_ = make_round(at(2027, 3, 2), at(2027, 3, 1), save=False)
    with pytest.raises(ValidationError) as error:
        round_.full_clean()
    assert "moet sluiten nadat het opent" in str(error.value)


def test_database_refuses_a_round_that_closes_before_it_opens(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationRound.objects.create(title="Fout", opens_at=at(2027, 3, 2), closes_at=at(2027, 3, 1))


@pytest.mark.parametrize(
    ("opens_at", "closes_at"),
    [
        (at(2027, 3, 10), at(2027, 4, 1)),  # starts inside
        (at(2027, 2, 1), at(2027, 3, 1, 9, 0)),  # ends exactly when the other opens
        (at(2027, 2, 1), at(2027, 5, 1)),  # contains it
    ],
)
def test_overlapping_rounds_are_refused(spring_round, opens_at, closes_at):
    with pytest.raises(ValidationError) as error:
        make_round(opens_at, closes_at, title="Overlap")
    assert "overlapt met ‘Ronde’" in str(error.value)


def test_adjacent_rounds_and_editing_a_round_itself_are_fine(spring_round):
    make_round(at(2027, 3, 15, 23, 59) + SECOND, at(2027, 4, 1), title="Daarna")
    spring_round.description = "Nieuwe tekst"
    spring_round.full_clean()


def test_next_upcoming_is_the_first_future_round(spring_round):
    autumn = make_round(at(2027, 9, 1), at(2027, 9, 30), title="Najaar")
    make_round(at(2028, 3, 1), at(2028, 3, 30), title="Voorjaar 2028")
    assert RegistrationRound.next_upcoming(at(2027, 2, 1)) == spring_round
    assert RegistrationRound.next_upcoming(at(2027, 4, 1)) == autumn
    assert RegistrationRound.next_upcoming(at(2029, 1, 1)) is None
