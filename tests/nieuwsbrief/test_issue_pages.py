"""The archive of newsletter issues and an issue's web version, with all its section types."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.blocks import StructBlockValidationError

from home.models import MunicipalitySettings
from home.page_cache import content_changed
from nieuwsbrief.blocks import CallToActionBlock
from nieuwsbrief.models import NewsletterIssuePage
from tests.factories import InfoEveningIndexPageFactory, InfoEveningPageFactory, StandardPageFactory
from tests.test_page_queries import MAX_QUERIES

from .issue_support import (
    agenda_section,
    cta_section,
    examples_section,
    make_archive,
    make_examples,
    make_issue,
    text_section,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".issue-list__title a")]


@pytest.fixture
def archive(home_page):
    return make_archive(home_page)


# --- the archive -----------------------------------------------------------------------------


def test_archive_lists_live_issues_newest_first_ten_a_page(client, archive):
    start = timezone.now() - timedelta(days=400)
    for n in range(12):
        make_issue(archive, f"Nummer {n}", published_at=start + timedelta(days=30 * n))
    make_issue(archive, "Concept", live=False)

    first = client.get(archive.url)
    assert listed_titles(first) == [f"Nummer {n}" for n in range(11, 1, -1)]
    assert "Pagina 1 van 2" in first.content.decode()
    second = client.get(archive.url, {"pagina": 2})
    assert listed_titles(second) == ["Nummer 1", "Nummer 0"]
    assert "Concept" not in first.content.decode() + second.content.decode()


def test_a_later_archive_page_is_not_the_cached_first_one(client, archive, settings):
    settings.PAGE_CACHE_ENABLED = True
    start = timezone.now() - timedelta(days=400)
    for n in range(11):
        make_issue(archive, f"Nummer {n}", published_at=start + timedelta(days=30 * n))
    assert client.get(archive.url)["X-Page-Cache"] == "miss"
    assert client.get(archive.url)["X-Page-Cache"] == "hit"
    assert listed_titles(client.get(archive.url, {"pagina": 2})) == ["Nummer 0"]


def test_archive_without_issues_says_so(client, archive):
    page = soup(client.get(archive.url))
    assert not page.select(".issue-list")
    assert "Er zijn nog geen nieuwsbrieven verschenen." in page.get_text()


def test_archive_links_its_feed_visibly_and_in_the_head(client, archive):
    page = soup(client.get(archive.url))
    alternate = page.head.find("link", rel="alternate", type="application/atom+xml")
    assert alternate["href"] == "/nieuwsbrieven/feed/"
    visible = page.main.find("a", href="/nieuwsbrieven/feed/")
    assert "feedlezer" in visible.get_text()


# --- an issue --------------------------------------------------------------------------------


def test_issue_page_renders_every_section_type(client, archive, home_page):
    examples = make_examples(home_page, 2)
    share = StandardPageFactory(parent=home_page, title="Deel je voorbeeld", slug="deel")
    index = InfoEveningIndexPageFactory(parent=home_page)
    evening = InfoEveningPageFactory(parent=index, title="Bijeenkomst Noord")
    issue = make_issue(
        archive,
        "Nieuwsbrief maart",
        intro="Welkom bij de nieuwsbrief.",
        sections=[
            examples_section(examples, heading="Uit de teams"),
            text_section("<p>Een <b>nieuw</b> seizoen.</p>", heading="Nieuws"),
            cta_section(page=share, heading="Deel jouw ervaring", button_label="Deel je voorbeeld"),
            cta_section(url="https://example.org/meer", heading="Lees verder", button_label="Naar de site"),
            agenda_section(heading="Agenda", text="Zet het in je agenda."),
        ],
    )
    page = soup(client.get(issue.url))
    main = page.main
    assert main.h1.get_text() == "Nieuwsbrief maart"
    assert main.find("time")["datetime"] == timezone.localtime(issue.first_published_at).strftime("%Y-%m-%d")
    assert "Welkom bij de nieuwsbrief." in main.get_text()
    assert [h2.get_text(strip=True) for h2 in main.select("section > h2")] == [
        "Uit de teams",
        "Nieuws",
        "Deel jouw ervaring",
        "Lees verder",
        "Agenda",
    ]
    cards = main.select(".example-card")
    assert [card.h3.a["href"] for card in cards] == [example.url for example in examples]
    assert "Samenvatting van voorbeeld 0." in cards[0].get_text()
    assert main.find("b", string="nieuw")
    assert main.find("a", class_="button", string="Deel je voorbeeld")["href"] == share.url
    assert main.find("a", class_="button", string="Naar de site")["href"] == "https://example.org/meer"
    agenda = main.select_one(".newsletter-section--agenda")
    assert "Zet het in je agenda." in agenda.get_text()
    assert agenda.find("a", string="Bijeenkomst Noord")["href"] == evening.get_full_url()
    assert main.find("a", string="Alle nieuwsbrieven")["href"] == archive.url


def test_examples_taken_offline_are_left_out(client, archive, home_page):
    shown, hidden = make_examples(home_page, 2)
    hidden.unpublish()
    issue = make_issue(archive, "Nummer 1", sections=[examples_section([shown, hidden])])
    cards = soup(client.get(issue.url)).select(".example-card")
    assert [card.h3.get_text(strip=True) for card in cards] == [shown.title]


def test_cards_cost_the_same_queries_however_many_examples(client, archive, home_page):
    def queries_for(count, title):
        issue = make_issue(archive, title, sections=[examples_section(make_examples(home_page, count))])
        client.get(issue.url)  # warms Wagtail's site root paths, as on a running site
        content_changed()  # then a fresh render, as after any change (see tests/test_page_queries.py)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(issue.url)
        assert len(soup(response).select(".example-card")) == count
        return len(queries)

    # Within the site's limit: the cards cost one query, the subscribe link is remembered (SubscribePage.live_page).
    assert queries_for(1, "Een") == queries_for(8, "Acht") <= MAX_QUERIES


def test_call_to_action_needs_exactly_one_of_page_and_address(home_page):
    block = CallToActionBlock()
    base = {"heading": "Doe mee", "text": "", "button_label": "Ja"}
    with pytest.raises(StructBlockValidationError) as neither:
        block.clean(block.to_python({**base, "page": None, "url": ""}))
    assert set(neither.value.block_errors) == {"page", "url"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**base, "page": home_page.pk, "url": "https://example.org/"}))
    assert block.clean(block.to_python({**base, "page": home_page.pk, "url": ""}))["page"].pk == home_page.pk
    assert block.clean(block.to_python({**base, "page": None, "url": "https://example.org/"}))["url"]


def test_an_issue_with_an_agenda_is_cached_for_minutes_only(archive):
    with_agenda = make_issue(archive, "Met agenda", sections=[text_section(), agenda_section()])
    without = make_issue(archive, "Zonder", sections=[text_section()])
    assert with_agenda.page_cache_timeout == NewsletterIssuePage.AGENDA_CACHE_TIMEOUT <= 5 * 60
    assert without.page_cache_timeout == 24 * 60 * 60


def test_the_cached_agenda_drops_an_evening_within_minutes_of_its_end(
    client, archive, home_page, settings, time_machine
):
    settings.PAGE_CACHE_ENABLED = True
    time_machine.move_to(timezone.now(), tick=False)
    index = InfoEveningIndexPageFactory(parent=home_page)
    starts_at = timezone.now() - timedelta(hours=1)
    InfoEveningPageFactory(
        parent=index,
        title="Bijna voorbij",
        starts_at=starts_at,
        ends_at=timezone.now() + timedelta(minutes=1),
        signup_deadline=starts_at - timedelta(days=1),
    )
    issue = make_issue(archive, "Met agenda", sections=[agenda_section()])
    assert "Bijna voorbij" in client.get(issue.url).content.decode()
    assert client.get(issue.url)["X-Page-Cache"] == "hit"

    time_machine.move_to(timezone.now() + timedelta(seconds=NewsletterIssuePage.AGENDA_CACHE_TIMEOUT + 1), tick=False)
    response = client.get(issue.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Bijna voorbij" not in response.content.decode()


def test_archive_costs_the_same_queries_however_many_issues(client, archive):
    def queries_with(count):
        for n in range(count):
            make_issue(archive, f"Nummer {archive.get_children().count()}-{n}")
        client.get(archive.url)
        content_changed()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(archive.url)
        assert len(soup(response).select(".issue-list__item")) == min(archive.issues().count(), 10)
        return len(queries)

    assert queries_with(1) == queries_with(9) <= MAX_QUERIES


def test_the_footer_links_the_archive_chosen_in_the_settings(client, archive, home_page):
    municipality = MunicipalitySettings.for_site(home_page.get_site())
    assert not soup(client.get(home_page.url)).footer.find("a", href=archive.url)
    municipality.newsletter_page = archive
    municipality.save()
    assert soup(client.get(home_page.url)).footer.find("a", href=archive.url).get_text() == "Nieuwsbrieven"
    archive.unpublish()
    assert not soup(client.get(home_page.url)).footer.find("a", href=archive.url)


def test_in_the_mail_the_cards_link_with_full_addresses(archive, home_page):
    examples = make_examples(home_page, 2)
    issue = make_issue(archive, "Nummer 1", sections=[examples_section(examples)])
    html = issue.sections[0].render(context={"page": issue, "for_mail": True})
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").select(".example-card a")]
    assert links == [example.full_url for example in examples]
    assert all(link.startswith("http://localhost/") for link in links)
