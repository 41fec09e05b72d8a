from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from aanmelding.models import RegistrationRound

pytestmark = pytest.mark.django_db


def status_text(client):
    page = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    return " ".join(page.select_one(".round-status").get_text().split())


def test_home_says_registration_is_open_until_the_closing_date(client, home_page):
    now = timezone.now()
    closes = timezone.localtime(now + timedelta(days=3)).replace(hour=23, minute=59, second=0, microsecond=0)
    RegistrationRound.objects.create(title="Nu", opens_at=now - timedelta(days=1), closes_at=closes)
    text = status_text(client)
    assert "Aanmelden kan nu, tot en met" in text
    assert f"{closes.day} " in text and "om 23:59 uur" in text


def test_home_names_the_next_round_when_none_is_open(client, home_page):
    opens = timezone.localtime(timezone.now() + timedelta(days=40)).replace(hour=9, minute=0, second=0, microsecond=0)
    RegistrationRound.objects.create(title="Later", opens_at=opens, closes_at=opens + timedelta(days=14))
    text = status_text(client)
    assert "Het volgende aanmeldmoment begint op" in text and "om 09:00 uur" in text


def test_home_says_when_no_round_is_planned(client, home_page):
    RegistrationRound.objects.create(
        title="Voorbij", opens_at=timezone.now() - timedelta(days=30), closes_at=timezone.now() - timedelta(days=20)
    )
    assert "geen aanmeldmoment gepland" in status_text(client)


def test_home_links_to_the_registration_page(client, home_page):
    from tests.factories import RegistrationPageFactory

    page = RegistrationPageFactory(parent=home_page)
    now = timezone.now()
    RegistrationRound.objects.create(title="Nu", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1))
    html = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    link = html.select_one(".round-status a")
    assert link["href"] == page.url and link.get_text() == "Meld je aan"
