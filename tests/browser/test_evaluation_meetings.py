"""Interim evaluations (tussenevaluaties) and the dossier's two data chapters in a real browser:
axe at 390 and 1280 px, and the Nu checker on every state (form, error state, thank-you page)."""

import pytest
from django.test import Client

from aanmelding.models import EveningSignup, InfoEveningPage
from dossier.models import DossierChapterPage
from forms.testing import public_form_data
from tests.browser.conftest import VIEWPORTS, assert_fits_the_screen
from tests.browser.test_html_valid import INVALID, Pages, assert_valid_html, checker  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("instant_forms")]


@pytest.fixture
def evaluation(demo_site):
    """The demo's first coming interim evaluation (aanmelding/demo)."""
    return InfoEveningPage.objects.live().evaluations().order_by("starts_at").first()


def chapter(slug):
    return DossierChapterPage.objects.live().get(slug=slug)


def main_text(page):
    return " ".join(page.locator("main").inner_text().split())


def fill_signup(page, name, email):
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.locator("#id_consent").check()


@VIEWPORTS
def test_the_evaluation_page_its_error_state_and_thank_you_page_have_no_axe_violations(
    evaluation, open_page, assert_accessible, viewport
):
    page, _ = open_page(evaluation.url, viewport)
    assert "Coördinatoren en beheerders" in main_text(page)
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_selector(".error-summary")
    assert "Vul je naam in." in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    email = f"coordinator.{viewport['width']}@example.org"
    fill_signup(page, "Coby Coördinator", email)
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_url("**/bedankt/")
    assert page.locator("main a[download='tussenevaluatie.ics']").count() == 1
    assert EveningSignup.objects.get(email=email).evening_id == evaluation.pk
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_registration_chapter_shows_its_links_from_the_data_without_axe_violations(
    demo_site, open_page, assert_accessible, viewport
):
    registration_chapter = chapter("aanmelden")
    page, _ = open_page(registration_chapter.url, viewport)
    links = page.locator("main .data-links")
    assert links.count() == 1
    evening = InfoEveningPage.objects.live().information().open_for_signup().first()
    assert links.locator(f"a[href='{evening.url}']").count() == 1
    assert links.locator("a[href='/aanmelden/']").count() == 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


@VIEWPORTS
def test_the_evaluation_chapter_lists_the_coming_evaluations_without_axe_violations(
    evaluation, open_page, assert_accessible, viewport
):
    page, _ = open_page(chapter("waardering-en-evaluatie").url, viewport)
    meetings = page.locator("main .data-links")
    assert meetings.locator(f"a[href='{evaluation.url}']").count() == 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


def test_the_evaluation_states_and_chapters_are_valid_html(checker, evaluation, tmp_path):  # noqa: F811
    pages = Pages()
    pages.get("evaluation page", evaluation.url, shows="Tussenevaluatie")
    pages.post("evaluation error state", evaluation.url, public_form_data({"persons": "1"}))
    client = Client(REMOTE_ADDR="10.9.9.1")
    response = client.post(
        evaluation.url,
        public_form_data({"name": "Coby", "email": "coby@example.org", "persons": "1", "consent": "on"}),
    )
    assert response.status_code == 302, response.content.decode()[:500]
    pages.get("evaluation thank-you page", response["Location"], client=client, shows="tussenevaluatie.ics")
    pages.get("registration chapter", chapter("aanmelden").url, shows="data-links")
    pages.get("evaluation chapter", chapter("waardering-en-evaluatie").url, shows="data-links")
    assert INVALID in pages.html["evaluation error state"]
    assert_valid_html(checker, pages, tmp_path)
