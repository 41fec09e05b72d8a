"""The figures of a feedback period, computed with database aggregates and kept in the page cache.

``period_figures(start, end)`` answers, for the rounds walked (by ``walked_on``)
and the signals (by ``reported_on``) from ``start`` up to and including ``end``:
rounds walked, active teams, signals per category (all five, zero included),
the share solved, the median days to a solution, and rounds and signals per
month (a period longer than a month) or per week (a month).

Three queries, whatever the number of reports: one aggregate over the reports,
one over the signals (a filtered count per category and per bucket), and one
that reads the middle row(s) of the solved signals for the median (count
first, then ORDER BY ... OFFSET: it works the same on SQLite and PostgreSQL).

The result is a plain dict of numbers, dates and labels: no personal data, no
streets, no house numbers. It is kept with ``home.page_cache.remembered``:
saving a PatrolReport or a Signal empties that cache (apps.py registers them as
content models), so a new report or a status change shows at once.
"""

import datetime
import hashlib

from django.db.models import Count, Q

from home.page_cache import remembered

from .models import PatrolReport, Signal
from .models.pages import MONTH_NAMES


def buckets(start, end):
    """``[(label, first day, last day)]``: per month, or per week (from Monday) when the period is one month."""
    if (end - start).days < 31:
        result, first = [], start
        while first <= end:
            last = min(end, first + datetime.timedelta(days=6 - first.weekday()))
            result.append((f"{first.day} t/m {last.day} {MONTH_NAMES[last.month - 1][:3]}", first, last))
            first = last + datetime.timedelta(days=1)
        return result
    result, first = [], start
    while first <= end:
        next_month = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        last = min(end, next_month - datetime.timedelta(days=1))
        result.append((MONTH_NAMES[first.month - 1], first, last))
        first = last + datetime.timedelta(days=1)
    return result


def _median(solved_with_days, signals):
    """The median of ``days_to_solution`` over ``signals`` (``solved_with_days`` of them have one), or None."""
    if not solved_with_days:
        return None
    middle = (solved_with_days - 1) // 2
    take = 1 if solved_with_days % 2 else 2
    values = list(
        signals.filter(status=Signal.Status.SOLVED, days_to_solution__isnull=False)
        .order_by("days_to_solution")
        .values_list("days_to_solution", flat=True)[middle : middle + take]
    )
    return sum(values) / len(values)


def compute_figures(start, end):
    """The figures of the period, straight from the database (see the module's docstring)."""
    periods = buckets(start, end)
    reports = PatrolReport.objects.in_period(start, end)
    report_totals = reports.aggregate(
        rounds=Count("pk"),
        teams=Count("team", distinct=True),
        **{
            f"b{i}": Count("pk", filter=Q(walked_on__range=(first, last))) for i, (_, first, last) in enumerate(periods)
        },
    )
    signals = Signal.objects.filter(reported_on__gte=start, reported_on__lte=end)
    solved = Q(status=Signal.Status.SOLVED)
    signal_totals = signals.aggregate(
        total=Count("pk"),
        solved=Count("pk", filter=solved),
        solved_with_days=Count("pk", filter=solved & Q(days_to_solution__isnull=False)),
        **{f"c_{value}": Count("pk", filter=Q(category=value)) for value in Signal.Category.values},
        **{
            f"b{i}": Count("pk", filter=Q(reported_on__range=(first, last)))
            for i, (_, first, last) in enumerate(periods)
        },
    )
    total = signal_totals["total"]
    return {
        "start": start,
        "end": end,
        "rounds": report_totals["rounds"],
        "teams": report_totals["teams"],
        "signals": total,
        "solved": signal_totals["solved"],
        # None when there were no signals: "nog niet te zeggen", not 0 %.
        "solved_share": round(100 * signal_totals["solved"] / total) if total else None,
        "median_days": _median(signal_totals["solved_with_days"], signals),
        "per_category": [
            {"value": value, "label": label, "count": signal_totals[f"c_{value}"]}
            for value, label in Signal.Category.choices
        ],
        "per_week": (end - start).days < 31,
        "per_bucket": [
            {
                "label": label,
                "first": first,
                "last": last,
                "rounds": report_totals[f"b{i}"],
                "signals": signal_totals[f"b{i}"],
            }
            for i, (label, first, last) in enumerate(periods)
        ],
    }


def period_figures(start, end):
    """``compute_figures(start, end)``, kept until the next change of content, a report or a signal."""
    return remembered(f"feedback-figures:{start.isoformat()}:{end.isoformat()}", lambda: compute_figures(start, end))


def rounds_per_page(pages):
    """``{page.pk: rounds walked in its period}`` for feedback pages, in one query, kept like the figures."""
    pages = list(pages)
    if not pages:
        return {}

    def compute():
        reports = PatrolReport.objects.in_period(
            min(page.period_start for page in pages), max(page.period_end for page in pages)
        )
        totals = reports.aggregate(
            **{
                f"p{page.pk}": Count("pk", filter=Q(walked_on__range=(page.period_start, page.period_end)))
                for page in pages
            }
        )
        return {page.pk: totals[f"p{page.pk}"] for page in pages}

    # Hashed: the cache's keys have a length limit, the list of pages has none.
    key = ",".join(f"{page.pk}:{page.period_start.isoformat()}:{page.period_end.isoformat()}" for page in pages)
    return remembered(f"feedback-rounds:{hashlib.sha256(key.encode()).hexdigest()}", compute)
