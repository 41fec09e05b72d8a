"""Admin dates the Dutch way (dd-mm-jjjj uu:mm), never silently changed, and a warning when saving opens at once.

Issue #10 part 4: a Dutch date such as '5-4-2027 09:00' was replaced by the current moment,
so a round could open by accident.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.utils.formats import get_format

from aanmelding.models import InfoEveningPage, RegistrationRound
from tests.factories import RegistrationRoundFactory, UserFactory

from .registration_support import at, evening_form_data, soup

AMS = ZoneInfo("Europe/Amsterdam")
CREATE_URL = "/admin/aanmelding/registrationround/create/"
UNREADABLE = "Dit is geen datum en tijd die we kunnen lezen. Schrijf ze als dd-mm-jjjj uu:mm"
OPEN_AT_ONCE = "Let op: dit aanmeldmoment is meteen open"

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(at(2027, 1, 15, 12, 0), tick=False)]


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def field(response, name):
    return soup(response).find(attrs={"name": name})


def field_error(response, name):
    wrapper = field(response, name).find_parent(attrs={"data-field-wrapper": True})
    return wrapper.find(attrs={"data-field-errors": True}).get_text(" ", strip=True)


def said(response):
    """The messages shown after a save (requests follow the redirect, so each page shows only its own)."""
    assert response.redirect_chain, "the form was not saved"
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def post_round(client, url=CREATE_URL, **fields):
    data = {"title": "Voorjaar 2027", "opens_at": "5-4-2027 09:00", "closes_at": "30-4-2027 23:59", "description": ""}
    return client.post(url, {**data, **fields}, follow=True)


# --- typed and shown the Dutch way ---------------------------------------------------------------


@pytest.mark.parametrize("typed", ["5-4-2027 09:00", "05-04-2027 09:00", "5-4-2027 9:00", "05/04/2027 09.00"])
def test_a_dutch_date_is_stored_as_that_moment_in_amsterdam(editor_client, typed):
    response = post_round(editor_client, opens_at=typed, closes_at="30-04-2027 23:59")

    round_ = RegistrationRound.objects.get()
    assert round_.opens_at == datetime(2027, 4, 5, 9, 0, tzinfo=AMS)
    assert round_.closes_at == datetime(2027, 4, 30, 23, 59, tzinfo=AMS)
    assert OPEN_AT_ONCE not in said(response)  # it opens in April, not now


def test_the_edit_form_shows_dates_as_dd_mm_jjjj_uu_mm(editor_client):
    round_ = RegistrationRoundFactory(opens_at=at(2027, 4, 5, 9, 0), closes_at=at(2027, 4, 30, 23, 59))

    response = editor_client.get(f"/admin/aanmelding/registrationround/edit/{round_.pk}/")

    opens = field(response, "opens_at")
    assert opens["value"] == "05-04-2027 09:00"
    assert opens["placeholder"] == "dd-mm-jjjj uu:mm"
    assert field(response, "closes_at")["value"] == "30-04-2027 23:59"
    # The date picker reads and writes the same format.
    assert '"format": "d-m-Y H:i"' in response.content.decode()


def test_wagtails_date_formats_are_among_djangos_dutch_input_formats():
    # What Wagtail's check wagtailadmin.E003 asks (it only runs under the old USE_L10N setting).
    assert settings.WAGTAIL_DATETIME_FORMAT in get_format("DATETIME_INPUT_FORMATS", lang="nl")
    assert settings.WAGTAIL_DATE_FORMAT in get_format("DATE_INPUT_FORMATS", lang="nl")
    assert settings.WAGTAIL_TIME_FORMAT in get_format("TIME_INPUT_FORMATS", lang="nl")


# --- text that cannot be read: an error on the field, never 'now' ----------------------------------


@pytest.mark.parametrize("typed", ["morgen om negen", "31-02-2027 09:00", "5-4-2027 25:00"])
def test_unreadable_text_is_a_dutch_error_on_the_field_that_keeps_it_and_stores_nothing(editor_client, typed):
    response = post_round(editor_client, opens_at=typed)

    assert not response.redirect_chain
    assert UNREADABLE in field_error(response, "opens_at")
    assert field(response, "opens_at")["value"] == typed
    assert field_error(response, "closes_at") == ""
    assert not RegistrationRound.objects.exists()


def test_an_unreadable_evening_start_is_a_dutch_error_on_that_field(editor_client, index_page):
    data = evening_form_data(starts_at="morgen om negen")

    response = editor_client.post(f"/admin/pages/add/aanmelding/infoeveningpage/{index_page.pk}/", data)

    assert response.status_code == 200
    assert UNREADABLE in field_error(response, "starts_at")
    assert field(response, "starts_at")["value"] == "morgen om negen"
    assert not InfoEveningPage.objects.exists()


def test_the_admin_date_picker_is_told_to_leave_typed_text_alone(editor_client):
    # Its default (validateOnBlur) puts the current moment in place of text it cannot read;
    # tests/browser/test_admin_dates.py types in a real browser.
    html = editor_client.get(CREATE_URL).content.decode()
    setting = html.index("datetimepicker.defaults.validateOnBlur = false")
    assert html.index("jquery.datetimepicker.js") < setting < html.index('initDateTimeChooser("id_opens_at"')


# --- saving that opens at once says so ------------------------------------------------------------


def test_a_round_that_opens_on_save_says_so_in_the_success_message(editor_client):
    response = post_round(editor_client, opens_at="15-01-2027 09:00", closes_at="31-01-2027 23:59")

    message = said(response)
    assert "Voorjaar 2027" in message
    assert OPEN_AT_ONCE in message
    assert "tot en met 31 januari 2027 om 23:59 uur" in message


def test_editing_a_planned_round_so_it_opens_now_says_so_but_editing_an_open_round_does_not(editor_client):
    planned = RegistrationRoundFactory(opens_at=at(2027, 3, 1, 9, 0), closes_at=at(2027, 3, 31, 23, 59))
    edit_url = f"/admin/aanmelding/registrationround/edit/{planned.pk}/"

    response = post_round(editor_client, edit_url, opens_at="15-01-2027 12:00", closes_at="31-03-2027 23:59")
    assert OPEN_AT_ONCE in said(response)

    response = post_round(editor_client, edit_url, opens_at="15-01-2027 12:00", description="Voor heel Noord.")
    assert OPEN_AT_ONCE not in said(response)


def test_publishing_an_evening_says_that_sign_up_is_open_at_once_but_only_the_first_time(
    editor_client, index_page, time_machine
):
    add_url = f"/admin/pages/add/aanmelding/infoeveningpage/{index_page.pk}/"

    response = editor_client.post(add_url, {**evening_form_data(), "action-publish": "action-publish"}, follow=True)

    evening = InfoEveningPage.objects.get()
    assert evening.live and evening.starts_at == at(2027, 3, 1, 19, 30)
    assert (
        "Let op: de aanmelding voor deze informatiebijeenkomst is meteen open. "
        "Bewoners kunnen zich vanaf nu opgeven, tot en met 1 maart 2027 om 12:00 uur."
    ) in said(response)

    time_machine.move_to(at(2027, 1, 15, 12, 5))
    again = editor_client.post(
        f"/admin/pages/{evening.pk}/edit/",
        {**evening_form_data(capacity=30), "action-publish": "action-publish"},
        follow=True,
    )
    assert InfoEveningPage.objects.get().capacity == 30
    assert "meteen open" not in said(again)


def test_a_draft_evening_says_nothing_about_sign_up(editor_client, index_page):
    response = editor_client.post(
        f"/admin/pages/add/aanmelding/infoeveningpage/{index_page.pk}/", evening_form_data(), follow=True
    )

    assert not InfoEveningPage.objects.get().live
    assert "meteen open" not in said(response)
