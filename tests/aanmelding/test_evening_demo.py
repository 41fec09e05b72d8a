"""Demo content of the information evenings (part of ``manage.py load_demo_content``)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from aanmelding.models import EveningSignup, InfoEveningIndexPage, InfoEveningPage, RegistrationRound

from .registration_support import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    call_command("load_demo_content", stdout=StringIO())


def test_an_upcoming_evening_of_the_open_round_with_some_seats_taken_and_a_past_one(demo, client):
    index = InfoEveningIndexPage.objects.live().get()
    upcoming, past = InfoEveningPage.objects.child_of(index).live().information().order_by("-starts_at")
    assert upcoming.round == RegistrationRound.current()
    assert upcoming.is_signup_open()
    assert 0 < upcoming.seats_taken() < upcoming.capacity
    assert past.ends_at < timezone.now()

    listing = soup(client.get(index.url)).get_text(" ", strip=True)
    assert listing.index(upcoming.title) < listing.index("Eerdere bijeenkomsten") < listing.index(past.title)
    assert client.get(upcoming.url).status_code == 200
    home = soup(client.get("/")).select_one(".round-status")
    assert home.find("a", href=upcoming.url)


def test_coming_interim_evaluations_without_a_round_are_listed_and_open(demo, client):
    index = InfoEveningIndexPage.objects.live().get()
    evaluations = list(InfoEveningPage.objects.child_of(index).live().evaluations().order_by("starts_at"))
    assert evaluations and all(e.round is None and e.is_signup_open() for e in evaluations)
    listing = soup(client.get(index.url)).get_text(" ", strip=True)
    assert f"Tussenevaluatie (voor teams en app-groepen): {evaluations[0].title}" in listing
    assert "Coördinatoren en beheerders" in soup(client.get(evaluations[0].url)).get_text(" ", strip=True)


def test_loading_twice_adds_no_sign_ups(demo):
    before = EveningSignup.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert EveningSignup.objects.count() == before > 0


def main_menu_links(client):
    return [a["href"] for a in soup(client.get("/")).select(".main-nav a")]


def test_the_evenings_are_in_the_main_menu(demo, client):
    index = InfoEveningIndexPage.objects.live().get()
    assert index.show_in_menus
    assert index.url in main_menu_links(client)


def test_an_earlier_demo_database_gets_the_evenings_in_the_menu_on_the_next_run(demo, client):
    index = InfoEveningIndexPage.objects.get()
    index.show_in_menus = False
    index.save_revision().publish()  # as the loader made it before: a revision without a user
    assert index.url not in main_menu_links(client)

    call_command("load_demo_content", stdout=StringIO())
    index = InfoEveningIndexPage.objects.get()
    assert index.show_in_menus and index.url in main_menu_links(client)
    revisions = index.revisions.count()

    call_command("load_demo_content", stdout=StringIO())  # and then it stays as it is
    assert InfoEveningIndexPage.objects.get().revisions.count() == revisions


def test_an_editor_who_took_the_evenings_out_of_the_menu_keeps_them_out(demo, django_user_model):
    editor = django_user_model.objects.create_user("eigen-redacteur", password="x")
    index = InfoEveningIndexPage.objects.get()
    index.show_in_menus = False
    index.save_revision(user=editor).publish()

    call_command("load_demo_content", stdout=StringIO())
    assert not InfoEveningIndexPage.objects.get().show_in_menus


def test_the_demo_texts_tell_of_the_personal_line_and_the_waitlist_place(demo):
    privacy = " ".join(str(Page.objects.get(slug="privacyverklaring").specific.body).split())
    assert "persoonlijke regel in je uitnodiging" in privacy
    assert "de aantekeningen en de persoonlijke regel automatisch weg" in privacy
    steps = " ".join(str(Page.objects.get(slug="aanmelden", depth=4).specific.body).split())
    assert (
        "Je hoort op welke plaats je staat" in steps and "Als je wilt, vertel je ook waarom je mee wilt doen" in steps
    )
