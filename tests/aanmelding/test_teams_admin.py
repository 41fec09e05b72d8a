"""Teams in the admin: who may see them, the team form with its members, the team link, and
making a team (or a member) from an admitted registration."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from aanmelding.models import Registration, Team, TeamMember
from aanmelding.models.teams import hash_link_token
from forms.models import OutgoingMail
from tests.factories import (
    RegistrationFactory,
    RegistrationRoundFactory,
    TeamFactory,
    TeamMemberFactory,
    TeamReportPageFactory,
    WijkFactory,
)

from .registration_support import editor_in, html_part, mails_to

INDEX_URL = "/admin/aanmelding/team/"


def edit_url(team):
    return f"{INDEX_URL}edit/{team.pk}/"


def link_url(team):
    return f"{INDEX_URL}link/{team.pk}/"


def registration_url(registration):
    return f"/admin/aanmelding/registration/edit/{registration.pk}/"


@pytest.fixture
def noord(db):
    return WijkFactory(name="Noorderpark")


@pytest.fixture
def zuid(db):
    return WijkFactory(name="Zuidrand")


@pytest.fixture
def team(noord):
    team = TeamFactory(
        name="Lantaarnlopers", wijk=noord, coordinator_name="Kees Kok", coordinator_email="kees@voorbeeld.example"
    )
    TeamMemberFactory(team=team, name="Kees Kok", email="kees@voorbeeld.example")
    TeamMemberFactory(team=team, name="Ans Bos", email="")
    return team


@pytest.fixture
def team_page(home_page):
    return TeamReportPageFactory(parent=home_page)


def token_from(message):
    """The team link's token: the last part of the link in the mail."""
    urls = [url for url in re.findall(r"https?://\S+", message.body) if "/team/" in url]
    assert len(set(urls)) == 1, message.body
    return urls[0].rstrip("/").rsplit("/", 1)[1], re.sub(r"^https?://[^/]+", "", urls[0])


def assert_link_opens_team(client, path, team):
    """The token in the link finds the team, and the team page (terugkoppeling) opens for it."""
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert list(Team.objects.with_link_token(token)) == [team]
    response = client.get(path)
    assert response.status_code == 200
    assert team.name in response.content.decode()


def assert_no_secret_or_person_in(entry, *people):
    text = f"{entry.label} {entry.data} {entry.message}"
    for person in people:
        assert person not in text
    assert "team/" not in text and "token" not in text.lower()


# --- who may see teams ---------------------------------------------------------


@pytest.mark.parametrize("group_name", ["Redacteuren", "Moderatoren"])
def test_editors_without_the_permission_get_403_everywhere(client, team, team_page, group_name):
    client.force_login(editor_in(group_name))
    old_hash = team.link_token_hash

    assert client.get(INDEX_URL).status_code == 403
    assert client.get(f"{INDEX_URL}create/").status_code == 403
    assert client.get(edit_url(team)).status_code == 403
    assert client.post(edit_url(team), {"name": "Anders"}).status_code == 403
    assert client.get(link_url(team)).status_code == 403
    assert client.post(link_url(team), {"action": "new"}).status_code == 403
    assert client.post(link_url(team), {"action": "revoke"}).status_code == 403
    assert client.get(f"{INDEX_URL}history/{team.pk}/").status_code == 403
    assert client.get(f"{INDEX_URL}delete/{team.pk}/").status_code == 403
    team.refresh_from_db()
    assert team.name == "Lantaarnlopers" and team.link_token_hash == old_hash
    assert not OutgoingMail.objects.exists()
    assert "Teams" not in client.get("/admin/").content.decode()


def test_model_permissions_alone_are_not_enough(client, team):
    user = editor_in("Redacteuren")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_team", "change_team", "add_team"]))
    client.force_login(user)
    assert client.get(INDEX_URL).status_code == 403
    assert client.get(edit_url(team)).status_code == 403
    assert client.post(link_url(team), {"action": "new"}).status_code == 403


def test_a_view_only_handler_sees_the_list_but_cannot_edit_or_mail(client, team, team_page):
    user = editor_in("Redacteuren")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["handle_registrations", "view_team"]))
    client.force_login(user)
    assert client.get(INDEX_URL).status_code == 200
    assert client.get(edit_url(team)).status_code == 403
    assert client.post(link_url(team), {"action": "new"}).status_code == 403
    team.refresh_from_db()
    assert not team.has_link


def test_an_id_that_is_not_a_number_is_a_404(handler_client):
    assert handler_client.get(f"{INDEX_URL}link/abc/").status_code == 404
    assert handler_client.get(f"{INDEX_URL}edit/abc/").status_code == 404


# --- the list ------------------------------------------------------------------


def test_the_list_shows_the_columns_and_never_a_link(
    handler_client, team, team_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(link_url(team), {"action": "new"})
    token, _ = token_from(mails_to("kees@voorbeeld.example")[0])

    body = handler_client.get(INDEX_URL).content.decode()

    for text in ("Lantaarnlopers", "Team dat rondes loopt", "Noorderpark", "Kees Kok", "kees@voorbeeld.example"):
        assert text in body
    assert re.search(r">\s*2\s*<", body)  # members
    assert "Gemaakt op" in body
    assert token not in body and token not in handler_client.get(edit_url(team)).content.decode()
    assert token not in handler_client.get(link_url(team)).content.decode()


def test_the_filters_and_search_narrow_the_list(handler_client, team, zuid):
    TeamFactory(name="Appgroep Zuid", wijk=zuid, kind=Team.Kind.APP_GROUP, coordinator_name="Lies Ros")
    TeamFactory(name="Gestopt team", wijk=zuid, is_active=False)

    def names(**params):
        body = handler_client.get(INDEX_URL, params).content.decode()
        return {name for name in ("Lantaarnlopers", "Appgroep Zuid", "Gestopt team") if name in body}

    assert names() == {"Lantaarnlopers", "Appgroep Zuid", "Gestopt team"}
    assert names(wijk=zuid.pk) == {"Appgroep Zuid", "Gestopt team"}
    assert names(kind="appgroep") == {"Appgroep Zuid"}
    assert names(active="0") == {"Gestopt team"}
    assert names(active="1") == {"Lantaarnlopers", "Appgroep Zuid"}
    assert names(q="Lies") == {"Appgroep Zuid"}
    assert names(q="kees@voorbeeld") == {"Lantaarnlopers"}
    assert names(q="Lantaarn") == {"Lantaarnlopers"}
    assert names(wijk="onzin") == {"Lantaarnlopers", "Appgroep Zuid", "Gestopt team"}


def test_the_query_count_of_the_list_does_not_grow_with_teams(handler_client, team, noord):
    handler_client.get(INDEX_URL)  # warm caches (site, settings)
    with CaptureQueriesContext(connection) as few:
        assert handler_client.get(INDEX_URL).status_code == 200
    for number in range(15):
        extra = TeamFactory(name=f"Extra {number}", wijk=WijkFactory(name=f"Wijk {number}"))
        TeamMemberFactory.create_batch(3, team=extra)
    with CaptureQueriesContext(connection) as many:
        body = handler_client.get(INDEX_URL).content.decode()
    assert "Extra 14" in body
    assert len(many) <= len(few) + 1, [q["sql"] for q in many.captured_queries]  # +1: the wijk filter's extra page


# --- the team form -------------------------------------------------------------


def team_form(team=None, members=(), initial=0, **fields):
    data = {
        "name": "Lantaarnlopers",
        "kind": "straatteam",
        "wijk": str(team.wijk_id) if team else "",
        "is_active": "on",
        "coordinator_name": "Kees Kok",
        "coordinator_email": "kees@voorbeeld.example",
        "members": inline_formset(list(members), initial=initial),
    }
    data.update(fields)
    return nested_form_data(data)


def test_a_handler_makes_a_team_with_members(handler_client, noord):
    data = team_form(
        name="Hondenuitlaters",
        wijk=str(noord.pk),
        members=[{"name": "Kees Kok", "email": "kees@voorbeeld.example"}, {"name": "Ans Bos", "email": ""}],
    )
    response = handler_client.post(f"{INDEX_URL}create/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    team = Team.objects.get(name="Hondenuitlaters")
    assert sorted(team.members.values_list("name", flat=True)) == ["Ans Bos", "Kees Kok"]
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(team.pk))
    assert entry.label == "Hondenuitlaters"


def test_a_team_name_twice_in_a_wijk_is_refused(handler_client, team):
    data = team_form(name="lantaarnlopers", wijk=str(team.wijk_id))
    response = handler_client.post(f"{INDEX_URL}create/", data)
    assert response.status_code == 200
    assert "In deze wijk is al een team met deze naam." in response.content.decode()


def test_removing_a_member_deletes_its_row(handler_client, team):
    kees, ans = team.members.order_by("name")[1], team.members.order_by("name")[0]
    assert ans.name == "Ans Bos"
    data = team_form(
        team,
        members=[
            {"id": str(ans.pk), "name": ans.name, "email": "", "DELETE": "1"},
            {"id": str(kees.pk), "name": kees.name, "email": kees.email},
        ],
        initial=2,
    )
    response = handler_client.post(edit_url(team), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not TeamMember.objects.filter(pk=ans.pk).exists()
    assert not TeamMember.objects.filter(name="Ans Bos").exists()
    assert list(team.members.values_list("name", flat=True)) == ["Kees Kok"]
    entry = ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(team.pk)).get()
    assert_no_secret_or_person_in(entry, "Ans Bos", "Kees Kok")


def test_the_form_says_that_leaving_removes_the_data(handler_client, team):
    body = handler_client.get(edit_url(team)).content.decode()
    assert "De naam en het e-mailadres worden dan echt gewist." in body


# --- the team link ---------------------------------------------------------------


def test_a_new_link_goes_to_the_coordinator_and_opens_the_team(
    client, handler_client, handler, team, team_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(link_url(team), {"action": "new"})
    assert response.status_code == 302

    [message] = mails_to("kees@voorbeeld.example")
    assert message.subject == "De teamlink van Lantaarnlopers"
    assert "Deel hem daarom alleen met de leden van je team" in message.body
    assert "We maken dan een nieuwe link" in message.body and "loopronde" in message.body
    token, path = token_from(message)
    assert token in html_part(message)
    team.refresh_from_db()
    assert team.link_token_hash == hash_link_token(token) and team.link_created_at is not None
    assert token not in str(team.__dict__)
    assert_link_opens_team(client, path, team)

    entry = ModelLogEntry.objects.get(action="aanmelding.team.link_new")
    assert entry.user == handler and entry.label == "Lantaarnlopers"
    assert token not in f"{entry.data} {entry.label} {entry.message}"


def test_a_renewed_link_stops_the_old_one_at_once(handler_client, team, team_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(link_url(team), {"action": "new"})
        handler_client.post(link_url(team), {"action": "new"})
    first, second = (token_from(message)[0] for message in mails_to("kees@voorbeeld.example"))
    assert first != second
    assert not Team.objects.with_link_token(first).exists()
    assert list(Team.objects.with_link_token(second)) == [team]


def test_a_revoked_link_stops_at_once(handler_client, handler, team, team_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(link_url(team), {"action": "new"})
    token, _ = token_from(mails_to("kees@voorbeeld.example")[0])
    mail.outbox.clear()

    response = handler_client.post(link_url(team), {"action": "revoke"}, follow=True)

    assert "is ingetrokken" in response.content.decode()
    assert not Team.objects.with_link_token(token).exists()
    team.refresh_from_db()
    assert not team.has_link and "Geen teamlink" in handler_client.get(INDEX_URL).content.decode()
    assert mail.outbox == []
    assert ModelLogEntry.objects.filter(action="aanmelding.team.link_revoke", user=handler).count() == 1


def test_without_a_live_team_page_no_link_is_made_or_mailed(handler_client, team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(link_url(team), {"action": "new"}, follow=True)
    assert "Er is nog geen gepubliceerde pagina ‘Verslag van een loopronde’" in response.content.decode()
    team.refresh_from_db()
    assert not team.has_link
    assert mail.outbox == [] and not OutgoingMail.objects.exists()
    assert not ModelLogEntry.objects.filter(action="aanmelding.team.link_new").exists()


def test_an_inactive_team_gets_no_link(handler_client, team, team_page, django_capture_on_commit_callbacks):
    team.is_active = False
    team.save()
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(link_url(team), {"action": "new"})
    team.refresh_from_db()
    assert not team.has_link and mail.outbox == []


def test_the_link_page_acts_on_post_only(handler_client, team, team_page):
    response = handler_client.get(link_url(team), {"action": "new"})
    assert response.status_code == 200
    assert "Nieuwe teamlink mailen" in response.content.decode()
    team.refresh_from_db()
    assert not team.has_link and not OutgoingMail.objects.exists()


# --- from a registration ---------------------------------------------------------


@pytest.fixture
def round_(db):
    return RegistrationRoundFactory(title="Najaar")


def admitted(round_, wijk, **fields):
    values = {
        "kind": Registration.Kind.NEW_TEAM,
        "name": "Fatima el Amrani",
        "email": "fatima@voorbeeld.example",
        "initiative_name": "Buurtpreventie Noorderpark",
        "expected_members": 5,
        "status": Registration.Status.ADMITTED,
        **fields,
    }
    return RegistrationFactory(round=round_, wijk=wijk, **values)


def test_team_maken_makes_the_team_the_first_member_and_mails_the_link(
    client, handler_client, handler, round_, noord, team_page, django_capture_on_commit_callbacks
):
    registration = admitted(round_, noord)
    assert "Team maken" in handler_client.get(registration_url(registration)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(registration_url(registration), {"action": "make_team"}, follow=True)

    team = Team.objects.get(registration=registration)
    assert (team.name, team.kind, team.wijk, team.coordinator_name, team.coordinator_email) == (
        "Buurtpreventie Noorderpark",
        Team.Kind.STREET_TEAM,
        noord,
        "Fatima el Amrani",
        "fatima@voorbeeld.example",
    )
    assert [(m.name, m.email) for m in team.members.all()] == [("Fatima el Amrani", "fatima@voorbeeld.example")]
    body = response.content.decode()
    assert "Van deze aanmelding is team" in body and "Team maken</button>" not in body
    [message] = mails_to("fatima@voorbeeld.example")
    _, path = token_from(message)
    assert_link_opens_team(client, path, team)
    entry = ModelLogEntry.objects.get(action="aanmelding.team.from_registration")
    assert entry.label == team.name and entry.data == {"registration": registration.reference}
    assert_no_secret_or_person_in(entry, "Fatima")

    # Twice: refused, nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(registration_url(registration), {"action": "make_team"}, follow=True)
    assert "Van deze aanmelding is al een team gemaakt." in response.content.decode()
    assert Team.objects.count() == 1 and len(mails_to("fatima@voorbeeld.example")) == 1


def test_an_app_group_without_a_name_gets_one_with_its_wijk(
    handler_client, round_, noord, team_page, django_capture_on_commit_callbacks
):
    registration = admitted(round_, noord, kind=Registration.Kind.NEW_APP_GROUP, initiative_name="")
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(registration_url(registration), {"action": "make_team"})
    team = Team.objects.get(registration=registration)
    assert team.name == "App-groep Noorderpark" and team.kind == Team.Kind.APP_GROUP


@pytest.mark.parametrize(
    "fields",
    [{"status": Registration.Status.INTAKE_DONE}, {"kind": Registration.Kind.JOIN_TEAM}],
)
def test_team_maken_needs_an_admitted_new_initiative(handler_client, round_, noord, team_page, fields):
    registration = admitted(round_, noord, **fields)
    assert "Team maken</button>" not in handler_client.get(registration_url(registration)).content.decode()
    handler_client.post(registration_url(registration), {"action": "make_team"})
    assert not Team.objects.exists()


def test_team_maken_without_a_team_page_makes_the_team_and_says_the_link_waits(
    handler_client, round_, noord, django_capture_on_commit_callbacks
):
    registration = admitted(round_, noord)
    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(registration_url(registration), {"action": "make_team"}, follow=True)
    team = Team.objects.get(registration=registration)
    assert not team.has_link and mail.outbox == []
    assert "Er is nog geen gepubliceerde pagina" in response.content.decode()


def test_join_adds_the_member_to_the_chosen_team(handler_client, handler, round_, noord, zuid, team):
    other = TeamFactory(name="Zuidlopers", wijk=zuid)
    registration = admitted(
        round_, noord, kind=Registration.Kind.JOIN_TEAM, initiative_name="", name="Piet Post", email="piet@x.example"
    )
    registration.team = team
    registration.save()
    body = handler_client.get(registration_url(registration)).content.decode()
    assert "Toevoegen aan team" in body
    assert re.search(rf'<option value="{team.pk}" selected>', body)
    # The applicant's wijk comes first.
    assert body.index('label="Noorderpark"') < body.index('label="Zuidrand"')

    response = handler_client.post(
        registration_url(registration), {"action": "join_team", "team": str(other.pk)}, follow=True
    )

    member = TeamMember.objects.get(registration=registration)
    assert (member.team, member.name, member.email) == (other, "Piet Post", "piet@x.example")
    assert "Piet Post is lid van team" in response.content.decode()
    entry = ModelLogEntry.objects.get(action="aanmelding.team.member_added")
    assert entry.label == "Zuidlopers"
    assert_no_secret_or_person_in(entry, "Piet")

    response = handler_client.post(registration_url(registration), {"action": "join_team", "team": str(team.pk)})
    assert TeamMember.objects.filter(registration=registration).count() == 1
    assert not team.members.filter(name="Piet Post").exists()


def test_join_refuses_an_inactive_team_beside_the_field(handler_client, round_, noord, team):
    team.is_active = False
    team.save()
    registration = admitted(round_, noord, kind=Registration.Kind.JOIN_TEAM, initiative_name="")
    response = handler_client.post(registration_url(registration), {"action": "join_team", "team": str(team.pk)})
    assert response.status_code == 200
    assert "het bestaat niet meer of is niet actief" in response.content.decode()
    assert not TeamMember.objects.filter(registration=registration).exists()


def test_the_chosen_team_is_in_the_export(handler_client, round_, noord, team):
    admitted(round_, noord, kind=Registration.Kind.JOIN_TEAM, initiative_name="", team=team)
    response = handler_client.get("/admin/aanmelding/registration/", {"export": "csv"})
    text = response.content.decode("utf-8-sig")
    assert "Gekozen team" in text.splitlines()[0] and "Lantaarnlopers" in text
