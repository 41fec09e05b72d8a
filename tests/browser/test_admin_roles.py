"""Each role does its own work in the admin, at the widths editors' screens have (issue #10).

The handler's test also checks the registration screen: the jump link to the status form,
the personal line in the invitation, the mail state in the history, and axe.

The demo accounts log in as a person does, with the password `make run` prints, and
reach their screens through the sidebar, at 1280 and 1366 px.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from aanmelding.models import InfoEveningIndexPage, InfoEveningPage, Registration, RegistrationRound, Wijk
from tests.browser.conftest import WCAG_TAGS
from tests.factories import RegistrationFactory

AMS = ZoneInfo("Europe/Amsterdam")
WIDTHS = pytest.mark.parametrize("width", [1280, 1366], ids=["1280px", "1366px"])

pytestmark = pytest.mark.django_db(transaction=True)


def close_date_pickers(page):
    """Click outside the fields, as a person does: a calendar that opened late may still cover the footer."""
    page.locator("label[for=id_location_name]").click()
    page.wait_for_function(
        "[...document.querySelectorAll('.xdsoft_datetimepicker')].every(e => getComputedStyle(e).display === 'none')"
    )


def type_into(page, selector, text):
    """As a person does: click, type, leave the field with Tab."""
    page.focus(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Tab")


def open_from_sidebar(page, menu, item):
    """Open a menu of Wagtail's sidebar and follow one of its items, as an editor does."""
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("button", name=menu).click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=item).click()
    page.wait_for_load_state()


@WIDTHS
def test_the_editor_creates_a_round_and_an_evening_in_it(demo_admin, live_server, width):
    title = f"Voorjaar 2031 ({width})"
    page = demo_admin("redacteur", width)

    open_from_sidebar(page, "Aanmelding", "Aanmeldmomenten")
    assert page.url.endswith("/admin/aanmelding/registrationround/")
    page.get_by_role("link", name="Voeg aanmeldmoment toe").first.click()
    page.fill("#id_title", title)
    type_into(page, "#id_opens_at", "1-4-2031 09:00")
    type_into(page, "#id_closes_at", "30-4-2031 23:59")
    page.click("button.action-save")
    page.wait_for_url("**/admin/aanmelding/registrationround/")
    assert title in page.locator("main").inner_text()
    round_ = RegistrationRound.objects.get(title=title)
    assert round_.opens_at == datetime(2031, 4, 1, 9, 0, tzinfo=AMS)

    index = InfoEveningIndexPage.objects.get()
    page.goto(f"{live_server.url}/admin/pages/add/aanmelding/infoeveningpage/{index.pk}/")
    page.fill("#id_title", f"Informatiebijeenkomst april 2031 ({width})")
    page.select_option("#id_round", label=title)
    type_into(page, "#id_starts_at", "10-4-2031 19:30")
    type_into(page, "#id_ends_at", "10-4-2031 21:30")
    type_into(page, "#id_signup_deadline", "10-4-2031 12:00")
    page.fill("#id_capacity", "40")
    page.fill("#id_location_name", "Buurthuis De Schakel")
    page.fill("#id_location_address", "Schakelstraat 1, Voorbeeld")
    close_date_pickers(page)
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_load_state()

    evening = InfoEveningPage.objects.get(title=f"Informatiebijeenkomst april 2031 ({width})")
    assert evening.live and evening.round == round_
    assert evening.starts_at == datetime(2031, 4, 10, 19, 30, tzinfo=AMS)
    response = page.goto(live_server.url + evening.url)
    assert response.status == 200
    assert "Buurthuis De Schakel" in page.locator("main").inner_text()


def set_status(page, label, *, mail, personal_line=""):
    """Choose the next status in the registration's status form and save it."""
    page.get_by_role("link", name="Status wijzigen").first.click()
    page.get_by_label(label, exact=True).check()
    if mail:
        page.get_by_label("Stuur de aanvrager de bijbehorende mail").check()
    if personal_line:
        page.get_by_label("Persoonlijke regel in de uitnodiging (optioneel)").fill(personal_line)
    page.get_by_role("button", name="Status opslaan").click()
    page.wait_for_selector(".messages .success")


def assert_registration_accessible(axe, page):
    """axe on our part of the screen (Wagtail's own chrome is checked with the dashboard)."""
    results = axe.run(
        page, context={"include": [[".registration"]]}, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    )
    assert results.violations_count == 0, results.generate_report()


@WIDTHS
def test_the_handler_takes_a_registration_from_received_to_admitted_and_sees_the_mails_in_the_history(
    demo_admin, mailoutbox, axe, width
):
    registration = RegistrationFactory(
        round=RegistrationRound.objects.filter(title="Aanmeldmoment najaar").get(),
        wijk=Wijk.objects.first(),
        name=f"Fatima el Amrani {width}",
        email=f"fatima{width}@example.org",
    )
    page = demo_admin("behandelaar", width)

    open_from_sidebar(page, "Aanmelding", "Aanmeldingen")
    page.get_by_role("link", name="Behandelen").and_(page.locator(f"a[href*='/{registration.pk}/']")).first.click()
    page.wait_for_load_state()
    assert registration.reference in page.locator("main").inner_text()
    assert_registration_accessible(axe, page)

    # The status form is below what the applicant sent: the link at the top brings it into view.
    page.get_by_role("link", name="Status wijzigen").first.click()
    assert page.evaluate("location.hash") == "#status-wijzigen"
    assert page.locator("#status-wijzigen input[name=new_status]").first.is_visible()
    # The personal line appears only with the invitation.
    assert not page.locator("input[name=personal_line]").is_visible()
    page.get_by_label("Uitgenodigd voor intake", exact=True).check()
    page.locator("input[name=personal_line]").wait_for(state="visible")

    line = "Gesprek op 12-12 om 19:00 in het stadhuis."
    set_status(page, "Uitgenodigd voor intake", mail=True, personal_line=line)
    assert f"Persoonlijke regel: ‘{line}’" in page.locator("#geschiedenis").inner_text()
    set_status(page, "Intake gehouden", mail=False)
    set_status(page, "Toegelaten", mail=True)

    registration.refresh_from_db()
    assert registration.status == Registration.Status.ADMITTED
    mails = [mail for mail in mailoutbox if registration.email in mail.to]
    assert len(mails) == 2
    assert line in mails[0].body
    history = page.locator("#geschiedenis tbody").inner_text()
    sent = re.findall(r"Mail verstuurd op \d{2}-\d{2}-\d{4} \d{2}:\d{2}", history)
    assert len(sent) == 2, history
    assert "Toegelaten" in history and "Intake gehouden" in history
    assert "Toegelaten" in page.locator("#heading-overview + dl").inner_text()
    assert [change.with_mail for change in registration.status_changes.all()] == [True, False, True]
    assert_registration_accessible(axe, page)
