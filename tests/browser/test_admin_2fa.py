"""The admin's second factor in Chromium: set up the app through the real pages, log out, log in with password and code.

axe-core checks the set-up and verify pages, also with the wrong-code error, at phone and desktop width.
"""

import base64
import re
import time

import pytest
from django.contrib.auth.models import Permission
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import VIEWPORTS, assert_fits_the_screen
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def editor(live_server, settings):
    settings.ADMIN_2FA = True
    user = UserFactory(username="redacteur")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return user


def app_code(secret, steps_ahead=0):
    """What the phone's app shows for the key typed in by hand."""
    totp = TOTP(base64.b32decode(secret.replace(" ", "")))
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def log_in_with_password(page, live_server):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")


def send_code(page, field, code):
    page.fill(field, code)
    # Wait for the answer's page, not for the current one (which is loaded already).
    with page.expect_navigation():
        page.keyboard.press("Enter")


@VIEWPORTS
def test_set_up_log_out_and_log_in_with_code(browser, live_server, editor, assert_accessible, viewport):
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        log_in_with_password(page, live_server)
        page.wait_for_url("**/admin/tweestapsverificatie/instellen/**")
        assert page.locator("h1").inner_text().replace("\xad", "") == "Tweestapsverificatie instellen"
        assert page.locator("svg.adminlogin-qr").is_visible()
        assert_accessible(page)
        assert_fits_the_screen(page, viewport)

        # Typed in by hand, as someone whose camera does not scan: the key on the page is the device's.
        secret = page.locator(".adminlogin-secret code").inner_text()
        device = TOTPDevice.objects.get(user=editor)
        assert base64.b32decode(secret.replace(" ", "")) == device.bin_key

        wrong = "000000" if app_code(secret) != "000000" else "111111"
        send_code(page, "#id_setup-code", wrong)
        field = page.locator("#id_setup-code")
        assert field.get_attribute("aria-invalid") == "true"
        assert "id_setup-code-error" in field.get_attribute("aria-describedby")
        assert "De code klopt niet" in page.locator("#id_setup-code-error").inner_text()
        assert field.input_value() == wrong
        assert_accessible(page)
        assert_fits_the_screen(page, viewport)

        time.sleep(1.5)  # django-otp's wait after one wrong code
        send_code(page, "#id_setup-code", app_code(secret))
        page.wait_for_url("**/admin/tweestapsverificatie/herstelcodes/**")
        codes = page.locator(".adminlogin-codes li").all_inner_texts()
        assert len(codes) == 10
        assert set(codes) == set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
        assert_accessible(page)
        page.get_by_role("link", name=re.compile("Ik heb de codes bewaard")).click()
        page.wait_for_url("**/admin/")

        # Log out with the button on the second-factor pages.
        page.goto(live_server.url + "/admin/tweestapsverificatie/herstelcodes/")
        page.get_by_role("button", name="Uitloggen").click()
        page.wait_for_url("**/admin/login/**")

        log_in_with_password(page, live_server)
        page.wait_for_url("**/admin/tweestapsverificatie/code/**")
        assert page.locator("h1").inner_text() == "Code uit de app"
        assert_accessible(page)
        send_code(page, "#id_verify-code", wrong)
        assert page.locator("#id_verify-code").get_attribute("aria-invalid") == "true"
        assert "De code klopt niet" in page.locator(".adminlogin-error-summary").inner_text()
        assert_accessible(page)
        assert_fits_the_screen(page, viewport)

        time.sleep(1.5)
        # The code of the set-up was used; the app's next one is accepted (one step either way).
        send_code(page, "#id_verify-code", app_code(secret, steps_ahead=1))
        page.wait_for_url("**/admin/")
        assert page.title().startswith("Dashboard") or page.locator("#wagtail-sidebar").count() == 1
    finally:
        context.close()
