"""The demo content loader: ``manage.py load_demo_content`` and the apps' ``demo`` modules."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Revision, Site

from dossier.models import DossierChapterPage, DossierPage, Role
from home import demo as home_demo
from home.management.commands.load_demo_content import demo_loaders
from home.models import HomePage, MunicipalitySettings, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts_file(settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "var" / "demo-accounts.txt"
    return settings.DEMO_ACCOUNTS_FILE


@pytest.fixture
def load_demo(accounts_file, django_capture_on_commit_callbacks):
    """Run the command as `make run` does; on-commit work (the accounts file) runs too."""

    def run():
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo_content", stdout=out)
        return out.getvalue()

    return run


def snapshot():
    municipality = MunicipalitySettings.objects.values().get()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "roles": Role.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "group_page_permissions": GroupPagePermission.objects.count(),
        "sites": list(Site.objects.values()),
        "latest_revisions": dict(Page.objects.values_list("pk", "latest_revision_id")),
        "municipality": municipality,
        "passwords": list(get_user_model().objects.values_list("username", "password")),
    }


def test_second_run_changes_nothing(load_demo, accounts_file):
    load_demo()
    before = snapshot()
    accounts_before = accounts_file.read_text()

    output = load_demo()

    assert snapshot() == before
    assert accounts_file.read_text() == accounts_before
    assert "0 aangemaakt" in output


def test_home_page_replaces_the_wagtail_welcome_page_as_site_root(load_demo, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    load_demo()

    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    assert (site.hostname, site.port, site.root_page_id) == ("127.0.0.1", 8000, home.pk)
    assert home.slug == "home" and home.live
    assert home.intro and home.body
    # No plain wagtailcore.Page left next to the home page.
    assert [page.specific_class for page in Page.get_first_root_node().get_children()] == [HomePage]


def test_the_default_site_follows_the_base_url_on_every_run(load_demo, settings):
    """`make run` on another port: page addresses and links in mails stay on the same server."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    load_demo()
    home = HomePage.objects.get()
    assert home.full_url == "http://127.0.0.1:8123/"

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8124/"
    output = load_demo()
    assert "De standaardsite heeft nu het adres http://127.0.0.1:8124 (WAGTAILADMIN_BASE_URL)." in output
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("127.0.0.1", 8124, home.pk)
    assert HomePage.objects.get().full_url == "http://127.0.0.1:8124/"

    before = snapshot()
    assert "heeft nu het adres" not in load_demo()
    assert snapshot() == before

    settings.WAGTAILADMIN_BASE_URL = "https://Buurtpreventie.Gemeente.example"
    load_demo()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("buurtpreventie.gemeente.example", 443)
    assert HomePage.objects.get().full_url == "https://buurtpreventie.gemeente.example/"


def test_an_address_another_site_has_is_left_to_it(load_demo, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    load_demo()
    other = Site.objects.create(hostname="127.0.0.1", port=8123, root_page=HomePage.objects.get())

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    output = load_demo()

    assert "Het adres 127.0.0.1:8123 (WAGTAILADMIN_BASE_URL) hoort bij een andere site" in output
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert Site.objects.get(pk=other.pk).port == 8123


def test_service_pages_are_published_and_only_contact_is_in_the_menu(load_demo):
    load_demo()

    home = HomePage.objects.get()
    pages = {page.slug: page for page in StandardPage.objects.child_of(home).live()}
    assert set(pages) == {"privacyverklaring", "toegankelijkheid", "contact", "colofon"}
    assert [slug for slug, page in pages.items() if page.show_in_menus] == ["contact"]
    privacy_text = str(pages["privacyverklaring"].body)
    assert "Autoriteit Persoonsgegevens" in privacy_text and "365 dagen" in privacy_text
    assert "WCAG 2.1" in str(pages["toegankelijkheid"].body)
    contact_text = str(pages["contact"].body)
    for number in ("112", "0900-8844", "0800-7000"):
        assert number in contact_text


def test_settings_point_at_the_service_pages(load_demo):
    load_demo()

    municipality = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    assert municipality.municipality_name == "Gemeente Voorbeeld"
    assert municipality.contact_email.endswith(".example")
    assert municipality.notification_email.endswith(".example")
    assert municipality.privacy_page.slug == "privacyverklaring"
    assert municipality.accessibility_page.slug == "toegankelijkheid"
    assert municipality.contact_page.slug == "contact"


def test_existing_settings_are_not_overwritten(load_demo):
    site = Site.objects.get(is_default_site=True)
    MunicipalitySettings.objects.create(site=site, municipality_name="Gemeente Oostwold", retention_days=400)

    load_demo()

    municipality = MunicipalitySettings.objects.get(site=site)
    assert (municipality.municipality_name, municipality.retention_days) == ("Gemeente Oostwold", 400)
    assert municipality.privacy_page is not None  # empty footer links are filled in


def test_pages_an_editor_changed_are_left_alone(load_demo):
    load_demo()
    contact = StandardPage.objects.get(slug="contact")
    contact.intro = "Door de redactie aangepast."
    contact.save_revision().publish()
    contact.title = "Contact (concept)"
    contact.save_revision()  # an unpublished draft
    latest = StandardPage.objects.get(pk=contact.pk).latest_revision_id

    load_demo()

    contact = StandardPage.objects.get(pk=contact.pk)
    assert contact.intro == "Door de redactie aangepast."
    assert contact.latest_revision_id == latest
    assert contact.get_latest_revision_as_object().title == "Contact (concept)"


def test_dossier_has_its_chapters_in_order_and_all_roles(load_demo):
    load_demo()

    home = HomePage.objects.get()
    dossier = DossierPage.objects.child_of(home).get(slug="buurtpreventie")
    assert dossier.live and dossier.show_in_menus and dossier.summary
    chapters = list(dossier.chapters())
    assert len(chapters) >= 10
    assert [chapter.title for chapter in chapters[:10]] == [
        "Wat is buurtpreventie en waarom",
        "Rollen en verantwoordelijkheden",
        "Wat gemeente en politie bieden en verwachten",
        "Zo meld je je aan",
        "Veilig op ronde",
        "Informatie delen en terugkoppeling",
        "Motivatie en maatwerk",
        "Waardering en evaluatie",
        "Begrippen",
        "Veelgestelde vragen",
    ]
    for chapter in chapters:
        assert chapter.intro
        assert len(chapter.table_of_contents(chapter.body_with_anchors())) >= 2, chapter.title

    roles = list(Role.objects.all())
    assert len(roles) >= 6
    for role in roles:
        assert role.summary and role.organisation and "<ul>" in role.responsibilities
        assert role.what_you_can_expect and role.what_they_expect and role.how_to_reach

    roles_chapter = chapters[1]
    block_types = [block.block_type for block in roles_chapter.body]
    assert "role_overview" in block_types
    roles_block = next(block for block in roles_chapter.body if block.block_type == "roles")
    assert {role.pk for role in roles_block.value["roles"]} == {role.pk for role in roles}

    faq_block = next(block for block in chapters[9].body if block.block_type == "faq")
    assert len(faq_block.value["questions"]) >= 8
    assert any(block.block_type == "steps" for block in chapters[3].body)
    assert any(block.block_type == "callout" and block.value["kind"] == "warning" for block in chapters[4].body)


def test_home_page_links_to_the_dossier_and_contact(load_demo):
    load_demo()

    home = HomePage.objects.get()
    # First: other apps' demos add their cards after these (the newsletter's archive).
    linked = [block.value["page"].specific for block in home.highlights][:2]
    assert [type(page) for page in linked] == [DossierPage, StandardPage]
    assert linked[1].slug == "contact"


def test_every_live_page_renders(load_demo, client):
    load_demo()

    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) >= 15
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, f"{page.url}: {response.status_code}"
    menu = client.get("/").content.decode()
    assert 'href="/buurtpreventie/"' in menu and 'href="/contact/"' in menu


def test_demo_editor_can_log_in_and_publish(load_demo, accounts_file, client):
    load_demo()

    lines = [line.strip() for line in accounts_file.read_text().splitlines()]
    line = next(line for line in lines if line.startswith("Demo-redacteur:"))
    assert line.startswith("Demo-redacteur: redacteur / ")
    password = line.rsplit(" / ", 1)[1]
    user = get_user_model().objects.get(username="redacteur")
    assert set(user.groups.values_list("name", flat=True)) == {"Redacteuren", "Moderatoren"}
    assert user.has_perm("wagtailadmin.access_admin")
    permissions = HomePage.objects.get().permissions_for_user(user)
    assert permissions.can_edit() and permissions.can_publish()
    chapter = DossierChapterPage.objects.first()
    assert chapter.permissions_for_user(user).can_publish()
    # Through the login form, as a person does (django-axes checks every login against its request).
    response = client.post("/admin/login/", {"username": "redacteur", "password": password})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_no_demo_account_when_not_allowed(load_demo, accounts_file, settings):
    settings.DEMO_ACCOUNTS_ALLOWED = False

    output = load_demo()

    assert not get_user_model().objects.filter(username="redacteur").exists()
    assert not accounts_file.exists()
    assert "overgeslagen" in output


def test_lost_accounts_file_gets_a_new_working_password(load_demo, accounts_file):
    load_demo()
    users = get_user_model().objects.count()
    accounts_file.unlink()

    load_demo()

    password = home_demo.read_demo_accounts()["redacteur"]
    assert get_user_model().objects.count() == users
    assert get_user_model().objects.get(username="redacteur").check_password(password)


def test_a_password_that_differs_from_the_accounts_file_is_set_again(load_demo, accounts_file):
    # As after `make run` against another database with the same var/: the file
    # names passwords that this database's accounts do not have.
    load_demo()
    for user in get_user_model().objects.filter(username__in=["redacteur", "behandelaar"]):
        user.set_password("iets-anders")
        user.save()

    output = load_demo()

    for username, password in home_demo.read_demo_accounts().items():
        assert get_user_model().objects.get(username=username).check_password(password), username
    assert "weer gelijk gemaakt" in output


def test_write_demo_account_rewrites_only_that_line(accounts_file):
    home_demo.write_demo_account("Demo-redacteur", "redacteur", "eerste")
    home_demo.write_demo_account("Demo-coördinator", "coordinator", "ander")
    home_demo.write_demo_account("Demo-redacteur", "redacteur", "tweede")

    assert accounts_file.read_text().splitlines() == [
        "  Demo-redacteur: redacteur / tweede",
        "  Demo-coördinator: coordinator / ander",
    ]
    assert accounts_file.stat().st_mode & 0o777 == 0o600


def test_a_failing_loader_leaves_nothing_behind(load_demo, accounts_file, monkeypatch):
    import dossier.demo

    def broken(stdout):
        raise RuntimeError("kapot")

    monkeypatch.setattr(dossier.demo, "load", broken)

    with pytest.raises(RuntimeError):
        load_demo()

    assert not HomePage.objects.exists()
    assert not get_user_model().objects.filter(username="redacteur").exists()
    assert not accounts_file.exists()


def test_loaders_run_in_installed_apps_order():
    labels = [label for label, _load in demo_loaders()]
    order = ["home", "forms", "aanmelding", "dossier", "nieuwsbrief", "terugkoppeling"]
    # dossier after the apps whose pages its chapters link, before those that add links to its chapters.
    assert labels[0] == "home"
    assert [label for label in labels if label in order] == [label for label in order if label in labels]
    assert {"aanmelding", "dossier", "nieuwsbrief", "terugkoppeling"} <= set(labels)


def test_demo_editor_groups_may_edit_roles_and_settings(db, settings, tmp_path):

    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    call_command("load_demo_content", stdout=StringIO())
    editors = Group.objects.get(name="Redacteuren")
    moderators = Group.objects.get(name="Moderatoren")
    assert editors.permissions.filter(codename="change_role").exists()
    assert moderators.permissions.filter(codename="change_municipalitysettings").exists()
    assert not editors.permissions.filter(codename="change_municipalitysettings").exists()


def test_loading_the_demo_sends_no_mail_of_wagtails_workflows(load_demo, settings, capsys):
    """The demo submits and approves pages; Wagtail would mail the demo moderators at once (to the console)."""
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    load_demo()
    assert mail.outbox == []
