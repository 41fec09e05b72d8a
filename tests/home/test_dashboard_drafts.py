"""Editors find the pages whose changes nobody has published yet on the admin dashboard."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def log_in(client, group, **names):
    user = UserFactory(**names)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def drafts_panel(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id="home-drafts-section")


def changed_but_unpublished(parent, title, user):
    page = StandardPageFactory(parent=parent, title=title)
    page.title = f"{title} (nieuw)"
    page.save_revision(user=user)
    return page


def test_an_editor_sees_drafts_of_every_editor_with_their_state_and_a_link(client, home_page):
    colleague = UserFactory(first_name="Anna", last_name="de Vries")
    changed = changed_but_unpublished(home_page, "Contact", colleague)
    never = StandardPageFactory(parent=home_page, title="Nieuwe wijk", live=False)
    never.save_revision(user=colleague)
    StandardPageFactory(parent=home_page, title="Colofon")  # published, no changes waiting
    log_in(client, "Redacteuren")

    panel = drafts_panel(client)

    rows = [" ".join(row.get_text(" ").split()) for row in panel.select("tbody tr")]
    assert len(rows) == 2
    assert rows[0].startswith("Nieuwe wijk Nog nooit gepubliceerd")
    assert rows[1].startswith("Contact (nieuw) Wijzigingen nog niet gepubliceerd")
    assert "door Anna de Vries" in rows[1]
    links = [a["href"] for a in panel.select("tbody a")]
    assert links == [f"/admin/pages/{never.pk}/edit/", f"/admin/pages/{changed.pk}/edit/"]
    assert "Colofon" not in panel.get_text()


def test_no_drafts_says_so(client, home_page):
    StandardPageFactory(parent=home_page, title="Colofon")
    log_in(client, "Redacteuren")

    assert "Er zijn geen concepten" in drafts_panel(client).get_text()


def test_handlers_without_page_rights_get_no_drafts_panel(client, home_page):
    changed_but_unpublished(home_page, "Contact", UserFactory())
    log_in(client, "Behandelaars buurtpreventie")

    assert drafts_panel(client) is None


def test_the_panel_shows_the_latest_drafts_and_its_queries_do_not_grow_with_them(client, home_page):
    author = UserFactory()
    log_in(client, "Redacteuren")
    changed_but_unpublished(home_page, "Pagina 0", author)
    drafts_panel(client)  # the first request fills caches that later ones read
    with CaptureQueriesContext(connection) as few:
        drafts_panel(client)
    for number in range(1, 12):
        changed_but_unpublished(home_page, f"Pagina {number}", author)
    with CaptureQueriesContext(connection) as many:
        panel = drafts_panel(client)

    assert len(many) == len(few)
    assert len(panel.select("tbody tr")) == 8
    assert "Er zijn meer concepten" in panel.get_text()
