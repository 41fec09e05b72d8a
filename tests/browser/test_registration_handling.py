"""A handler takes a demo registration from received to admitted in the admin at 1280 px (issue #10 part 8):
the jump link to the status form, the personal line in the invitation, the mail state in the history, axe."""

import os

import pytest
from django.contrib.auth.models import Group

from aanmelding.models import Registration
from tests.browser.conftest import DESKTOP, WCAG_TAGS
from tests.factories import UserFactory

from ..aanmelding.registration_support import HANDLERS

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("instant_forms")]

# Set to a folder to keep screenshots of the steps (to look at them, not to compare).
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture
def handler_page(demo_site, open_page, live_server):
    user = UserFactory(username="testbehandelaar", first_name="Bea", last_name="Handel")
    user.groups.add(Group.objects.get(name=HANDLERS))
    page, _ = open_page("/admin/login/", DESKTOP)
    page.fill("#id_username", "testbehandelaar")
    page.fill("#id_password", "geheim-wachtwoord-123")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    return page


def assert_accessible(axe, page):
    results = axe.run(
        page, context={"include": [[".registration"]]}, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    )
    assert results.violations_count == 0, results.generate_report()


def history_text(page):
    return " ".join(page.locator("#geschiedenis table").inner_text().split())


def change_status(page, label, mail=False, personal_line=""):
    page.get_by_role("link", name="Status wijzigen").first.click()
    page.get_by_label(label, exact=True).check()
    if mail:
        page.get_by_label("Stuur de aanvrager de bijbehorende mail").check()
    if personal_line:
        page.get_by_label("Persoonlijke regel in de uitnodiging (optioneel)").fill(personal_line)
    page.get_by_role("button", name="Status opslaan").click()
    page.wait_for_selector(".messages .success")


def test_a_handler_takes_a_registration_from_received_to_admitted(handler_page, live_server, axe):
    registration = Registration.objects.filter(status=Registration.Status.RECEIVED).order_by("pk").first()
    page = handler_page
    page.goto(f"{live_server.url}/admin/aanmelding/registration/edit/{registration.pk}/")
    assert_accessible(axe, page)

    # The jump link at the top brings the status form into view.
    page.get_by_role("link", name="Status wijzigen").first.click()
    assert page.evaluate("location.hash") == "#status-wijzigen"
    assert page.locator("#status-wijzigen input[name=new_status]").first.is_visible()
    # The personal line appears only with the invitation (and its mail).
    assert not page.locator("input[name=personal_line]").is_visible()
    page.get_by_label("Uitgenodigd voor intake", exact=True).check()
    page.locator("input[name=personal_line]").wait_for(state="visible")
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/admin-registration-top-1280.png")
        page.locator("#status-wijzigen").screenshot(path=f"{SCREENSHOTS}/admin-status-form-1280.png")

    line = "Het gesprek is op dinsdag 12 mei om 19.30 uur in wijkcentrum De Brug."
    change_status(page, "Uitgenodigd voor intake", mail=True, personal_line=line)
    history = history_text(page)
    assert "Mail verstuurd op" in history and f"Persoonlijke regel: ‘{line}’" in history

    change_status(page, "Intake gehouden")
    change_status(page, "Toegelaten", mail=True)
    history = history_text(page)
    assert history.count("Mail verstuurd op") == 2
    assert "Toegelaten" in page.locator("#heading-overview + dl").inner_text()
    assert_accessible(axe, page)
    if SCREENSHOTS:
        page.locator("#geschiedenis").screenshot(path=f"{SCREENSHOTS}/admin-history-1280.png")

    registration.refresh_from_db()
    assert registration.status == Registration.Status.ADMITTED
    assert [change.with_mail for change in registration.status_changes.all()] == [True, False, True]
