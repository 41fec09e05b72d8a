"""The figures of a feedback period equal a count made here, independently, over the rows the test made."""

import datetime
import statistics

import pytest

from terugkoppeling.figures import buckets, compute_figures, period_figures
from terugkoppeling.models import PatrolReport, Signal
from tests.factories import PatrolReportFactory, SignalFactory, TeamFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)  # 3e kwartaal 2026
SOLVED = Signal.Status.SOLVED


def make_period_rows():
    """Reports and signals on and just outside the period's edges, in every category and status."""
    teams = TeamFactory.create_batch(4)
    days = [
        START - datetime.timedelta(days=1),
        START,
        datetime.date(2026, 7, 31),
        datetime.date(2026, 8, 1),
        datetime.date(2026, 8, 15),
        datetime.date(2026, 9, 2),
        END,
        END + datetime.timedelta(days=1),
    ]
    reports = []
    for n, day in enumerate(days):
        # Team 3 walks only outside the period: it is not an active team of it.
        team = teams[3] if day in (days[0], days[-1]) else teams[n % 3]
        reports.append(PatrolReportFactory(team=team, walked_on=day))
    categories = Signal.Category.values
    statuses = [Signal.Status.RECEIVED, Signal.Status.FORWARDED, SOLVED, Signal.Status.NOT_TAKEN, SOLVED]
    for n, report in enumerate(reports):
        for k in range(n % 3 + 1):
            status = statuses[(n + k) % len(statuses)]
            SignalFactory(
                report=report,
                category=categories[(n * 2 + k) % len(categories)],
                status=status,
                days_to_solution=(3 * n + 7 * k) % 11 if status == SOLVED else None,
            )
    return reports


def independent_figures():
    """The same figures, counted in Python over every row (what the database must agree with)."""
    reports = [r for r in PatrolReport.objects.all() if START <= r.walked_on <= END]
    signals = [s for s in Signal.objects.all() if START <= s.reported_on <= END]
    solved = [s for s in signals if s.status == SOLVED]
    months = [(7, "juli"), (8, "augustus"), (9, "september")]
    return {
        "rounds": len(reports),
        "teams": len({r.team_id for r in reports}),
        "signals": len(signals),
        "solved": len(solved),
        "solved_share": round(100 * len(solved) / len(signals)),
        "median_days": statistics.median([s.days_to_solution for s in solved]),
        "per_category": {c: sum(1 for s in signals if s.category == c) for c in Signal.Category.values},
        "per_bucket": [
            (
                name,
                sum(1 for r in reports if r.walked_on.month == month),
                sum(1 for s in signals if s.reported_on.month == month),
            )
            for month, name in months
        ],
    }


def test_the_figures_equal_an_independent_count():
    make_period_rows()
    expected = independent_figures()
    figures = compute_figures(START, END)
    assert figures["rounds"] == expected["rounds"] == 6
    assert figures["teams"] == expected["teams"] == 3
    assert figures["signals"] == expected["signals"]
    assert figures["solved"] == expected["solved"]
    assert figures["solved_share"] == expected["solved_share"]
    assert figures["median_days"] == expected["median_days"]
    assert {row["value"]: row["count"] for row in figures["per_category"]} == expected["per_category"]
    assert [(row["label"], row["rounds"], row["signals"]) for row in figures["per_bucket"]] == expected["per_bucket"]
    assert not figures["per_week"]


def test_every_category_is_listed_also_without_signals():
    SignalFactory(reported_on=START, category=Signal.Category.GREENERY)
    figures = compute_figures(START, END)
    assert [row["value"] for row in figures["per_category"]] == Signal.Category.values
    assert {row["value"]: row["count"] for row in figures["per_category"]} == {
        "verlichting": 0,
        "bestrating": 0,
        "groen": 1,
        "afval": 0,
        "anders": 0,
    }


@pytest.mark.parametrize(
    ("days", "median"),
    [([9, 2, 5], 5), ([9, 2, 20, 5], 7), ([4], 4), ([1, 2], 1.5)],
    ids=["odd", "even", "one", "two"],
)
def test_median_days_to_a_solution(days, median):
    for value in days:
        SignalFactory(reported_on=START, status=SOLVED, days_to_solution=value)
    # Not solved, or solved outside the period: not part of the median.
    SignalFactory(reported_on=START, status=Signal.Status.FORWARDED, days_to_solution=None)
    SignalFactory(reported_on=END + datetime.timedelta(days=1), status=SOLVED, days_to_solution=100)
    assert compute_figures(START, END)["median_days"] == median == statistics.median(days)


def test_without_signals_share_and_median_are_not_yet_known():
    PatrolReportFactory(walked_on=START)
    figures = compute_figures(START, END)
    assert figures["rounds"] == 1 and figures["signals"] == 0
    assert figures["solved_share"] is None and figures["median_days"] is None


def test_a_month_is_counted_per_week_from_monday():
    start, end = datetime.date(2026, 10, 1), datetime.date(2026, 10, 31)  # a Thursday to a Saturday
    weeks = buckets(start, end)
    assert [(first.day, last.day) for _, first, last in weeks] == [(1, 4), (5, 11), (12, 18), (19, 25), (26, 31)]
    assert weeks[0][0] == "1 t/m 4 okt"
    PatrolReportFactory(walked_on=datetime.date(2026, 10, 4))
    PatrolReportFactory(walked_on=datetime.date(2026, 10, 5))
    SignalFactory(reported_on=datetime.date(2026, 10, 31))
    figures = compute_figures(start, end)
    assert figures["per_week"]
    assert [(row["rounds"], row["signals"]) for row in figures["per_bucket"]] == [
        (1, 0),
        (1, 0),
        (0, 0),
        (0, 0),
        (0, 1),
    ]


def test_the_figures_cost_three_queries_however_many_rows(django_assert_num_queries):
    make_period_rows()
    with django_assert_num_queries(3):
        compute_figures(START, END)


def test_kept_figures_are_refreshed_by_a_new_report_and_a_status_change(settings):
    settings.PAGE_CACHE_ENABLED = True
    report = PatrolReportFactory(walked_on=START)
    signal = SignalFactory(report=report)
    assert period_figures(START, END)["rounds"] == 1
    PatrolReportFactory(walked_on=END)
    assert period_figures(START, END)["rounds"] == 2
    assert period_figures(START, END)["solved"] == 0
    signal.change_status(SOLVED, response="De lamp brandt weer.")
    assert period_figures(START, END)["solved"] == 1


def test_the_figures_hold_no_streets_or_house_numbers():
    SignalFactory(reported_on=START, street="Zwanenbloemstraat", house_number="12")
    assert "Zwanenbloemstraat" not in repr(compute_figures(START, END))
