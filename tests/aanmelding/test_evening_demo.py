"""Demo content of the information evenings (part of ``manage.py load_demo_content``)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from aanmelding.models import EveningSignup, InfoEveningIndexPage, InfoEveningPage, RegistrationRound

from .registration_support import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    call_command("load_demo_content", stdout=StringIO())


def test_an_upcoming_evening_of_the_open_round_with_some_seats_taken_and_a_past_one(demo, client):
    index = InfoEveningIndexPage.objects.live().get()
    upcoming, past = InfoEveningPage.objects.child_of(index).live().order_by("-starts_at")
    assert upcoming.round == RegistrationRound.current()
    assert upcoming.is_signup_open()
    assert 0 < upcoming.seats_taken() < upcoming.capacity
    assert past.ends_at < timezone.now()

    listing = soup(client.get(index.url)).get_text(" ", strip=True)
    assert listing.index(upcoming.title) < listing.index("Eerdere bijeenkomsten") < listing.index(past.title)
    assert client.get(upcoming.url).status_code == 200
    home = soup(client.get("/")).select_one(".round-status")
    assert home.find("a", href=upcoming.url)


def test_loading_twice_adds_no_sign_ups(demo):
    before = EveningSignup.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert EveningSignup.objects.count() == before > 0
