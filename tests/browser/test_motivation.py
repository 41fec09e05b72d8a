"""The motivation questionnaire 'Wat drijft jou?' in a real browser: keyboard only on a phone, axe on
every state at 390 and 1280 px, and the Nu HTML checker on the same states."""

import json
import subprocess

import pytest
from django.test import Client

from aanmelding.models import MotivationQuestionnairePage, Registration, RegistrationPage
from aanmelding.motivation import sign_answers
from forms.motivation import STATEMENTS
from forms.testing import public_form_data
from tests.browser.conftest import PHONE, VIEWPORTS
from tests.browser.test_html_valid import checker, demo  # noqa: F401 - fixtures
from tests.browser.test_site import tab_to

NAMES = [name for name, _, _ in STATEMENTS]
# Per statement how many steps to the right of "Helemaal mee oneens": 5, 4, (none), 2, 3, 1.
STEPS = [4, 3, None, 1, 2, 0]


def assert_fits_the_screen(page, viewport):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"scrolls sideways by {overflow}px at {viewport['width']}px"


@pytest.fixture
def questionnaire_url(demo_site):
    return MotivationQuestionnairePage.objects.live().get(slug="motivatie").url


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("instant_forms")
def test_a_resident_fills_it_in_by_keyboard_and_carries_the_answers_into_the_registration(open_page, questionnaire_url):
    page, response = open_page(questionnaire_url, PHONE)
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Wat drijft jou?"

    for name, steps in zip(NAMES, STEPS, strict=True):
        if steps is None:
            continue  # any four of the six will do
        tab_to(page, f"#id_{name}_0")
        page.keyboard.press("Space")  # "Helemaal mee oneens"
        for _ in range(steps):
            page.keyboard.press("ArrowRight")
        assert page.locator(f"#id_{name}_{steps}").is_checked()
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/bedankt/?motivatie=*")
    assert page.locator("h1").inner_text() == "Jouw uitslag"
    main = page.locator("main").inner_text()
    assert "Je past het meest bij de normatieve partner" in main
    assert page.locator("main svg[role=img]").count() == 1
    assert page.locator("main table tbody tr").count() == 3

    tab_to(page, "main a.button")
    assert page.evaluate("document.activeElement.textContent").strip() == "Meld je aan"
    page.keyboard.press("Enter")
    page.wait_for_url("**/aanmelden/?motivatie=*")

    # The motivation part is open, the answers ticked, and each can still be changed.
    assert page.locator("main details.form-optional").get_attribute("open") is not None
    for name, steps in zip(NAMES, STEPS, strict=True):
        if steps is None:
            assert page.locator(f"input[name={name}]:checked").count() == 0
        else:
            assert page.locator(f"#id_{name}_{steps}").is_checked(), name
    tab_to(page, "#id_statement_results_0")
    page.keyboard.press("ArrowRight")
    assert page.locator("#id_statement_results_1").is_checked()
    assert not page.locator("#id_statement_results_0").is_checked()
    assert Registration.objects.count() == 3  # only the demo registrations: nothing stored yet


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("instant_forms")
@VIEWPORTS
def test_the_questionnaire_its_errors_and_its_result_have_no_axe_violations(
    open_page, assert_accessible, questionnaire_url, viewport
):
    page, _ = open_page(questionnaire_url, viewport)
    assert page.locator("main form input[type=radio]").count() == 30
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # Too few answers: the error state.
    page.locator("#id_statement_together_3").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    assert page.locator("#id_statement_together_3").is_checked()
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    for name in NAMES:
        page.locator(f"#id_{name}_3").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/bedankt/?motivatie=*")
    assert page.locator("h1").inner_text() == "Jouw uitslag"
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # A link that no longer holds a result.
    page, _ = open_page(questionnaire_url + "bedankt/?motivatie=kapot", viewport)
    assert page.locator("h1").inner_text() == "Uitslag van de vragenlijst"
    assert_accessible(page)


@pytest.mark.django_db
def test_the_questionnaire_its_errors_and_its_result_are_valid_html(checker, demo, tmp_path):  # noqa: F811
    url = MotivationQuestionnairePage.objects.live().get(slug="motivatie").url
    client = Client(REMOTE_ADDR="10.9.9.1")
    answers = dict(zip(NAMES, [5, 4, None, 2, 3, 1], strict=True))
    pages = {
        "questionnaire": client.get(url),
        "too few answers": client.post(url, public_form_data({"statement_together": "4"})),
        "answer off the scale": client.post(url, public_form_data({name: "9" for name in NAMES})),
        "result": client.get(f"{url}bedankt/?motivatie={sign_answers(answers)}"),
        "result, three-way tie": client.get(f"{url}bedankt/?motivatie={sign_answers(dict.fromkeys(NAMES, 4))}"),
        "result, no link": client.get(f"{url}bedankt/"),
        "registration, prefilled": client.get(
            f"{RegistrationPage.objects.live().get().url}?motivatie={sign_answers(answers)}"
        ),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
    assert 'aria-invalid="true"' in pages["too few answers"].content.decode()
    files = []
    for number, (name, response) in enumerate(pages.items()):
        path = tmp_path / f"page-{number}.html"
        path.write_text(response.content.decode(), encoding="utf-8")
        files.append((path, name))
    result = subprocess.run(
        [*checker, "--errors-only", "--format", "json", *[str(path) for path, _ in files]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    names = {path.name: name for path, name in files}
    report = json.loads(result.stderr)
    errors = [
        f"{names.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))} line {message.get('lastLine')}: "
        f"{message['message']}"
        for message in report["messages"]
        if message["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr
