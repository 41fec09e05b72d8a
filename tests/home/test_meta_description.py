"""Every page has a meta description: its search description, else its intro, else the site's."""

import os

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page

from home.seo import MAX_LENGTH, shorten
from tests.browser.test_site import sitemap_paths
from tests.factories import (
    DossierChapterPageFactory,
    DossierPageFactory,
    InfoEveningIndexPageFactory,
    InfoEveningPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def meta_description(response):
    tags = BeautifulSoup(response.content.decode(), "html.parser").find_all("meta", attrs={"name": "description"})
    assert len(tags) == 1, "one meta description"
    return tags[0]["content"]


def test_every_page_of_the_demo_site_has_its_own_description(client, settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_content", stdout=devnull)
    paths = sitemap_paths(client)
    assert len(paths) >= 15
    descriptions = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        descriptions[path] = meta_description(response)
        page = Page.find_for_request(response.wsgi_request, path)
        # The demo content fills every page's search description, which comes first.
        assert page.search_description, f"the demo gives {path} no search description"
        assert descriptions[path] == page.search_description, path
        assert len(descriptions[path]) <= MAX_LENGTH, path
    # Each page says what it is about: no two pages share a description.
    assert len(set(descriptions.values())) == len(paths)


def test_without_a_search_description_the_intro_cut_between_words(client, home_page):
    intro = (
        "Op ronde gaan doe je nooit alleen. In dit hoofdstuk lees je hoe je samen met je team een ronde "
        "voorbereidt, wat je meeneemt, hoe je onderweg contact houdt en wat je doet als je iets ziet dat niet klopt."
    )
    dossier = DossierPageFactory(parent=home_page)
    chapter = DossierChapterPageFactory(parent=dossier, intro=intro, search_description="")

    description = meta_description(client.get(chapter.url))

    assert len(intro) > MAX_LENGTH
    assert description.endswith("…")
    assert len(description) <= MAX_LENGTH
    kept = description.removesuffix("…")
    assert intro.startswith(kept)
    assert intro[len(kept)] == " ", "cut between two words, not inside one"


def test_a_short_intro_whole_and_rich_text_as_plain_text(client, home_page):
    standard = StandardPageFactory(parent=home_page, intro="Wie wij zijn.", search_description="")
    index = InfoEveningIndexPageFactory(
        parent=home_page, intro="<p>Kom naar een <b>informatie</b>bijeenkomst &amp; meld je aan.</p>"
    )

    assert meta_description(client.get(standard.url)) == "Wie wij zijn."
    assert meta_description(client.get(index.url)) == "Kom naar een informatiebijeenkomst & meld je aan."


def test_the_search_description_comes_before_the_intro(client, home_page):
    standard = StandardPageFactory(parent=home_page, intro="De intro.", search_description="Voor zoekmachines.")

    assert meta_description(client.get(standard.url)) == "Voor zoekmachines."


def test_an_evening_without_a_search_description_says_when_and_where(client, home_page):
    index = InfoEveningIndexPageFactory(parent=home_page, intro="")
    evening = InfoEveningPageFactory(parent=index, search_description="", location_name="Buurthuis De Schakel")

    description = meta_description(client.get(evening.url))

    assert description.startswith("Informatiebijeenkomst over buurtpreventie op ")
    assert evening.when_text() in description and "Buurthuis De Schakel" in description
    assert len(description) <= MAX_LENGTH


def test_a_page_with_neither_and_pages_that_are_no_page_describe_the_site(client, home_page):
    index = InfoEveningIndexPageFactory(parent=home_page, intro="")

    for response in [client.get("/bestaat-niet/"), client.get(index.url)]:
        description = meta_description(response)
        assert description.startswith("Buurtpreventie in Gemeente Voorbeeld:"), response.wsgi_request.path
        assert len(description) <= MAX_LENGTH

    search = meta_description(client.get("/zoeken/?q=buurt"))
    assert search.startswith("Zoek in alles wat de website van Buurtpreventie Gemeente Voorbeeld vertelt")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kort.", "Kort."),
        ("woord " * 40, ("woord " * 25).strip() + "…"),
        ("x" * 200, "x" * (MAX_LENGTH - 1) + "…"),  # one endless word is cut anyway
        ("a" * 152 + ", en verder", "a" * 152 + "…"),  # no comma before the ellipsis
    ],
)
def test_shorten(text, expected):
    assert shorten(text) == expected
    assert len(shorten(text)) <= MAX_LENGTH
