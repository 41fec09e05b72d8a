"""An admin session ends after a working day (9 hours) without an admin request; each admin request moves it on."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db


def test_idle_admin_session_is_logged_out(client, editor):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert log_in(client, "redacteur").status_code == 302
        assert client.get("/admin/").status_code == 200
        traveller.shift(timedelta(hours=9, minutes=2))
        response = client.get("/admin/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
        page = client.get(response["Location"]).content.decode()
        assert "U was te lang niet actief in het beheer. Log opnieuw in." in page
        # Logged out for the public site too.
        assert "_auth_user_id" not in client.session


def test_each_admin_request_moves_the_deadline_on(client, editor):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        log_in(client, "redacteur")
        for _ in range(3):
            traveller.shift(timedelta(hours=8))
            assert client.get("/admin/").status_code == 200


def test_remember_me_session_lasts_the_idle_time_only(client, editor):
    client.post("/admin/login/", {"username": "redacteur", "password": PASSWORD, "remember": "on"})
    client.get("/admin/")
    assert client.session.get_expiry_age() == 9 * 60 * 60
    assert not client.session.get_expire_at_browser_close()


def test_session_without_remember_me_still_ends_with_the_browser(client, editor):
    log_in(client, "redacteur")
    client.get("/admin/")
    assert client.session.get_expire_at_browser_close()


def test_idle_time_from_settings(client, editor, settings):
    settings.ADMIN_SESSION_IDLE_MINUTES = 30
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        log_in(client, "redacteur")
        traveller.shift(timedelta(minutes=31))
        assert client.get("/admin/").status_code == 302


def test_public_sessions_keep_their_expiry(client, home_page):
    session = client.session
    session["something"] = "public"
    session.save()
    client.get("/")
    assert "adminlogin_last_seen" not in client.session
    assert client.session.get_expiry_age() == 14 * 24 * 60 * 60
