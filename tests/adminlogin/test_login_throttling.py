"""django-axes on Wagtail's login: 10 wrong passwords for a name from one address lock that pair for 15 minutes."""

import logging
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.utils import timezone

from adminlogin.tasks import purge_login_records

from .conftest import log_in

pytestmark = pytest.mark.django_db

LOCKED = "U hebt te vaak een verkeerd wachtwoord getypt. Inloggen met deze naam kan vanaf dit adres 15 minuten niet."


def fail(client, times, address="127.0.0.1", **extra):
    return [log_in(client, "redacteur", "fout", address, **extra) for _ in range(times)]


def test_ten_wrong_passwords_lock_with_a_dutch_message(client, editor, caplog):
    with caplog.at_level(logging.WARNING):
        responses = fail(client, 10)
    assert [response.status_code for response in responses] == [200] * 9 + [429]
    html = responses[-1].content.decode()
    assert LOCKED in html
    # Wagtail's own login page, with the name kept and the password not.
    assert 'class="login-form"' in html and 'value="redacteur"' in html
    assert "Inloggen bij" in html
    assert any("Locking out" in record.getMessage() for record in caplog.records if record.name.startswith("axes"))
    lines = [record.getMessage() for record in caplog.records if record.name == "adminlogin.lockout"]
    assert lines == ["Admin login locked: username 'redacteur' from address 127.0.0.1, for 15 minutes"]
    # Now even the right password is refused, and nobody is logged in.
    response = log_in(client, "redacteur")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_nine_wrong_passwords_do_not_lock(client, editor):
    fail(client, 9)
    assert log_in(client, "redacteur").status_code == 302


def test_lock_is_for_one_address(client, editor):
    fail(client, 10)
    assert log_in(client, "redacteur", address="192.0.2.20").status_code == 302


def test_lock_ends_after_15_minutes(client, editor):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        fail(client, 10)
        traveller.shift(timedelta(minutes=14))
        assert log_in(client, "redacteur").status_code == 429
        traveller.shift(timedelta(minutes=2))
        assert log_in(client, "redacteur").status_code == 302


def test_behind_the_proxy_the_forwarded_address_counts(client, editor, settings):
    settings.FORMS_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    fail(client, 10, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}
    # Someone else behind the same proxy is not locked out; a forged extra hop does not help the locked one.
    assert log_in(client, "redacteur", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302
    client.post("/admin/logout/")
    response = log_in(client, "redacteur", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5")
    assert response.status_code == 429


def test_old_login_records_are_purged(client, editor):
    # Axes itself drops attempts past the 15 minutes at the next failure, so the old one comes last.
    for days_ago, address in ((0, "192.0.2.30"), (31, "192.0.2.10")):
        with time_machine.travel(timezone.now() - timedelta(days=days_ago)):
            log_in(client, "redacteur", address=address)
            client.post("/admin/logout/")
            fail(client, 1, address=address)
    assert AccessLog.objects.count() == AccessAttempt.objects.count() == 2

    purge_login_records.enqueue()

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["192.0.2.30"]
    assert list(AccessLog.objects.values_list("ip_address", flat=True)) == ["192.0.2.30"]


def test_purge_runs_daily():
    from home.periodic import registered

    entries = {entry.task.module_path: entry for entry in registered()}
    assert entries["adminlogin.tasks.purge_login_records"].interval == timedelta(hours=24)


def test_privacy_statement_names_the_login_records_and_their_period(client, home_page, settings):
    """The demo privacy statement says what axes keeps and for as long as the purge keeps it."""
    from io import StringIO

    from bs4 import BeautifulSoup

    from home import demo as home_demo
    from home.models import StandardPage

    settings.ADMIN_LOGIN_RECORDS_DAYS = 30
    home_demo.load(StringIO())
    page = StandardPage.objects.get(slug="privacyverklaring")
    html = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    section = next(h3 for h3 in html.find("main").find_all("h3") if h3.get_text(strip=True) == "Inloggen op het beheer")
    text = section.find_next("ul").get_text(" ", strip=True)
    assert "internetadres" in text and "gebruikersnaam" in text
    assert "Hoe lang: 30 dagen." in text
