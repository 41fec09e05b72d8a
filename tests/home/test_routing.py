"""The root page routes a request in one query for the whole path (home/routing.py), to the same page
Wagtail's walk down the tree reaches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import (
    DossierChapterPageFactory,
    DossierPageFactory,
    InfoEveningIndexPageFactory,
    InfoEveningPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def route(home_page, path, rf):
    return home_page.specific.route(rf.get(path), [part for part in path.split("/") if part])


def test_a_deep_page_is_found_with_two_queries_and_knows_its_parents(home_page, rf):
    dossier = DossierPageFactory(parent=home_page, slug="dossier")
    chapter = DossierChapterPageFactory(parent=dossier, slug="hoofdstuk")
    home = home_page.specific

    with CaptureQueriesContext(connection) as queries:
        result = route(home, "/dossier/hoofdstuk/", rf)
        parent, grandparent = result.page.get_parent(), result.page.get_parent().get_parent()

    assert result.page == chapter and type(result.page) is type(chapter)
    assert (parent.pk, grandparent.pk) == (dossier.pk, home.pk)
    assert len(queries) == 2  # the pages on the path, and the chapter's own fields


def test_unknown_paths_and_unpublished_pages_are_not_found(client, home_page):
    dossier = DossierPageFactory(parent=home_page, slug="dossier")
    hidden = DossierChapterPageFactory(parent=dossier, slug="verborgen")
    hidden.unpublish()

    assert client.get("/bestaat-niet/").status_code == 404
    assert client.get("/dossier/bestaat-niet/").status_code == 404
    assert client.get("/dossier/verborgen/").status_code == 404
    assert client.get("/dossier/").status_code == 200


def test_a_live_page_under_an_unpublished_one_is_served_as_wagtail_does(client, home_page):
    dossier = DossierPageFactory(parent=home_page, slug="dossier")
    DossierChapterPageFactory(parent=dossier, slug="hoofdstuk", title="Nog zichtbaar")
    Page.objects.filter(pk=dossier.pk).update(live=False)

    response = client.get("/dossier/hoofdstuk/")
    assert response.status_code == 200 and "Nog zichtbaar" in response.content.decode()


def test_the_sub_paths_of_a_routable_page_are_served(client, home_page):
    index = InfoEveningIndexPageFactory(parent=home_page, slug="avonden")
    evening = InfoEveningPageFactory(parent=index, slug="noord")

    assert client.get("/avonden/noord/").status_code == 200
    assert client.get("/avonden/noord/bedankt/").status_code == 200
    assert client.get("/avonden/noord/agenda/").status_code == 200
    assert client.get("/avonden/noord/bestaat-niet/").status_code == 404
    assert evening.url == "/avonden/noord/"


def test_a_routable_page_on_the_way_keeps_its_own_routes_before_a_child_page(client, home_page, rf):
    """Wagtail lets a routable page answer its own sub-paths first; the direct lookup must not skip that."""
    index = InfoEveningIndexPageFactory(parent=home_page, slug="avonden")
    evening = InfoEveningPageFactory(parent=index, slug="noord", title="Avond Noord")
    # Not allowed in the admin (an evening has no sub-pages), but possible in the tree.
    evening.add_child(instance=StandardPageFactory.build(slug="bedankt", title="Een pagina die bedankt heet"))

    result = route(home_page, "/avonden/noord/bedankt/", rf)
    assert result.page.pk == evening.pk  # the evening's thank-you route, as the walk finds it


def test_a_page_under_a_routable_page_whose_routes_do_not_match_is_still_found_directly(home_page, rf):
    """The newsletter archive has a route of its own (feed/); an issue under it costs no walk down the tree."""
    from nieuwsbrief.models import NewsletterArchivePage, NewsletterIssuePage

    archive = home_page.add_child(instance=NewsletterArchivePage(title="Nieuwsbrieven", slug="nieuwsbrieven"))
    issue = archive.add_child(instance=NewsletterIssuePage(title="Nummer 1", slug="nummer-1", subject="Nummer 1"))
    # A child page named like the archive's own route: the route wins, as in Wagtail's walk.
    archive.add_child(instance=NewsletterIssuePage(title="Feed", slug="feed", subject="Feed"))

    with CaptureQueriesContext(connection) as queries:
        result = route(home_page, "/nieuwsbrieven/nummer-1/", rf)
    assert result.page.pk == issue.pk and len(queries) == 2

    assert route(home_page, "/nieuwsbrieven/feed/", rf).page.pk == archive.pk
