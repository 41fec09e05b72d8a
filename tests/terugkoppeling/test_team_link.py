"""The team page behind a team link: who gets in, the patrol-report form, its bad input, the history."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forms.ratelimit import DEFAULT_LIMIT
from forms.testing import public_form_data
from terugkoppeling.models import PatrolReport, Signal
from terugkoppeling.views.teams import MISS_LIMIT
from tests.factories import PatrolReportFactory, SignalFactory, TeamFactory, TeamMemberFactory, TeamReportPageFactory

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture
def page(home_page):
    return TeamReportPageFactory(parent=home_page)


@pytest.fixture
def team():
    return TeamFactory(name="Buurtpreventie Lindelaan")


def team_url(page, token):
    return f"{page.url}team/{token}/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def error_summary(response):
    summary = soup(response).select_one(".error-summary")
    return summary.get_text(" ", strip=True) if summary else ""


def report_data(**extra):
    data = {
        "report_kind": "volledig",
        "walked_on": YESTERDAY.isoformat(),
        "start_time": "20:00",
        "end_time": "21:15",
        "route": "Lindelaan, Esdoornstraat, Vijverweg",
        "area": PatrolReport.Area.ALSO_BACK_PATHS,
        "walker_count": "2",
        "noticed_something": "nee",
        "spoke_with_residents": "nee",
        "melding-TOTAL_FORMS": "1",
        "melding-INITIAL_FORMS": "0",
        "melding-MIN_NUM_FORMS": "0",
        "melding-MAX_NUM_FORMS": "20",
    }
    return public_form_data({**data, **extra})


def matter(n, category, street, description):
    return {
        f"melding-{n}-category": category,
        f"melding-{n}-street": street,
        f"melding-{n}-house_number": "",
        f"melding-{n}-location_description": "",
        f"melding-{n}-description": description,
    }


# --- who gets in -----------------------------------------------------------------------------


def test_a_team_link_opens_the_form_privately(client, page, team):
    response = client.get(team_url(page, team.new_link_token()))
    assert response.status_code == 200
    assert "Buurtpreventie Lindelaan" in response.content.decode()
    assert soup(response).select_one("form.report-form") is not None
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]


def test_a_wrong_revoked_renewed_or_inactive_link_is_the_plain_404(client, page, team):
    other = TeamFactory(name="Team Oude Haven")
    other_token = other.new_link_token()
    old = team.new_link_token()
    team.new_link_token()
    assert client.get(team_url(page, old)).status_code == 404  # renewed: the old one stops at once
    assert client.get(team_url(page, "verzonnen-token")).status_code == 404
    other.revoke_link()
    response = client.get(team_url(page, other_token))
    assert response.status_code == 404
    assert "Oude Haven" not in response.content.decode()
    inactive = TeamFactory(name="Gestopt team", is_active=False)
    assert client.get(team_url(page, inactive.new_link_token())).status_code == 404


def test_many_misses_from_one_address_lock_out_even_a_good_link(client, page, team):
    token = team.new_link_token()
    for n in range(MISS_LIMIT):
        assert client.get(team_url(page, f"gok-{n}")).status_code == 404
    assert client.get(team_url(page, token)).status_code == 429
    # Another address is not locked out.
    assert Client(REMOTE_ADDR="203.0.113.9").get(team_url(page, token)).status_code == 200


def test_the_page_without_a_link_explains_and_has_no_form(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    assert "teamlink" in response.content.decode()
    assert soup(response).select_one("form.report-form") is None
    assert client.post(page.url, report_data()).status_code == 302
    assert PatrolReport.objects.count() == 0


def test_one_teams_link_never_shows_another_teams_reports(client, page, team):
    other = TeamFactory(name="Team Oude Haven")
    PatrolReportFactory(team=team, route="Lindelaan en Vijverweg")
    SignalFactory(report__team=other, report__route="Havenkade, Visserssteeg", description="Bord omgewaaid.")
    html = client.get(team_url(page, team.new_link_token())).content.decode()
    assert "Lindelaan en Vijverweg" in html
    assert "Havenkade" not in html and "Bord omgewaaid." not in html


# --- a report --------------------------------------------------------------------------------


def test_a_full_report_with_two_matters_is_stored_for_this_team_only(client, page, team):
    TeamFactory(name="Team Oude Haven").new_link_token()
    url = team_url(page, team.new_link_token())
    data = report_data(
        **{"melding-TOTAL_FORMS": "2"},
        **matter(0, Signal.Category.LIGHTING, "Lindelaan", "Lamp brandt niet."),
        **matter(1, Signal.Category.PAVING, "Vijverweg", "Losse tegels bij het bankje."),
    )
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url + "bedankt/"
    report = PatrolReport.objects.get()
    assert report.team == team and not report.is_quiet
    assert report.route == "Lindelaan, Esdoornstraat, Vijverweg" and report.walker_count == 2
    signals = list(report.signals.order_by("pk"))
    assert [(s.category, s.street, s.status) for s in signals] == [
        (Signal.Category.LIGHTING, "Lindelaan", Signal.Status.RECEIVED),
        (Signal.Category.PAVING, "Vijverweg", Signal.Status.RECEIVED),
    ]
    assert all(s.reported_on == YESTERDAY for s in signals)

    thanks = client.get(url + "bedankt/").content.decode()
    assert "Lindelaan" in thanks and "Vijverweg" in thanks and "2 meldingen" in thanks
    # Another browser on the same thank-you address sees nothing of it.
    assert "Vijverweg" not in Client().get(url + "bedankt/").content.decode()


def test_a_quiet_round_stores_only_date_times_and_route(client, page, team):
    data = report_data(
        report_kind="rustig",
        noticed_something="ja",
        noticed="Iets dat niet bewaard mag worden.",
        **matter(0, Signal.Category.LIGHTING, "Lindelaan", "Lamp brandt niet."),
    )
    data.pop("area")
    data.pop("walker_count")
    assert client.post(team_url(page, team.new_link_token()), data).status_code == 302
    report = PatrolReport.objects.get()
    assert report.is_quiet and report.noticed == "" and report.walker_count is None
    assert Signal.objects.count() == 0


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"walked_on": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}, "walked_on", "toekomst"),
        ({"walked_on": (timezone.localdate() - datetime.timedelta(days=40)).isoformat()}, "walked_on", "langer dan"),
        ({"end_time": "19:00"}, "end_time", "De eindtijd ligt vóór of op de begintijd"),
        ({"route": ""}, "route", "Vul de route in"),
        ({"noticed_something": "ja", "noticed": ""}, "noticed", "Vertel kort wat er opviel"),
        (matter(0, "", "Lindelaan", "Lamp brandt niet."), "melding-0-category", "Kies wat voor melding het is"),
        (matter(0, Signal.Category.LIGHTING, "", "Lamp brandt niet."), "melding-0-street", "Vul de straat in"),
    ],
)
def test_bad_input_is_refused_in_dutch_keeps_what_was_typed_and_stores_nothing(
    client, page, team, change, field, message
):
    response = client.post(team_url(page, team.new_link_token()), report_data(**change))
    assert response.status_code == 200
    assert message in error_summary(response)
    # (Django starts a textarea with a newline, which browsers drop.)
    assert soup(response).find("textarea", attrs={"name": "route"}).get_text().lstrip("\n") == change.get(
        "route", "Lindelaan, Esdoornstraat, Vijverweg"
    )
    assert soup(response).find(attrs={"name": field}).get("aria-invalid") == "true"
    assert PatrolReport.objects.count() == 0 and Signal.objects.count() == 0


def test_walkers_come_from_this_team_and_no_more_than_walked(client, page, team):
    mine = [TeamMemberFactory(team=team, name="Fatima"), TeamMemberFactory(team=team, name="Kees")]
    stranger = TeamMemberFactory(name="Iemand anders")
    url = team_url(page, team.new_link_token())
    response = client.post(url, report_data(walkers=[str(stranger.pk)]))
    assert "Kies alleen leden van jullie eigen team." in error_summary(response)
    response = client.post(url, report_data(walker_count="1", walkers=[str(m.pk) for m in mine]))
    assert "Je koos meer teamleden dan er liepen" in error_summary(response)
    assert PatrolReport.objects.count() == 0
    assert client.post(url, report_data(walkers=[str(m.pk) for m in mine])).status_code == 302
    assert set(PatrolReport.objects.get().walkers.all()) == set(mine)


def test_one_more_matter_row_keeps_everything_and_stores_nothing(client, page, team):
    data = report_data(nog_een_melding="1", route="", **matter(0, Signal.Category.GREENERY, "Kerkpad", "Tak."))
    response = client.post(team_url(page, team.new_link_token()), data)
    assert response.status_code == 200
    legends = [legend.get_text(strip=True) for legend in soup(response).select(".report-form__matter legend")]
    assert legends == ["Melding 1", "Melding 2"]
    assert soup(response).select_one(".error-summary") is None  # the empty route is not checked yet
    assert soup(response).find(attrs={"name": "melding-0-street"})["value"] == "Kerkpad"
    assert PatrolReport.objects.count() == 0


def test_a_filled_honeypot_gets_the_same_redirect_and_stores_nothing(client, page, team):
    url = team_url(page, team.new_link_token())
    response = client.post(url, report_data(website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == url + "bedankt/"
    assert PatrolReport.objects.count() == 0


def test_posts_are_rate_limited(client, page, team):
    url = team_url(page, team.new_link_token())
    for _ in range(DEFAULT_LIMIT):
        client.post(url, report_data(route=""))
    assert client.post(url, report_data()).status_code == 429
    assert PatrolReport.objects.count() == 0


# --- the history -----------------------------------------------------------------------------


def test_the_team_sees_every_response_and_status(client, page, team):
    signal = SignalFactory(report__team=team, street="Lindelaan", house_number="12")
    signal.change_status(Signal.Status.SOLVED, response="De lamp is vervangen.")
    html = client.get(team_url(page, team.new_link_token())).content.decode()
    assert "De lamp is vervangen." in html and "Opgelost" in html
    assert "Lindelaan 12" not in html  # street level, as everywhere in public


def test_the_team_page_query_count_does_not_grow_with_reports(client, page, team):
    token = team.new_link_token()

    def queries_with(count):
        for _ in range(count):
            signal = SignalFactory(report__team=team)
            signal.change_status(Signal.Status.NOT_TAKEN, response="Niet van de gemeente.")
        client.get(team_url(page, token))  # warms the site's root paths and the settings
        client.get(team_url(page, token))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(team_url(page, token))
        assert response.status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(10)
