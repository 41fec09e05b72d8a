"""The feedback benchmark's side in its own database (see bench/feedback.py).

Runs in `manage.py shell` (see bench/django_side/__init__.py), in a copy of the demo database.
BENCH_ACTION says what to do:

- "pages": the paths of the live FeedbackPage and FeedbackIndexPage, and a team link of the
  demo team (a new token, made in this copy only: the demo's own link keeps working).
- "measure" (BENCH_PATHS: JSON {label: path}, BENCH_REPEAT): per page, the SQL queries and the
  median time of one request through Django's test client, three ways:
  "cold" (page cache off and the content version renewed before every request, as for the
  first visitor after a report or a status change: the figures are computed again), "off"
  (page cache off, the same content version: the figures, route and menu from the process's
  memory) and "cached" (page cache on, a hit). The slowest queries of the cold request are
  given with their plan (EXPLAIN QUERY PLAN on SQLite, EXPLAIN elsewhere).
- "fill" (BENCH_REPORTS, BENCH_SIGNALS, BENCH_TEAMS, BENCH_OWN_REPORTS): the large volume,
  with bulk_create: neighbour teams, patrol reports spread over the feedback page's period
  and the years around it, signals on a share of them, a status change per handled signal.
"""

import datetime
import json
import os
import random
import statistics
import time
import urllib.parse

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aanmelding.models import Team
from bench.django_side import emit
from home.page_cache import content_changed
from terugkoppeling.demo import texts
from terugkoppeling.models import FeedbackIndexPage, FeedbackPage, PatrolReport, Signal, SignalStatusChange

NEIGHBOUR_PREFIX = "Benchmarkteam"
SEED = 12


def page_path(page):
    url = page.get_url() if page else None
    return urllib.parse.urlsplit(url).path if url else None


def the_team():
    return Team.objects.active().filter(name=texts.TEAM_LINK_TEAM).first() or Team.objects.active().first()


def pages():
    feedback = FeedbackPage.objects.live().public().order_by("-year", "-period").first()
    index = FeedbackIndexPage.objects.live().public().first()
    team = the_team()
    from aanmelding.team_links import team_link_url

    link = team_link_url(team.new_link_token()) if team else None
    return {
        "feedback page": page_path(feedback),
        "feedback index": page_path(index),
        "team page": urllib.parse.urlsplit(link).path if link else None,
        "team": team.name if team else None,
        "period": [feedback.period_start.isoformat(), feedback.period_end.isoformat()] if feedback else None,
        "period_label": feedback.period_label() if feedback else None,
    }


def counts():
    team = the_team()
    feedback = FeedbackPage.objects.live().order_by("-year", "-period").first()
    out = {
        "reports": PatrolReport.objects.count(),
        "signals": Signal.objects.count(),
        "status_changes": SignalStatusChange.objects.count(),
        "teams": Team.objects.count(),
        "team_reports": team.patrol_reports.count() if team else 0,
    }
    if feedback:
        out["period_reports"] = PatrolReport.objects.in_period(feedback.period_start, feedback.period_end).count()
        out["period_signals"] = Signal.objects.filter(
            reported_on__range=(feedback.period_start, feedback.period_end)
        ).count()
    return out


def plan(sql):
    vendor = connection.vendor
    prefix = "EXPLAIN QUERY PLAN " if vendor == "sqlite" else "EXPLAIN "
    try:
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            rows = cursor.fetchall()
    except Exception as error:  # noqa: BLE001 - a plan is a help, not a result
        return [f"(no plan: {error})"]
    return [" ".join(str(part) for part in row[-1:]) if vendor == "sqlite" else str(row[0]) for row in rows]


def timed(client, path, repeat, before=None):
    seconds = []
    status = None
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(path)
        seconds.append(time.perf_counter() - started)
        status = response.status_code
    return {"median": statistics.median(seconds), "min": min(seconds), "max": max(seconds), "status": status}


def captured(client, path, before=None):
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    slowest = sorted(queries.captured_queries, key=lambda query: float(query["time"]), reverse=True)[:4]
    return {
        "queries": len(queries),
        "status": response.status_code,
        "bytes": len(response.content),
        "cache": response.get("X-Page-Cache", ""),
        "slowest": [
            {"ms": 1000 * float(query["time"]), "sql": query["sql"][:600], "plan": plan(query["sql"])}
            for query in slowest
            if query["sql"].lstrip().upper().startswith("SELECT")
        ],
    }


def measure():
    paths = json.loads(os.environ["BENCH_PATHS"])
    repeat = int(os.environ.get("BENCH_REPEAT", "15"))
    out = {}
    for label, path in paths.items():
        result = {"path": path}
        client = Client(HTTP_HOST="127.0.0.1")
        with override_settings(PAGE_CACHE_ENABLED=False):
            client.get(path)  # imports, templates, connections: not what a visitor waits for
            result["cold"] = timed(client, path, repeat, before=content_changed)
            result["cold"].update(captured(client, path, before=content_changed))
            client.get(path)
            result["off"] = timed(client, path, repeat)
            result["off"].update(captured(client, path))
        if not label.startswith("team"):  # the team page is never cached (it names a team's secret link)
            with override_settings(PAGE_CACHE_ENABLED=True):
                content_changed()
                client.get(path)  # stores the page
                client.get(path)
                result["cached"] = timed(client, path, repeat)
                result["cached"].update(captured(client, path))
        out[label] = result
    out["counts"] = counts()
    return out


def fill():
    rng = random.Random(SEED)
    total_reports = int(os.environ["BENCH_REPORTS"])
    total_signals = int(os.environ["BENCH_SIGNALS"])
    team_count = int(os.environ["BENCH_TEAMS"])
    own_reports = int(os.environ["BENCH_OWN_REPORTS"])
    team = the_team()
    feedback = FeedbackPage.objects.live().order_by("-year", "-period").first()
    started = time.perf_counter()

    existing = set(Team.objects.filter(name__startswith=NEIGHBOUR_PREFIX).values_list("name", flat=True))
    Team.objects.bulk_create(
        [
            Team(
                name=f"{NEIGHBOUR_PREFIX} {number:03d}",
                kind=Team.Kind.STREET_TEAM,
                wijk=team.wijk,
                coordinator_name=f"Coördinator {number:03d}",
                coordinator_email=f"team{number:03d}@example.org",
            )
            for number in range(1, team_count + 1)
            if f"{NEIGHBOUR_PREFIX} {number:03d}" not in existing
        ],
        batch_size=500,
    )
    neighbours = list(Team.objects.filter(name__startswith=NEIGHBOUR_PREFIX).values_list("pk", flat=True))

    today = timezone.localdate()
    start, end = feedback.period_start, feedback.period_end
    # A third of the reports in the feedback page's period, the rest over the three years up to today.
    first_day = today - datetime.timedelta(days=3 * 365)
    span = (today - first_day).days
    in_period = total_reports // 3
    routes = ["Rondje Noorderpark", "Havenkade en achterpaden", "Langs de school en het winkelcentrum"]

    def report(number, team_id):
        if number < in_period:
            walked_on = start + datetime.timedelta(days=rng.randrange((end - start).days + 1))
        else:
            walked_on = first_day + datetime.timedelta(days=rng.randrange(span + 1))
        hour = rng.choice([19, 20, 21])
        quiet = rng.random() < 0.3
        return PatrolReport(
            team_id=team_id,
            walked_on=walked_on,
            start_time=datetime.time(hour, 0),
            end_time=datetime.time(hour, 50),
            route=routes[number % len(routes)],
            is_quiet=quiet,
            area="" if quiet else PatrolReport.Area.MAIN_STREETS,
            walker_count=None if quiet else 2,
            noticed_something=None if quiet else False,
        )

    reports = [report(number, neighbours[number % len(neighbours)]) for number in range(total_reports - own_reports)]
    reports += [report(number, team.pk) for number in range(own_reports)]
    rng.shuffle(reports)  # ids not in date order, as with real reports filed late
    PatrolReport.objects.bulk_create(reports, batch_size=2000)
    report_seconds = time.perf_counter() - started

    candidates = list(
        PatrolReport.objects.filter(is_quiet=False, team_id__in=[*neighbours, team.pk])
        .exclude(signals__isnull=False)
        .values_list("pk", "walked_on")
    )
    picked = rng.sample(candidates, min(total_signals, len(candidates)))
    categories = Signal.Category.values
    statuses = [
        (Signal.Status.SOLVED, 0.45),
        (Signal.Status.NOT_TAKEN, 0.15),
        (Signal.Status.FORWARDED, 0.2),
        (Signal.Status.RECEIVED, 0.2),
    ]
    now = timezone.now()
    signals = []
    for pk, walked_on in picked:
        status = rng.choices([s for s, _ in statuses], [w for _, w in statuses])[0]
        days = rng.randrange(0, 60) if status == Signal.Status.SOLVED else None
        signals.append(
            Signal(
                report_id=pk,
                reported_on=walked_on,
                category=rng.choice(categories),
                street=rng.choice(["Parklaan", "Havenkade", "Schoolstraat", "Marktplein"]),
                description="Benchmarkmelding",
                status=status,
                days_to_solution=days,
                forwarded_at=now if status == Signal.Status.FORWARDED else None,
                closed_at=now if status in Signal.CLOSED_STATUSES else None,
            )
        )
    Signal.objects.bulk_create(signals, batch_size=2000)
    changes = [
        SignalStatusChange(signal_id=pk, from_status=Signal.Status.RECEIVED, to_status=status, response="Opgepakt.")
        for pk, status in Signal.objects.filter(description="Benchmarkmelding")
        .exclude(status=Signal.Status.RECEIVED)
        .values_list("pk", "status")
    ]
    SignalStatusChange.objects.bulk_create(changes, batch_size=2000)
    # bulk_create sends no post_save: empty the page cache (and the kept figures) once.
    content_changed()
    return {"seconds": time.perf_counter() - started, "report_seconds": report_seconds, "counts": counts()}


ACTIONS = {"pages": pages, "measure": measure, "fill": fill, "counts": counts}


def main() -> None:
    emit(ACTIONS[os.environ["BENCH_ACTION"]]())
