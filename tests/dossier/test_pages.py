import pytest
from bs4 import BeautifulSoup

from tests.factories import DossierChapterPageFactory, DossierPageFactory, RoleFactory, heading, paragraph

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def dossier(home_page):
    return DossierPageFactory(parent=home_page, show_in_menus=True)


def roles_body(roles):
    return [
        heading("Wie doet wat"),
        {"type": "role_overview", "value": None},
        {"type": "roles", "value": {"title": "Alle rollen", "roles": [role.pk for role in roles]}},
    ]


def test_dossier_lists_its_live_chapters_in_order(client, dossier):
    first = DossierChapterPageFactory(parent=dossier, title="Wat is buurtpreventie")
    second = DossierChapterPageFactory(parent=dossier, title="Rollen")
    draft = DossierChapterPageFactory(parent=dossier, title="Nog niet klaar", live=False)

    page = soup(client.get(dossier.url))

    links = [a.get_text(strip=True) for a in page.select(".chapter-list__link")]
    assert links == [first.title, second.title]
    assert draft.title not in page.get_text()
    assert page.h1.get_text(strip=True) == dossier.title
    assert "Samen met gemeente en politie" in page.select_one(".summary").get_text()


def test_dossier_without_chapters_says_so(client, dossier):
    assert "nog geen hoofdstukken" in client.get(dossier.url).content.decode()


def test_chapter_has_contents_for_its_h2_headings_with_unique_anchors(client, dossier):
    chapter = DossierChapterPageFactory(
        parent=dossier,
        body=[
            heading("Wat doe je"),
            paragraph("<p>Een.</p>"),
            heading("Details", level="h3"),
            heading("Wat doe je"),
        ],
    )
    page = soup(client.get(chapter.url))

    toc = [(a["href"], a.get_text()) for a in page.select(".toc a")]
    assert toc == [("#wat-doe-je", "Wat doe je"), ("#wat-doe-je-2", "Wat doe je")]
    assert page.select_one("h2#wat-doe-je") and page.select_one("h2#wat-doe-je-2")
    assert page.select_one("h3").get_text() == "Details"


def test_chapter_links_to_previous_and_next_live_chapter(client, dossier):
    first = DossierChapterPageFactory(parent=dossier, title="Een")
    DossierChapterPageFactory(parent=dossier, title="Concept", live=False)
    middle = DossierChapterPageFactory(parent=dossier, title="Twee")
    last = DossierChapterPageFactory(parent=dossier, title="Drie")

    page = soup(client.get(middle.url))
    assert page.select_one("a[rel=prev]")["href"] == first.url
    assert page.select_one("a[rel=next]")["href"] == last.url

    first_page = soup(client.get(first.url))
    assert first_page.select_one("a[rel=prev]") is None
    assert first_page.select_one("a[rel=next]")["href"] == middle.url


def test_roles_block_and_overview_show_every_role(client, dossier):
    roles = [
        RoleFactory(name="Wijkagent", organisation="Politie", sort_order=1),
        RoleFactory(name="Coördinator", sort_order=2),
    ]
    chapter = DossierChapterPageFactory(parent=dossier, body=roles_body(roles))

    page = soup(client.get(chapter.url))

    overview = [a.get_text() for a in page.select(".role-overview tbody th a")]
    assert overview == ["Wijkagent", "Coördinator"]
    card = page.select_one("#rol-wijkagent")
    assert "Politie" in card.get_text()
    for section in ["Taken en verantwoordelijkheden", "Wat je van hen mag verwachten", "Wat zij van jou verwachten"]:
        assert section in card.get_text()
    assert page.select_one(".role-overview a")["href"] == "#rol-wijkagent"


def test_role_slug_is_made_from_its_name():
    assert RoleFactory(name="Beheerder app-groep").slug == "beheerder-app-groep"
