"""The admin lists a dossier's chapters in reading order, as the site does, not the last edited first."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import DossierChapterPageFactory, DossierPageFactory


@pytest.fixture
def dossier(home_page):
    return DossierPageFactory(parent=home_page)


def test_the_page_explorer_lists_the_chapters_in_reading_order(admin_client, dossier):
    titles = ["Wat is buurtpreventie", "Rollen", "Aanmelden"]
    chapters = [DossierChapterPageFactory(parent=dossier, title=title) for title in titles]
    for chapter in [*chapters, chapters[0]]:  # the first edited last: Wagtail's default would list 1, 3, 2
        chapter.save_revision().publish()

    page = BeautifulSoup(admin_client.get(f"/admin/pages/{dossier.pk}/").content, "html.parser")
    listed = [
        link.get_text(" ", strip=True)
        for link in page.select("table.listing a[href]")
        if link.get_text(" ", strip=True) in titles
    ]
    assert listed == titles
