"""The report: the results tables and the markdown section written to docs/performance.md."""

from __future__ import annotations

import datetime
import os
import platform
import re
import subprocess
import sys
import textwrap
import urllib.parse
from pathlib import Path

from bench.burst import BURST_CAPACITY, BURST_RESIDENTS, BurstResult
from bench.common import REPORT, ROOT, log
from bench.load import fmt_ms
from bench.pages import FRESH_LABEL, PageResult
from bench.server import GUNICORN_WORKERS

RESULTS_MARKER = "<!-- Everything below this line is written by bench/run.py. -->"
# Per cent of the static-file ceiling a dossier chapter must reach: as served (from the page
# cache) and rendered fresh for every request (a second server run with the page cache off).
TARGET_SHARES = {"dossier chapter": 80.0, FRESH_LABEL: 6.0}
STABLE_SPREAD = 15.0  # per cent; more between the two static runs means a noisy machine


def machine_info() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 0
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, AttributeError):
        pass
    system = f"{platform.system()} {platform.release()}"
    return {"cpus": str(cores), "cpu": cpu, "summary": f"{cores} × {cpu}{memory}, {system}"}


def git_commit() -> str:
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short=12", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return commit


def database_label() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return "SQLite (var/db.sqlite3)"
    scheme = urllib.parse.urlsplit(url).scheme
    return {"postgres": "PostgreSQL", "postgresql": "PostgreSQL", "sqlite": "SQLite"}.get(scheme, scheme)


def results_table(pages: list[PageResult], ceiling: PageResult) -> str:
    def pct(value):
        return f"{value:.1f} %" if value is not None else "–"

    rows = [
        "| what | URL | status | page cache | req/s | p50 | p99 | % of static | server CPU/request "
        "| % of static (CPU) | SQL queries | HTML bytes |",
        "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in [*pages, ceiling]:
        is_ceiling = page is ceiling
        load = page.load
        cells = [
            page.label,
            f"`{page.path}`",
            str(page.status),
            "–" if is_ceiling else page.cache,
            f"{load.requests_per_second:,.1f}" if load else "–",
            fmt_ms(load.p50_ms) if load else "–",
            fmt_ms(load.p99_ms) if load else "–",
            "100 % (ceiling)" if is_ceiling else pct(page.share_of(ceiling.load)),
            fmt_ms(load.server_cpu_ms) if load else "–",
            "100 %" if is_ceiling else pct(page.cpu_share_of(ceiling.load)),
            "–" if page.queries is None else str(page.queries),
            f"{page.html_bytes:,} (CSS)" if is_ceiling else f"{page.html_bytes:,}",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


DEFAULT_INTRO = f"""# Performance

`make bench` starts the production-like server of `make serve` (gunicorn with
{GUNICORN_WORKERS} sync workers, `settings.production`, WhiteNoise for static files, the
demo content) on a loopback port and loads a few pages with
[wrk](https://github.com/wg/wrk) for a fixed time each. It also counts the SQL
queries one request of each page makes (a warm request, through Django's test
client with the same settings and database) and the size of its HTML.

How to read it: absolute requests per second depend on the machine and on the
load generator sharing its CPUs with the server, so every page is also given as
a percentage of the **static file** (the site's stylesheet, served by WhiteNoise
from the same workers in the same run). That file costs almost nothing in
Django, so it is the ceiling of this server on this machine; it is measured
before and after the pages, and when the two differ much, something else was
using the machine and the run should be repeated. "Server CPU/request" is the
CPU time gunicorn and its workers used per request during the run; the ratio
computed from it hardly depends on what else runs on the machine, so it is the
better number to compare runs with.

Content pages that opt in are kept whole in a shared page cache for anonymous
visitors (`home/page_cache.py`), so each page is measured twice: as served
(the "page cache" column shows `hit` when it came from the cache) and with a
query string, which the page cache does not answer whole. That is what
visitors with a session, logged-in editors and links with tracking parameters
get: Django serves the page, checks who may see it and renders its `<head>`,
while the route to the page, the site settings and the rendered body come
from the same cache (emptied on every content change). The SQL queries are
counted the same way (for a hit, in a process that has not served the page
yet: the content version and the cache lookup; after that only the version).

Then the server is started a second time with the page cache off
(`DJANGO_PAGE_CACHE=0`) and a dossier chapter and the static file are
measured again: every chapter request is now a **fresh render** (routing,
access check, StreamField and rich text, menu, breadcrumbs, footer), as the
first visitor after a content change gets it. Each process keeps only the
route, the site settings, the menu and the chapter's neighbours in memory
for as long as the content version (one row, read with one query per
request) stays the same; no HTML is kept. Its share is of the static file
of that same run. The targets: **a dossier chapter as served reaches at least
{TARGET_SHARES["dossier chapter"]:g} % of the static-file ceiling, and with the page cache off
(fresh render) at least {TARGET_SHARES[FRESH_LABEL]:g} %**; either one not met, or a page that
answers anything but 200, fails the benchmark. `--no-fresh` skips the second
run (and its target).

After the pages comes a **sign-up burst**: a fresh information evening with
{BURST_CAPACITY} seats is created in the same database, and {BURST_RESIDENTS} residents, each from a
loopback address in its own /24 (127.x.y.1, so the per-address rate limit and
the seats-per-network cap see {BURST_RESIDENTS} different households), open its
sign-up form, wait the minimum fill-in time of the spam protection and then all
send it at the same moment, some for two persons. It shows how long residents wait when a popular evening opens, and
whether the evening's lock keeps the sign-ups right under that rush: the
confirmed seats never exceed the capacity, the room is filled, and every
sign-up answered with the redirect to the thank-you page is stored, confirmed
or on the waitlist. Anything else fails the benchmark. The evening and
everything the burst stored are deleted afterwards; `--no-burst` skips it.

The section below is overwritten by every run; the numbers are from the
machine and commit it names.

{RESULTS_MARKER}
"""


def write_report(text: str) -> None:
    intro = DEFAULT_INTRO
    if REPORT.exists():
        current = REPORT.read_text()
        if RESULTS_MARKER in current:
            intro = current.split(RESULTS_MARKER, 1)[0] + RESULTS_MARKER + "\n"
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(intro + "\n" + text.rstrip() + "\n")
    log(f"wrote {REPORT.relative_to(ROOT)}")


def burst_section(burst: BurstResult | None) -> str:
    if burst is None:
        return "## Sign-up burst\n\nSkipped (`--no-burst`).\n"
    load = burst.load
    answers = ", ".join(f"{status} × {count}" for status, count in sorted(load.statuses.items())) or "none"
    if load.errors:
        answers += f", {load.errors} errors"
    pairs = f"{burst.pairs} of them for two persons, so {burst.seats_asked} seats are asked for"
    verdict = "**passed**" if not burst.problems else "**FAILED**: " + "; ".join(burst.problems)
    lock_order = "each status matches" if burst.in_lock_order else "**not every status matches**"
    row = [
        str(load.requests),
        f"{load.requests_per_second:,.1f}",
        *(fmt_ms(value) for value in (load.p50_ms, load.p95_ms, load.p99_ms, load.server_cpu_ms)),
        answers,
    ]
    what = textwrap.fill(
        f"{burst.residents} residents, each from its own loopback address ({burst.addresses}), open the "
        f"sign-up form of one new information evening with {burst.capacity} seats ({pairs}), wait the "
        f"{burst.min_submit_seconds:g} s minimum fill-in time and then all send it at the same moment "
        "(Python load generator, one connection per resident, all opened before the first request). "
        f"Rate limit: {burst.rate_limit}; one POST each. Fetching the {burst.residents} forms beforehand "
        f"took {burst.forms_seconds:.1f} s and is not measured. The evening and everything the burst "
        "stored are deleted afterwards.",
        width=100,
    )
    return f"""## Sign-up burst

{what}

| requests | req/s | p50 | p95 | p99 | server CPU/request | answers |
| ---: | ---: | ---: | ---: | ---: | ---: | --- |
| {" | ".join(row)} |

Read back from the database afterwards:

- Seats: **{burst.seats_taken} of {burst.capacity}** confirmed, for {burst.confirmed} parties; \
{burst.waitlisted} parties on the waitlist
- Sign-ups: {burst.confirmed + burst.waitlisted} stored (confirmed + waitlisted) for \
{load.statuses.get(302, 0)} POSTs answered with the redirect; {burst.mails} confirmation mails queued
- Order: replaying the sign-ups one at a time in the order they were stored, {lock_order} the one it got
- Verdict: {verdict}
"""


def chapter_verdicts(pages, ceiling, fresh=None) -> list[tuple[str, bool]]:
    """Each chapter target measured: its verdict line and whether it was met.

    ``fresh``: the pages, static file and static runs of the run with the page cache off, if any.
    """
    verdicts = []
    runs = [("dossier chapter", "as served", pages, ceiling)]
    if fresh is not None:
        runs.append((FRESH_LABEL, "page cache off (fresh render)", fresh[0], fresh[1]))
    for label, what, run_pages, run_ceiling in runs:
        chapter = next((p for p in run_pages if p.label == label), None)
        share = chapter.share_of(run_ceiling.load) if chapter else None
        if share is not None:
            target = TARGET_SHARES[label]
            met = share >= target
            verdicts.append((f"{what} ≥ {target:g} % {'**met**' if met else '**not met**'} ({share:.1f} %)", met))
    return verdicts


def fresh_section(fresh) -> str:
    if fresh is None:
        return "## Page cache off\n\nSkipped (`--no-fresh`).\n"
    pages, ceiling, static_runs = fresh
    before, after = static_runs[0].requests_per_second, static_runs[-1].requests_per_second
    return f"""## Page cache off

The same server started again with `DJANGO_PAGE_CACHE=0`: every request of the chapter is
rendered fresh. Static file {before:,.0f} req/s before the chapter, {after:,.0f} after.

{results_table(pages, ceiling)}
"""


def results_section(
    pages, ceiling, args, load_tool: str, static_runs, load_before: float, burst=None, fresh=None
) -> str:
    machine = machine_info()
    before, after = static_runs[0].requests_per_second, static_runs[-1].requests_per_second
    spread = abs(before - after) / max(before, after, 1e-9) * 100
    stability = f"static file {before:,.0f} req/s before the pages, {after:,.0f} after ({spread:.0f} % apart)"
    if spread > STABLE_SPREAD:
        stability += f"; **more than {STABLE_SPREAD:g} % apart: the machine was busy, repeat the run**"
    busy = ""
    if load_before > 0.5 * int(machine["cpus"] or 1):
        busy = " (**busy**: more than half the CPUs were in use before the run)"
    verdict = "a dossier chapter, share of the static ceiling: " + (
        "; ".join(line for line, _ in chapter_verdicts(pages, ceiling, fresh)) or "no dossier chapter measured"
    )
    command = "make bench" if os.environ.get("MAKELEVEL") else ""
    invoked = " ".join([".venv/bin/python", "bench/run.py", *sys.argv[1:]])
    command = f"`{command}` (`{invoked}`)" if command else f"`{invoked}`"
    now = datetime.datetime.now().astimezone()
    workers = f"{args.threads} threads" if load_tool == "wrk" else "one thread per connection"
    return f"""## Results

- Date: {now:%Y-%m-%d %H:%M %Z}
- Machine: {machine["summary"]}
- Commit: {git_commit()}
- Command: {command}
- Server: gunicorn, {GUNICORN_WORKERS} sync workers, `settings.production`, database {database_label()}
- Load: {load_tool}, {workers}, {args.connections} connections, {args.duration:g} s per URL
  after {args.warmup:g} s warm-up; load generator and server share the same CPUs
- Stability: {stability}; load average {load_before:.2f} before the run{busy}
- Target: {verdict}

{results_table(pages, ceiling)}

{fresh_section(fresh)}
{burst_section(burst)}"""
