"""Every page type in a real browser: accessibility, keyboard use, editing."""

import pytest
from wagtail.models import Page

from dossier.models import DossierChapterPage, DossierPage
from home.models import StandardPage
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import UserFactory

# The flush after each transactional test also removes what migrations
# created (root page, locale, groups); load_demo_content makes them again.
pytestmark = pytest.mark.django_db(transaction=True)


def page_type_paths():
    dossier = DossierPage.objects.live().first()
    chapter = DossierChapterPage.objects.live().child_of(dossier).order_by("path").first()
    standard = StandardPage.objects.live().first()
    return {
        "home": "/",
        "dossier": dossier.url,
        "chapter": chapter.url,
        "roles_chapter": DossierChapterPage.objects.live().get(slug="rollen-en-verantwoordelijkheden").url,
        "standard": standard.url,
        "search": "/zoeken/?q=buurtpreventie",
        "not_found": "/bestaat-niet/",
    }


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_every_page_type_has_no_axe_violations(demo_site, open_page, assert_accessible, viewport):
    for name, path in page_type_paths().items():
        page, response = open_page(path, viewport)
        assert response.status == (404 if name == "not_found" else 200), name
        assert page.locator("h1").count() == 1, name
        assert page.locator("main").count() == 1, name
        assert_accessible(page)
        # Nothing wider than the screen: a resident on a phone never scrolls sideways.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {viewport['width']}px"


def sitemap_paths(client):
    from urllib.parse import urlparse
    from xml.etree import ElementTree

    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [urlparse(loc.text).path for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_every_page_in_the_sitemap_is_sound_and_accessible(demo_site, client, open_page, assert_accessible, viewport):
    paths = sitemap_paths(client)
    assert len(paths) >= 15
    for path in paths:
        page, response = open_page(path, viewport)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == "nl", path
        assert page.locator("h1").count() == 1, path
        assert page.locator("main").count() == 1, path
        assert page.title().strip(), path
        assert_accessible(page)


def test_the_roles_chapter_has_no_axe_violations_on_a_phone(demo_site, open_page, assert_accessible):
    chapter = DossierChapterPage.objects.live().get(slug="rollen-en-verantwoordelijkheden")
    page, response = open_page(chapter.url, PHONE)
    assert response.status == 200
    assert page.locator(".role-card").count() >= 6
    assert_accessible(page)


def tab_to(page, selector, max_presses=80):
    """Press Tab until the element matching ``selector`` has focus."""
    target = page.locator(selector).first
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_walk_from_home_through_the_dossier(demo_site, open_page):
    dossier = DossierPage.objects.live().first()
    chapters = list(DossierChapterPage.objects.live().child_of(dossier).order_by("path")[:2])
    page, _ = open_page("/")

    # The skip link is the first stop and moves focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"

    tab_to(page, f"header a[href='{dossier.url}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{dossier.url}")
    assert page.locator("h1").inner_text() == dossier.title

    tab_to(page, f".chapter-list a[href='{chapters[0].url}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{chapters[0].url}")
    assert page.locator("h1").inner_text() == chapters[0].title

    tab_to(page, "a[rel=next]", max_presses=300)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{chapters[1].url}")
    assert page.locator("h1").inner_text() == chapters[1].title


def test_an_editor_edits_and_publishes_a_chapter(demo_site, open_page, live_server):
    from django.contrib.auth.models import Group

    editor = UserFactory(username="testredacteur")
    editor.groups.add(*Group.objects.filter(name__in=["Redacteuren", "Moderatoren"]))
    chapter = DossierChapterPage.objects.live().order_by("path").first()
    new_intro = "Deze samenvatting is net aangepast door een redacteur."

    page, _ = open_page("/admin/login/")
    page.fill("#id_username", "testredacteur")
    page.fill("#id_password", "geheim-wachtwoord-123")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")

    page.goto(f"{live_server.url}/admin/pages/{chapter.pk}/edit/")
    page.fill("#id_intro", new_intro)
    page.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"**/admin/pages/{chapter.get_parent().pk}/")

    public, _ = open_page(Page.objects.get(pk=chapter.pk).url)
    assert public.locator(".page-header .lead").inner_text() == new_intro


POST_FORM_JS = """(fields) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/zoeken/';
    for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('textarea');
        input.name = name;
        input.value = value;
        form.append(input);
    }
    document.body.append(form);
    form.submit();
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_the_refused_form_pages_are_dutch_and_accessible(demo_site, open_page, assert_accessible, viewport):
    page, _ = open_page("/aanmelden/", viewport)  # the form page sets the CSRF cookie

    # A form without its token, as a stale or foreign form sends it.
    with page.expect_navigation():
        page.evaluate(POST_FORM_JS, {"q": "buurtpreventie"})
    assert page.locator("h1").inner_text() == "Je formulier is niet verstuurd"
    assert page.locator("main a", has_text="Terug naar het formulier").get_attribute("href").endswith("/aanmelden/")
    assert_accessible(page)

    # A form far too large: the CSRF check reads it and cannot.
    page.goto(page.url.split("/zoeken/")[0] + "/aanmelden/")
    with page.expect_navigation():
        page.evaluate(POST_FORM_JS, {"veld": "x" * (3 * 1024 * 1024)})
    assert page.locator("h1").inner_text() == "Dit konden we niet verwerken"
    assert_accessible(page)
