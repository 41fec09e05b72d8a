"""The lists of reports and signals: filters, search, formula-safe export, query counts."""

import csv
import io
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from terugkoppeling.admin.filters import period_bounds
from terugkoppeling.models import PatrolReport, Signal
from tests.factories import PatrolReportFactory, SignalFactory, TeamFactory, WijkFactory

from .signal_admin_support import REPORTS_URL, SIGNALS_URL, handler


@pytest.fixture
def handler_client(client, db):
    client.force_login(handler())
    return client


def listed_ids(client, url):
    """The pks of the rows in a list (from the detail links)."""
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    ids = set()
    for link in soup.select("table.listing a[href*='/edit/']"):
        ids.add(int(link["href"].rstrip("/").rsplit("/", 1)[1]))
    return ids


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.fixture
def world(db):
    today = timezone.localdate()
    noord, zuid = WijkFactory(name="Noord"), WijkFactory(name="Zuid")
    team_a = TeamFactory(name="Team A", wijk=noord)
    team_b = TeamFactory(name="Team B", wijk=zuid)
    this_month = PatrolReportFactory(team=team_a, walked_on=today, route="Dorpsstraat")
    # Built directly: the form refuses rounds older than 30 days, the admin shows them.
    earlier = today.replace(day=1) - timedelta(days=40)
    old = PatrolReportFactory(team=team_b, walked_on=earlier, is_quiet=True, route="Kerkpad", noticed="")
    signals = {
        "licht": SignalFactory(report=this_month, category="verlichting", street="Molenweg"),
        "afval": SignalFactory(report=this_month, category="afval", street="Beukenlaan", description="Vuilniszakken"),
        "oud": SignalFactory(report=old, category="verlichting", street="Kerkpad", status="opgelost"),
    }
    return {"teams": (team_a, team_b), "wijken": (noord, zuid), "reports": (this_month, old), "signals": signals}


def test_period_bounds():
    today = date(2026, 5, 20)
    assert period_bounds("deze_maand", today) == (date(2026, 5, 1), today)
    assert period_bounds("vorige_maand", today) == (date(2026, 4, 1), date(2026, 4, 30))
    assert period_bounds("dit_kwartaal", today) == (date(2026, 4, 1), today)
    assert period_bounds("vorig_kwartaal", today) == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_bounds("vorig_kwartaal", date(2026, 2, 3)) == (date(2025, 10, 1), date(2025, 12, 31))
    assert period_bounds("vorige_maand", date(2026, 1, 9)) == (date(2025, 12, 1), date(2025, 12, 31))


def test_report_filters_narrow_the_list(handler_client, world):
    new, old = world["reports"]
    team_a, zuid = world["teams"][0], world["wijken"][1]
    assert listed_ids(handler_client, REPORTS_URL) == {new.pk, old.pk}
    assert listed_ids(handler_client, f"{REPORTS_URL}?team={team_a.pk}") == {new.pk}
    assert listed_ids(handler_client, f"{REPORTS_URL}?wijk={zuid.pk}") == {old.pk}
    assert listed_ids(handler_client, f"{REPORTS_URL}?periode=deze_maand") == {new.pk}
    assert listed_ids(handler_client, f"{REPORTS_URL}?rustig=1") == {old.pk}
    assert listed_ids(handler_client, f"{REPORTS_URL}?rustig=0") == {new.pk}
    assert listed_ids(handler_client, f"{REPORTS_URL}?team={team_a.pk}&rustig=1") == set()
    # Unknown values and parameters are ignored, not a server error.
    assert listed_ids(handler_client, f"{REPORTS_URL}?periode=ooit&team=abc&foo=1") == {new.pk, old.pk}


def test_report_search_and_signal_count(handler_client, world):
    new, old = world["reports"]
    assert listed_ids(handler_client, f"{REPORTS_URL}?q=Kerkpad") == {new.pk, old.pk}  # route, and "noticed"
    assert listed_ids(handler_client, f"{REPORTS_URL}?q=Dorpsstraat") == {new.pk}
    assert listed_ids(handler_client, f"{REPORTS_URL}?q=schuurdeur") == {new.pk}  # in "noticed"
    rows = BeautifulSoup(handler_client.get(f"{REPORTS_URL}?team={world['teams'][0].pk}").content, "html.parser")
    assert [td.get_text(strip=True) for td in rows.select("td.field-signal_count")] == ["2"]


def test_signal_filters_narrow_the_list(handler_client, world):
    s = world["signals"]
    team_b, noord = world["teams"][1], world["wijken"][0]
    everything = {signal.pk for signal in s.values()}
    assert listed_ids(handler_client, SIGNALS_URL) == everything
    assert listed_ids(handler_client, f"{SIGNALS_URL}?team={team_b.pk}") == {s["oud"].pk}
    assert listed_ids(handler_client, f"{SIGNALS_URL}?wijk={noord.pk}") == {s["licht"].pk, s["afval"].pk}
    assert listed_ids(handler_client, f"{SIGNALS_URL}?periode=deze_maand") == {s["licht"].pk, s["afval"].pk}
    assert listed_ids(handler_client, f"{SIGNALS_URL}?soort=verlichting") == {s["licht"].pk, s["oud"].pk}
    assert listed_ids(handler_client, f"{SIGNALS_URL}?status=opgelost") == {s["oud"].pk}
    assert listed_ids(handler_client, f"{SIGNALS_URL}?status=ontvangen&soort=afval") == {s["afval"].pk}
    assert listed_ids(handler_client, f"{SIGNALS_URL}?q=Beukenlaan") == {s["afval"].pk}
    assert listed_ids(handler_client, f"{SIGNALS_URL}?q=vuilniszakken") == {s["afval"].pk}


def test_the_status_filter_counts_within_the_other_filters(handler_client, world):
    noord = world["wijken"][0]
    soup = BeautifulSoup(handler_client.get(f"{SIGNALS_URL}?wijk={noord.pk}").content, "html.parser")
    choices = [" ".join(a.get_text().split()) for a in soup.select(".listing-filters__group a")]
    assert "Ontvangen (2)" in choices and "Opgelost (0)" in choices


def test_the_report_export_is_formula_safe(handler_client, world):
    report = world["reports"][0]
    PatrolReport.objects.filter(pk=report.pk).update(route='=HYPERLINK("https://kwaad.example")')
    response = handler_client.get(f"{REPORTS_URL}?export=csv&team={world['teams'][0].pk}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    header, row = csv_rows(response)
    assert header[:4] == ["Datum", "Begintijd", "Eindtijd", "Team"]
    assert row[header.index("Route")] == '\'=HYPERLINK("https://kwaad.example")'
    assert row[header.index("Meldingen openbare ruimte")] == "2"
    assert row[header.index("Wijk")] == "Noord"

    response = handler_client.get(f"{REPORTS_URL}?export=xlsx&team={world['teams'][0].pk}")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("Route") + 1)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")  # text, never a formula


def test_the_signal_export_follows_the_filters_and_is_formula_safe(handler_client, world):
    s = world["signals"]
    Signal.objects.filter(pk=s["afval"].pk).update(description="+31 bel mij", street="@straat")
    rows = csv_rows(handler_client.get(f"{SIGNALS_URL}?export=csv&soort=afval"))
    header, row = rows
    assert len(rows) == 2
    assert row[header.index("Nummer")] == s["afval"].reference
    assert row[header.index("Wat is er aan de hand")] == "'+31 bel mij"
    assert row[header.index("Straat")] == "'@straat"
    assert row[header.index("Bij huisnummer")] == "12"
    assert row[header.index("Status")] == "Ontvangen"


def make_rows(count):
    team = TeamFactory()
    for _ in range(count):
        SignalFactory(report=PatrolReportFactory(team=team))


@pytest.mark.parametrize("url", [REPORTS_URL, SIGNALS_URL, f"{SIGNALS_URL}?export=csv", f"{REPORTS_URL}?export=csv"])
def test_query_counts_do_not_grow_with_rows(handler_client, db, url):
    make_rows(2)
    handler_client.get(url)  # warm up (sessions, site, permissions)
    with CaptureQueriesContext(connection) as few:
        assert handler_client.get(url).status_code == 200
    make_rows(15)
    with CaptureQueriesContext(connection) as many:
        assert handler_client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
