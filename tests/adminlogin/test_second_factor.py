"""The admin's second factor: set-up with the app, the code after the password, recovery codes, the switch."""

import importlib
import re
import sys

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from adminlogin import second_factor
from tests.factories import UserFactory

from .conftest import app_code, log_in, wrong_code

pytestmark = pytest.mark.django_db

SETUP = "/admin/tweestapsverificatie/instellen/"
VERIFY = "/admin/tweestapsverificatie/code/"
CODES = "/admin/tweestapsverificatie/herstelcodes/"


def set_up(user):
    """The user has the app and ten recovery codes, as after the set-up page."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    return device, second_factor.new_recovery_codes(user)


def test_switch_off_lets_the_password_do(client, editor, settings):
    settings.ADMIN_2FA = False
    assert log_in(client, "redacteur").status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.get(SETUP).status_code == 302


def fresh_settings(name, monkeypatch, **environ):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://buurtpreventie.gemeente.example")
    monkeypatch.delenv("DJANGO_ADMIN_2FA", raising=False)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    for module in ("settings.base", name):
        sys.modules.pop(module, None)
    try:
        return importlib.import_module(name)
    finally:
        # Leave no settings module imported with this test's environment.
        for module in ("settings.base", name):
            sys.modules.pop(module, None)


@pytest.mark.parametrize(
    "name, environ, on",
    [
        ("settings.production", {}, True),
        ("settings.production", {"DJANGO_ADMIN_2FA": "0"}, False),
        ("settings.dev", {}, False),
        ("settings.dev", {"DJANGO_ADMIN_2FA": "1"}, True),
        ("settings.test", {"DJANGO_ADMIN_2FA": "1"}, False),
    ],
)
def test_switch_is_on_in_production_and_off_in_dev_and_test(monkeypatch, name, environ, on):
    assert fresh_settings(name, monkeypatch, **environ).ADMIN_2FA is on


def admin_paths():
    """Every URL pattern under /admin/, with 1 for each argument."""

    def walk(patterns, prefix):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                yield prefix + route, pattern.name

    for route, name in walk(get_resolver().url_patterns, "/"):
        if not route.startswith("/admin/"):
            continue
        path = re.sub(r"<[^>]+>", "1", route)
        if set(path) & set("^$()[]*+?\\"):
            path = re.sub(r"[\^$]", "", path)
            if set(path) & set("()[]*+?\\"):
                continue
        yield path, name


def test_no_admin_page_without_the_app_set_up(client, editor, two_factor):
    assert log_in(client, "redacteur").status_code == 302
    open_names = {"adminlogin_setup", "adminlogin_verify", "wagtailadmin_login", "wagtailadmin_logout"}
    open_names |= {"wagtailadmin_javascript_catalog", "wagtailadmin_sprite"}
    checked = 0
    for path, name in admin_paths():
        if name in open_names:
            continue
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SETUP), path
        checked += 1
    assert checked > 100
    # POSTs too, without a next address to come back to.
    response = client.post("/admin/pages/1/delete/")
    assert response.status_code == 302 and response["Location"] == SETUP


def test_set_up_page_shows_qr_code_and_key(client, editor, two_factor):
    log_in(client, "redacteur")
    response = client.get("/admin/pages/")
    assert response["Location"] == SETUP + "?next=%2Fadmin%2Fpages%2F"
    response = client.get(response["Location"])
    assert response.status_code == 200
    html = response.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert "<svg" in html and "QR-code om de app in te stellen" in html
    assert second_factor.secret_text(device) in html
    assert 'autocomplete="one-time-code"' in html
    # The same key on a second visit: a reload does not break the app just scanned.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    # Nothing loaded from elsewhere: the QR code is inline (Wagtail's noscript text only links out).
    assert not re.search(r'src="(https?:)?//', html)
    assert not re.search(r'<link[^>]*href="(https?:)?//', html)


def test_set_up_with_right_code_shows_recovery_codes_once(client, editor, two_factor):
    log_in(client, "redacteur")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(SETUP, {"setup-code": app_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == CODES + "?next=%2Fadmin%2Fpages%2F"
    device.refresh_from_db()
    assert device.confirmed
    tokens = set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(tokens) == 10
    page = client.get(response["Location"]).content.decode()
    assert all(token in page for token in tokens)
    assert "U ziet deze codes alleen nu" in page
    again = client.get(CODES).content.decode()
    assert not any(token in again for token in tokens)
    assert "U hebt nog 10 herstelcodes" in again
    assert client.get("/admin/").status_code == 200


def test_set_up_with_wrong_code_says_so_accessibly(client, editor, two_factor):
    log_in(client, "redacteur")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(SETUP, {"setup-code": wrong_code(device)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "De code klopt niet. Typ de zes cijfers die de app nu laat zien." in html
    field = re.search(r"<input[^>]*id=\"id_setup-code\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_setup-code-helptext id_setup-code-error"' in field
    assert 'id="id_setup-code-error"' in html and 'id="id_setup-code-helptext"' in html
    assert f'value="{wrong_code(device)}"' in field
    assert '<a href="#id_setup-code">' in html
    device.refresh_from_db()
    assert not device.confirmed and device.throttling_failure_count == 1
    assert client.get("/admin/").status_code == 302


def test_empty_code_asks_for_it(client, editor, two_factor):
    set_up(editor)
    log_in(client, "redacteur")
    response = client.post(VERIFY, {"verify-code": ""})
    assert response.status_code == 400
    assert "Typ de code uit de app." in response.content.decode()


def test_password_then_code_from_the_app(client, editor, two_factor):
    device, _ = set_up(editor)
    log_in(client, "redacteur")
    response = client.get("/admin/pages/")
    assert response["Location"] == VERIFY + "?next=%2Fadmin%2Fpages%2F"
    assert "Code uit de app" in client.get(response["Location"]).content.decode()
    response = client.post(VERIFY, {"verify-code": app_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    # A next address elsewhere is not followed.
    client.post("/admin/logout/")
    log_in(client, "redacteur")
    response = client.post(VERIFY, {"verify-code": app_code(device, 1), "next": "https://example.com/"})
    assert response["Location"] == "/admin/"


def test_wrong_code_then_throttled(client, editor, two_factor):
    device, _ = set_up(editor)
    log_in(client, "redacteur")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        response = client.post(VERIFY, {"verify-code": wrong_code(device)})
        assert response.status_code == 400
        html = response.content.decode()
        assert "De code klopt niet. Typ de zes cijfers die de app nu laat zien, of een herstelcode." in html
        # Right after a wrong code: wait a second, even with the right code (django-otp's throttle).
        response = client.post(VERIFY, {"verify-code": app_code(device)})
        assert response.status_code == 400
        assert "U hebt te vaak een verkeerde code getypt. Wacht 1 seconde en probeer het dan opnieuw." in (
            response.content.decode()
        )
        traveller.shift(2)
        assert "De code klopt niet" in client.post(VERIFY, {"verify-code": wrong_code(device)}).content.decode()
        # Each wrong code in a row doubles the wait.
        response = client.post(VERIFY, {"verify-code": app_code(device)})
        assert "Wacht 2 seconden" in response.content.decode()
        traveller.shift(3)
        response = client.post(VERIFY, {"verify-code": app_code(device)})
        assert response.status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_recovery_code_works_once(client, editor, two_factor):
    _, codes = set_up(editor)
    log_in(client, "redacteur")
    response = client.post(VERIFY, {"verify-code": codes[0].upper()})
    assert response.status_code == 302
    assert "U hebt er nog 9" in client.get("/admin/").content.decode()
    client.post("/admin/logout/")
    log_in(client, "redacteur")
    response = client.post(VERIFY, {"verify-code": codes[0]})
    assert response.status_code == 400 and "De code klopt niet" in response.content.decode()
    assert StaticToken.objects.filter(device__user=editor).count() == 9


def test_new_recovery_codes_replace_the_old(client, editor, two_factor):
    device, old = set_up(editor)
    log_in(client, "redacteur")
    client.post(VERIFY, {"verify-code": app_code(device)})
    # Found under Account.
    assert 'href="/admin/tweestapsverificatie/herstelcodes/"' in client.get("/admin/account/").content.decode()
    assert client.post(CODES + "nieuw/")["Location"] == CODES
    page = client.get(CODES).content.decode()
    new = set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(new) == 10 and not new & set(old)
    assert all(code in page for code in new)


def test_reset_command_for_a_lost_phone(client, editor, two_factor, capsys):
    set_up(editor)
    call_command("reset_admin_2fa", "redacteur")
    assert "is gewist" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    log_in(client, "redacteur")
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_superuser_resets_from_the_user_list(client, editor, two_factor):
    set_up(editor)
    admin = UserFactory(username="beheerder", is_superuser=True)
    admin_device, _ = set_up(admin)
    log_in(client, "beheerder")
    client.post(VERIFY, {"verify-code": app_code(admin_device)})
    listing = client.get("/admin/users/").content.decode()
    reset_url = f"/admin/tweestapsverificatie/wissen/{editor.pk}/"
    assert reset_url in listing
    assert "alleen als deze persoon de app of telefoon kwijt is" in client.get(reset_url).content.decode()
    response = client.post(reset_url)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert TOTPDevice.objects.filter(user=admin).exists()


def test_editor_cannot_reset_anyone(client, editor, two_factor):
    device, _ = set_up(editor)
    other = UserFactory(username="collega")
    other.groups.add(*Group.objects.all())
    set_up(other)
    log_in(client, "redacteur")
    client.post(VERIFY, {"verify-code": app_code(device)})
    # Wagtail turns the refusal into its "no permission" message on the dashboard.
    response = client.post(f"/admin/tweestapsverificatie/wissen/{other.pk}/")
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert TOTPDevice.objects.filter(user=other).exists()
