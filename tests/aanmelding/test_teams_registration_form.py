"""The team choice in the public registration form: "join an existing team" chooses among the
active teams of the applicant's wijk; it works without JavaScript (a plain POST)."""

import pytest
from django.core import mail

from aanmelding.forms.registrations import TEAM_GONE_MESSAGE, UNKNOWN_TEAM
from aanmelding.models import Registration
from tests.factories import TeamFactory, WijkFactory

from .registration_support import html_part, mails_to, registration_data, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


@pytest.fixture
def zuid(db):
    return WijkFactory(name="Zuidrand")


@pytest.fixture
def teams(wijk, zuid):
    return {
        "noord": TeamFactory(name="Lantaarnlopers", wijk=wijk),
        "zuid": TeamFactory(name="Zuidlopers", wijk=zuid),
        "stopped": TeamFactory(name="Gestopt team", wijk=wijk, is_active=False),
    }


def join_data(wijk, chosen, **overrides):
    team = str(chosen.pk) if chosen else ""
    fields = {"kind": "aansluiten", "initiative_name": "", "expected_members": "", "team": team}
    return registration_data(wijk, **{**fields, **overrides})


def field_error(response, name):
    error = soup(response).find(id=f"id_{name}_error")
    return error.get_text(" ", strip=True) if error else None


def selected_team(response):
    option = soup(response).find("select", attrs={"name": "team"}).find("option", selected=True)
    return option["value"] if option else None


def test_the_select_offers_the_active_teams_grouped_by_wijk(client, registration_page, open_round, teams):
    page = soup(client.get(registration_page.url))
    select = page.find("select", attrs={"name": "team"})
    options = select.find_all("option")
    assert options[0]["value"] == "" and options[0].get_text() == UNKNOWN_TEAM
    groups = {group["label"]: [o.get_text() for o in group.find_all("option")] for group in select.find_all("optgroup")}
    assert groups == {"Noorderpark": ["Lantaarnlopers"], "Zuidrand": ["Zuidlopers"]}
    assert page.find("label", attrs={"for": "id_team"}) is not None
    # The script is a static file that narrows the list; no inline script.
    scripts = page.find_all("script")
    assert [s.get("src", "").endswith("js/team-choice.js") for s in scripts] == [True]
    assert all(not s.get_text(strip=True) for s in scripts)


def test_a_plain_post_stores_the_chosen_team_and_the_mail_names_it(
    client, registration_page, open_round, wijk, teams, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(registration_page.url, join_data(wijk, teams["noord"]))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.kind == Registration.Kind.JOIN_TEAM and registration.team == teams["noord"]
    [message] = mails_to("fatima@example.org")
    assert "Je wilt aansluiten bij team ‘Lantaarnlopers’." in message.body
    assert "Lantaarnlopers" in html_part(message)


def test_weet_ik_nog_niet_stores_no_team_and_says_we_help(
    client, registration_page, open_round, wijk, teams, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(registration_page.url, join_data(wijk, None))
    assert Registration.objects.get().team is None
    assert "We helpen je kiezen" in mails_to("fatima@example.org")[0].body


def test_a_team_of_another_wijk_is_refused_beside_the_field_keeping_everything(
    client, registration_page, open_round, wijk, teams
):
    response = client.post(registration_page.url, join_data(wijk, teams["zuid"], remarks="Ik loop graag."))
    assert response.status_code == 200
    assert not Registration.objects.exists() and mail.outbox == []
    error = field_error(response, "team")
    assert "Zuidlopers" in error and "Zuidrand" in error and "Noorderpark" in error
    assert selected_team(response) == str(teams["zuid"].pk)
    page = soup(response)
    assert page.find("textarea", attrs={"name": "remarks"}).get_text().strip() == "Ik loop graag."
    assert page.find(href="#id_team") is not None  # in the error summary


def test_an_inactive_or_unknown_team_is_refused(client, registration_page, open_round, wijk, teams):
    response = client.post(registration_page.url, join_data(wijk, teams["stopped"]))
    assert response.status_code == 200 and TEAM_GONE_MESSAGE in field_error(response, "team")
    response = client.post(registration_page.url, join_data(wijk, None, team="abc"))
    assert response.status_code == 200 and TEAM_GONE_MESSAGE in field_error(response, "team")
    assert not Registration.objects.exists()


@pytest.mark.parametrize("team_key", ["zuid", "stopped", None])
def test_other_kinds_ignore_the_team(client, registration_page, open_round, wijk, teams, team_key):
    team = teams[team_key] if team_key else None
    data = registration_data(wijk, team=str(team.pk) if team else "nonsense")
    response = client.post(registration_page.url, data)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.kind == Registration.Kind.NEW_TEAM and registration.team is None
