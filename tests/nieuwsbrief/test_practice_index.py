"""The overview of practice examples: newest first, filtered by theme and wijk with plain links, a page at a time."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.page_cache import content_changed

from .practice_support import (
    PracticeExampleIndexPageFactory,
    PracticeExamplePageFactory,
    ShareExamplePageFactory,
    ThemeFactory,
    make_image,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 16


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def index(home_page):
    return PracticeExampleIndexPageFactory(parent=home_page)


@pytest.fixture
def themes(db):
    return {
        "licht": ThemeFactory(name="Verlichting", slug="verlichting", sort_order=1),
        "inbraak": ThemeFactory(name="Inbraakpreventie", slug="inbraakpreventie", sort_order=2),
        "jongeren": ThemeFactory(name="Jongeren", slug="jongeren", sort_order=3),
    }


def titles(response):
    return re.findall(r'class="example-card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


def test_examples_are_listed_newest_first_and_drafts_stay_out(client, index):
    PracticeExamplePageFactory(parent=index, title="Oud", date=date(2025, 3, 1))
    PracticeExamplePageFactory(parent=index, title="Nieuw", date=date(2026, 5, 1))
    PracticeExamplePageFactory(parent=index, title="Concept", date=date(2026, 6, 1), live=False)

    response = client.get(index.url)

    assert titles(response) == ["Nieuw", "Oud"]


def test_filter_by_theme_and_wijk_combined(client, index, themes):
    PracticeExamplePageFactory(parent=index, title="Lantaarns Noord", wijk="Noorderpark", themes=[themes["licht"]])
    PracticeExamplePageFactory(parent=index, title="Lantaarns Zuid", wijk="Zuiderhaven", themes=[themes["licht"]])
    PracticeExamplePageFactory(parent=index, title="Deuren Noord", wijk="Noorderpark", themes=[themes["inbraak"]])

    assert sorted(titles(client.get(index.url + "?thema=verlichting"))) == ["Lantaarns Noord", "Lantaarns Zuid"]
    assert sorted(titles(client.get(index.url + "?wijk=Noorderpark"))) == ["Deuren Noord", "Lantaarns Noord"]
    both = client.get(index.url + "?thema=verlichting&wijk=Noorderpark")
    assert titles(both) == ["Lantaarns Noord"]


def test_the_filters_are_plain_links_that_mark_the_active_one_and_keep_the_other(client, index, themes):
    PracticeExamplePageFactory(parent=index, wijk="Noorderpark", themes=[themes["licht"]])
    PracticeExamplePageFactory(parent=index, wijk="Zuiderhaven", themes=[themes["inbraak"]])

    html = client.get(index.url + "?thema=verlichting&wijk=Noorderpark").content.decode()

    assert '<a href="?thema=verlichting&amp;wijk=Noorderpark" aria-current="true">Verlichting</a>' in html
    assert '<a href="?thema=verlichting&amp;wijk=Noorderpark" aria-current="true">Noorderpark</a>' in html
    # Choosing another theme keeps the wijk; 'alle' clears only its own filter.
    assert '<a href="?thema=inbraakpreventie&amp;wijk=Noorderpark">Inbraakpreventie</a>' in html
    assert '<a href="?wijk=Noorderpark">Alle thema\'s</a>' in html
    assert '<a href="?thema=verlichting">Alle wijken</a>' in html
    assert html.count('aria-current="true"') == 2
    assert "<script" not in html.split('id="inhoud"')[1].split("</main>")[0]


def test_the_wijk_filter_offers_the_wijken_of_live_examples_only(client, index):
    PracticeExamplePageFactory(parent=index, wijk="Zuiderhaven")
    PracticeExamplePageFactory(parent=index, wijk="Noorderpark")
    PracticeExamplePageFactory(parent=index, wijk="Noorderpark")
    PracticeExamplePageFactory(parent=index, wijk="Westwijk", live=False)

    html = client.get(index.url).content.decode()

    assert re.findall(r'<a href="\?wijk=([^"]*)"', html) == ["Noorderpark", "Zuiderhaven"]


def test_an_unknown_theme_or_wijk_is_not_found(client, index, themes):
    PracticeExamplePageFactory(parent=index, wijk="Noorderpark")

    assert client.get(index.url + "?thema=bestaat-niet").status_code == 404
    assert client.get(index.url + "?wijk=Atlantis").status_code == 404


def test_empty_states(client, index, themes):
    assert "Er staan nog geen praktijkvoorbeelden op de website." in client.get(index.url).content.decode()

    PracticeExamplePageFactory(parent=index, themes=[themes["licht"]])
    html = client.get(index.url + "?thema=jongeren").content.decode()
    assert "Er zijn (nog) geen praktijkvoorbeelden over dit thema." in html
    assert f'<a href="{index.url}">Bekijk alle praktijkvoorbeelden</a>' in html


def test_ten_a_page_with_pagination_that_keeps_the_filter(client, index, themes):
    for number in range(12):
        PracticeExamplePageFactory(parent=index, title=f"Licht {number:02}", themes=[themes["licht"]])
    PracticeExamplePageFactory(parent=index, title="Anders", themes=[themes["inbraak"]])

    first = client.get(index.url + "?thema=verlichting")
    second = client.get(index.url + "?thema=verlichting&pagina=2")

    assert len(titles(first)) == 10 and len(titles(second)) == 2
    assert set(titles(first)) | set(titles(second)) == {f"Licht {number:02}" for number in range(12)}
    assert 'href="?thema=verlichting&amp;pagina=2" rel="next"' in first.content.decode()
    assert "12 praktijkvoorbeelden over verlichting" in first.content.decode()


def test_a_card_shows_summary_team_wijk_date_and_the_photo_with_its_alt_text(client, index):
    photo = make_image()
    PracticeExamplePageFactory(
        parent=index,
        title="Zaklamprondje",
        summary="We liepen met een zaklamp langs open deuren.",
        team_name="Team Lindenlaan",
        wijk="Noorderpark",
        date=date(2026, 3, 14),
        photo=photo,
        photo_alt="Twee buurtpreventen met een zaklamp bij een tuinhek",
    )

    html = client.get(index.url).content.decode()

    assert "We liepen met een zaklamp langs open deuren." in html
    assert "Team Lindenlaan, wijk Noorderpark" in html
    assert '<time datetime="2026-03-14">14 maart 2026</time>' in html
    assert 'alt="Twee buurtpreventen met een zaklamp bij een tuinhek"' in html


def test_the_overview_links_the_share_form(client, index, home_page):
    share = ShareExamplePageFactory(parent=home_page)

    assert f'href="{share.url}"' in client.get(index.url).content.decode()


def queries(client, url):
    client.get(url)  # warms the site root paths and makes the photos' renditions
    content_changed()
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    return len(first), len(again)


def add_examples(index, themes, count):
    for number in range(count):
        PracticeExamplePageFactory(
            parent=index,
            wijk=f"Wijk {number % 3}",
            photo=make_image(title=f"Foto {number}"),
            photo_alt="Een straat in de avond",
            themes=[themes["licht"], themes["inbraak"]],
        )


def test_the_number_of_queries_does_not_grow_with_the_examples(client, index, themes):
    add_examples(index, themes, 2)
    urls = [index.url, index.url + "?thema=verlichting", index.url + "?thema=verlichting&wijk=Wijk+1"]
    example = index.get_children().live().first().specific
    urls.append(example.url)
    before = [queries(client, url) for url in urls]

    add_examples(index, themes, 6)
    after = [queries(client, url) for url in urls]

    assert after == before
    # A filtered list is rendered fresh, route included (see PracticeExampleIndexPage.serve): a few more.
    assert max(first for first, _ in after) <= MAX_QUERIES, after


def test_a_filtered_list_is_never_served_from_the_cached_body_of_the_plain_one(client, index, themes, settings):
    settings.PAGE_CACHE_ENABLED = True
    PracticeExamplePageFactory(parent=index, title="Licht", themes=[themes["licht"]])
    PracticeExamplePageFactory(parent=index, title="Deuren", themes=[themes["inbraak"]])
    client.get("/admin/login/")  # a session cookie: the fragment cache, not the whole-page cache, answers
    client.cookies["sessionid"] = "x"

    assert sorted(titles(client.get(index.url))) == ["Deuren", "Licht"]
    assert titles(client.get(index.url + "?thema=verlichting")) == ["Licht"]


def test_an_example_without_a_search_description_is_described_by_its_summary(client, index):
    example = PracticeExamplePageFactory(parent=index, summary="Met een zaklamp langs de schuren in de avond.")

    html = client.get(example.url).content.decode()

    assert '<meta name="description" content="Met een zaklamp langs de schuren in de avond.">' in html
