"""An editor types Dutch dates into the admin's date picker fields (issue #10 part 4).

The picker used to replace text it could not read with the current moment when the field
lost focus, so '5-4-2027 09:00' became 'now' and a round could open by accident.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from aanmelding.models import RegistrationRound
from tests.factories import UserFactory

AMS = ZoneInfo("Europe/Amsterdam")
TITLE = "Voorjaar 2031"  # years after the demo's rounds, so it overlaps none

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def round_form(demo_site, open_page, live_server):
    UserFactory(username="testbeheer", is_superuser=True)
    page, _ = open_page("/admin/login/")
    page.fill("#id_username", "testbeheer")
    page.fill("#id_password", "geheim-wachtwoord-123")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/aanmelding/registrationround/create/")
    return page


def type_into(page, selector, text):
    """As a person does: click, type, leave the field with Tab (the moment the picker used to step in)."""
    page.focus(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Tab")


def test_text_the_picker_cannot_read_stays_as_typed_and_the_form_says_what_is_wrong(round_form):
    page = round_form
    page.fill("#id_title", TITLE)
    type_into(page, "#id_opens_at", "morgen om negen")
    type_into(page, "#id_closes_at", "30-4-2031 23:59")

    assert page.input_value("#id_opens_at") == "morgen om negen"
    assert page.input_value("#id_closes_at") == "30-4-2031 23:59"

    page.click("button.action-save")
    page.wait_for_load_state()
    assert page.input_value("#id_opens_at") == "morgen om negen"
    assert "Schrijf ze als dd-mm-jjjj uu:mm" in page.locator("#panel-child-opens_at-errors").inner_text()
    assert not RegistrationRound.objects.filter(title=TITLE).exists()


def test_a_dutch_date_typed_in_the_picker_field_is_saved_as_typed(round_form):
    page = round_form
    page.fill("#id_title", TITLE)
    type_into(page, "#id_opens_at", "5-4-2031 09:00")
    type_into(page, "#id_closes_at", "30-04-2031 23:59")
    assert page.input_value("#id_opens_at") == "5-4-2031 09:00"

    page.click("button.action-save")
    page.wait_for_url("**/admin/aanmelding/registrationround/")
    round_ = RegistrationRound.objects.get(title=TITLE)
    assert round_.opens_at == datetime(2031, 4, 5, 9, 0, tzinfo=AMS)
    assert round_.closes_at == datetime(2031, 4, 30, 23, 59, tzinfo=AMS)
