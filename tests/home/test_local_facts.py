"""Local facts the demo texts invent: editors see them on top of the edit form, residents never.

The demo loader stores a chapter's ``LOCAL_FACTS`` (and the service pages' facts) in the
page's ``local_facts``; ``home.local_facts.LocalFactsPanel`` shows them in a help box.
"""

from io import StringIO

import pytest
from bs4 import BeautifulSoup

from dossier import demo as dossier_demo
from dossier.demo.texts import veelgestelde_vragen
from dossier.models import DossierChapterPage
from home import demo as home_demo
from home.demo.texts import SERVICE_PAGE_FACTS
from home.models import StandardPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BOX = ".local-facts"


@pytest.fixture
def demo_dossier(home_page):
    home_demo.load(StringIO())
    dossier_demo.load(StringIO())


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def edit_form(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_edit_form_of_a_demo_chapter_shows_its_facts(editor_client, demo_dossier):
    faq = DossierChapterPage.objects.get(slug=veelgestelde_vragen.SLUG)
    assert faq.local_facts_list() == veelgestelde_vragen.LOCAL_FACTS

    box = edit_form(editor_client, faq).select_one(BOX)

    assert box is not None
    assert [li.get_text(strip=True) for li in box.find_all("li")] == veelgestelde_vragen.LOCAL_FACTS
    assert "Minimumleeftijd 18 jaar, geen maximumleeftijd" in box.get_text()


def test_a_service_page_shows_its_facts_too(editor_client, demo_dossier):
    privacy = StandardPage.objects.get(slug="privacyverklaring")
    box = edit_form(editor_client, privacy).select_one(BOX)
    assert [li.get_text(strip=True) for li in box.find_all("li")] == SERVICE_PAGE_FACTS["privacyverklaring"]


def test_residents_never_see_the_facts(client, demo_dossier):
    for page in [*DossierChapterPage.objects.live(), *StandardPage.objects.live()]:
        html = client.get(page.url).content.decode()
        assert "local-facts" not in html, page.url
        for fact in page.local_facts_list():
            assert fact not in html, (page.url, fact)


def test_a_page_without_facts_shows_no_box(editor_client, demo_dossier):
    chapter = DossierChapterPage.objects.get(slug=veelgestelde_vragen.SLUG)
    chapter.local_facts = ""
    chapter.save_revision().publish()

    assert edit_form(editor_client, chapter).select_one(BOX) is None


def test_every_demo_chapter_and_service_page_lists_facts_to_check(demo_dossier):
    # The chapters other helpers write (aanmelden, waardering) are theirs to fill; all others have facts.
    pages = [*DossierChapterPage.objects.exclude(slug__in=["aanmelden", "waardering-en-evaluatie"])]
    pages += [*StandardPage.objects.all()]
    assert pages
    assert [page.slug for page in pages if not page.local_facts_list()] == []
