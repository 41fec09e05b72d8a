"""The pages under test: which URLs, their status, SQL queries and size, and their load runs."""

from __future__ import annotations

import dataclasses
import json

from bench.common import BenchError, log
from bench.load import LoadResult, LoadSpec, Request, merge_results, run_load
from bench.server import Server, manage_shell_json
from bench.web import chapter_from_sitemap, fetch, stylesheet_path

UNCACHED_QUERY = "bench=uncached"  # a query string keeps a request out of the page cache
PROBE = "bench.django_side.probe"  # runs in `manage.py shell`: finds the pages, counts their queries


@dataclasses.dataclass
class PageResult:
    label: str
    path: str
    status: int
    html_bytes: int
    queries: int | None
    cache: str = ""  # the X-Page-Cache header of a repeated request: hit, miss, ...
    load: LoadResult | None = None

    def share_of(self, ceiling: LoadResult) -> float | None:
        if self.load is None or not ceiling.requests_per_second:
            return None
        return 100 * self.load.requests_per_second / ceiling.requests_per_second

    def cpu_share_of(self, ceiling: LoadResult) -> float | None:
        """The same ratio from server CPU time per request: hardly affected by other load."""
        if self.load is None or not self.load.server_cpu_ms or ceiling.server_cpu_ms is None:
            return None
        return 100 * ceiling.server_cpu_ms / self.load.server_cpu_ms


def django_probe(env: dict[str, str], paths: dict[str, str | None], discover: bool) -> dict[str, dict]:
    return manage_shell_json(
        env,
        PROBE,
        "the query-count probe",
        BENCH_PATHS=json.dumps(paths),
        BENCH_DISCOVER="1" if discover else "0",
    )


def find_pages(server: Server, args) -> tuple[list[PageResult], PageResult]:
    """The pages to load (with status, size, SQL queries and page cache state) and the static file.

    Raises BenchError when a URL cannot be found or does not answer 200.
    """
    status, _, home_html = fetch(args.port, "/")
    if status != 200:
        raise BenchError(f"/ answered {status}")
    css_path = stylesheet_path(home_html)

    paths: dict[str, str | None] = {"home page": "/"}
    if args.chapter:
        paths["dossier chapter"] = args.chapter
    if args.dossier:
        paths["dossier index"] = args.dossier
    probe = django_probe(server.env, paths, discover=True)
    if not probe.get("dossier chapter", {}).get("path"):
        log("no live DossierChapterPage found through the ORM; trying /sitemap.xml")
        probe["dossier chapter"] = {"path": chapter_from_sitemap(args.port)}
    if not probe.get("dossier index", {}).get("path"):
        probe["dossier index"] = {"path": "/buurtpreventie/"}
    missing = [label for label, data in probe.items() if not data.get("path")]
    if missing:
        raise BenchError(f"could not find a URL for: {', '.join(missing)} (is the demo content loaded?)")

    # Each page twice: as a visitor gets it (from home/page_cache.py's cache when the page
    # opts in) and rendered, which is what the first visitor after any content change waits
    # for. The page cache never answers a request with a query string.
    targets = {}
    for label in ["home page", "dossier chapter", "dossier index"]:
        targets[label] = probe[label]["path"]
        if args.uncached:
            targets[f"{label}, query string"] = f"{probe[label]['path']}?{UNCACHED_QUERY}"
    queries = django_probe(server.env, targets, discover=False)
    pages: list[PageResult] = []
    failed = False
    for label, path in targets.items():
        fetch(args.port, path)  # a first request stores the page in the cache
        status, headers, body = fetch(args.port, path)
        if status != 200:
            log(f"{label} {path} answered {status} (location: {headers.get('location', '-')})")
            failed = True
        cache = headers.get("x-page-cache", "not cached" if "?" in path else "off")
        pages.append(PageResult(label, path, status, len(body), queries[label].get("queries"), cache))
    status, _, css = fetch(args.port, css_path)
    ceiling = PageResult("static file", css_path, status, len(css), None)
    if status != 200:
        log(f"static file {css_path} answered {status}")
        failed = True
    if failed:
        raise BenchError("a URL did not answer 200; not measuring")
    return pages, ceiling


FRESH_LABEL = "dossier chapter, page cache off"


def find_fresh_pages(server: Server, args, chapter: PageResult, css_path: str) -> tuple[list[PageResult], PageResult]:
    """The chapter and the static file on a server started with the page cache off (DJANGO_PAGE_CACHE=0)."""
    queries = django_probe(server.env, {FRESH_LABEL: chapter.path}, discover=False)
    fetch(args.port, chapter.path)
    status, headers, body = fetch(args.port, chapter.path)
    if status != 200:
        raise BenchError(f"{chapter.path} answered {status} with the page cache off")
    page = PageResult(FRESH_LABEL, chapter.path, status, len(body), queries[FRESH_LABEL].get("queries"), "off")
    status, _, css = fetch(args.port, css_path)
    if status != 200:
        raise BenchError(f"static file {css_path} answered {status} with the page cache off")
    return [page], PageResult("static file", css_path, status, len(css), None)


def measure_pages(server: Server, pages: list[PageResult], ceiling: PageResult, args, tool: str):
    """Load every page and the static file in turn; fills in their `load`.

    Returns the two static-file runs (before and after the pages) and whether any request
    failed under load.
    """
    failed = False

    def measure(label: str, path: str) -> LoadResult:
        nonlocal failed
        spec = LoadSpec(
            port=args.port,
            request=Request(path),
            duration=args.duration,
            threads=args.threads,
            connections=args.connections,
        )
        if args.warmup > 0:
            run_load(dataclasses.replace(spec, duration=args.warmup), tool=tool)
        log(f"loading {path} for {args.duration:g} s")
        result = run_load(spec, tool=tool, server=server)
        log(f"  {label:18} {result.describe()}")
        if result.non_2xx_3xx or result.errors or result.requests == 0:
            log(f"  {label}: {result.non_2xx_3xx} bad responses, {result.errors} errors under load")
            failed = True
        return result

    # The ceiling is measured before and after the pages: a large difference
    # means something else used the CPUs meanwhile, and the ratios are unreliable.
    static_runs = [measure("static (before)", ceiling.path)]
    for page in pages:
        page.load = measure(page.label, page.path)
    static_runs.append(measure("static (after)", ceiling.path))
    ceiling.load = merge_results(static_runs)
    return static_runs, failed
