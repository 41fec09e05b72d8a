"""The published feedback pages: figures, charts, tables, highlights, the admin form's rules, query counts."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.page_cache import content_changed
from terugkoppeling.models import FeedbackHighlight, FeedbackPage, PatrolReport, Signal
from tests.factories import (
    FeedbackIndexPageFactory,
    FeedbackPageFactory,
    PatrolReportFactory,
    SignalFactory,
    TeamFactory,
)
from tests.test_page_queries import MAX_QUERIES

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)  # "k3" 2026, the factory's period


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def figure(page, term):
    """The key figure under ``term`` (its <dd>), as text."""
    for item in page.select(".key-figures__item"):
        if item.dt.get_text(strip=True) == term:
            return item.dd.get_text(" ", strip=True)
    raise AssertionError(f"no key figure {term!r}")


@pytest.fixture
def index(home_page):
    return FeedbackIndexPageFactory(parent=home_page)


@pytest.fixture
def feedback(index):
    return FeedbackPageFactory(parent=index, title="Wat we deden in de zomer", year=2026, period="k3")


# --- the page --------------------------------------------------------------------------------


def test_page_shows_the_figures_of_its_period(client, feedback):
    team = TeamFactory()
    PatrolReportFactory(team=team, walked_on=START)
    PatrolReportFactory(team=team, walked_on=END)
    PatrolReportFactory(walked_on=END + datetime.timedelta(days=1))  # the next quarter: not counted
    SignalFactory(reported_on=START, category=Signal.Category.PAVING, status=Signal.Status.SOLVED, days_to_solution=6)
    SignalFactory(reported_on=END, category=Signal.Category.PAVING)
    page = soup(client.get(feedback.url))
    assert figure(page, "Rondes gelopen") == "2"
    assert figure(page, "Actieve teams") == "1"
    assert figure(page, "Meldingen") == "2"
    assert figure(page, "Opgelost") == "50% (1 van de 2)"
    assert figure(page, "Dagen tot een oplossing").startswith("6")
    assert "De meeste meldingen gingen over bestrating: 2 van de 2." in page.get_text()


def test_without_signals_the_share_solved_is_not_yet_known(client, feedback):
    page = soup(client.get(feedback.url))
    assert figure(page, "Opgelost") == "nog niet te zeggen"
    assert figure(page, "Dagen tot een oplossing") == "nog niet te zeggen"


def test_charts_are_inline_svg_with_a_name_a_table_and_a_summary(client, feedback):
    SignalFactory(reported_on=datetime.date(2026, 8, 3), category=Signal.Category.LITTER)
    PatrolReportFactory(walked_on=datetime.date(2026, 8, 3))
    page = soup(client.get(feedback.url))
    charts = page.select("svg.chart")
    assert len(charts) == 2
    for chart in charts:
        assert chart["role"] == "img"
        title_id, desc_id = chart["aria-labelledby"].split()
        assert chart.find("title", id=title_id).get_text() and chart.find("desc", id=desc_id).get_text()
        assert chart.select("rect.chart__bar")
    category_chart, month_chart = charts
    assert "1 melding" in category_chart.get_text()
    assert [text.get_text() for text in month_chart.select(".chart__label")] == ["juli", "augustus", "september"]
    tables = page.select("table.figures-table")
    assert [table.caption.get_text(strip=True) for table in tables] == [
        "Meldingen per soort, 3e kwartaal 2026",
        "Rondes en meldingen per maand, 3e kwartaal 2026",
    ]
    assert all(th["scope"] in ("col", "row") for table in tables for th in table.select("th"))
    assert [td.get_text() for td in tables[1].select("tbody tr")[1].select("td")] == ["1", "1"]
    assert "De teams liepen de meeste rondes in augustus (1); de meeste meldingen kwamen in augustus (1)." in (
        page.get_text()
    )
    assert not page.select("script")


def test_highlights_show_category_street_month_status_and_text_but_no_house_number(client, feedback):
    signal = SignalFactory(
        reported_on=datetime.date(2026, 8, 20),
        category=Signal.Category.LIGHTING,
        street="Zwanenbloemstraat",
        house_number="12",
        status=Signal.Status.SOLVED,
        days_to_solution=3,
    )
    other = SignalFactory(reported_on=datetime.date(2026, 9, 1), street="Kievitlaan", house_number="987b")
    FeedbackHighlight.objects.create(page=feedback, signal=signal, public_text="De lamp is binnen een week vervangen.")
    FeedbackHighlight.objects.create(page=feedback, signal=other, public_text="Dit pakken we nog op.")
    response = client.get(feedback.url)
    html = response.content.decode()
    highlights = soup(response).select(".highlight")
    assert [h.h3.get_text(strip=True) for h in highlights] == [
        "Verlichting: Zwanenbloemstraat",
        "Verlichting: Kievitlaan",
    ]
    assert "augustus 2026" in highlights[0].get_text() and "Opgelost" in highlights[0].get_text()
    assert "De lamp is binnen een week vervangen." in highlights[0].get_text()
    assert "987b" not in html
    assert "Zwanenbloemstraat 12" not in html and "Zwanenbloemstraat, 12" not in html
    assert "Zwanenbloemstraat" in html
    assert signal.description not in html  # the team's own description stays with the handlers


def test_page_shows_new_figures_after_a_new_report_and_a_status_change(client, feedback, settings):
    settings.PAGE_CACHE_ENABLED = True
    signal = SignalFactory(report__walked_on=START)
    first = client.get(feedback.url)
    assert first["X-Page-Cache"] == "miss"
    assert client.get(feedback.url)["X-Page-Cache"] == "hit"
    assert figure(soup(first), "Rondes gelopen") == "1"

    PatrolReportFactory(walked_on=START + datetime.timedelta(days=5))
    assert figure(soup(client.get(feedback.url)), "Rondes gelopen") == "2"

    signal.change_status(Signal.Status.SOLVED, response="Opgelost door de gemeente.")
    assert figure(soup(client.get(feedback.url)), "Opgelost").startswith("100%")


def test_the_page_cache_off_also_shows_new_figures_at_once(client, feedback):
    assert figure(soup(client.get(feedback.url)), "Rondes gelopen") == "0"
    PatrolReportFactory(walked_on=START)
    assert figure(soup(client.get(feedback.url)), "Rondes gelopen") == "1"


def make_reports(count):
    """``count`` reports over the period (bulk: no signals fire), each with a signal, as a busy quarter."""
    team = TeamFactory()
    days = (END - START).days + 1
    reports = PatrolReport.objects.bulk_create(
        PatrolReportFactory.build(team=team, walked_on=START + datetime.timedelta(days=n % days)) for n in range(count)
    )
    Signal.objects.bulk_create(
        SignalFactory.build(report=report, reported_on=report.walked_on, category=Signal.Category.values[n % 5])
        for n, report in enumerate(reports)
    )
    content_changed()


def test_query_count_does_not_grow_with_the_number_of_reports(client, feedback):
    def queries_with(count):
        PatrolReport.objects.all().delete()
        make_reports(count)
        client.get(feedback.url)  # warms Wagtail's site root paths, as on a running site
        content_changed()  # then a fresh render, figures and all
        with CaptureQueriesContext(connection) as queries:
            response = client.get(feedback.url)
        assert figure(soup(response), "Rondes gelopen") == str(count)
        return len(queries)

    assert queries_with(10) == queries_with(200) <= MAX_QUERIES


def test_query_count_does_not_grow_with_the_number_of_highlights(client, feedback):
    def queries_with(count):
        feedback.highlights.all().delete()
        for n in range(count):
            signal = SignalFactory(report__walked_on=START, street=f"Straat {n}")
            FeedbackHighlight.objects.create(page=feedback, signal=signal, public_text=f"Opgepakt {n}.")
        client.get(feedback.url)
        content_changed()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(feedback.url)
        assert len(soup(response).select(".highlight")) == count
        return len(queries)

    assert queries_with(1) == queries_with(6) <= MAX_QUERIES


# --- the index -------------------------------------------------------------------------------


def test_index_lists_live_feedback_pages_newest_period_first_with_rounds(client, index):
    FeedbackPageFactory(parent=index, title="Zomer", year=2026, period="k3")
    FeedbackPageFactory(parent=index, title="Oktober", year=2026, period="m10")
    FeedbackPageFactory(parent=index, title="Voorjaar", year=2026, period="k2")
    FeedbackPageFactory(parent=index, title="Concept", year=2026, period="k4", live=False)
    PatrolReportFactory(walked_on=datetime.date(2026, 10, 3))
    PatrolReportFactory(walked_on=datetime.date(2026, 10, 4))
    PatrolReportFactory(walked_on=datetime.date(2026, 8, 4))
    page = soup(client.get(index.url))
    cards = page.select(".feedback-card")
    assert [card.h2.get_text(strip=True) for card in cards] == ["Oktober", "Zomer", "Voorjaar"]
    assert [card.select_one(".feedback-card__figure").get_text(" ", strip=True) for card in cards] == [
        "2 rondes gelopen",
        "1 ronde gelopen",
        "0 rondes gelopen",
    ]
    assert cards[0].select_one(".feedback-card__period").get_text(strip=True) == "Oktober 2026"


def test_index_without_pages_says_so(client, index):
    assert "Er is nog geen terugkoppeling gepubliceerd." in soup(client.get(index.url)).get_text()


# --- the admin form --------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redactie", "redactie@example.org", "x")


def page_form(parent, editor, instance=None, data=None):
    form_class = FeedbackPage.get_edit_handler().get_form_class()
    instance = instance or FeedbackPage()
    return form_class(data, instance=instance, parent_page=parent, for_user=editor)


def form_data(title, year, period, signals=(), existing=()):
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "year": str(year),
        "period": period,
        "summary": '{"blocks": [], "entityMap": {}}',
        "highlights-TOTAL_FORMS": str(len(signals)),
        "highlights-INITIAL_FORMS": str(len(existing)),
        "highlights-MIN_NUM_FORMS": "0",
        "highlights-MAX_NUM_FORMS": "1000",
    }
    for n, signal in enumerate(signals):
        data |= {
            f"highlights-{n}-signal": str(signal.pk),
            f"highlights-{n}-public_text": "De gemeente heeft het opgepakt.",
            f"highlights-{n}-ORDER": str(n + 1),
        }
    return data


def test_the_signal_select_offers_only_signals_of_the_period_without_house_numbers(index, editor, feedback):
    inside = SignalFactory(reported_on=END, street="Molenweg", house_number="12", category=Signal.Category.GREENERY)
    SignalFactory(reported_on=END + datetime.timedelta(days=1))
    SignalFactory(reported_on=START - datetime.timedelta(days=1))
    form = page_form(index, editor, instance=feedback)
    field = form.formsets["highlights"].empty_form.fields["signal"]
    assert list(field.queryset) == [inside]
    assert [label for _, label in field.choices][1:] == ["30-09-2026 · Groen · Molenweg"]


def test_a_new_page_starts_at_the_last_full_quarter():
    assert FeedbackPage.previous_quarter(datetime.date(2026, 12, 1)) == (2026, "k3")
    assert FeedbackPage.previous_quarter(datetime.date(2027, 2, 10)) == (2026, "k4")


def test_a_highlight_outside_the_period_is_refused(index, editor):
    inside = SignalFactory(reported_on=START)
    outside = SignalFactory(reported_on=START - datetime.timedelta(days=1))
    form = page_form(index, editor, data=form_data("Zomer", 2026, "k3", signals=[inside, outside]))
    assert not form.is_valid()
    errors = form.formsets["highlights"].errors
    assert errors[0] == {}
    assert errors[1]["signal"] == [
        "Deze melding is niet uit de gekozen periode. Kies een melding van 01-07-2026 tot en met 30-09-2026."
    ]
    assert page_form(index, editor, data=form_data("Zomer", 2026, "k3", signals=[inside])).is_valid()


def test_a_second_live_page_for_the_same_period_is_refused(index, editor, feedback):
    form = page_form(index, editor, data=form_data("Nog een zomer", 2026, "k3"))
    assert not form.is_valid()
    assert form.errors["period"] == [
        "Over deze periode is al een terugkoppeling gepubliceerd: ‘Wat we deden in de zomer’. "
        "Pas die pagina aan, of kies een andere periode."
    ]
    assert page_form(index, editor, data=form_data("Herfst", 2026, "k4")).is_valid()
    # Editing the page itself is no duplicate; another index may have its own page for the period.
    assert page_form(index, editor, instance=feedback, data=form_data("Zomer", 2026, "k3")).is_valid()


def test_an_existing_page_moved_onto_a_taken_period_is_refused(index, feedback):
    other = FeedbackPageFactory(parent=index, title="Herfst", year=2026, period="k4")
    other.period = "k3"
    with pytest.raises(Exception, match="al een terugkoppeling"):
        other.full_clean()
