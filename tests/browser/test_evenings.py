"""Information evenings in a real browser: keyboard-only sign-up and cancellation, axe on every state."""

from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from aanmelding.forms.evenings import PERSONS_MESSAGE
from aanmelding.mails import evenings as evening_mails
from aanmelding.models import EveningSignup, InfoEveningIndexPage, InfoEveningPage
from forms.consent import READ_REQUIRED_MESSAGE
from forms.fields import INVALID_EMAIL_MESSAGE
from home.models import HomePage
from home.page_cache import content_changed
from tests.browser.conftest import DESKTOP, PHONE, VIEWPORTS, assert_fits_the_screen, focused
from tests.browser.test_site import tab_to
from tests.factories import EveningSignupFactory, InfoEveningIndexPageFactory, InfoEveningPageFactory

# The flush after each transactional test also removes what migrations
# created (root page, locale, groups); load_demo_content makes them again.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("instant_forms")]


CLOSED_TEXT = "Aanmelden voor deze bijeenkomst kan niet meer."
FULL_TEXT = "Vol: je kunt je op de wachtlijst zetten."
WAITLIST_EXPLANATION = "Komt er een plaats vrij, dan schuif je vanzelf door en krijg je een mail."


@pytest.fixture
def index_page(demo_site):
    """'Informatiebijeenkomsten' under the demo home page (there can be only one)."""
    existing = InfoEveningIndexPage.objects.live().first()
    if existing is not None:
        return existing
    return InfoEveningIndexPageFactory(parent=HomePage.objects.get())


@pytest.fixture
def make_evening(index_page):
    def _make(**fields):
        return InfoEveningPageFactory(parent=index_page, **fields)

    return _make


@pytest.fixture
def open_evening(make_evening):
    """Open for sign-up, 50 seats of which a pair has taken two."""
    evening = make_evening(title="Informatiebijeenkomst Noorderpark", capacity=50)
    EveningSignupFactory(evening=evening, persons=2)
    EveningSignupFactory(evening=evening, persons=2, status=EveningSignup.Status.CANCELLED)  # frees its seats
    return evening


@pytest.fixture
def full_evening(make_evening):
    """Every seat taken by confirmed sign-ups: the page offers the waitlist."""
    evening = make_evening(title="Informatiebijeenkomst Zuiderhaven", capacity=3)
    EveningSignupFactory(evening=evening, persons=2)
    EveningSignupFactory(evening=evening, persons=1)
    assert evening.seats_left() == 0
    return evening


@pytest.fixture
def deadline_passed_evening(make_evening):
    """Still to come, but the sign-up deadline was an hour ago."""
    now = timezone.now()
    evening = make_evening(
        title="Informatiebijeenkomst Westwijk",
        starts_at=now + timedelta(days=2),
        signup_deadline=now - timedelta(hours=1),
    )
    assert not evening.is_signup_open()
    return evening


@pytest.fixture
def past_evening(make_evening):
    """Held a week ago."""
    evening = make_evening(title="Informatiebijeenkomst Oosterpark", starts_at=timezone.now() - timedelta(days=7))
    assert not evening.is_signup_open()
    return evening


@pytest.fixture
def every_kind_of_evening(open_evening, full_evening, deadline_passed_evening, past_evening):
    return open_evening, full_evening, deadline_passed_evening, past_evening


@pytest.fixture
def signup(open_evening):
    return EveningSignupFactory(evening=open_evening, name="Fatima el Amrani", email="fatima@example.org", persons=2)


def cancel_path(signup):
    return urlparse(evening_mails.cancel_url(signup, signup.evening)).path


def main_text(page):
    return " ".join(page.locator("main").inner_text().split())


def fill_signup(page, name, email, persons=1):
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.locator(f"#id_persons_{persons - 1}").check()
    page.locator("#id_consent").check()


# --- keyboard only ------------------------------------------------------------


def test_a_resident_signs_up_by_keyboard_only(open_evening, open_page):
    page, response = open_page(open_evening.url, PHONE)
    assert response.status == 200
    assert "Nog 48 plaatsen." in main_text(page)

    tab_to(page, "#id_name")
    page.keyboard.type("Fatima el Amrani")
    page.keyboard.press("Tab")
    assert focused(page) == "id_email"
    page.keyboard.type("Fatima@Example.org")
    page.keyboard.press("Tab")
    # Into the radio group: focus lands on the checked option ("Alleen ik"); an arrow moves and selects.
    assert focused(page) == "id_persons_0"
    page.keyboard.press("ArrowDown")
    assert focused(page) == "id_persons_1"
    assert page.locator("#id_persons_1").is_checked()
    assert not page.locator("#id_persons_0").is_checked()
    page.keyboard.press("Tab")
    assert focused(page) == "id_remark"
    page.keyboard.type("Is er parkeergelegenheid?")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    assert page.locator("#id_consent").is_checked()
    tab_to(page, "main button[type=submit]")
    assert page.locator("main button[type=submit]").inner_text().strip() == "Aanmelden"
    page.keyboard.press("Enter")

    page.wait_for_url("**/bedankt/")
    assert page.locator("h1").inner_text() == "Bedankt voor je aanmelding"
    assert f"Je hebt een plaats voor 2 personen bij ‘{open_evening.title}’" in main_text(page)
    signup = EveningSignup.objects.get(evening=open_evening, email="fatima@example.org")
    assert signup.status == EveningSignup.Status.CONFIRMED == "bevestigd"
    assert (signup.name, signup.persons, signup.remark) == ("Fatima el Amrani", 2, "Is er parkeergelegenheid?")
    assert signup.consent_given_at is not None
    open_evening.refresh_from_db()
    assert open_evening.seats_left() == 46


def test_a_resident_cancels_by_keyboard_only(signup, open_page):
    path = cancel_path(signup)

    # Loading the link (as a mail scanner or link preview does) changes nothing, also when repeated.
    for _ in range(2):
        preview, response = open_page(path, DESKTOP)
        assert response.status == 200
        signup.refresh_from_db()
        assert signup.status == EveningSignup.Status.CONFIRMED
        assert signup.cancelled_at is None

    evening_page, _ = open_page(signup.evening.url, PHONE)
    assert "Nog 46 plaatsen." in main_text(evening_page)

    page, _ = open_page(path, PHONE)
    assert page.locator("h1").inner_text() == "Aanmelding annuleren"
    assert f"Wil je je aanmelding voor ‘{signup.evening.title}’" in main_text(page)
    tab_to(page, "main button[type=submit]")
    assert page.evaluate("document.activeElement.textContent").strip() == "Ja, annuleer mijn aanmelding"
    page.keyboard.press("Enter")

    page.wait_for_selector("h1:has-text('Je aanmelding is geannuleerd')")
    assert "Bedankt voor het doorgeven." in main_text(page)
    signup.refresh_from_db()
    assert signup.status == EveningSignup.Status.CANCELLED == "geannuleerd"
    assert signup.cancelled_at is not None

    # The pair's two seats are free again.
    evening_page.reload()
    assert "Nog 48 plaatsen." in main_text(evening_page)


# --- every state, with axe at 390 and 1280 px ---------------------------------------


@VIEWPORTS
def test_the_open_evening_page_has_no_axe_violations(open_evening, open_page, assert_accessible, viewport):
    page, response = open_page(open_evening.url, viewport)
    assert response.status == 200
    assert page.locator("h1").inner_text() == open_evening.title
    status = page.locator("main [role=status]")
    assert "Nog 48 plaatsen." in status.inner_text()
    assert "Aanmelden kan tot en met" in status.inner_text()
    assert "Buurthuis De Schakel" in main_text(page)
    assert page.locator("main form #id_name").count() == 1
    assert page.locator("main button[type=submit]").inner_text().strip() == "Aanmelden"
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_full_evening_page_offers_the_waitlist_and_has_no_axe_violations(
    full_evening, open_page, assert_accessible, viewport
):
    page, response = open_page(full_evening.url, viewport)
    assert response.status == 200
    status = " ".join(page.locator("main [role=status]").inner_text().split())
    assert FULL_TEXT in status
    assert WAITLIST_EXPLANATION in status
    assert "Nog " not in status
    assert page.locator("main button[type=submit]").inner_text().strip() == "Zet mij op de wachtlijst"
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # Signing up now puts you on the waitlist, and the thank-you page says so.
    fill_signup(page, "Jan Smit", f"jan.smit.{viewport['width']}@example.org")
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_url("**/bedankt/")
    assert page.locator("h1").inner_text() == "Je staat op de wachtlijst"
    assert "Je staat op de wachtlijst met 1 persoon." in main_text(page)
    assert EveningSignup.objects.get(email=f"jan.smit.{viewport['width']}@example.org").status == "wachtlijst"
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_closed_evening_pages_have_no_axe_violations(
    deadline_passed_evening, past_evening, open_page, assert_accessible, viewport
):
    for evening in (deadline_passed_evening, past_evening):
        page, response = open_page(evening.url, viewport)
        assert response.status == 200, evening.title
        text = main_text(page)
        assert CLOSED_TEXT in text, evening.title
        assert "Je aanmelding is niet verstuurd" not in text, evening.title  # nothing was sent
        assert page.locator("main form").count() == 0, evening.title
        assert page.locator("main [role=alert]").count() == 0, evening.title
        assert_accessible(page)
        assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_a_form_sent_after_the_deadline_keeps_the_text_and_has_no_axe_violations(
    open_evening, open_page, assert_accessible, viewport
):
    page, _ = open_page(open_evening.url, viewport)
    fill_signup(page, "Laat Komer", "laat@example.org", persons=2)
    # The deadline passes while the form is open.
    InfoEveningPage.objects.filter(pk=open_evening.pk).update(signup_deadline=timezone.now() - timedelta(seconds=1))
    # As an editor's change would: servers read a page's route and fields again after a content change.
    content_changed()
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector("main [role=alert]")

    assert CLOSED_TEXT in page.locator("main [role=alert]").inner_text()
    assert "Wat je had ingevuld" in main_text(page)
    assert page.locator("#id_name").input_value() == "Laat Komer"
    assert page.locator("#id_email").input_value() == "laat@example.org"
    assert page.locator("main button[type=submit]").count() == 0
    assert not EveningSignup.objects.filter(email="laat@example.org").exists()
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_sign_up_form_in_its_error_state_has_no_axe_violations(
    open_evening, open_page, assert_accessible, viewport
):
    page, _ = open_page(open_evening.url, viewport)

    # Sent empty: every required field is named in the summary.
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector(".error-summary")
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    assert "Er ging iets mis" in summary.inner_text()
    for message in ("Vul je naam in.", "Vul je e-mailadres in.", READ_REQUIRED_MESSAGE):
        assert message in summary.inner_text()
    assert PERSONS_MESSAGE not in summary.inner_text()  # "Alleen ik" is chosen already
    assert page.locator("#id_persons_0").is_checked()
    assert page.locator(".form-field--error").count() == 3
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # An invalid e-mail address: what was typed and chosen is kept, the summary links to the field.
    page.fill("#id_name", "Sanne Bakker")
    page.fill("#id_email", "sanne.bakker-at-example.org")
    page.locator("#id_persons_1").check()
    page.fill("#id_remark", "Ik kom met mijn buurman.")
    page.locator("#id_consent").check()
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector(f".error-summary a:has-text('{INVALID_EMAIL_MESSAGE}')")

    assert page.locator(".error-summary li").count() == 1
    assert page.locator("#id_name").input_value() == "Sanne Bakker"
    assert page.locator("#id_email").input_value() == "sanne.bakker-at-example.org"
    assert page.locator("#id_persons_1").is_checked()
    assert page.locator("#id_remark").input_value() == "Ik kom met mijn buurman."
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert INVALID_EMAIL_MESSAGE in page.locator(".form-field--error").inner_text()
    assert not EveningSignup.objects.filter(name="Sanne Bakker").exists()
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # By keyboard, the summary's link takes you to the field.
    tab_to(page, ".error-summary a[href='#id_email']")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#id_email"
    assert focused(page) == "id_email"


@VIEWPORTS
def test_the_thank_you_page_has_no_axe_violations(open_evening, open_page, assert_accessible, viewport):
    page, _ = open_page(open_evening.url, viewport)
    fill_signup(page, "Jan Smit", f"jan.smit.{viewport['width']}@example.org")
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_url("**/bedankt/")

    assert page.locator("h1").inner_text() == "Bedankt voor je aanmelding"
    assert "Je hebt een plaats voor 1 persoon" in main_text(page)
    assert page.locator(f"main a[href='{open_evening.url}']").count() == 1
    assert EveningSignup.objects.get(email=f"jan.smit.{viewport['width']}@example.org").status == "bevestigd"
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_cancellation_pages_have_no_axe_violations(signup, open_page, assert_accessible, viewport):
    path = cancel_path(signup)
    page, response = open_page(path, viewport)
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Aanmelding annuleren"
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector("h1:has-text('Je aanmelding is geannuleerd')")
    signup.refresh_from_db()
    assert signup.status == EveningSignup.Status.CANCELLED
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # The link opened again afterwards says there is nothing left to do.
    page, response = open_page(path, viewport)
    assert response.status == 200
    assert "Deze aanmelding is al geannuleerd. Je hoeft niets meer te doen." in main_text(page)
    assert_accessible(page)


@VIEWPORTS
def test_a_damaged_cancel_link_has_no_axe_violations(signup, open_page, assert_accessible, viewport):
    page, response = open_page(cancel_path(signup).replace("/annuleren/", "/annuleren/x"), viewport)
    assert response.status == 400
    assert page.locator("h1").inner_text() == "Deze link klopt niet"
    assert "Er is niets veranderd." in main_text(page)
    signup.refresh_from_db()
    assert signup.status == EveningSignup.Status.CONFIRMED
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_index_page_with_upcoming_and_past_evenings_has_no_axe_violations(
    index_page, every_kind_of_evening, open_page, assert_accessible, viewport
):
    open_evening, full_evening, deadline_passed_evening, past_evening = every_kind_of_evening
    page, response = open_page(index_page.url, viewport)
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Informatiebijeenkomsten"

    upcoming = page.locator("main h2:has-text('Komende bijeenkomsten') + ul.evening-list > li")
    past = page.locator("main h2:has-text('Eerdere bijeenkomsten') + ul.evening-list > li")

    def item(items, evening):
        found = items.filter(has=page.locator(f"a[href='{evening.url}']"))
        assert found.count() == 1, evening.title
        return " ".join(found.inner_text().split())

    assert "Nog 48 plaatsen." in item(upcoming, open_evening)
    assert FULL_TEXT in item(upcoming, full_evening)
    assert "Aanmelden is gesloten." in item(upcoming, deadline_passed_evening)
    assert past_evening.title in item(past, past_evening)
    assert upcoming.filter(has=page.locator(f"a[href='{past_evening.url}']")).count() == 0
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)
