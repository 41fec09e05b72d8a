import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from aanmelding.models import RegistrationRound
from home.models import ContentVersion, HomePage, MunicipalitySettings
from home.page_cache import page_cache
from tests.factories import DossierChapterPageFactory, DossierPageFactory, RoleFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def chapter(home_page):
    dossier = DossierPageFactory(parent=home_page)
    return DossierChapterPageFactory(parent=dossier, title="Veilig op ronde")


def test_a_second_visit_is_served_from_the_cache_and_a_third_from_the_process_with_one_query(client, chapter):
    first = client.get(chapter.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(chapter.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 2  # the content version, and the page from the shared cache

    with CaptureQueriesContext(connection) as queries:
        third = client.get(chapter.url)
    assert third["X-Page-Cache"] == "hit" and third.content == first.content
    assert [query["sql"] for query in queries] == ["SELECT value FROM home_contentversion WHERE id = 1"]


def test_a_page_kept_in_the_process_is_not_served_once_another_process_changed_content(client, chapter):
    """Another process: the database changes, this process's signals do not run."""
    client.get(chapter.url)
    client.get(chapter.url)  # now kept in this process too
    Page.objects.filter(pk=chapter.pk).update(title="Elders gewijzigd", draft_title="Elders gewijzigd")
    page_cache().clear()
    ContentVersion.objects.filter(pk=1).update(value=F("value") + 1)

    response = client.get(chapter.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Elders gewijzigd" in response.content.decode()


def test_a_page_kept_in_the_process_expires_with_its_timeout(client, home_page, time_machine):
    client.get(home_page.url)
    assert client.get(home_page.url)["X-Page-Cache"] == "hit"  # and kept in this process
    time_machine.move_to(timezone.now() + timezone.timedelta(seconds=HomePage.page_cache_timeout + 1))
    assert client.get(home_page.url)["X-Page-Cache"] == "miss"


def test_publishing_a_change_shows_at_once(client, chapter):
    client.get(chapter.url)
    chapter.title = "Veilig op pad"
    chapter.save_revision().publish()
    response = client.get(chapter.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Veilig op pad" in response.content.decode()


def test_changing_a_role_settings_or_a_round_empties_the_cache(client, home_page, chapter):
    for change in (
        lambda: RoleFactory(),
        lambda: MunicipalitySettings.for_site(home_page.get_site()).save(),
        lambda: RegistrationRound.objects.create(
            title="Nu", opens_at=timezone.now(), closes_at=timezone.now() + timezone.timedelta(days=1)
        ),
    ):
        client.get(chapter.url)
        assert client.get(chapter.url)["X-Page-Cache"] == "hit"
        change()
        assert client.get(chapter.url)["X-Page-Cache"] == "miss"


def test_moving_or_unpublishing_a_page_empties_the_cache(client, home_page, chapter):
    other = StandardPageFactory(parent=home_page, title="Colofon")
    client.get(chapter.url)
    other.move(home_page, pos="first-child")
    assert client.get(chapter.url)["X-Page-Cache"] == "miss"
    client.get(other.url)
    chapter.unpublish()
    assert client.get(other.url)["X-Page-Cache"] == "miss"
    assert client.get(chapter.url).status_code == 404


def test_visitors_with_a_session_or_a_query_string_get_a_fresh_page(client, chapter):
    client.get(chapter.url)
    assert "X-Page-Cache" not in client.get(chapter.url, {"x": "1"})
    client.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in client.get(chapter.url)


def test_a_logged_in_editor_never_fills_the_cache(client, chapter):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True))
    client.get(chapter.url)
    client.logout()
    client.cookies.clear()
    assert client.get(chapter.url)["X-Page-Cache"] == "miss"


def test_errors_and_search_results_are_not_cached(client, home_page):
    client.get("/bestaat-niet/")
    assert "X-Page-Cache" not in client.get("/bestaat-niet/")
    client.get("/zoeken/")
    assert "X-Page-Cache" not in client.get("/zoeken/")


def test_a_cached_page_keeps_its_security_and_type_headers(client, chapter):
    first = client.get(chapter.url)
    second = client.get(chapter.url)
    assert second["X-Page-Cache"] == "hit"
    assert second["X-Frame-Options"] == first["X-Frame-Options"] == "DENY"
    assert second["Content-Type"] == first["Content-Type"]


def test_a_request_with_a_query_string_gets_the_kept_body_and_still_sees_a_change_at_once(client, chapter):
    url = f"{chapter.url}?utm_source=nieuwsbrief"
    first = client.get(url)
    assert "X-Page-Cache" not in first
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.content == first.content
    assert len(queries) <= 4  # route, settings and body from the cache; no routing or rendering queries
    chapter.title = "Veilig op pad"
    chapter.save_revision().publish()
    assert "Veilig op pad" in client.get(url).content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, chapter):
    from wagtail.models import PageViewRestriction

    for url in (chapter.url, f"{chapter.url}?a=1"):
        client.get(url)
        assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(page=chapter.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    for url in (chapter.url, f"{chapter.url}?a=1"):
        assert client.get(url).status_code == 302  # to the login page
