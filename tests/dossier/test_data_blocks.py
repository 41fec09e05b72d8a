"""The dossier's data blocks: the registration page and next information evening, and the coming
interim evaluations, read from aanmelding's data (through its hooks) when the chapter is shown."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aanmelding.models import InfoEveningPage
from dossier.models import DossierChapterPage
from home.page_cache import content_changed
from tests.factories import (
    DossierChapterPageFactory,
    DossierPageFactory,
    EveningSignupFactory,
    InfoEveningIndexPageFactory,
    InfoEveningPageFactory,
    RegistrationPageFactory,
    RegistrationRoundFactory,
    StandardPageFactory,
    heading,
)
from tests.test_page_queries import MAX_QUERIES

pytestmark = pytest.mark.django_db
EVALUATION = InfoEveningPage.Kind.EVALUATION


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def registration_links(title=""):
    return {"type": "registration_links", "value": {"title": title}}


def evaluation_meetings(form_page=None, link_text="Vul het formulier tussenevaluatie in"):
    return {
        "type": "evaluation_meetings",
        "value": {
            "title": "Komende tussenevaluaties",
            "form_page": form_page.pk if form_page else None,
            "form_link_text": link_text,
        },
    }


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(timezone.now(), tick=False)


@pytest.fixture
def dossier(home_page):
    return DossierPageFactory(parent=home_page)


@pytest.fixture
def index(home_page):
    return InfoEveningIndexPageFactory(parent=home_page)


def chapter_with(dossier, *blocks, title="Zo meld je je aan"):
    return DossierChapterPageFactory(parent=dossier, title=title, body=[heading("Aanmelden"), *blocks])


def block(page, selector=".data-links"):
    return page.select_one(f"main {selector}")


def evening(index, days, **fields):
    starts_at = timezone.now() + timedelta(days=days)
    return InfoEveningPageFactory(parent=index, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2), **fields)


def test_the_chapter_links_the_live_registration_page_and_the_next_information_evening(
    client, home_page, dossier, index, frozen
):
    registration = RegistrationPageFactory(parent=home_page)
    round_ = RegistrationRoundFactory(title="Voorjaar")
    later = evening(index, 20, round=round_, title="Avond later")
    first = evening(index, 10, round=round_, title="Avond eerst", capacity=5)
    EveningSignupFactory(evening=first, persons=2)
    evening(index, 5, kind=EVALUATION, round=None, title="Evaluatie eerder")  # not an information evening
    chapter = chapter_with(dossier, registration_links())

    links = block(soup(client.get(chapter.url)))
    text = links.get_text(" ", strip=True)
    assert links.find("a", href=registration.url).get_text(strip=True) == "Naar het aanmeldformulier"
    assert "Aanmelden kan nu" in text and round_.closes_in_words() in text
    assert links.find("a", href=first.url).get_text(strip=True) == "Avond eerst"
    assert first.when_text() in text and first.where_text() in text
    assert "nog 3 plaatsen vrij" in text
    assert not links.find("a", href=later.url) and "Evaluatie eerder" not in text


def test_a_full_evening_offers_the_waitlist_and_a_closed_round_says_when_the_next_opens(
    client, home_page, dossier, index, frozen
):
    RegistrationPageFactory(parent=home_page)
    next_round = RegistrationRoundFactory(opens_at=timezone.now() + timedelta(days=30))
    full = evening(index, 40, round=next_round, capacity=1)
    EveningSignupFactory(evening=full)
    chapter = chapter_with(dossier, registration_links("Meld je aan"))

    links = block(soup(client.get(chapter.url)))
    text = links.get_text(" ", strip=True)
    assert links.h3.get_text() == "Meld je aan"
    assert f"Het volgende aanmeldmoment begint op {next_round.opens_in_words()}" in text
    assert "Naar de aanmeldpagina" in text
    assert "vol: je kunt je op de wachtlijst zetten" in text


def test_without_page_round_or_evening_the_block_says_so(client, dossier, frozen):
    chapter = chapter_with(dossier, registration_links())
    text = block(soup(client.get(chapter.url))).get_text(" ", strip=True)
    assert "Aanmelden via de website kan op dit moment niet" in text
    assert "nog geen informatiebijeenkomst gepland" in text


def test_the_link_moves_on_when_the_evening_passes_also_through_the_page_cache(
    client, home_page, dossier, index, settings, time_machine
):
    settings.PAGE_CACHE_ENABLED = True
    time_machine.move_to(timezone.now(), tick=False)
    RegistrationPageFactory(parent=home_page)
    round_ = RegistrationRoundFactory()
    soon = timezone.now() + timedelta(minutes=30)
    # Sign-up closes in half a minute: after that the next evening is the one to go to.
    first = InfoEveningPageFactory(
        parent=index,
        round=round_,
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
        signup_deadline=timezone.now() + timedelta(seconds=30),
    )
    second = evening(index, 7, round=round_)
    chapter = chapter_with(dossier, registration_links())
    assert chapter.page_cache_timeout == DossierChapterPage.DATA_CACHE_TIMEOUT <= 60

    assert block(soup(client.get(chapter.url))).find("a", href=first.url)
    assert client.get(chapter.url)["X-Page-Cache"] == "hit"

    time_machine.move_to(timezone.now() + timedelta(seconds=DossierChapterPage.DATA_CACHE_TIMEOUT + 1), tick=False)
    response = client.get(chapter.url)
    assert response["X-Page-Cache"] == "miss"
    links = block(soup(response))
    assert links.find("a", href=second.url) and not links.find("a", href=first.url)


def test_a_new_evening_shows_at_once_through_the_page_cache(client, home_page, dossier, index, settings):
    settings.PAGE_CACHE_ENABLED = True
    RegistrationPageFactory(parent=home_page)
    round_ = RegistrationRoundFactory()
    chapter = chapter_with(dossier, registration_links())
    assert "nog geen informatiebijeenkomst" in block(soup(client.get(chapter.url))).get_text(" ", strip=True)
    assert client.get(chapter.url)["X-Page-Cache"] == "hit"

    published = evening(index, 10, round=round_, title="Nieuwe avond")  # saving a page empties the cache
    assert block(soup(client.get(chapter.url))).find("a", href=published.url)


def test_a_chapter_without_data_blocks_keeps_the_long_cache(dossier):
    assert DossierChapterPageFactory(parent=dossier).page_cache_timeout == 24 * 60 * 60


def test_the_evaluations_block_lists_coming_evaluations_only_with_the_form(client, home_page, dossier, index, frozen):
    form = StandardPageFactory(parent=home_page, title="Formulier tussenevaluatie")
    later = evening(index, 60, kind=EVALUATION, round=None, title="Evaluatie zomer")
    first = evening(index, 20, kind=EVALUATION, round=None, title="Evaluatie winter", capacity=2)
    EveningSignupFactory(evening=first, persons=2)
    past = evening(index, -3, kind=EVALUATION, round=None, title="Evaluatie voorbij")
    information = evening(index, 10, title="Informatieavond")
    chapter = chapter_with(dossier, evaluation_meetings(form, "Naar het formulier"), title="Evaluatie")

    meetings = block(soup(client.get(chapter.url)))
    items = meetings.select("li")
    assert [item.a.get_text() for item in items] == ["Evaluatie winter", "Evaluatie zomer"]
    assert items[0].a["href"] == first.url and items[1].a["href"] == later.url
    assert "Vol: je kunt je op de wachtlijst zetten." in items[0].get_text(" ", strip=True)
    assert later.when_text() in items[1].get_text(" ", strip=True)
    assert not meetings.find("a", href=past.url) and not meetings.find("a", href=information.url)
    assert meetings.find("a", href=form.url).get_text() == "Naar het formulier"


def test_without_evaluations_or_form_the_block_says_so(client, dossier, index, frozen):
    evening(index, 10, title="Alleen een informatieavond")
    chapter = chapter_with(dossier, evaluation_meetings(), title="Evaluatie")
    meetings = block(soup(client.get(chapter.url)))
    assert "geen tussenevaluatie gepland" in meetings.get_text(" ", strip=True)
    assert not meetings.select("li") and not meetings.find("a")


def test_the_blocks_cost_the_same_queries_however_many_evenings(client, home_page, dossier, index):
    RegistrationPageFactory(parent=home_page)
    round_ = RegistrationRoundFactory()
    chapter = chapter_with(dossier, registration_links(), evaluation_meetings())

    def count():
        client.get(chapter.url)  # warms Wagtail's site root paths, as on a running site
        content_changed()  # a fresh render, as after any change (see tests/test_page_queries.py)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(chapter.url)
        assert response.status_code == 200
        return len(queries), len(block(soup(response), ".data-links .evening-list").select("li"))

    evening(index, 10, round=round_)
    evening(index, 12, kind=EVALUATION, round=None)
    few, shown = count()
    for day in range(13, 19):
        evening(index, day, round=round_)
        evening(index, day, kind=EVALUATION, round=None)
    many, shown_many = count()
    assert (shown, shown_many) == (1, 7)
    assert many == few <= MAX_QUERIES
