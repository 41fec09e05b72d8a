"""The admin that editors and handlers use: Dutch, branded, and without third-party requests."""

import importlib
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page, Site, Task, Workflow, get_page_models

from aanmelding.models import RoundAlert
from dossier.models import DossierPage
from home.models import MunicipalitySettings, StandardPage
from tests.factories import RegistrationFactory, RegistrationRoundFactory, UserFactory, WijkFactory


def test_the_admin_asks_gravatar_for_no_avatar(client, home_page):
    editor = UserFactory(is_superuser=True, email="redacteur@gemeente.example")
    client.force_login(editor)

    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url


def test_the_dashboard_asks_wagtail_for_no_update_and_shows_no_english_banner(client, home_page):
    client.force_login(UserFactory(is_superuser=True))

    html = client.get("/admin/").content.decode()

    assert 'data-controller="w-upgrade' not in html  # its script would fetch releases.wagtail.io
    assert "w-whats-new" not in html


def test_the_login_page_names_the_municipality_not_wagtail(client, home_page):
    municipality = MunicipalitySettings.for_site(home_page.get_site())
    municipality.municipality_name = "Gemeente Dijkdorp"
    municipality.save()

    html = client.get("/admin/login/").content.decode()

    assert "<h1>Inloggen bij Buurtpreventie Gemeente Dijkdorp</h1>" in html
    assert "<title>Inloggen - Buurtpreventie Gemeente Dijkdorp</title>" in html
    assert "Wagtail</title>" not in html
    assert "Inloggen in Wagtail" not in html


def test_every_admin_page_is_titled_after_the_municipality(client, home_page):
    client.force_login(UserFactory(is_superuser=True))

    html = " ".join(client.get("/admin/").content.decode().split())

    assert "<title>Dashboard - Buurtpreventie Gemeente Voorbeeld</title>" in html
    assert '<h1 class="w-h1 w-mt-0"> Buurtpreventie Gemeente Voorbeeld </h1>' in html


@pytest.mark.django_db
def test_without_a_site_the_login_page_uses_the_site_name(client):
    Site.objects.all().delete()

    html = client.get("/admin/login/").content.decode()

    assert "<h1>Inloggen bij Buurtpreventie</h1>" in html


@pytest.mark.django_db
def test_the_default_workflow_and_its_task_have_a_dutch_name():
    # Wagtail's migrations made them as "Moderators approval"; home's migration 0004 renames them.
    assert Workflow.objects.filter(name="Goedkeuring door moderatoren").exists()
    assert Task.objects.filter(name="Goedkeuring door moderatoren").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


@pytest.mark.django_db
def test_the_workflow_migration_renames_only_the_english_default():
    renaming = importlib.import_module("home.migrations.0004_dutch_default_workflow")
    english = Workflow.objects.create(name="Moderators approval")
    own = Workflow.objects.create(name="Controle door de politie")

    renaming.to_dutch(django_apps, None)

    english.refresh_from_db()
    own.refresh_from_db()
    assert english.name == "Goedkeuring door moderatoren"
    assert own.name == "Controle door de politie"


@pytest.mark.django_db
def test_wagtails_editor_groups_have_dutch_names_and_keep_their_rights():
    # Wagtail's migrations made them as "Editors" and "Moderators"; home's migration 0005 renames them.
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Redacteuren", "Moderatoren"} <= names
    assert not names & {"Editors", "Moderators"}
    moderators = Group.objects.get(name="Moderatoren")
    assert moderators.permissions.filter(codename="access_admin").exists()
    assert GroupPagePermission.objects.filter(group=moderators, permission__codename="publish_page").exists()
    # Migration 0011 of aanmelding (by name, in either order) gave the editors rounds and wijken.
    assert Group.objects.get(name="Redacteuren").permissions.filter(codename="add_registrationround").exists()


@pytest.mark.django_db
def test_the_group_migration_renames_back_and_leaves_an_existing_dutch_group_alone():
    renaming = importlib.import_module("home.migrations.0005_dutch_group_names")
    editors = Group.objects.get(name="Redacteuren")

    renaming.to_english(django_apps, None)
    editors.refresh_from_db()
    assert editors.name == "Editors"

    own = Group.objects.create(name="Redacteuren")
    renaming.to_dutch(django_apps, None)
    editors.refresh_from_db()
    assert editors.name == "Editors" and own.name == "Redacteuren"


def test_editors_see_the_dutch_workflow_name(client, home_page):
    client.force_login(UserFactory(is_superuser=True))

    html = client.get("/admin/workflows/list/").content.decode()

    assert "Goedkeuring door moderatoren" in html
    assert "Moderators approval" not in html


# Words that mark a description as English; none of them is a Dutch word.
ENGLISH_WORDS = {"the", "page", "with", "and", "for", "this", "a", "an", "which", "where"}


@pytest.mark.parametrize("model", [m for m in get_page_models() if m is not Page], ids=lambda m: m._meta.label)
def test_every_page_type_has_a_dutch_description(model):
    description = model.get_page_description()

    assert len(description) >= 30, f"{model._meta.label} has no page_description"
    words = set(re.findall(r"[a-zà-ü']+", description.lower()))
    assert not words & ENGLISH_WORDS, description


def test_add_child_page_shows_the_dutch_descriptions(client, home_page):
    client.force_login(UserFactory(is_superuser=True))

    html = client.get(f"/admin/pages/{home_page.pk}/add_subpage/").content.decode()

    assert StandardPage.page_description in html
    assert DossierPage.page_description in html


class TextOnly(HTMLParser):
    def __init__(self):
        super().__init__()
        self.words, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "svg", "template")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "svg", "template")

    def handle_data(self, data):
        if not self.hidden:
            self.words += data.split()


def visible_text(html):
    """The text a reader sees: no scripts, no tags, whitespace collapsed."""
    parser = TextOnly()
    parser.feed(html)
    return " ".join(parser.words)


def test_the_login_form_labels_the_password_in_dutch(client, home_page):
    text = visible_text(client.get("/admin/login/").content.decode())

    assert "Gebruikersnaam * Wachtwoord *" in text
    assert "Password" not in text


def test_page_search_counts_its_results_in_dutch(client, home_page):
    for title in ("Wijkschouw noord", "Wijkschouw zuid", "Wijkschouw oost"):
        home_page.add_child(instance=StandardPage(title=title))
    client.force_login(UserFactory(is_superuser=True))

    def count_above_titles(url, **query):
        html = client.get(url, query).content.decode()
        return visible_text(re.search(r'(?s)<th class="title">.*?</th>', html).group())

    everywhere = count_above_titles("/admin/pages/search/", q="wijkschouw")
    in_home = count_above_titles(f"/admin/pages/{home_page.pk}/", q="wijkschouw")
    whole_site = count_above_titles(f"/admin/pages/{home_page.pk}/", q="wijkschouw", search_all=1)
    one = count_above_titles("/admin/pages/search/", q="noord")

    assert everywhere == "Titel 1-3 van 3 pagina's"
    assert in_home == "Titel 1-3 van 3 pagina's in ' Buurtpreventie '. Zoek door de hele site"
    assert whole_site == "Titel 1-3 van 3 pagina's in de hele site. Zoeken in ' Buurtpreventie '"
    assert one == "Titel 1-1 van 1 pagina"


def test_a_registrations_history_has_dutch_column_headers(client, home_page):
    handler = UserFactory(is_superuser=True)
    registration = RegistrationFactory()
    log(instance=registration, action="wagtail.edit", user=None, title=registration.reference)
    client.force_login(handler)

    text = visible_text(client.get(f"/admin/aanmelding/registration/history/{registration.pk}/").content.decode())

    assert "Actie Gebruiker Datum" in text
    assert "systeem" in text
    assert "User" not in text and "system" not in text


@pytest.mark.parametrize("admin_url", ["registrationround", "wijk", "roundalert"])
def test_the_other_registration_histories_have_dutch_column_headers(client, home_page, admin_url):
    row = {
        "registrationround": RegistrationRoundFactory,
        "wijk": WijkFactory,
        "roundalert": lambda: RoundAlert.objects.create(email="bewoner@example.org"),
    }[admin_url]()
    log(instance=row, action="wagtail.edit", user=None)
    client.force_login(UserFactory(is_superuser=True))

    text = visible_text(client.get(f"/admin/aanmelding/{admin_url}/history/{row.pk}/").content.decode())

    assert "Actie Gebruiker Datum" in text
    assert "User" not in text


@pytest.mark.parametrize("group", ["Behandelaars buurtpreventie", "Redacteuren"])
def test_the_help_menu_offers_the_dutch_manual_instead_of_wagtails_guides(client, home_page, group):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)

    dashboard = client.get("/admin/").content.decode()
    manual = client.get("/admin/handleiding/")

    assert '"label": "Handleiding buurtpreventie"' in dashboard
    assert '"url": "/admin/handleiding/"' in dashboard
    assert '<a class="w-underline w-underline-offset-[3px]" href="/admin/handleiding/">' in dashboard
    assert "guide.wagtail.org" not in dashboard
    assert "Editor Guide" not in dashboard
    assert manual.status_code == 200
    text = visible_text(manual.content.decode())
    for heading in (
        "Wie doet wat",
        "Inloggen met een code uit de app",
        "Voor redacteuren",
        "Aanmeldingen (voor behandelaars)",
        "Informatiebijeenkomsten",
    ):
        assert heading in text
    assert "Inloggen bij" not in text  # the admin page itself, not the login page


def test_the_manual_is_for_logged_in_users_only(client, home_page):
    response = client.get("/admin/handleiding/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
