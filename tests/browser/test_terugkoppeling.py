"""The team page behind a team link and the published feedback, in a real browser (#12).

A team reports a round by keyboard on a phone, with two matters; a handler's
responses show on the team page; a quiet round hides the further questions;
the error state, the thank-you page, the page without a team link and the
feedback pages have no axe violations and are valid HTML; the feedback page
draws its charts without JavaScript and asks nothing of another server.
"""

from datetime import time, timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from aanmelding.models import Team
from forms.testing import public_form_data
from terugkoppeling.forms.reports import (
    AREA_MESSAGE,
    DATE_MESSAGE,
    DESCRIPTION_MESSAGE,
    END_MESSAGE,
    ROUTE_MESSAGE,
    START_MESSAGE,
)
from terugkoppeling.models import (
    FeedbackIndexPage,
    FeedbackPage,
    PatrolReport,
    Signal,
    SignalDepartment,
    TeamReportPage,
)
from tests.browser.conftest import DESKTOP, PHONE, VIEWPORTS, assert_fits_the_screen, focused
from tests.browser.test_html_valid import INVALID, Pages, assert_valid_html, checker  # noqa: F401 (checker: a fixture)
from tests.browser.test_site import tab_to

# The flush after each transactional test also removes what migrations
# created (root page, locale, groups); load_demo_content makes them again.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("instant_forms")]

DEMO_TEAM = "Buurtpreventie Noorderpark"  # a street team of the demo content, with members and reports
LAMP = "De lantaarnpaal bij het bankje flikkert al een week."
TILES = "Drie stoeptegels liggen los bij de ingang van het park."


@pytest.fixture
def team_link(demo_site):
    """A fresh link of a demo street team: the team, its page's address and the address of the page itself."""
    team = Team.objects.get(name=DEMO_TEAM)
    token = team.new_link_token()
    page = TeamReportPage.live_page()
    return SimpleNamespace(team=team, url=page.url + page.reverse_subpage("team", args=[token]), page_url=page.url)


@pytest.fixture
def feedback_urls(demo_site):
    index = FeedbackIndexPage.objects.live().get()
    page = FeedbackPage.objects.live().child_of(index).get()
    assert page.highlights.count() >= 1, "the demo feedback page has highlights"
    return SimpleNamespace(index=index.url, page=page.url)


def yesterday():
    return timezone.localdate() - timedelta(days=1)


def enter_when(page, day, start, end):
    """Tab to the date and the two times and set them.

    Headless Chromium orders the parts of a date or time field by its own language, not the page's
    (month first, and a 12-hour clock), so typing digits is not portable: the value is set as the
    browser's picker would set it. Everything else in these tests is typed.
    """
    for selector, value in (("#id_walked_on", day.isoformat()), ("#id_start_time", start), ("#id_end_time", end)):
        tab_to(page, selector)
        page.locator(selector).fill(value)


def submit_quiet_round(page, route="Dorpsstraat, Kerkpad"):
    """Send a quiet round with the mouse-free shortcuts of Playwright (not the keyboard walk)."""
    page.locator("#id_report_kind_1").check()
    page.fill("#id_walked_on", yesterday().isoformat())
    page.fill("#id_start_time", "20:00")
    page.fill("#id_end_time", "21:00")
    page.fill("#id_route", route)
    page.locator("#verslag-versturen").press("Enter")
    page.wait_for_url("**/bedankt/")


# --- 1. A full report with two matters, by keyboard on a phone -------------------------------------


def test_a_team_reports_two_matters_by_keyboard_and_sees_the_responses(open_page, live_server, team_link):
    page, response = open_page(team_link.url, PHONE)
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Verslag van een loopronde"
    assert DEMO_TEAM in page.locator("main .lead").inner_text()

    # "Een volledig verslag" is chosen already.
    tab_to(page, "#id_report_kind_0")
    assert page.locator("#id_report_kind_0").is_checked()
    enter_when(page, yesterday(), "20:00", "21:30")
    tab_to(page, "#id_route")  # Tab walks the parts of a time field first
    page.keyboard.type("Molenweg, Kerkpad, Parklaan")

    tab_to(page, "#id_area_0")
    page.keyboard.press("ArrowDown")  # "Ook door achterpaden en brandgangen"
    assert page.locator("#id_area_1").is_checked()
    tab_to(page, "#id_walker_count")
    page.keyboard.type("2")
    tab_to(page, "#id_walkers_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_walkers_1")
    page.keyboard.press("Space")
    tab_to(page, "#id_noticed_something_0")
    page.keyboard.press("Space")  # "Ja"
    tab_to(page, "#id_noticed")
    page.keyboard.type("Bij het park brandde een lamp niet.")
    tab_to(page, "#id_spoke_with_residents_0")
    page.keyboard.press("ArrowDown")  # "Nee"
    assert page.locator("#id_spoke_with_residents_1").is_checked()
    tab_to(page, "#id_attention_2")
    page.keyboard.press("Space")  # "Verlichting"

    # The first matter.
    tab_to(page, "#id_melding-0-category")
    page.keyboard.press("ArrowDown")  # "Verlichting"
    assert page.locator("#id_melding-0-category").input_value() == Signal.Category.LIGHTING
    page.keyboard.press("Tab")
    page.keyboard.type("Parklaan")
    page.keyboard.press("Tab")
    page.keyboard.type("7")
    tab_to(page, "#id_melding-0-description")
    page.keyboard.type(LAMP)

    # One more row: the form goes to the server and comes back with everything kept, the cursor in the new row.
    tab_to(page, "button[name=nog_een_melding]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("#nieuwe-melding")
    assert page.locator(".error-summary").count() == 0
    assert focused(page) == "id_melding-1-category"
    assert page.locator("fieldset.report-form__matter").count() == 2
    assert page.locator("#id_route").input_value() == "Molenweg, Kerkpad, Parklaan"
    assert page.locator("#id_walked_on").input_value() == yesterday().isoformat()
    assert page.locator("#id_area_1").is_checked()
    assert page.locator("#id_walkers_1").is_checked()
    assert page.locator("#id_melding-0-street").input_value() == "Parklaan"
    assert page.locator("#id_melding-0-description").input_value() == LAMP
    assert PatrolReport.objects.filter(route="Molenweg, Kerkpad, Parklaan").count() == 0  # nothing stored yet

    # The second matter, from where the cursor is.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "Bestrating"
    assert page.locator("#id_melding-1-category").input_value() == Signal.Category.PAVING
    page.keyboard.press("Tab")
    page.keyboard.type("Kerkpad")
    tab_to(page, "#id_melding-1-description")
    page.keyboard.type(TILES)
    tab_to(page, "#verslag-versturen")
    page.keyboard.press("Enter")

    page.wait_for_url("**/bedankt/")
    assert page.locator("h1").inner_text() == "Bedankt voor jullie verslag"
    thanks = page.locator("main").inner_text()
    assert "2 meldingen" in thanks
    assert "Verlichting: Parklaan" in thanks
    assert "Bestrating: Kerkpad" in thanks
    assert "Parklaan 7" not in thanks  # never a house number on a page the team shares

    report = PatrolReport.objects.get(team=team_link.team, route="Molenweg, Kerkpad, Parklaan")
    assert (report.walked_on, report.is_quiet, report.walker_count) == (yesterday(), False, 2)
    assert (report.start_time, report.end_time) == (time(20, 0), time(21, 30))
    assert report.area == PatrolReport.Area.ALSO_BACK_PATHS
    assert report.walkers.count() == 2
    assert report.attention == ["verlichting"]
    lamp, tiles = report.signals.order_by("pk")
    assert (lamp.category, lamp.street, lamp.house_number, lamp.description) == ("verlichting", "Parklaan", "7", LAMP)
    assert (tiles.category, tiles.street, tiles.description) == ("bestrating", "Kerkpad", TILES)
    assert {lamp.status, tiles.status} == {Signal.Status.RECEIVED}

    # A handler forwards one and solves the other, each with a response for the team.
    department = SignalDepartment.objects.get(category=Signal.Category.LIGHTING)
    lamp.change_status(
        Signal.Status.FORWARDED, response="Doorgestuurd naar de afdeling verlichting.", forwarded_to=department.name
    )
    tiles.change_status(Signal.Status.SOLVED, response="De tegels liggen weer vast.")

    page.goto(live_server.url + team_link.url)
    cards = page.locator(".signal")
    lamp_card = cards.filter(has_text=LAMP)
    tiles_card = cards.filter(has_text=TILES)
    assert lamp_card.count() == 1 and tiles_card.count() == 1
    assert lamp_card.locator(".signal__status").inner_text() == "Status: Doorgezet"
    assert (
        "doorgezet: Doorgestuurd naar de afdeling verlichting." in lamp_card.locator(".signal__responses").inner_text()
    )
    assert tiles_card.locator(".signal__status").inner_text() == "Status: Opgelost"
    assert "opgelost: De tegels liggen weer vast." in tiles_card.locator(".signal__responses").inner_text()
    assert lamp_card.locator(".signal__no-response").count() == 0
    assert "7" not in lamp_card.locator(".signal__title").inner_text()


# --- 2. A quiet round, with JavaScript --------------------------------------------------------------


def test_a_quiet_round_hides_the_further_questions_and_stores_no_matters(open_page, team_link):
    page, _ = open_page(team_link.url, PHONE)
    full = page.locator("#volledig-verslag")
    assert full.is_visible()
    # Typed into a matter first, then the round turned out quiet: the matter is not sent along.
    page.fill("#id_melding-0-description", "Dit hoort niet bij een rustige ronde.")

    tab_to(page, "#id_report_kind_0")
    page.keyboard.press("ArrowDown")  # "Een rustige ronde"
    assert page.locator("#id_report_kind_1").is_checked()
    assert full.is_hidden()
    assert full.evaluate("element => element.hidden")
    assert page.locator("#id_area_0").is_hidden()
    assert page.locator("#id_melding-0-category").is_hidden()
    # Back to a full report shows them again; and quiet once more.
    page.keyboard.press("ArrowUp")
    assert full.is_visible()
    page.keyboard.press("ArrowDown")
    assert full.is_hidden()

    enter_when(page, yesterday(), "21:00", "21:45")
    tab_to(page, "#id_route")  # Tab walks the parts of a time field first
    page.keyboard.type("Dorpsstraat, Stille Hoek")
    # The next stop is the submit button: the hidden questions take no Tab presses.
    tab_to(page, "#verslag-versturen", max_presses=3)
    page.keyboard.press("Enter")

    page.wait_for_url("**/bedankt/")
    assert page.locator("h1").inner_text() == "Bedankt voor jullie verslag"
    assert "Een rustige ronde is ook belangrijk" in page.locator("main").inner_text()
    report = PatrolReport.objects.get(team=team_link.team, route="Dorpsstraat, Stille Hoek")
    assert report.is_quiet
    assert (report.area, report.walker_count, report.noticed_something) == ("", None, None)
    assert not report.signals.exists()


# --- 3. The error state --------------------------------------------------------------------------------


@VIEWPORTS
def test_an_empty_report_shows_dutch_errors_and_has_no_axe_violations(
    open_page, assert_accessible, team_link, viewport
):
    page, _ = open_page(team_link.url, viewport)
    page.locator("#verslag-versturen").press("Enter")
    page.wait_for_selector(".error-summary")

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.get_attribute("role") == "alert"
    summary.scroll_into_view_if_needed()
    text = summary.inner_text()
    assert "Er ging iets mis" in text
    for message in (DATE_MESSAGE, START_MESSAGE, END_MESSAGE, ROUTE_MESSAGE, AREA_MESSAGE):
        assert message in text
    assert "This field is required" not in page.locator("main").inner_text()
    # Each error leads to its field, which says it is invalid.
    assert summary.locator("a[href='#id_walked_on']").count() == 1
    assert page.locator("#id_walked_on").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_route").get_attribute("aria-invalid") == "true"
    assert not PatrolReport.objects.filter(team=team_link.team, created_at__gte=timezone.now() - timedelta(minutes=5))
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # A matter half filled in: its error is named after its row.
    page.select_option("#id_melding-0-category", Signal.Category.GREENERY)
    page.fill("#id_melding-0-street", "Parklaan")
    page.locator("#verslag-versturen").press("Enter")
    page.wait_for_selector(".error-summary a[href='#id_melding-0-description']")
    assert f"Melding 1, wat is er aan de hand? {DESCRIPTION_MESSAGE}" in page.locator(".error-summary").inner_text()
    assert page.locator("#id_melding-0-street").input_value() == "Parklaan"
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


# --- 4. axe on every page of the feature ------------------------------------------------------------


@VIEWPORTS
def test_the_team_and_feedback_pages_have_no_axe_violations(
    open_page, assert_accessible, team_link, feedback_urls, viewport
):
    # The team page, with the demo team's history and the responses to its matters.
    page, response = open_page(team_link.url, viewport)
    assert response.status == 200
    assert page.locator("main form.report-form").count() == 1
    assert page.locator(".report-card").count() >= 5
    assert page.locator(".signal__responses li").count() >= 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # The thank-you page of what this browser just sent.
    submit_quiet_round(page, route=f"Dorpsstraat bij {viewport['width']}px")
    assert page.locator("h1").inner_text() == "Bedankt voor jullie verslag"
    assert page.locator(f"main a[href='{team_link.url}#jullie-verslagen']").count() == 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    # The page at its own address: what a team link is, and no form.
    page, response = open_page(team_link.page_url, viewport)
    assert response.status == 200
    assert page.locator("main form").count() == 0
    assert "teamlink" in page.locator("main").inner_text().lower()
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    page, response = open_page(feedback_urls.index, viewport)
    assert response.status == 200
    assert page.locator(f".feedback-card a[href='{feedback_urls.page}']").count() == 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)

    page, response = open_page(feedback_urls.page, viewport)
    assert response.status == 200
    assert page.locator(".key-figures__item").count() == 5
    assert page.locator("figure.chart-figure svg[role=img]").count() == 2
    assert page.locator(".highlight").count() >= 1
    assert_accessible(page)
    assert_fits_the_screen(page, viewport)


# --- 5. Valid HTML, by the Nu checker -------------------------------------------------------------


def collect_team_report_states(pages, team_link, feedback_urls):
    url = team_link.url
    pages.get("team page", url, shows='id="volledig-verslag"')
    pages.get("team report page without a link", team_link.page_url)
    pages.get("team link, unknown", f"{team_link.page_url}team/ongeldig/", status=404)
    pages.post("team report, empty", url, public_form_data())
    matter = {
        "report_kind": "volledig",
        "melding-TOTAL_FORMS": "1",
        "melding-INITIAL_FORMS": "0",
        "melding-0-category": "groen",
        "melding-0-street": "Parklaan",
    }
    pages.post("team report, matter without description", url, public_form_data(matter))
    pages.post(
        "team report, one more matter",
        url,
        public_form_data({**matter, "nog_een_melding": "1"}),
        shows='id="nieuwe-melding"',
    )

    full = {
        **matter,
        "walked_on": yesterday().isoformat(),
        "start_time": "20:00",
        "end_time": "21:30",
        "route": "Molenweg, Kerkpad",
        "area": "hoofdwegen",
        "walker_count": "2",
        "noticed_something": "nee",
        "spoke_with_residents": "nee",
        "melding-0-description": "Een boom hangt over het fietspad.",
    }
    client = pages.client()
    response = client.post(url, public_form_data(full))
    assert response.status_code == 302, "the valid report was not accepted"
    pages.get("team report, thank you", response["Location"], client=client, shows="1 melding")
    quiet = {"report_kind": "rustig", "walked_on": yesterday().isoformat(), "start_time": "20:00"}
    client = pages.client()
    response = client.post(url, public_form_data({**quiet, "end_time": "21:00", "route": "Dorpsstraat"}))
    assert response.status_code == 302, "the quiet round was not accepted"
    pages.get("team report, quiet round, thank you", response["Location"], client=client, shows="rustige ronde")
    pages.get("team page, with the new reports", url, shows="Een boom hangt over het fietspad.")

    pages.get("feedback index", feedback_urls.index, shows="feedback-card")
    pages.get("feedback page", feedback_urls.page, shows='class="highlight"')


def test_the_team_and_feedback_pages_are_valid_html(checker, team_link, feedback_urls, tmp_path):  # noqa: F811
    pages = Pages()
    collect_team_report_states(pages, team_link, feedback_urls)
    assert INVALID in pages.html["team report, empty"]
    assert_valid_html(checker, pages, tmp_path)


# --- 6. The feedback page needs no JavaScript and no other server ---------------------------------------


def test_the_feedback_page_needs_no_javascript_and_asks_no_other_server(browser, live_server, feedback_urls):
    origin = urlsplit(live_server.url).netloc
    requests = []
    context = browser.new_context(viewport=PHONE, locale="nl-NL", java_script_enabled=False)
    try:
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        response = page.goto(live_server.url + feedback_urls.page)
        assert response.status == 200
        page.wait_for_load_state("networkidle")

        # Every request went to this site (data: URIs stay in the page).
        foreign = [url for url in requests if not url.startswith("data:") and urlsplit(url).netloc != origin]
        assert requests and not foreign, f"requests to other servers: {foreign}"
        assert page.locator("script").count() == 0
        assert page.evaluate("document.querySelectorAll('[onclick], [onload]').length") == 0

        # Without JavaScript both charts are drawn, with bars, a title and a data table beside them.
        charts = page.locator("figure.chart-figure svg")
        assert charts.count() == 2
        for index in range(2):
            chart = charts.nth(index)
            assert chart.is_visible()
            assert chart.bounding_box()["height"] > 50
            assert chart.locator("rect.chart__bar").count() >= 1
            assert chart.locator("title").text_content().strip()
        tables = page.locator("table.figures-table")
        assert tables.count() == 2
        signals = page.locator(".key-figures__item", has_text="Meldingen").locator("dd").inner_text()
        assert int(signals) > 0
        assert tables.nth(0).locator("tfoot td").inner_text() == signals
        per_category = [int(cell) for cell in tables.nth(0).locator("tbody td").all_inner_texts()]
        assert sum(per_category) == int(signals)
        assert tables.nth(0).locator("tbody tr").count() == charts.nth(0).locator("rect.chart__bar").count()
        assert page.locator(".highlight").count() >= 1
    finally:
        context.close()


def test_the_feedback_figures_follow_a_new_report(open_page, feedback_urls):
    """The charts are server-rendered from the database: one more signal in the period shows at once."""
    page_obj = FeedbackPage.objects.live().get()
    page, _ = open_page(feedback_urls.page, DESKTOP)
    before = int(page.locator(".key-figures__item", has_text="Meldingen").locator("dd").inner_text())

    team = Team.objects.get(name=DEMO_TEAM)
    report = PatrolReport.objects.create(
        team=team, walked_on=page_obj.period_start, start_time="20:00", end_time="21:00", route="Dorpsstraat"
    )
    Signal.objects.create(
        report=report, reported_on=report.walked_on, category="groen", street="Parklaan", description="Een tak."
    )
    page.reload()
    after = int(page.locator(".key-figures__item", has_text="Meldingen").locator("dd").inner_text())
    assert after == before + 1
    assert page.locator("table.figures-table").first.locator("tfoot td").inner_text() == str(after)
