"""Editor-built form pages in a real browser: the tussenevaluatie by keyboard on a phone, axe and the Nu checker."""

import io

import pytest
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from forms import demo as forms_demo
from forms.form_pages import FormPage
from forms.testing import clear_rate_limits, public_form_data
from home import demo as home_demo
from tests.browser.conftest import PHONE, VIEWPORTS, assert_fits_the_screen, focused
from tests.browser.test_html_valid import Pages, assert_valid_html, checker  # noqa: F401 - checker is a fixture
from tests.browser.test_site import tab_to

POLICE = "#id_hoe_gaat_het_contact_met_de_politie"
MUNICIPALITY = "#id_hoe_gaat_het_contact_met_de_gemeente"
FEEDBACK = "#id_hoe_tevreden_ben_je_over_de_terugkoppeling_op_jullie_meldingen"
TRAINING = "#id_hoe_tevreden_ben_je_over_de_training"


def load_form_pages(settings, tmp_path):
    """The home page with its service pages, and the demo's two form pages (the rest of the demo is not needed)."""
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    out = io.StringIO()
    home_demo.load(out)
    forms_demo.load(out)
    return FormPage.objects.get(slug="evaluatieformulier"), FormPage.objects.get(slug="contactformulier")


@pytest.fixture
def form_pages(live_server, settings, tmp_path):
    return load_form_pages(settings, tmp_path)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("instant_forms")
def test_a_team_member_fills_in_the_evaluation_by_keyboard_on_a_phone(form_pages, open_page):
    evaluation, _contact = form_pages
    page, _ = open_page(evaluation.url, PHONE)
    assert_fits_the_screen(page, PHONE)

    # Tab reaches a group of radio buttons; Space picks the first, the arrow keys move on and pick.
    tab_to(page, f"{POLICE}_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "4 – goed"
    page.keyboard.press("Tab")
    assert focused(page) == f"{MUNICIPALITY}_0"[1:]
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # "2 – matig"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "3 – redelijk"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # "1 – slecht"
    page.keyboard.press("Tab")
    assert focused(page) == "id_wat_gaat_goed"
    page.keyboard.type("We lopen elke week samen.")
    page.keyboard.press("Tab")
    page.keyboard.type("Sneller horen wat er met een melding gebeurt.")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/evaluatieformulier/bedankt/")

    assert page.locator("h1").inner_text() == "Bedankt"
    assert "We hebben je antwoorden ontvangen." in page.locator("main").inner_text()
    assert_fits_the_screen(page, PHONE)
    data = FormSubmission.objects.get(page=evaluation).form_data
    assert data["hoe_gaat_het_contact_met_de_politie"] == "4 – goed"
    assert data["hoe_gaat_het_contact_met_de_gemeente"] == "2 – matig"
    assert data["hoe_tevreden_ben_je_over_de_terugkoppeling_op_jullie_meldingen"] == "3 – redelijk"
    assert data["hoe_tevreden_ben_je_over_de_training"] == "1 – slecht"
    assert data["wat_gaat_goed"] == "We lopen elke week samen."
    assert data["naam_van_je_team_of_app_groep"] == ""


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("instant_forms")
@VIEWPORTS
def test_the_form_its_errors_and_the_thank_you_page_pass_axe(form_pages, open_page, assert_accessible, viewport):
    for form_page in form_pages:
        page, _ = open_page(form_page.url, viewport)
        assert_fits_the_screen(page, viewport)
        assert_accessible(page)

        # Sent empty: the error summary, each error beside its field, and what was typed stays.
        page.locator("main button[type=submit]").click()
        page.wait_for_selector(".error-summary")
        assert "Er ging iets mis" in page.locator(".error-summary").inner_text()
        assert page.locator('[aria-invalid="true"]').count() >= 1
        assert_fits_the_screen(page, viewport)
        assert_accessible(page)

        # Every link of the summary leads to its question (for a radio group: the group).
        for link in page.locator(".error-summary a").all():
            assert page.locator(link.get_attribute("href")).count() == 1

        page, _ = open_page(form_page.url + "bedankt/", viewport)
        assert page.locator("h1").inner_text() == "Bedankt"
        assert_accessible(page)


@pytest.mark.django_db
def test_the_form_pages_and_their_states_are_valid_html(checker, settings, tmp_path):  # noqa: F811
    settings.FORMS_MIN_SUBMIT_SECONDS = 0
    evaluation, contact = load_form_pages(settings, tmp_path)
    clear_rate_limits()
    pages = Pages()
    for form_page in (evaluation, contact):
        name = form_page.slug
        pages.get(f"{name}: form", form_page.url)
        pages.post(f"{name}: sent empty", form_page.url, public_form_data({}))
        pages.get(f"{name}: thank-you, nothing sent", form_page.url + "bedankt/")
    client = Client(REMOTE_ADDR="10.9.9.1")
    answers = {
        "naam": "Piet de Vries",
        "e_mailadres": "piet@example.org",
        "je_vraag": "Hoe start ik een team?",
        "consent": "on",
    }
    response = client.post(contact.url, public_form_data(answers))
    assert response.status_code == 302
    pages.get("contactformulier: thank-you after sending", response["Location"], client=client, shows="ontvangen")
    pages.post(
        "contactformulier: bad e-mail",
        contact.url,
        public_form_data({**answers, "e_mailadres": "piet@"}),
    )
    clear_rate_limits()
    assert_valid_html(checker, pages, tmp_path)
