"""Benchmark of the production-like server (`make bench`).

Starts gunicorn the way `make serve` does, on a loopback port, loads a few
pages and one static file with wrk (or, without wrk, a small Python load
generator), counts the SQL queries one request of each page makes, then lets
many residents sign up for one information evening at the same moment (the
sign-up burst, bench/burst.py); then starts gunicorn again with the page cache off
(DJANGO_PAGE_CACHE=0) and loads a dossier chapter, rendered fresh for every request, and
the static file once more; then measures the feedback pages and the team page in a copy of the
demo database with 100,000 patrol reports added (bench/feedback.py); and writes the results to
docs/performance.md.

    .venv/bin/python bench/run.py --port 8765 [--duration 10] [--no-burst] [--no-feedback] [--no-write]

(`python -m bench.run` from the repository root works as well.) The static file,
served by WhiteNoise from the same gunicorn workers, is the ceiling: every page is
reported as a percentage of it, so numbers from different machines can be compared.
Traffic only ever goes to 127.0.0.1. The other modules of the package are listed
in bench/__init__.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Run as a script, Python puts bench/ on the import path instead of the repository root,
# so the bench package (and bench/*.py as top-level modules) would be wrong; swap them.
if not __package__:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.burst import BURST_CAPACITY, BURST_RESIDENTS, sign_up_burst
from bench.common import log, run_benchmark
from bench.feedback import feedback_benchmark, feedback_section
from bench.load import choose_tool
from bench.pages import find_fresh_pages, find_pages, measure_pages
from bench.report import chapter_verdicts, results_section, write_report
from bench.server import Server


def benchmark(args) -> int:
    load_before = os.getloadavg()[0]  # before our own server adds to it
    tool, load_tool = choose_tool(args.tool)

    with Server(args.port) as server:
        pages, ceiling = find_pages(server, args)
        static_runs, failed = measure_pages(server, pages, ceiling, args, tool)
        # Last, because creating and deleting its evening empties the page cache.
        burst = sign_up_burst(server, args.burst_residents, args.burst_capacity) if args.burst else None

    # The same server again with the page cache off: every chapter request is a fresh render.
    fresh = None
    if args.fresh:
        chapter = next(page for page in pages if page.label == "dossier chapter")
        with Server(args.port, DJANGO_PAGE_CACHE="0") as server:
            fresh_pages, fresh_ceiling = find_fresh_pages(server, args, chapter, ceiling.path)
            fresh_static_runs, fresh_failed = measure_pages(server, fresh_pages, fresh_ceiling, args, tool)
        failed = failed or fresh_failed
        fresh = (fresh_pages, fresh_ceiling, fresh_static_runs)

    # Last: in a database of its own, a copy of the demo database with 100,000 reports added.
    feedback = feedback_benchmark(args, tool) if args.feedback else None

    section = results_section(pages, ceiling, args, load_tool, static_runs, load_before, burst, fresh)
    section = section.rstrip() + "\n\n" + feedback_section(feedback)
    print()
    print(section)
    if args.write:
        write_report(section)
    status = 0
    if failed:
        log("FAILED: some requests failed under load")
        status = 1
    for line, met in chapter_verdicts(pages, ceiling, fresh):
        if not met:
            log(f"FAILED: dossier chapter {line.replace('**', '')}")
            status = 1
    for problem in feedback.problems if feedback is not None else []:
        log(f"FAILED: feedback pages: {problem}")
        status = 1
    if burst is not None and burst.problems:
        for problem in burst.problems:
            log(f"FAILED: sign-up burst: {problem}")
        status = 1
    return status


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8765, help="loopback port for gunicorn (default 8765)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load per URL (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of unmeasured load first (default 2)")
    parser.add_argument("--threads", type=int, default=2, help="load generator threads (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="open connections (default 16)")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto", help="load generator")
    parser.add_argument("--chapter", help="path of the dossier chapter to load (default: the first live one)")
    parser.add_argument("--dossier", help="path of the dossier index (default: the first live DossierPage)")
    parser.add_argument(
        "--no-uncached", dest="uncached", action="store_false", help="skip the variants with a query string"
    )
    parser.add_argument(
        "--no-fresh",
        dest="fresh",
        action="store_false",
        help="skip the second server run with the page cache off (DJANGO_PAGE_CACHE=0)",
    )
    parser.add_argument("--no-burst", dest="burst", action="store_false", help="skip the sign-up burst")
    parser.add_argument(
        "--no-feedback",
        dest="feedback",
        action="store_false",
        help="skip the feedback pages and team page with 100,000 reports (bench/feedback.py)",
    )
    parser.add_argument(
        "--burst-residents",
        type=int,
        default=BURST_RESIDENTS,
        help=f"residents signing up at once, each from its own address (default {BURST_RESIDENTS})",
    )
    parser.add_argument(
        "--burst-capacity",
        type=int,
        default=BURST_CAPACITY,
        help=f"seats of the burst's evening (default {BURST_CAPACITY})",
    )
    parser.add_argument("--no-write", dest="write", action="store_false", help="do not write docs/performance.md")
    args = parser.parse_args(argv)
    if not 1 <= args.port <= 65535:
        parser.error("--port must be between 1 and 65535")
    if args.duration <= 0 or args.threads < 1 or args.connections < args.threads:
        parser.error("need --duration > 0, --threads ≥ 1 and --connections ≥ --threads")
    if not 1 <= args.burst_residents <= 256 or not 1 <= args.burst_capacity <= 32767:
        parser.error("--burst-residents must be 1 to 256 (one thread each), --burst-capacity 1 to 32767")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    return run_benchmark(lambda: benchmark(args))


if __name__ == "__main__":
    sys.exit(main())
