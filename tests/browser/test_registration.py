"""The registration page in a real browser: keyboard only, and axe on every state."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from aanmelding.mails.registrations import WITHDRAW_PURPOSE
from aanmelding.models import Registration, RegistrationPage, RegistrationRound
from forms.tokens import make_token
from tests.browser.conftest import DESKTOP, PHONE, VIEWPORTS, assert_fits_the_screen, focused
from tests.browser.test_site import tab_to

# Set to a folder to keep screenshots (to look at them, not to compare).
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")

# The flush after each transactional test also removes what migrations
# created (root page, locale, groups); load_demo_content makes them again.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("instant_forms")]


@pytest.fixture
def registration_url(demo_site):
    return RegistrationPage.objects.live().get().url


@pytest.fixture
def closed_url(registration_url):
    """No round open: the open demo round closed an hour ago."""
    now = timezone.now()
    RegistrationRound.objects.filter(opens_at__lte=now, closes_at__gte=now).update(closes_at=now - timedelta(hours=1))
    assert RegistrationRound.current() is None
    return registration_url


def test_an_applicant_registers_by_keyboard_only(open_page, registration_url):
    page, response = open_page(registration_url, PHONE)
    assert response.status == 200

    tab_to(page, "#id_kind_0")
    page.keyboard.press("ArrowDown")  # moves to and selects "een nieuwe app-groep"
    assert page.locator("#id_kind_1").is_checked()

    tab_to(page, "#id_name")
    page.keyboard.type("Sanne Bakker")
    page.keyboard.press("Tab")
    assert focused(page) == "id_email"
    page.keyboard.type("sanne.bakker@example.org")
    tab_to(page, "#id_postcode")
    page.keyboard.type("1234 ab")
    page.keyboard.press("Tab")
    assert focused(page) == "id_wijk"
    page.keyboard.press("ArrowDown")  # the first wijk
    assert page.locator("#id_wijk").input_value() != ""
    tab_to(page, "#id_initiative_name")
    page.keyboard.type("Appgroep Oude Haven")
    page.keyboard.press("Tab")
    page.keyboard.type("25")
    # The statements are an optional part, folded away: the summary opens it from the keyboard.
    assert not page.locator("#id_statement_together_0").is_visible()
    tab_to(page, "main details.form-optional > summary")
    page.keyboard.press("Enter")
    assert page.locator("#id_statement_together_0").is_visible()
    tab_to(page, "#id_statement_together_0")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # "Mee eens"
    tab_to(page, "#id_availability_1")
    page.keyboard.press("Space")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/bedankt/")
    assert page.locator("h1").inner_text() == "Bedankt voor je aanmelding"
    registration = Registration.objects.get(email="sanne.bakker@example.org")
    assert registration.reference in page.locator("main").inner_text()
    assert registration.kind == Registration.Kind.NEW_APP_GROUP
    assert (registration.name, registration.postcode, registration.expected_members) == ("Sanne Bakker", "1234 AB", 25)
    assert registration.statement_together == 4
    assert registration.availability == ["doordeweeks_avond"]
    assert registration.consent_given_at is not None


def test_an_error_takes_the_keyboard_user_to_the_field(open_page, registration_url):
    page, _ = open_page(registration_url, DESKTOP)
    tab_to(page, "#id_name")
    page.keyboard.type("Sanne Bakker")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")

    # Every error links to its field; following the link puts the field in view, typed text kept.
    assert page.locator("#id_name").input_value() == "Sanne Bakker"
    tab_to(page, ".error-summary a[href='#id_email']")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#id_email"
    assert Registration.objects.count() == 3  # only the demo registrations


@VIEWPORTS
def test_the_form_and_its_error_state_have_no_axe_violations(open_page, assert_accessible, registration_url, viewport):
    page, _ = open_page(registration_url, viewport)
    assert page.locator("main form #id_kind_0").count() == 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector(".error-summary")
    assert page.locator(".form-field--error").count() >= 5
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


def test_on_a_phone_the_optional_statements_are_folded_away_and_open_with_answers(
    open_page, assert_accessible, registration_url
):
    page, _ = open_page(registration_url, PHONE)
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/registration-form-390.png", full_page=True)
    height = page.evaluate("document.documentElement.scrollHeight")
    summary = page.locator("main details.form-optional > summary")
    assert summary.inner_text() == "Vertel iets over je motivatie (niet verplicht)"
    assert not page.locator("#id_statement_shared_responsibility_0").is_visible()

    summary.click()
    assert page.evaluate("document.documentElement.scrollHeight") > height + 1000  # six statements, five answers
    page.locator("#id_statement_shared_responsibility_4").check()

    # Sent with errors elsewhere: it comes back open, the answer still chosen, and still accessible.
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector(".error-summary")
    assert page.locator("main details.form-optional").evaluate("details => details.open")
    assert page.locator("#id_statement_shared_responsibility_4").is_checked()
    assert_accessible(page)
    assert_fits_the_screen(page, PHONE)
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/registration-form-errors-390.png", full_page=True)


@VIEWPORTS
def test_the_thank_you_page_has_no_axe_violations(open_page, assert_accessible, registration_url, viewport):
    page, _ = open_page(registration_url, viewport)
    page.locator("#id_kind_2").check()
    page.fill("#id_name", "Jan Smit")
    page.fill("#id_email", f"jan.smit.{viewport['width']}@example.org")
    page.fill("#id_postcode", "1234AB")
    page.select_option("#id_wijk", index=1)
    page.locator("#id_consent").check()
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_url("**/bedankt/")

    assert "referentienummer" in page.locator("main").inner_text()
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_a_form_sent_after_closing_time_keeps_the_text_and_has_no_axe_violations(
    open_page, assert_accessible, registration_url, viewport
):
    page, _ = open_page(registration_url, viewport)
    page.locator("#id_kind_2").check()
    page.fill("#id_name", "Laat Komer")
    page.fill("#id_email", "laat@example.org")
    page.fill("#id_postcode", "1234AB")
    page.select_option("#id_wijk", index=1)
    page.locator("#id_consent").check()
    # The round closes while the form is open.
    RegistrationRound.objects.filter(pk=RegistrationRound.current().pk).update(closes_at=timezone.now())
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector("text=Het aanmeldmoment is gesloten.")

    assert page.locator("#id_name").input_value() == "Laat Komer"
    assert not Registration.objects.filter(email="laat@example.org").exists()
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_closed_page_with_the_alert_form_has_no_axe_violations(open_page, assert_accessible, closed_url, viewport):
    page, _ = open_page(closed_url, viewport)
    assert "Aanmelden kan op dit moment niet" in page.locator("main").inner_text()
    assert page.locator("#op-de-hoogte").count() == 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # Its error state, and the page after a request.
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector(".error-summary")
    assert_accessible(page)
    page.fill("#id_email", f"buur.{viewport['width']}@example.org")
    page.locator("#id_consent").check()
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector("text=Kijk in je mail")
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_withdraw_page_has_no_axe_violations(open_page, assert_accessible, registration_url, viewport):
    registration = Registration.objects.order_by("pk").first()
    page_obj = RegistrationPage.objects.live().get()
    token = make_token(WITHDRAW_PURPOSE, registration.pk)
    page, response = open_page(registration_url + page_obj.reverse_subpage("withdraw", args=[token]), viewport)

    assert response.status == 200
    assert_accessible(page)
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector("text=Je aanmelding is ingetrokken")
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN
