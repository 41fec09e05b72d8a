"""With the page cache off (settings.test), each process keeps the route, the site settings,
the menu and a chapter's neighbours in memory per content version (home/page_cache.py):
pages are still rendered every time, and every change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import ContentVersion, MunicipalitySettings
from home.page_cache import read_content_version
from tests.factories import DossierChapterPageFactory, DossierPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapters(home_page):
    dossier = DossierPageFactory(parent=home_page, show_in_menus=True, title="Het dossier")
    return [
        DossierChapterPageFactory(parent=dossier, title="Veilig op ronde"),
        DossierChapterPageFactory(parent=dossier, title="Informatie delen"),
    ]


def warm(client, url):
    """Two requests: the first one also creates the site settings (a content change)."""
    client.get(url)
    client.get(url)


def municipality_settings(page):
    return MunicipalitySettings.objects.get_or_create(site=page.get_site())[0]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_an_unchanged_site_is_rendered_again_with_what_the_process_kept(client, chapters):
    warm(client, chapters[0].url)
    first_count, first = queries(client, chapters[0].url)
    second_count, second = queries(client, chapters[0].url)
    # The content version and nothing else: route, settings, menu and neighbours are kept.
    assert first_count == second_count == 1
    assert first == second
    assert "Informatie delen" in second  # the next chapter, rendered


def test_every_content_change_gives_a_new_version(chapters):
    before = read_content_version()
    chapters[1].title = "Informatie delen en terugkoppeling"
    chapters[1].save_revision().publish()
    after_publish = read_content_version()
    settings = municipality_settings(chapters[0])
    settings.municipality_name = "Gemeente Elders"
    settings.save()
    assert len({before, after_publish, read_content_version()}) == 3


def test_published_changes_show_at_once(client, chapters, home_page):
    warm(client, chapters[0].url)
    chapters[1].title = "Informatie delen en terugkoppeling"  # the next chapter
    chapters[1].save_revision().publish()
    StandardPageFactory(parent=home_page, title="Nieuw in het menu", show_in_menus=True)
    settings = municipality_settings(chapters[0])
    settings.municipality_name = "Gemeente Elders"
    settings.save()
    html = client.get(chapters[0].url).content.decode()
    assert "Informatie delen en terugkoppeling" in html
    assert "Nieuw in het menu" in html
    assert "Gemeente Elders" in html


def test_a_change_by_another_process_shows_at_once(client, chapters):
    """Another server process changes content: here only the database sees it (no signal)."""
    warm(client, chapters[0].url)
    Page.objects.filter(pk=chapters[1].pk).update(title="Ander hoofdstuk")
    assert "Ander hoofdstuk" not in client.get(chapters[0].url).content.decode()  # the kept neighbour
    ContentVersion.objects.filter(pk=1).update(value=12345)  # what that process's change did too
    assert "Ander hoofdstuk" in client.get(chapters[0].url).content.decode()


def test_a_new_view_restriction_applies_at_once(client, chapters):
    assert client.get(chapters[0].url).status_code == 200
    PageViewRestriction.objects.create(page=chapters[0], restriction_type=PageViewRestriction.LOGIN)
    response = client.get(chapters[0].url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


def test_unpublishing_applies_at_once(client, chapters):
    assert client.get(chapters[1].url).status_code == 200
    chapters[1].unpublish()
    assert client.get(chapters[1].url).status_code == 404
    assert "Informatie delen" not in client.get(chapters[0].url).content.decode()
