"""The team page behind a team's secret link, and its patrol-report form (no browser).

Who gets in (token, revoke, renew, inactive team, misses per address), privacy headers,
one team never seeing another's reports, a full report and a quiet round, bad input in
Dutch with what was typed kept, one more matter row, the honeypot, the POST rate limit,
and the team's history of responses with a query count that does not grow.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation

from forms.ratelimit import DEFAULT_LIMIT
from forms.testing import public_form_data
from terugkoppeling.forms import reports as report_forms
from terugkoppeling.models import PatrolReport, Signal, SignalStatusChange
from terugkoppeling.models.reports import MAX_REPORT_AGE_DAYS
from terugkoppeling.views.teams import MISS_LIMIT, MISS_WINDOW
from tests.factories import (
    PatrolReportFactory,
    SignalFactory,
    TeamFactory,
    TeamMemberFactory,
    TeamReportPageFactory,
)

pytestmark = pytest.mark.django_db

ROUTE = "Lindelaan, Esdoornstraat, Vijverweg"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def dutch_date(day):
    """How the templates write a round's date: ``l j F Y`` in Dutch (zaterdag 5 december 2026)."""
    with translation.override("nl"):
        return formats.date_format(day, "l j F Y")


@pytest.fixture
def page(home_page):
    return TeamReportPageFactory(parent=home_page)


@pytest.fixture
def team():
    return TeamFactory(name="Buurtpreventie Lindelaan")


@pytest.fixture
def other_team():
    return TeamFactory(name="Team Oude Haven")


def team_url(page, token):
    return f"{page.url}team/{token}/"


def html_of(response):
    return response.content.decode()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def report_form(response):
    return soup(response).select_one("form.report-form")


def error_summary(response):
    summary = soup(response).select_one(".error-summary")
    return summary.get_text(" ", strip=True) if summary else ""


def value_of(response, name):
    """What the rendered form holds for ``name``: an input's value or a textarea's text."""
    element = soup(response).find(attrs={"name": name})
    assert element is not None, f"no field {name!r} in the page"
    if element.name == "textarea":
        return element.get_text().strip()
    return element.get("value", "")


def checked_values(response, name):
    return {element["value"] for element in soup(response).find_all("input", attrs={"name": name, "checked": True})}


def matter(number, category, street, description, location=""):
    return {
        f"melding-{number}-category": category,
        f"melding-{number}-street": street,
        f"melding-{number}-house_number": "",
        f"melding-{number}-location_description": location,
        f"melding-{number}-description": description,
    }


def report_data(*matters, **fields):
    """A full report walked yesterday, with ``matters`` (dicts from ``matter()``) and a sound form token."""
    data = {
        "report_kind": "volledig",
        "walked_on": days_ago(1).isoformat(),
        "start_time": "20:00",
        "end_time": "21:15",
        "route": ROUTE,
        "area": PatrolReport.Area.ALSO_BACK_PATHS,
        "walker_count": "2",
        "noticed_something": "nee",
        "spoke_with_residents": "nee",
        "melding-TOTAL_FORMS": str(max(len(matters), 1)),
        "melding-INITIAL_FORMS": "0",
        "melding-MIN_NUM_FORMS": "0",
        "melding-MAX_NUM_FORMS": str(report_forms.MAX_MATTERS),
    }
    for extra in matters:
        data.update(extra)
    data.update(fields)
    return public_form_data(data)


def assert_private(response):
    cache_control = response.get("Cache-Control", "")
    assert "no-store" in cache_control and "private" in cache_control
    assert response.get("Referrer-Policy") == "same-origin"
    assert "noindex" in response.get("X-Robots-Tag", "")


def assert_plain_404(response, *names):
    assert response.status_code == 404
    html = html_of(response)
    assert report_form(response) is None
    assert "Verslag van" not in html and "Jullie verslagen" not in html
    for name in names:
        assert name not in html
    assert_private(response)


# --- 1. who gets in ----------------------------------------------------------------------------


def test_a_fresh_team_link_shows_the_form_and_the_team_privately(client, page, team):
    url = team_url(page, team.new_link_token())
    response = client.get(url)
    assert response.status_code == 200
    assert "Buurtpreventie Lindelaan" in html_of(response)
    form = report_form(response)
    assert form is not None and form["action"] == url
    assert form.find(attrs={"name": "route"}) is not None
    assert form.find(attrs={"name": "melding-TOTAL_FORMS"})["value"] == "1"
    assert_private(response)
    assert soup(response).find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"


def test_a_wrong_token_is_the_plain_404(client, page, team):
    team.new_link_token()
    assert_plain_404(client.get(team_url(page, "dit-is-geen-token")), "Buurtpreventie Lindelaan")
    assert_plain_404(client.get(team_url(page, "x" * 200)), "Buurtpreventie Lindelaan")  # too long to hash
    assert_plain_404(client.get(team_url(page, "dit-is-geen-token") + "bedankt/"), "Buurtpreventie Lindelaan")
    # A wrong token posts nothing either.
    assert client.post(team_url(page, "dit-is-geen-token"), report_data()).status_code == 404
    assert PatrolReport.objects.count() == 0


def test_a_revoked_link_is_404_at_once(client, page, team):
    token = team.new_link_token()
    url = team_url(page, token)
    assert client.get(url).status_code == 200
    team.revoke_link()
    assert_plain_404(client.get(url), "Buurtpreventie Lindelaan")
    assert client.post(url, report_data()).status_code == 404
    assert PatrolReport.objects.count() == 0


def test_a_renewed_link_stops_the_old_one(client, page, team):
    old = team.new_link_token()
    new = team.new_link_token()
    assert old != new
    assert_plain_404(client.get(team_url(page, old)), "Buurtpreventie Lindelaan")
    assert client.get(team_url(page, new)).status_code == 200


def test_an_inactive_teams_link_is_404(client, page, team):
    token = team.new_link_token()
    team.is_active = False
    team.save()
    assert_plain_404(client.get(team_url(page, token)), "Buurtpreventie Lindelaan")
    assert client.post(team_url(page, token), report_data()).status_code == 404
    assert PatrolReport.objects.count() == 0


def test_misses_from_one_address_lock_out_even_a_good_link(client, page, team):
    token = team.new_link_token()
    url = team_url(page, token)
    for n in range(MISS_LIMIT - 1):
        assert client.get(team_url(page, f"gok-{n}")).status_code == 404
    # Hits are not counted, and one miss below the limit a good link still works.
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    assert client.get(team_url(page, "nog-een-gok")).status_code == 404
    locked = client.get(url)
    assert locked.status_code == 429
    assert locked["Retry-After"] == str(MISS_WINDOW)
    assert "Buurtpreventie Lindelaan" not in html_of(locked)
    assert_private(locked)
    assert client.get(url + "bedankt/").status_code == 429
    assert client.post(url, report_data()).status_code == 429
    assert PatrolReport.objects.count() == 0
    # Another address is not locked out.
    assert Client(REMOTE_ADDR="203.0.113.9").get(url).status_code == 200


def test_the_page_without_a_link_explains_and_has_no_form(client, page, team):
    team.new_link_token()
    response = client.get(page.url)
    assert response.status_code == 200
    html = html_of(response)
    assert "Deze pagina open je met de teamlink die je coördinator kreeg." in html  # the page's intro
    assert report_form(response) is None
    assert "Buurtpreventie Lindelaan" not in html
    posted = client.post(page.url, report_data())
    assert posted.status_code == 302 and posted["Location"] == page.url
    assert PatrolReport.objects.count() == 0


# --- 2. one team never sees another's ------------------------------------------------------------


def test_a_teams_page_lists_its_own_reports_and_signals_only(client, page, team, other_team):
    SignalFactory(report__team=team, report__route="Lindelaan en Vijverweg", description="Lamp bij de school.")
    SignalFactory(
        report__team=other_team,
        report__route="Havenkade, Visserssteeg",
        street="Havenkade",
        description="Bord omgewaaid.",
    )
    mine = html_of(client.get(team_url(page, team.new_link_token())))
    assert "Lindelaan en Vijverweg" in mine and "Lamp bij de school." in mine
    assert "Jullie stuurden 1 verslag." in mine
    assert "Havenkade" not in mine and "Bord omgewaaid." not in mine and "Oude Haven" not in mine
    theirs = html_of(client.get(team_url(page, other_team.new_link_token())))
    assert "Havenkade, Visserssteeg" in theirs and "Bord omgewaaid." in theirs
    assert "Lindelaan en Vijverweg" not in theirs and "Lamp bij de school." not in theirs


def test_posting_on_a_teams_link_stores_for_that_team_only(client, page, team, other_team):
    url = team_url(page, team.new_link_token())
    other_url = team_url(page, other_team.new_link_token())
    response = client.post(url, report_data(matter(0, Signal.Category.GREENERY, "Kerkpad", "Tak over het pad.")))
    assert response.status_code == 302
    report = PatrolReport.objects.get()
    assert report.team == team
    assert not other_team.patrol_reports.exists()
    assert Signal.objects.get().report == report
    # The other team's page and thank-you page, even in the same browser, show nothing of it.
    assert ROUTE not in html_of(client.get(other_url))
    other_thanks = html_of(client.get(other_url + "bedankt/"))
    assert "Kerkpad" not in other_thanks and dutch_date(report.walked_on) not in other_thanks
    assert ROUTE in html_of(client.get(url))


# --- 3. a full report ----------------------------------------------------------------------------


def test_a_full_report_with_two_matters_is_stored_and_thanked(client, page, team):
    url = team_url(page, team.new_link_token())
    walked_on = days_ago(2)
    data = report_data(
        matter(0, Signal.Category.LIGHTING, "Lindelaan", "Lamp brandt niet."),
        matter(1, Signal.Category.PAVING, "", "Losse tegels bij het bankje.", location="Speeltuin achter de school"),
        matter(2, "", "", ""),  # an untouched row is no matter
        walked_on=walked_on.isoformat(),
        start_time="19:45",
        end_time="21:05",
        walker_count="3",
        noticed_something="ja",
        noticed="Schuurdeur open aan het Kerkpad.",
        spoke_with_residents="ja",
        conversations="Over de verlichting; ze waren blij ons te zien.",
        attention=["verlichting", "anders"],
        attention_other="Losse hekken",
    )
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == url + "bedankt/"

    report = PatrolReport.objects.get()
    assert report.team == team and not report.is_quiet
    assert report.walked_on == walked_on
    assert report.start_time == datetime.time(19, 45) and report.end_time == datetime.time(21, 5)
    assert report.route == ROUTE
    assert report.area == PatrolReport.Area.ALSO_BACK_PATHS
    assert report.walker_count == 3
    assert report.noticed_something is True and report.noticed == "Schuurdeur open aan het Kerkpad."
    assert report.spoke_with_residents is True
    assert report.conversations == "Over de verlichting; ze waren blij ons te zien."
    assert report.attention == ["verlichting", "anders"] and report.attention_other == "Losse hekken"

    signals = list(report.signals.order_by("pk"))
    assert [(s.category, s.street, s.location_description, s.description) for s in signals] == [
        (Signal.Category.LIGHTING, "Lindelaan", "", "Lamp brandt niet."),
        (Signal.Category.PAVING, "", "Speeltuin achter de school", "Losse tegels bij het bankje."),
    ]
    assert all(s.status == Signal.Status.RECEIVED for s in signals)
    assert all(s.reported_on == walked_on for s in signals)

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert_private(thanks)
    html = html_of(thanks)
    assert dutch_date(walked_on) in html
    assert "Buurtpreventie Lindelaan" in html
    assert "2 meldingen" in html
    assert "Verlichting: Lindelaan" in html
    assert "Bestrating: Speeltuin achter de school" in html

    # Another browser at the same thank-you address sees nothing of what was sent.
    elsewhere = Client().get(url + "bedankt/")
    assert elsewhere.status_code == 200
    other_html = html_of(elsewhere)
    assert "We hebben jullie verslag ontvangen." in other_html
    assert dutch_date(walked_on) not in other_html
    assert "Lindelaan:" not in other_html and "Speeltuin achter de school" not in other_html


def test_a_report_from_the_oldest_allowed_day_is_taken(client, page, team):
    url = team_url(page, team.new_link_token())
    assert client.post(url, report_data(walked_on=days_ago(MAX_REPORT_AGE_DAYS).isoformat())).status_code == 302
    assert PatrolReport.objects.get().walked_on == days_ago(MAX_REPORT_AGE_DAYS)


# --- 4. a quiet round ----------------------------------------------------------------------------


def test_a_quiet_round_stores_only_date_times_and_route(client, page, team):
    member = TeamMemberFactory(team=team, name="Fatima")
    data = report_data(
        matter(0, Signal.Category.LIGHTING, "Lindelaan", "Lamp brandt niet."),
        report_kind="rustig",
        area=PatrolReport.Area.MAIN_STREETS,
        walker_count="nul",  # invalid, but not asked in a quiet round
        walkers=[str(member.pk)],
        noticed_something="ja",
        noticed="Iets dat niet bewaard mag worden.",
        spoke_with_residents="ja",
        conversations="Ook dit niet.",
        attention=["anders"],
        attention_other="En dit niet.",
    )
    url = team_url(page, team.new_link_token())
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url + "bedankt/"
    report = PatrolReport.objects.get()
    assert report.is_quiet is True
    assert report.team == team
    assert report.walked_on == days_ago(1) and report.route == ROUTE
    assert report.start_time == datetime.time(20, 0) and report.end_time == datetime.time(21, 15)
    assert report.area == ""
    assert report.walker_count is None
    assert list(report.walkers.all()) == []
    assert report.noticed_something is None and report.noticed == ""
    assert report.spoke_with_residents is None and report.conversations == ""
    assert report.attention == [] and report.attention_other == ""
    assert Signal.objects.count() == 0
    thanks = html_of(client.get(response["Location"]))
    assert "Een rustige ronde is ook belangrijk om te weten." in thanks


def test_a_quiet_round_still_needs_its_route(client, page, team):
    response = client.post(team_url(page, team.new_link_token()), report_data(report_kind="rustig", route=""))
    assert response.status_code == 200
    assert report_forms.ROUTE_MESSAGE in error_summary(response)
    assert PatrolReport.objects.count() == 0


# --- 5. bad input --------------------------------------------------------------------------------

FUTURE_MESSAGE = "De datum ligt in de toekomst. Vul de datum in waarop jullie liepen."
TOO_OLD_MESSAGE = f"Deze ronde is langer dan {MAX_REPORT_AGE_DAYS} dagen geleden."
END_BEFORE_START_MESSAGE = "De eindtijd ligt vóór of op de begintijd."


@pytest.mark.parametrize(
    "fields, matters, message, kept",
    [
        pytest.param(
            {"walked_on": days_ago(-1).isoformat()},
            [],
            FUTURE_MESSAGE,
            {"walked_on": days_ago(-1).isoformat()},
            id="date-in-the-future",
        ),
        pytest.param(
            {"walked_on": days_ago(MAX_REPORT_AGE_DAYS + 1).isoformat()},
            [],
            TOO_OLD_MESSAGE,
            {"walked_on": days_ago(MAX_REPORT_AGE_DAYS + 1).isoformat()},
            id="date-too-old",
        ),
        pytest.param(
            {"start_time": "21:00", "end_time": "20:30"},
            [],
            END_BEFORE_START_MESSAGE,
            {"start_time": "21:00", "end_time": "20:30"},
            id="end-before-start",
        ),
        pytest.param(
            {"start_time": "21:00", "end_time": "21:00"},
            [],
            END_BEFORE_START_MESSAGE,
            {"end_time": "21:00"},
            id="end-equals-start",
        ),
        pytest.param(
            # Past midnight is refused too: the model asks for 23:59 as the end then.
            {"start_time": "23:00", "end_time": "00:30"},
            [],
            "Vul dan 23:59 in als eindtijd.",
            {"end_time": "00:30"},
            id="past-midnight",
        ),
        pytest.param(
            {"route": "   ", "noticed": "Blijft staan"},
            [],
            report_forms.ROUTE_MESSAGE,
            {"walker_count": "2", "start_time": "20:00"},
            id="empty-route",
        ),
        pytest.param(
            {"noticed_something": "ja", "noticed": " ", "conversations": "Over de lampen."},
            [],
            report_forms.NOTICED_TEXT_MESSAGE,
            {"walker_count": "2"},
            id="noticed-without-text",
        ),
        pytest.param(
            {},
            [matter(0, "", "Kerkpad", "Tak hangt over het fietspad.")],
            report_forms.CATEGORY_MESSAGE,
            {"melding-0-street": "Kerkpad", "melding-0-description": "Tak hangt over het fietspad."},
            id="matter-without-category",
        ),
    ],
)
def test_bad_input_is_refused_in_dutch_keeps_what_was_typed_and_stores_nothing(
    client, page, team, fields, matters, message, kept
):
    response = client.post(team_url(page, team.new_link_token()), report_data(*matters, **fields))
    assert response.status_code == 200
    summary = error_summary(response)
    assert message in summary
    if matters:
        assert "Melding 1" in summary
    if fields.get("route", ROUTE).strip():
        assert value_of(response, "route") == ROUTE
    for name, value in kept.items():
        assert value_of(response, name) == value
    assert_private(response)
    assert PatrolReport.objects.count() == 0
    assert Signal.objects.count() == 0


def test_walkers_from_another_team_are_refused(client, page, team, other_team):
    TeamMemberFactory(team=team, name="Fatima")
    stranger = TeamMemberFactory(team=other_team, name="Iemand anders")
    response = client.post(team_url(page, team.new_link_token()), report_data(walkers=[str(stranger.pk)]))
    assert response.status_code == 200
    assert report_forms.WALKERS_MESSAGE in error_summary(response)
    assert "Fatima" in html_of(response)
    assert "Iemand anders" not in html_of(response)  # the other team's members are never listed
    assert checked_values(response, "walkers") == set()
    assert value_of(response, "route") == ROUTE
    assert PatrolReport.objects.count() == 0


def test_more_walkers_than_walked_are_refused(client, page, team):
    mine = [TeamMemberFactory(team=team, name="Fatima"), TeamMemberFactory(team=team, name="Kees")]
    chosen = [str(member.pk) for member in mine]
    url = team_url(page, team.new_link_token())
    response = client.post(url, report_data(walker_count="1", walkers=chosen))
    assert response.status_code == 200
    assert report_forms.TOO_MANY_WALKERS_MESSAGE in error_summary(response)
    assert checked_values(response, "walkers") == set(chosen)
    assert value_of(response, "walker_count") == "1"
    assert value_of(response, "route") == ROUTE
    assert PatrolReport.objects.count() == 0
    # As many as walked is fine, and stored.
    assert client.post(url, report_data(walker_count="2", walkers=chosen)).status_code == 302
    assert set(PatrolReport.objects.get().walkers.all()) == set(mine)


# --- 6. one more matter row ----------------------------------------------------------------------


def test_one_more_matter_row_keeps_everything_and_stores_nothing(client, page, team):
    data = report_data(
        matter(0, Signal.Category.GREENERY, "Kerkpad", "Tak over het pad."),
        route="Kerkpad, Molenweg",
        noticed_something="",  # not answered yet: not checked either
        **{report_forms.ADD_MATTER_BUTTON: "1"},
    )
    response = client.post(team_url(page, team.new_link_token()), data)
    assert response.status_code == 200
    legends = [legend.get_text(strip=True) for legend in soup(response).select(".report-form__matter legend")]
    assert legends == ["Melding 1", "Melding 2"]
    assert value_of(response, "melding-TOTAL_FORMS") == "2"
    assert soup(response).select_one("#nieuwe-melding legend").get_text(strip=True) == "Melding 2"
    assert soup(response).select_one(".error-summary") is None
    assert value_of(response, "route") == "Kerkpad, Molenweg"
    assert value_of(response, "melding-0-street") == "Kerkpad"
    assert value_of(response, "melding-0-description") == "Tak over het pad."
    assert value_of(response, "melding-1-street") == ""
    assert PatrolReport.objects.count() == 0 and Signal.objects.count() == 0


# --- 7. the honeypot -----------------------------------------------------------------------------


def test_a_filled_honeypot_gets_the_same_redirect_and_stores_nothing(client, page, team):
    url = team_url(page, team.new_link_token())
    spam = Client()
    response = spam.post(url, report_data(matter(0, "afval", "Kerkpad", "Koop nu!"), website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == url + "bedankt/"
    assert PatrolReport.objects.count() == 0 and Signal.objects.count() == 0
    # The same answer a real report gets.
    real = client.post(url, report_data())
    assert real.status_code == 302 and real["Location"] == response["Location"]
    # The bot's thank-you page shows nothing sent; no session was made for it.
    assert "sessionid" not in spam.cookies
    assert "Koop nu!" not in html_of(spam.get(url + "bedankt/"))


# --- 8. the POST rate limit ----------------------------------------------------------------------


def test_posts_over_the_limit_get_429_and_store_nothing(client, page, team):
    url = team_url(page, team.new_link_token())
    for _ in range(DEFAULT_LIMIT):
        assert client.post(url, report_data(route="")).status_code == 200  # refused, but counted
    assert PatrolReport.objects.count() == 0
    response = client.post(url, report_data(matter(0, Signal.Category.LIGHTING, "Lindelaan", "Lamp stuk.")))
    assert response.status_code == 429
    assert response.has_header("Retry-After")
    assert PatrolReport.objects.count() == 0 and Signal.objects.count() == 0
    # Reading the page is never limited; another address may still post.
    assert client.get(url).status_code == 200
    assert Client(REMOTE_ADDR="198.51.100.7").post(url, report_data()).status_code == 302
    assert PatrolReport.objects.count() == 1


# --- 9. the history ------------------------------------------------------------------------------


def test_the_team_sees_the_responses_to_its_signals(client, page, team):
    forwarded = SignalFactory(report__team=team, street="Lindelaan", house_number="12")
    forwarded.change_status(Signal.Status.FORWARDED, response="Doorgestuurd naar de afdeling Verlichting.")
    forwarded.change_status(Signal.Status.SOLVED, response="De lamp is vervangen.")
    waiting = SignalFactory(report__team=team, street="Kerkpad", description="Losse stoeptegel.")
    not_taken = SignalFactory(report__team=team, street="Molenweg", category=Signal.Category.LITTER)
    not_taken.change_status(Signal.Status.NOT_TAKEN, response="Dit is particulier terrein.")
    # A change without a response (as an import might leave) is not shown.
    SignalStatusChange.objects.create(signal=waiting, from_status="ontvangen", to_status="ontvangen", response="")

    response = client.get(team_url(page, team.new_link_token()))
    html = html_of(response)
    assert "Doorgestuurd naar de afdeling Verlichting." in html and "De lamp is vervangen." in html
    assert html.index("Doorgestuurd naar de afdeling Verlichting.") < html.index("De lamp is vervangen.")
    assert "Dit is particulier terrein." in html
    assert "Opgelost" in html and "Niet opgepakt" in html
    card = next(li for li in soup(response).select("li.signal") if "Losse stoeptegel." in li.get_text())
    assert "Nog geen reactie." in card.get_text()
    assert "Lindelaan 12" not in html  # street level only, never a house number


def make_history(team, count):
    """``count`` reports of ``team``, each with two signals, each with two responses."""
    for n in range(count):
        report = PatrolReportFactory(team=team, walked_on=days_ago(1 + n % 20))
        for street in ("Lindelaan", "Kerkpad"):
            signal = SignalFactory(report=report, street=street)
            signal.change_status(Signal.Status.FORWARDED, response=f"Doorgezet {n}.")
            signal.change_status(Signal.Status.SOLVED, response=f"Opgelost {n}.")


def test_the_team_page_query_count_does_not_grow_with_its_history(client, page, team):
    url = team_url(page, team.new_link_token())
    # The first request ever makes the site's settings row (a content change): not what is measured.
    client.get(url)

    def queries_for_page():
        client.get(url)  # warm up what is looked up once (site, settings)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return response, len(queries)

    make_history(team, 2)
    small, small_count = queries_for_page()
    assert html_of(small).count('class="signal"') == 4
    make_history(team, 8)
    large, large_count = queries_for_page()
    assert html_of(large).count('class="signal"') == 20
    assert "Jullie stuurden 10 verslagen." in html_of(large)
    assert large_count == small_count
