"""The agenda block fills itself with the coming rounds and evenings (aanmelding's hook)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nieuwsbrief.blocks import AgendaBlock
from nieuwsbrief.hooks import agenda_items
from tests.factories import (
    InfoEveningIndexPageFactory,
    InfoEveningPageFactory,
    RegistrationPageFactory,
    RegistrationRoundFactory,
)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2027, 2, 15, 12, 0, tzinfo=AMS)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


def evening(index, title, starts_at, **fields):
    return InfoEveningPageFactory(
        parent=index,
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        signup_deadline=starts_at - timedelta(days=1),
        **fields,
    )


@pytest.fixture
def calendar(home_page, frozen):
    """A closed, an open and a coming round; a past, a coming and an unpublished evening."""
    RegistrationPageFactory(parent=home_page)
    closed = RegistrationRoundFactory(
        title="Najaar",
        opens_at=datetime(2026, 10, 1, 9, 0, tzinfo=AMS),
        closes_at=datetime(2026, 10, 21, 23, 59, tzinfo=AMS),
    )
    open_round = RegistrationRoundFactory(
        title="Winter",
        opens_at=datetime(2027, 2, 1, 9, 0, tzinfo=AMS),
        closes_at=datetime(2027, 2, 28, 23, 59, tzinfo=AMS),
        description="Voor alle wijken.",
    )
    RegistrationRoundFactory(
        title="Voorjaar",
        opens_at=datetime(2027, 4, 1, 9, 0, tzinfo=AMS),
        closes_at=datetime(2027, 4, 21, 23, 59, tzinfo=AMS),
    )
    index = InfoEveningIndexPageFactory(parent=home_page)
    evening(index, "Avond oktober", datetime(2026, 10, 5, 19, 30, tzinfo=AMS), round=closed)
    evening(index, "Avond maart", datetime(2027, 3, 1, 19, 30, tzinfo=AMS), round=open_round)
    evening(index, "Avond concept", datetime(2027, 3, 8, 19, 30, tzinfo=AMS), round=open_round).unpublish()


def test_agenda_lists_coming_rounds_and_evenings_soonest_first(calendar):
    items = agenda_items(timezone.now())
    assert [item["title"] for item in items] == ["Winter", "Avond maart", "Voorjaar"]
    winter, march, spring = items
    assert winter["when"] == "Nu open: aanmelden kan tot en met 28 februari 2027 om 23:59 uur"
    assert winter["url"] == "http://localhost/aanmelden/"
    assert winter["text"] == "Voor alle wijken."
    assert march["when"] == "Maandag 1 maart 2027 van 19:30 tot 21:30 uur"
    assert march["url"] == "http://localhost/informatiebijeenkomsten/avond-maart/"
    assert march["text"] == "Buurthuis De Schakel, Dorpsstraat 1, 1234 AB Voorbeeld"
    assert spring["when"] == "Van 1 april 2027 tot en met 21 april 2027 om 23:59 uur"


def test_agenda_drops_what_has_passed(calendar, time_machine):
    time_machine.move_to(datetime(2027, 3, 2, 12, 0, tzinfo=AMS), tick=False)
    assert [item["title"] for item in agenda_items(timezone.now())] == ["Voorjaar"]


def test_agenda_takes_three_queries_however_much_is_planned(calendar, home_page):
    def count():
        with CaptureQueriesContext(connection) as queries:
            agenda_items(timezone.now())
        return len(queries)

    count()  # warms Wagtail's site root paths, as on a running site
    before = count()
    index = InfoEveningIndexPageFactory._meta.model.objects.get()
    for day in range(2, 6):
        evening(index, f"Extra {day}", datetime(2027, 3, day, 19, 30, tzinfo=AMS))
    assert count() == before <= 3


def test_agenda_block_renders_the_items_or_says_nothing_is_planned(home_page, frozen):
    block = AgendaBlock()
    value = block.to_python({"heading": "Agenda", "text": ""})
    assert "Er staan nog geen aanmeldmomenten of informatiebijeenkomsten gepland." in block.render(value)

    index = InfoEveningIndexPageFactory(parent=home_page)
    evening(index, "Avond maart", datetime(2027, 3, 1, 19, 30, tzinfo=AMS))
    html = block.render(value)
    assert "Avond maart" in html and "Maandag 1 maart 2027" in html
    assert "nog geen" not in html
