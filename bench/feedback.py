"""The feedback pages and the team page with a large volume of reports (part of bench/run.py).

In a database of its own (var/bench-feedback.sqlite3, a copy of the demo database, so the demo's
own database is never filled with benchmark data), with the production settings:

1. the feedback page of the demo (the last complete quarter), the feedback index and the team page
   of the demo team (a team link made in the copy) are requested through Django's test client
   with the small demo data: SQL queries and median time, three ways (see
   bench/django_side/feedback_db.py): **cold** (page cache off and the content version renewed
   before every request, as for the first visitor after a report or a status change: figures,
   route, settings and menu all read again), **off** (page cache off, nothing changed since the
   last request) and **cached** (a page cache hit);
2. about 100,000 patrol reports of 60 neighbour teams (a third in the feedback page's period, the
   rest over three years; 2,000 of them the demo team's own) and 20,000 signals on them, with a
   status change for every handled one, are added with bulk_create;
3. the same requests again, and the slowest queries of the cold requests with their plan;
4. gunicorn on that database, as in bench/run.py, loads the pages with wrk: page cache on (hits)
   and page cache off.

Targets (cold render of the feedback page and the index, 100,000 reports): median under 0.5 s,
at most 12 SQL queries, and as many queries as with the demo data; the team page's time and
queries are reported, with the same comparison. The database is deleted afterwards.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3

from bench.common import ROOT, BenchError, log
from bench.load import LoadResult
from bench.pages import PageResult, measure_pages
from bench.server import Server, manage_shell_json
from bench.web import fetch, stylesheet_path

SIDE = "bench.django_side.feedback_db"
DATABASE_FILE = ROOT / "var" / "bench-feedback.sqlite3"
DEMO_DATABASE = ROOT / "var" / "db.sqlite3"
REPORTS = 100_000
SIGNALS = 20_000
NEIGHBOUR_TEAMS = 60
OWN_REPORTS = 2_000
REPEAT = 15
TARGET_SECONDS = 0.5
TARGET_QUERIES = 12
PAGE_LABELS = ["feedback page", "feedback index"]
TEAM_LABEL = "team page"
TEAM_PATH_SHOWN = "/loopronde/team/<token>/"


@dataclasses.dataclass
class FeedbackResult:
    paths: dict[str, str]
    period_label: str
    team: str
    small: dict
    large: dict
    fill: dict
    cached_pages: list[PageResult]
    cached_ceiling: PageResult
    off_pages: list[PageResult]
    off_ceiling: PageResult
    static_runs: list[LoadResult]
    problems: list[str]


def copy_demo_database(env: dict[str, str]) -> str:
    """A fresh copy of the demo database (SQLite's backup API: consistent with WAL too); its URL."""
    source_url = env.get("DATABASE_URL") or ""
    if source_url and not source_url.startswith("sqlite:///"):
        raise BenchError("the feedback benchmark copies the demo database and needs SQLite; use --no-feedback")
    source = source_url.removeprefix("sqlite:///") if source_url else str(DEMO_DATABASE)
    if not os.path.exists(source):
        raise BenchError(f"{source} is missing; run `make demo` first")
    remove_database()
    log(f"copying the demo database to {DATABASE_FILE.relative_to(ROOT)}")
    with sqlite3.connect(source) as origin, sqlite3.connect(DATABASE_FILE) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()
    return f"sqlite:///{DATABASE_FILE}"


def remove_database() -> None:
    for leftover in DATABASE_FILE.parent.glob(DATABASE_FILE.name + "*"):
        leftover.unlink()


def side(env: dict[str, str], action: str, **variables: str) -> dict:
    return manage_shell_json(env, SIDE, f"the feedback benchmark's {action}", BENCH_ACTION=action, **variables)


def load_runs(args, tool, paths, large, database_url, page_cache: bool):
    """gunicorn on the benchmark database: the pages under wrk, with the page cache on or off."""
    extra = {"DATABASE_URL": database_url}
    if not page_cache:
        extra["DJANGO_PAGE_CACHE"] = "0"
    labels = PAGE_LABELS if page_cache else [*PAGE_LABELS, TEAM_LABEL]
    mode = "cached" if page_cache else "off"
    with Server(args.port, **extra) as server:
        _, _, home_html = fetch(args.port, "/")
        css_path = stylesheet_path(home_html)
        pages = []
        for label in labels:
            path = paths[label]
            fetch(args.port, path)
            status, headers, body = fetch(args.port, path)
            if status != 200:
                raise BenchError(f"{label} {path} answered {status} in the feedback benchmark")
            cache = headers.get("x-page-cache", "off")
            shown = f"{label}, page cache off" if not page_cache else label
            pages.append(PageResult(shown, path, status, len(body), large[label][mode]["queries"], cache))
        status, _, css = fetch(args.port, css_path)
        ceiling = PageResult("static file", css_path, status, len(css), None)
        static_runs, failed = measure_pages(server, pages, ceiling, args, tool)
    for page in pages:
        if page.label.startswith(TEAM_LABEL):
            page.path = TEAM_PATH_SHOWN  # the token stays out of the report
    if failed:
        raise BenchError("requests failed under load in the feedback benchmark")
    return pages, ceiling, static_runs


def check(small: dict, large: dict) -> list[str]:
    problems = []
    for label in [*PAGE_LABELS, TEAM_LABEL]:
        cold = large[label]["cold"]
        if cold["status"] != 200:
            problems.append(f"{label} answered {cold['status']}")
        if cold["median"] >= TARGET_SECONDS:
            problems.append(f"{label}: cold render {cold['median'] * 1000:.0f} ms (target under {TARGET_SECONDS:g} s)")
        if label in PAGE_LABELS and cold["queries"] > TARGET_QUERIES:
            problems.append(f"{label}: {cold['queries']} SQL queries cold (target at most {TARGET_QUERIES})")
        for mode in ("cold", "off", "cached"):
            if mode in large[label] and large[label][mode]["queries"] != small[label][mode]["queries"]:
                problems.append(
                    f"{label} ({mode}): {large[label][mode]['queries']} SQL queries with "
                    f"{REPORTS:,} reports, {small[label][mode]['queries']} with the demo data"
                )
    return problems


def feedback_benchmark(args, tool: str) -> FeedbackResult:
    server_env = Server(args.port).env
    database_url = copy_demo_database(server_env)
    try:
        preparing = Server(args.port, DATABASE_URL=database_url)
        preparing.prepare()  # collectstatic and migrate, as for the server
        env = preparing.env
        found = side(env, "pages")
        paths = {label: found[label] for label in [*PAGE_LABELS, TEAM_LABEL]}
        missing = [label for label, path in paths.items() if not path]
        if missing:
            raise BenchError(f"feedback benchmark: no URL for {', '.join(missing)} (is the demo content loaded?)")
        measure = {"BENCH_PATHS": json.dumps(paths), "BENCH_REPEAT": str(REPEAT)}
        log("feedback pages and team page with the demo data")
        small = side(env, "measure", **measure)
        log(f"adding {REPORTS:,} reports and {SIGNALS:,} signals with bulk_create")
        fill = side(
            env,
            "fill",
            BENCH_REPORTS=str(REPORTS),
            BENCH_SIGNALS=str(SIGNALS),
            BENCH_TEAMS=str(NEIGHBOUR_TEAMS),
            BENCH_OWN_REPORTS=str(OWN_REPORTS),
        )
        log(f"  added in {fill['seconds']:.1f} s: {fill['counts']}")
        log(f"feedback pages and team page with {REPORTS:,} reports")
        large = side(env, "measure", **measure)
        for label in paths:
            for mode in ("cold", "off", "cached"):
                if mode in large[label]:
                    result = large[label][mode]
                    log(f"  {label:15} {mode:6} {result['median'] * 1000:7.1f} ms  {result['queries']} queries")
        cached_pages, cached_ceiling, cached_runs = load_runs(args, tool, paths, large, database_url, True)
        off_pages, off_ceiling, off_runs = load_runs(args, tool, paths, large, database_url, False)
    finally:
        remove_database()
    return FeedbackResult(
        paths=paths,
        period_label=found["period_label"],
        team=found["team"],
        small=small,
        large=large,
        fill=fill,
        cached_pages=cached_pages,
        cached_ceiling=cached_ceiling,
        off_pages=off_pages,
        off_ceiling=off_ceiling,
        static_runs=[*cached_runs, *off_runs],
        problems=check(small, large),
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def feedback_section(result: FeedbackResult | None) -> str:
    from bench.report import results_table

    title = f"## Feedback pages and team page with {REPORTS:,} reports"
    if result is None:
        return f"{title}\n\nSkipped (`--no-feedback`).\n"
    counts = result.large["counts"]
    rows = []
    for label in [*PAGE_LABELS, TEAM_LABEL]:
        small, large = result.small[label], result.large[label]
        for mode, what in (("cold", "cold render"), ("off", "page cache off"), ("cached", "page cache hit")):
            if mode not in large:
                continue
            target = ""
            if mode == "cold":
                target = f"< {TARGET_SECONDS:g} s" + (f", ≤ {TARGET_QUERIES} queries" if label in PAGE_LABELS else "")
            rows.append(
                f"| {label}, {what} | `{large['path'] if label != TEAM_LABEL else TEAM_PATH_SHOWN}` | "
                f"{large[mode]['status']} | {ms(small[mode]['median'])} | {small[mode]['queries']} | "
                f"**{ms(large[mode]['median'])}** | **{large[mode]['queries']}** | {target} |"
            )
    slow = []
    for label in [*PAGE_LABELS, TEAM_LABEL]:
        for query in result.large[label]["cold"]["slowest"][:2]:
            if query["ms"] < 1:
                continue
            sql = query["sql"][:140].replace("|", "\\|")
            plan = "; ".join(query["plan"]).replace("|", "\\|")
            slow.append(f"- {label}, {query['ms']:.0f} ms: `{sql}…`: {plan}")
    verdict = "**passed**" if not result.problems else "**FAILED**: " + "; ".join(result.problems)
    cached_runs = result.static_runs[:2]
    off_runs = result.static_runs[2:]
    fill = result.fill
    return f"""{title}

`bench/feedback.py`, in a copy of the demo database (`var/bench-feedback.sqlite3`, deleted
afterwards): the feedback page of {result.period_label}, the feedback index and the team page of
{result.team} (a team link made in the copy), first with the demo data, then after
{REPORTS:,} patrol reports of {NEIGHBOUR_TEAMS} neighbour teams (a third in the feedback page's period, the rest over
three years; {OWN_REPORTS:,} of them the team's own) and {SIGNALS:,} signals were added with bulk_create
({fill["seconds"]:.1f} s): now {counts["reports"]:,} reports, {counts["signals"]:,} signals and
{counts["status_changes"]:,} status changes; {counts["period_reports"]:,} reports and
{counts["period_signals"]:,} signals in the feedback page's period; the team has {counts["team_reports"]:,} reports
(its page shows the latest 20).

Median of {REPEAT} requests through Django's test client, in one process with the production
settings. **Cold**: page cache off and the content version renewed before every request, as for the
first visitor after a new report or a status change: the figures are computed again with their
aggregates, and route, settings and menu are read again. **Page cache off**: `DJANGO_PAGE_CACHE=0`,
nothing changed since the previous request (the figures, route and menu from the process's memory).
**Page cache hit**: served whole from the page cache.

| what | URL | status | demo data | SQL queries | {REPORTS:,} reports | SQL queries | target |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
{chr(10).join(rows)}

Slowest queries of the cold requests with {REPORTS:,} reports, with SQLite's plan:

{chr(10).join(slow) or "- none over 1 ms"}

Verdict: {verdict}.

Under load (gunicorn as above on the same database, the same load generator), page cache on: static file
{cached_runs[0].requests_per_second:,.0f} req/s before the pages, {cached_runs[-1].requests_per_second:,.0f} after.

{results_table(result.cached_pages, result.cached_ceiling)}

Page cache off (`DJANGO_PAGE_CACHE=0`; the figures are computed once per process and then kept
until the next change): static file {off_runs[0].requests_per_second:,.0f} req/s before the pages,
{off_runs[-1].requests_per_second:,.0f} after.

{results_table(result.off_pages, result.off_ceiling)}
"""
