"""Roles that fit the work: editors run rounds, wijken and evenings (content); handlers handle
registrations and sign-ups (personal data) and only see the rounds. The rights come from the
migrations, on Wagtail's own editor groups (Redacteuren, Moderatoren) and on the handlers' group."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from aanmelding.models import RegistrationRound, Wijk
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROUNDS = "/admin/aanmelding/registrationround/"
WIJKEN = "/admin/aanmelding/wijk/"
REGISTRATIONS = "/admin/aanmelding/registration/"
SIGNUPS = "/admin/aanmelding/eveningsignup/"
TEAMS = "/admin/aanmelding/team/"


def member_of(client, *groups):
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    return user


def round_data(title):
    opens = timezone.localtime() + timedelta(days=30)
    return {
        "title": title,
        "opens_at": opens.strftime("%Y-%m-%d %H:%M"),
        "closes_at": (opens + timedelta(days=14)).strftime("%Y-%m-%d %H:%M"),
        "description": "",
    }


@pytest.mark.parametrize("group", ["Redacteuren", "Moderatoren"])
def test_an_editor_creates_a_round_and_a_wijk_but_sees_no_personal_data(client, group):
    member_of(client, group)

    assert client.get(ROUNDS).status_code == 200
    response = client.post(ROUNDS + "create/", round_data("Najaar"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert RegistrationRound.objects.filter(title="Najaar").exists()
    assert client.post(WIJKEN + "create/", {"name": "Oostpoort", "sort_order": "1"}).status_code == 302
    assert Wijk.objects.filter(name="Oostpoort").exists()

    for personal in (REGISTRATIONS, SIGNUPS, TEAMS, "/admin/aanmelding/roundalert/"):
        assert client.get(personal).status_code in (302, 403), personal


def test_a_handler_sees_rounds_and_wijken_but_does_not_change_them(client):
    member_of(client, "Behandelaars buurtpreventie")

    assert client.get(REGISTRATIONS).status_code == 200
    assert client.get(SIGNUPS).status_code == 200
    assert client.get(ROUNDS).status_code == 200
    assert client.get(ROUNDS + "create/").status_code in (302, 403)
    assert client.post(ROUNDS + "create/", round_data("Stiekem")).status_code in (302, 403)
    assert not RegistrationRound.objects.filter(title="Stiekem").exists()
    assert client.get(WIJKEN + "create/").status_code in (302, 403)


def menu_urls(client):
    """The admin menu's links (the sidebar is rendered from JSON props)."""
    html = client.get("/admin/").content.decode()
    props = html.split('id="wagtail-sidebar-props" type="application/json">', 1)[1].split("</script>", 1)[0]
    return set(re.findall(r'"url": "(/admin/aanmelding/[^"]*)"', props))


def test_each_role_sees_exactly_its_menu(client):
    member_of(client, "Redacteuren")
    assert menu_urls(client) == {ROUNDS, WIJKEN}
    client.logout()

    member_of(client, "Behandelaars buurtpreventie")
    assert menu_urls(client) == {ROUNDS, WIJKEN, REGISTRATIONS, SIGNUPS, TEAMS, "/admin/aanmelding/roundalert/"}
