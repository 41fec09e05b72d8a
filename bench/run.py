"""Benchmark of the production-like server (`make bench`).

Starts gunicorn the way `make serve` does, on a loopback port, loads a few
pages and one static file with wrk (or, without wrk, a small Python load
generator), counts the SQL queries one request of each page makes, then lets
many residents sign up for one information evening at the same moment (the
sign-up burst, see `sign_up_burst`) and writes the results to
docs/performance.md.

    .venv/bin/python bench/run.py --port 8765 [--duration 10] [--no-burst] [--no-write]

The static file, served by WhiteNoise from the same gunicorn workers, is the
ceiling: every page is reported as a percentage of it, so numbers from
different machines can be compared. Traffic only ever goes to 127.0.0.1.

The load generation (`run_load`) is a plain function that takes a `LoadSpec`,
so that other scenarios can reuse it; the sign-up burst does, with one POST
per connection from its own loopback address (127.0.x.y), all released at once.

The burst creates a fresh evening in the server's database through
`manage.py shell`, checks the resulting sign-ups there (never over capacity,
none lost) and deletes the evening and everything the burst stored afterwards.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import http.client
import http.cookies
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python" if (VENV_BIN / "python").exists() else Path(sys.executable)
MANAGE = ROOT / "manage.py"
SECRET_KEY_FILE = ROOT / "var" / "serve-secret-key"
SERVER_LOG = ROOT / "var" / "bench-gunicorn.log"
REPORT = ROOT / "docs" / "performance.md"
HOST = "127.0.0.1"  # never anything else
UNCACHED_QUERY = "bench=uncached"  # a query string keeps a request out of the page cache
RESULTS_MARKER = "<!-- Everything below this line is written by bench/run.py. -->"
TARGET_SHARE = 5.0  # per cent of the static-file ceiling a dossier chapter must reach
GUNICORN_WORKERS = 2
STABLE_SPREAD = 15.0  # per cent; more between the two static runs means a noisy machine


class BenchError(Exception):
    """A problem that ends the benchmark with a message and exit status 1."""


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- the server ----------------------------------------------------------------------------------


def serve_env() -> dict[str, str]:
    """The environment of `make serve` (see SERVE_ENV in the Makefile)."""
    env = dict(os.environ)
    secret = env.get("DJANGO_SECRET_KEY")
    if not secret:
        if not SECRET_KEY_FILE.exists():
            raise BenchError(f"{SECRET_KEY_FILE.relative_to(ROOT)} is missing; run `make bench`, which creates it")
        secret = SECRET_KEY_FILE.read_text().strip()
    env.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        DJANGO_HTTPS="0",
        DJANGO_SERVE_MEDIA="1",
        DJANGO_SECRET_KEY=secret,
        DJANGO_EMAIL_BACKEND=env.get("DJANGO_EMAIL_BACKEND") or "django.core.mail.backends.console.EmailBackend",
        PYTHONUNBUFFERED="1",
    )
    return env


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


class Server:
    """gunicorn as `make serve` runs it; a context manager that always stops it again."""

    def __init__(self, port: int, workers: int = GUNICORN_WORKERS):
        self.port = port
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.env = serve_env()
        self._log_file = None

    def prepare(self) -> None:
        for args in (["collectstatic", "--noinput", "--verbosity", "0"], ["migrate", "--noinput", "--verbosity", "0"]):
            log(f"manage.py {' '.join(args)}")
            subprocess.run([str(PYTHON), str(MANAGE), *args], cwd=ROOT, env=self.env, check=True)

    def __enter__(self) -> Server:
        if port_in_use(self.port):
            raise BenchError(f"something already listens on {HOST}:{self.port}; choose another --port")
        self.prepare()
        SERVER_LOG.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = SERVER_LOG.open("w")
        command = [
            str(VENV_BIN / "gunicorn"),
            "--pythonpath",
            "site",
            "wsgi",
            "--workers",
            str(self.workers),
            "--bind",
            f"{HOST}:{self.port}",
            "--log-level",
            "warning",
        ]
        log(f"starting {' '.join(command[1:])} (log in {SERVER_LOG.relative_to(ROOT)})")
        # A session of its own: Ctrl-C reaches only us, and we stop the whole group.
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def wait_until_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        last_error = "no answer"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited with status {self.process.returncode}:\n{self.log_tail()}")
            try:
                status, _, _ = fetch(self.port, "/", timeout=5)
                log(f"server answers on {self.base_url}/ (status {status})")
                return
            except OSError as error:
                last_error = str(error)
            time.sleep(0.25)
        raise BenchError(f"server did not answer within {timeout:.0f} s ({last_error}):\n{self.log_tail()}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            log("stopping gunicorn")
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
            except ProcessLookupError:
                pass
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def cpu_seconds(self) -> float:
        """User + system CPU time used so far by gunicorn and its workers (Linux /proc)."""
        if self.process is None:
            return 0.0
        pids = {self.process.pid}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == self.process.pid:  # fields[1] is the parent pid
                pids.add(int(stat.parent.name))
        ticks = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(SERVER_LOG.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


# --- single requests and URL discovery ------------------------------------------------------------


def fetch(port: int, path: str, timeout: float = 30.0) -> tuple[int, dict[str, str], bytes]:
    """One GET to the loopback server, without compression: (status, headers, body)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


class _StylesheetFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split() and attributes.get("href"):
            self.hrefs.append(attributes["href"])


def stylesheet_path(html: bytes) -> str:
    """The path of the site's own stylesheet (its hashed URL) in a page."""
    finder = _StylesheetFinder()
    finder.feed(html.decode("utf-8", errors="replace"))
    local = [urllib.parse.urlsplit(href) for href in finder.hrefs]
    local = [url.path for url in local if url.hostname in (None, HOST, "localhost") and url.path.endswith(".css")]
    if not local:
        raise BenchError("no <link rel=stylesheet> to a local .css file on the home page")
    return local[0]


def chapter_from_sitemap(port: int) -> str | None:
    """Fallback: the first /buurtpreventie/<chapter>/ URL in the sitemap."""
    status, _, body = fetch(port, "/sitemap.xml")
    if status != 200:
        return None
    for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", body.decode("utf-8", errors="replace")):
        path = urllib.parse.urlsplit(loc).path
        if re.fullmatch(r"/buurtpreventie/[^/]+/", path):
            return path
    return None


# In-process in a `manage.py shell` with the server's settings and database: find the
# dossier pages through the ORM (discover), or count the queries of one warm request per page.
_DJANGO_PROBE = r"""
import json, os, urllib.parse
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

def first_live_path(app_label, model_name):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    page = model.objects.live().public().order_by("path").first()
    url = page.get_url() if page else None
    return urllib.parse.urlsplit(url).path if url else None

paths = json.loads(os.environ["BENCH_PATHS"])
pages = {}
if os.environ.get("BENCH_DISCOVER") == "1":
    paths.setdefault("dossier chapter", first_live_path("dossier", "DossierChapterPage"))
    paths.setdefault("dossier index", first_live_path("dossier", "DossierPage"))
    pages = {label: {"path": path} for label, path in paths.items()}
else:
    client = Client(HTTP_HOST="127.0.0.1")
    for label, path in paths.items():
        client.get(path)  # warm-up: fills per-process caches (and the page cache)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        pages[label] = {"path": path, "status": response.status_code, "queries": len(queries)}
print("BENCH-JSON " + json.dumps(pages))
"""


def manage_shell_json(env: dict[str, str], script: str, what: str, **variables: str) -> dict:
    """Run `script` in `manage.py shell` with the server's settings; it prints one `BENCH-JSON {...}` line."""
    result = subprocess.run(
        [str(PYTHON), str(MANAGE), "shell", "--no-imports", "-c", script],
        cwd=ROOT,
        env=dict(env, **variables),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    for line in result.stdout.splitlines():
        if line.startswith("BENCH-JSON "):
            return json.loads(line.removeprefix("BENCH-JSON "))
    raise BenchError(f"{what} failed (status {result.returncode}):\n{result.stderr[-3000:]}")


def django_probe(env: dict[str, str], paths: dict[str, str | None], discover: bool) -> dict[str, dict]:
    return manage_shell_json(
        env,
        _DJANGO_PROBE,
        "the query-count probe",
        BENCH_PATHS=json.dumps(paths),
        BENCH_DISCOVER="1" if discover else "0",
    )


# --- load generation (reusable) -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Request:
    path: str
    method: str = "GET"
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclasses.dataclass
class LoadSpec:
    """What to send, how hard and for how long.

    `request` is one fixed request, or a function (connection index, sequence number) -> Request
    for requests that differ (a form POST per sign-up). `source_addresses` optionally gives each
    connection its own loopback source address (connection i uses source_addresses[i % n]),
    e.g. 127.0.x.y, to look like many visitors to per-address rate limits. `max_requests`
    ends a connection's loop early: a burst instead of a timed run. With `start_together`,
    every connection is opened first and all send their first request at the same moment.
    """

    port: int
    request: Request | Callable[[int, int], Request]
    duration: float = 10.0
    threads: int = 2
    connections: int = 16
    timeout: float = 10.0
    source_addresses: Sequence[str] | None = None
    max_requests: int | None = None  # per connection; only the Python generator honours it
    start_together: bool = False  # only the Python generator honours it


@dataclasses.dataclass
class LoadResult:
    tool: str
    requests: int
    seconds: float
    requests_per_second: float
    p50_ms: float | None
    p99_ms: float | None
    non_2xx_3xx: int
    errors: int
    statuses: dict[int, int] = dataclasses.field(default_factory=dict)
    server_cpu_ms: float | None = None  # server CPU time per request, when the caller measured it
    p95_ms: float | None = None  # the Python generator only (wrk reports 50/75/90/99)

    def describe(self) -> str:
        cpu = f"  server CPU {self.server_cpu_ms:.2f} ms/request" if self.server_cpu_ms is not None else ""
        p95 = f"  p95 {fmt_ms(self.p95_ms)}" if self.p95_ms is not None else ""
        return (
            f"{self.requests_per_second:8.1f} req/s  p50 {fmt_ms(self.p50_ms)}{p95}  p99 {fmt_ms(self.p99_ms)}{cpu}  "
            f"({self.requests} requests, {self.non_2xx_3xx} non-2xx/3xx, {self.errors} errors, {self.tool})"
        )


def run_load(spec: LoadSpec, tool: str = "auto", server: Server | None = None) -> LoadResult:
    """Load the loopback server as `spec` says, with wrk where it can and Python otherwise.

    With `server`, the result also says how much CPU time the server spent per request.
    """
    if server is not None:
        cpu_before = server.cpu_seconds()
        result = run_load(spec, tool)
        if result.requests:
            result.server_cpu_ms = (server.cpu_seconds() - cpu_before) * 1000 / result.requests
        return result
    simple = isinstance(spec.request, Request) and spec.request.method == "GET" and not spec.request.headers
    can_use_wrk = simple and not spec.source_addresses and spec.max_requests is None and not spec.start_together
    if tool == "wrk" or (tool == "auto" and can_use_wrk and shutil.which("wrk")):
        if not can_use_wrk:
            raise BenchError("wrk only does plain timed GETs here; use the Python generator")
        return _run_wrk(spec)
    return _run_python(spec)


_WRK_DURATION_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def _wrk_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise BenchError(f"cannot read wrk duration {text!r}")
    return float(match.group(1)) * _WRK_DURATION_UNITS[match.group(2)]


def _run_wrk(spec: LoadSpec) -> LoadResult:
    url = f"http://{HOST}:{spec.port}{spec.request.path}"
    command = [
        "wrk",
        f"--threads={spec.threads}",
        f"--connections={spec.connections}",
        f"--duration={max(1, round(spec.duration))}s",
        f"--timeout={max(1, round(spec.timeout))}s",
        "--latency",
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    out = result.stdout
    if result.returncode != 0 or "Requests/sec" not in out:
        raise BenchError(f"wrk failed (status {result.returncode}):\n{out}\n{result.stderr}")
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h)", out)
    latency = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", out, re.MULTILINE))
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return LoadResult(
        tool="wrk",
        requests=int(total.group(1)),
        seconds=_wrk_ms(total.group(2) + total.group(3)) / 1000,
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=_wrk_ms(latency["50"]) if "50" in latency else None,
        p99_ms=_wrk_ms(latency["99"]) if "99" in latency else None,
        non_2xx_3xx=int(non_ok.group(1)) if non_ok else 0,
        # wrk counts a closed keep-alive connection as a read error; gunicorn's sync workers
        # close after every response, so only connect errors and timeouts count here.
        errors=int(socket_errors.group(1)) + int(socket_errors.group(4)) if socket_errors else 0,
    )


def _run_python(spec: LoadSpec) -> LoadResult:
    """A bounded load generator: one thread per connection, http.client, loopback only.

    It is slower than wrk (the GIL), so with it the static ceiling is lower than the
    server's real one; the ratios stay comparable within one run.
    """
    connections = max(1, min(spec.connections, 256))
    make_request = spec.request if callable(spec.request) else (lambda _c, _n, r=spec.request: r)
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    # With start_together every connection is opened first; the barrier lets them all go at once.
    barrier = threading.Barrier(connections) if spec.start_together else None
    start = time.monotonic()
    deadline = start + spec.duration

    def worker(index: int) -> None:
        nonlocal errors
        source = None
        if spec.source_addresses:
            source = (spec.source_addresses[index % len(spec.source_addresses)], 0)
        mine: list[float] = []
        my_statuses: dict[int, int] = {}
        my_errors = 0
        conn = None
        sequence = 0
        if barrier is not None:
            try:
                conn = http.client.HTTPConnection(HOST, spec.port, timeout=spec.timeout, source_address=source)
                conn.connect()
            except OSError:
                my_errors += 1
                conn = None
            try:
                barrier.wait(timeout=spec.timeout)
            except threading.BrokenBarrierError:
                pass  # a connection was too slow to open; the others go anyway
        while time.monotonic() < deadline and (spec.max_requests is None or sequence < spec.max_requests):
            req = make_request(index, sequence)
            sequence += 1
            headers = {"Accept-Encoding": "identity", **dict(req.headers)}
            began = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(HOST, spec.port, timeout=spec.timeout, source_address=source)
                conn.request(req.method, req.path, body=req.body, headers=headers)
                response = conn.getresponse()
                response.read()
                mine.append((time.perf_counter() - began) * 1000)
                my_statuses[response.status] = my_statuses.get(response.status, 0) + 1
                if response.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                my_errors += 1
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()
        with lock:
            latencies.extend(mine)
            errors += my_errors
            for status, count in my_statuses.items():
                statuses[status] = statuses.get(status, 0) + count

    workers = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(spec.duration + spec.timeout + 5)
    seconds = time.monotonic() - start
    latencies.sort()
    done = len(latencies)
    return LoadResult(
        tool="python",
        requests=done,
        seconds=seconds,
        requests_per_second=done / seconds if seconds else 0.0,
        p50_ms=percentile(latencies, 50),
        p99_ms=percentile(latencies, 99),
        non_2xx_3xx=sum(count for status, count in statuses.items() if not 200 <= status < 400),
        errors=errors,
        statuses=statuses,
        p95_ms=percentile(latencies, 95),
    )


def merge_results(results: Sequence[LoadResult]) -> LoadResult:
    """Several runs of the same URL as one: overall rate, mean percentiles."""

    def mean(values):
        values = [v for v in values if v is not None]
        return sum(values) / len(values) if values else None

    statuses: dict[int, int] = {}
    for result in results:
        for status, count in result.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    requests = sum(r.requests for r in results)
    seconds = sum(r.seconds for r in results)
    return LoadResult(
        tool=results[0].tool,
        requests=requests,
        seconds=seconds,
        requests_per_second=requests / seconds if seconds else 0.0,
        p50_ms=mean(r.p50_ms for r in results),
        p99_ms=mean(r.p99_ms for r in results),
        non_2xx_3xx=sum(r.non_2xx_3xx for r in results),
        errors=sum(r.errors for r in results),
        statuses=statuses,
        server_cpu_ms=mean(r.server_cpu_ms for r in results),
        p95_ms=mean(r.p95_ms for r in results),
    )


def percentile(sorted_values: list[float], pct: float) -> float | None:
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, round(pct / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


# --- the sign-up burst ----------------------------------------------------------------------------

BURST_RESIDENTS = 120
BURST_CAPACITY = 50
BURST_PAIR_EVERY = 4  # every fourth resident brings one other person
BURST_SLUG_PREFIX = "benchmark-bijeenkomst-"
BURST_TIMEOUT = 60.0  # seconds one sign-up may take before it counts as an error

# In a `manage.py shell` with the server's settings and database. BENCH_ACTION says what to do:
# "setup" creates a fresh evening (and, when the database has none, an index page and a round),
# "counts" reads its sign-ups back, "cleanup" deletes everything the burst created.
_BURST_SCRIPT = r"""
import datetime, json, os, urllib.parse
from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from aanmelding.models import EveningSignup, InfoEveningIndexPage, InfoEveningPage, RegistrationRound
from forms import conf, ratelimit
from forms.models import OutgoingMail
from forms.spam import SpamProtectionMixin

INDEX_SLUG = "benchmark-informatiebijeenkomsten"
ROUND_TITLE = "Benchmark-aanmeldmoment"
action = os.environ["BENCH_ACTION"]
out = {}

def drop_tasks(mails, objects):
    # Tasks no worker has run yet (none runs during the bench) about what the burst made: sending
    # its mails, and Wagtail's search and reference index updates of its pages and sign-ups,
    # which would fail once those are gone.
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return 0
    paths = {
        "forms.tasks.send_outgoing_mail",
        "wagtail.tasks.update_reference_index_task",
        "modelsearch.tasks.insert_or_update_object_task",
    }
    doomed = []
    for task in DBTaskResult.objects.filter(task_path__in=paths, status="READY").only("id", "args_kwargs"):
        args = (task.args_kwargs or {}).get("args") or []
        if (len(args) == 1 and args[0] in mails) or [str(arg) for arg in args[:3]] in objects:
            doomed.append(task.pk)
    return DBTaskResult.objects.filter(pk__in=doomed).delete()[0]

def remove_evening(evening):
    # Sign-ups PROTECT their evening, so they go first, with the confirmation mails they
    # queued (and those mails' tasks), so that no worker sends them later.
    signups = list(evening.signups.values_list("pk", "email"))
    emails = [email for _, email in signups]
    mails = set(OutgoingMail.objects.filter(to__in=emails, sent_at__isnull=True).values_list("pk", flat=True))
    objects = [["aanmelding", "eveningsignup", str(pk)] for pk, _ in signups]
    objects.append(["aanmelding", "infoeveningpage", str(evening.pk)])
    with transaction.atomic():
        tasks = drop_tasks(mails, objects)
        OutgoingMail.objects.filter(pk__in=mails).delete()
        EveningSignup.objects.filter(evening=evening).delete()
        evening.delete()
    return {"signups": len(signups), "mails": len(mails), "tasks": tasks}

if action == "setup":
    # Evenings left behind by an interrupted run.
    stale = InfoEveningPage.objects.filter(slug__startswith=os.environ["BENCH_SLUG_PREFIX"])
    out["stale"] = [remove_evening(evening) for evening in stale]
    now = timezone.now()
    created = {}
    index = InfoEveningIndexPage.objects.first()
    if index is None:
        from wagtail.models import Site
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        index = site.root_page.add_child(
            instance=InfoEveningIndexPage(title="Informatiebijeenkomsten (benchmark)", slug=INDEX_SLUG)
        )
    if index.slug == INDEX_SLUG:
        created["index"] = index.pk
    round_ = RegistrationRound.objects.first()
    if round_ is None:
        round_ = RegistrationRound.objects.create(
            title=ROUND_TITLE, opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=60)
        )
    if round_.title == ROUND_TITLE:
        created["round"] = round_.pk
    starts = (now + datetime.timedelta(days=30)).replace(minute=0, second=0, microsecond=0)
    evening = index.add_child(instance=InfoEveningPage(
        title=f"Benchmark-bijeenkomst {timezone.localtime(now):%Y-%m-%d %H:%M:%S}",
        slug=os.environ["BENCH_SLUG"],
        round=round_,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        signup_deadline=starts - datetime.timedelta(days=1),
        location_name="Benchmarkzaal",
        location_address="Loopbackweg 127, Testdorp",
        capacity=int(os.environ["BENCH_CAPACITY"]),
    ))
    url = evening.get_url()
    out.update(
        pk=evening.pk,
        title=evening.title,
        path=urllib.parse.urlsplit(url).path if url else None,
        open=evening.is_signup_open(),
        created=created,
        min_submit_seconds=conf.get("FORMS_MIN_SUBMIT_SECONDS"),
        trusted_proxy_count=int(conf.get("FORMS_TRUSTED_PROXY_COUNT") or 0),
        rate_limit=ratelimit.DEFAULT_LIMIT,
        rate_window=ratelimit.DEFAULT_WINDOW,
        csrf_cookie=settings.CSRF_COOKIE_NAME,
        honeypot=SpamProtectionMixin.honeypot_field_name,
        timestamp=SpamProtectionMixin.timestamp_field_name,
    )
elif action == "counts":
    evening = InfoEveningPage.objects.get(pk=int(os.environ["BENCH_EVENING"]))
    names = {EveningSignup.CONFIRMED: "confirmed", EveningSignup.WAITLISTED: "waitlisted"}
    signups = list(evening.signups.order_by("pk").values_list("persons", "status", "email", "created_at"))
    # The confirmation mails, queued in the same transaction as the sign-ups.
    first = min((s[3] for s in signups), default=None) or timezone.now()
    mails = OutgoingMail.objects.filter(to__in=[s[2] for s in signups], created_at__gte=first)
    out.update(
        capacity=evening.capacity,
        seats_taken=evening.seats_taken(),
        seats_left=evening.seats_left(),
        waitlisted=evening.waitlisted_count(),
        signups=[[persons, names.get(status, status), email] for persons, status, email, _ in signups],
        mails=mails.count(),
    )
elif action == "cleanup":
    evening = InfoEveningPage.objects.filter(pk=int(os.environ["BENCH_EVENING"])).first()
    out["removed"] = remove_evening(evening) if evening else {"signups": 0, "mails": 0, "tasks": 0}
    created = json.loads(os.environ["BENCH_CREATED"])
    index = InfoEveningIndexPage.objects.filter(pk=created.get("index")).first()
    if index is not None and not index.get_children().exists():
        out["removed"]["tasks"] += drop_tasks(set(), [["aanmelding", "infoeveningindexpage", str(index.pk)]])
        index.delete()
    try:
        RegistrationRound.objects.filter(pk=created.get("round")).delete()
    except ProtectedError:
        pass
print("BENCH-JSON " + json.dumps(out))
"""


def loopback_address(n: int) -> str:
    """The address of the n-th resident: 127.0.1.1, 127.0.1.2, ... (127.0.0.1 stays the bench's own)."""
    return f"127.0.{1 + n // 250}.{1 + n % 250}"


class _FormFinder(HTMLParser):
    """Every POST form in a page: the names of its fields and the values of its hidden inputs."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and (attributes.get("method") or "").lower() == "post":
            self._form = {"names": set(), "hidden": {}}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select") and attributes.get("name"):
            self._form["names"].add(attributes["name"])
            if tag == "input" and (attributes.get("type") or "").lower() == "hidden":
                self._form["hidden"][attributes["name"]] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def fetch_signup_form(port: int, path: str, source: str) -> tuple[str, dict[str, str], set[str]]:
    """GET the sign-up form from `source` as a resident does: (Cookie header, hidden inputs, field names)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30, source_address=(source, 0))
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise BenchError(f"GET {path} from {source} answered {response.status}")
    cookies = http.cookies.SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    finder = _FormFinder()
    finder.feed(body.decode("utf-8", errors="replace"))
    form = next((form for form in finder.forms if "persons" in form["names"]), None)
    if form is None:
        raise BenchError(f"no sign-up form (a POST form with a 'persons' field) on {path}")
    return "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items()), form["hidden"], form["names"]


@dataclasses.dataclass
class BurstResult:
    path: str
    residents: int
    pairs: int
    capacity: int
    min_submit_seconds: float
    rate_limit: str  # how the rate limit applies, for the report
    forms_seconds: float  # fetching every resident's form beforehand (not measured)
    load: LoadResult
    seats_taken: int = 0
    confirmed: int = 0
    waitlisted: int = 0
    mails: int = 0
    in_lock_order: bool = False
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def seats_asked(self) -> int:
        return self.residents + self.pairs

    @property
    def addresses(self) -> str:
        return f"{loopback_address(0)}–{loopback_address(self.residents - 1)}"


def sign_up_burst(server: Server, residents: int, capacity: int) -> BurstResult:
    """Many residents, each from its own loopback address, sign up for one fresh evening at once.

    The evening is created for the run and deleted afterwards, with everything the burst stored.
    """
    slug = f"{BURST_SLUG_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    setup = manage_shell_json(
        server.env,
        _BURST_SCRIPT,
        "creating the burst's evening",
        BENCH_ACTION="setup",
        BENCH_SLUG_PREFIX=BURST_SLUG_PREFIX,
        BENCH_SLUG=slug,
        BENCH_CAPACITY=str(capacity),
    )
    for stale in setup["stale"]:
        log(f"removed an evening left by an earlier run ({stale['signups']} sign-ups)")
    log(f"created '{setup['title']}' at {setup['path']} ({capacity} seats)")
    try:
        if not setup["path"] or not setup["open"]:
            raise BenchError(f"the burst's evening has no URL or is not open for sign-up: {setup}")
        return _run_burst(server, setup, residents, capacity)
    finally:
        try:
            removed = manage_shell_json(
                server.env,
                _BURST_SCRIPT,
                "removing the burst's evening",
                BENCH_ACTION="cleanup",
                BENCH_EVENING=str(setup["pk"]),
                BENCH_CREATED=json.dumps(setup["created"]),
            )["removed"]
            if removed:
                log(
                    f"removed the burst's evening: {removed['signups']} sign-ups, {removed['mails']} queued mails, "
                    f"{removed['tasks']} queued tasks"
                )
        except BenchError as error:
            log(f"WARNING: the burst's evening {setup['path']} is still there: {error}")


def _run_burst(server: Server, setup: dict, residents: int, capacity: int) -> BurstResult:
    path = setup["path"]
    addresses = [loopback_address(n) for n in range(residents)]
    persons = [2 if n % BURST_PAIR_EVERY == BURST_PAIR_EVERY - 1 else 1 for n in range(residents)]
    emails = [f"bench-{n + 1}@example.org" for n in range(residents)]

    # Every resident opens the form first, from its own address: its own CSRF cookie and token
    # and its own signed timestamp, which must be FORMS_MIN_SUBMIT_SECONDS old when it comes back.
    log(f"{residents} residents open the sign-up form from {addresses[0]}–{addresses[-1]}")
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        forms = list(pool.map(lambda n: fetch_signup_form(server.port, path, addresses[n]), range(residents)))
    forms_seconds = time.monotonic() - began
    for cookie, hidden, names in forms:
        missing = [name for name in ("csrfmiddlewaretoken", setup["timestamp"]) if name not in hidden]
        if setup["honeypot"] not in names:
            missing.append(setup["honeypot"])
        if missing or f"{setup['csrf_cookie']}=" not in cookie:
            raise BenchError(f"the sign-up form lacks {missing or 'its CSRF cookie'}; has the form changed?")

    # The rate limit counts POSTs per client address: REMOTE_ADDR, the connection's own source
    # address here, unless the server trusts proxies; then X-Forwarded-For says the same.
    hops = setup["trusted_proxy_count"]
    posts = []
    for n, (cookie, hidden, _names) in enumerate(forms):
        fields = {
            **hidden,
            setup["honeypot"]: "",
            "name": f"Bewoner {n + 1}",
            "email": emails[n],
            "persons": str(persons[n]),
            "remark": "",
            "consent": "on",
        }
        headers = [("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)]
        if hops:
            headers.append(("X-Forwarded-For", ", ".join([addresses[n]] * hops)))
        posts.append(Request(path, "POST", urllib.parse.urlencode(fields).encode(), tuple(headers)))

    wait = setup["min_submit_seconds"] + 0.5
    log(f"waiting {wait:g} s (the minimum fill-in time), then all {residents} send the form at once")
    time.sleep(wait)
    spec = LoadSpec(
        port=server.port,
        request=lambda index, _sequence: posts[index],
        duration=BURST_TIMEOUT,
        connections=residents,
        timeout=BURST_TIMEOUT,
        source_addresses=addresses,
        max_requests=1,
        start_together=True,
    )
    load = run_load(spec, tool="python", server=server)
    log(f"  sign-up burst      {load.describe()}")

    rate_limit = f"{setup['rate_limit']} POSTs per {setup['rate_window']} s per address, counted on " + (
        f"X-Forwarded-For ({hops} trusted proxies)" if hops else "REMOTE_ADDR"
    )
    result = BurstResult(
        path=path,
        residents=residents,
        pairs=persons.count(2),
        capacity=capacity,
        min_submit_seconds=setup["min_submit_seconds"],
        rate_limit=rate_limit,
        forms_seconds=forms_seconds,
        load=load,
    )
    counts = manage_shell_json(
        server.env,
        _BURST_SCRIPT,
        "counting the burst's sign-ups",
        BENCH_ACTION="counts",
        BENCH_EVENING=str(setup["pk"]),
    )
    check_burst(result, counts, emails)
    return result


def check_burst(result: BurstResult, counts: dict, emails: list[str]) -> None:
    """Fill in the counts read from the database and list everything that is wrong."""
    signups = counts["signups"]  # [persons, "confirmed" | "waitlisted" | other status, email], in pk order
    result.seats_taken = counts["seats_taken"]
    result.confirmed = sum(1 for _, status, _ in signups if status == "confirmed")
    result.waitlisted = counts["waitlisted"]
    result.mails = counts["mails"]
    problems = result.problems
    load, capacity = result.load, result.capacity
    redirects = load.statuses.get(302, 0)

    if redirects != result.residents or load.errors:
        answers = ", ".join(f"{status} × {count}" for status, count in sorted(load.statuses.items())) or "none"
        problems.append(f"not every sign-up was answered with a redirect (302): {answers}, {load.errors} errors")
    if result.seats_taken > capacity:
        problems.append(f"capacity exceeded: {result.seats_taken} seats confirmed, {capacity} available")
    stored = result.confirmed + result.waitlisted
    if stored != redirects:
        problems.append(f"sign-ups lost: {redirects} answered with a redirect, {stored} confirmed or waitlisted")
    if len(signups) != stored:
        problems.append(f"{len(signups) - stored} sign-ups have another status than confirmed or waitlisted")
    strangers = {email for _, _, email in signups} - set(emails)
    if strangers:
        problems.append(f"{len(strangers)} sign-ups with an address no resident used")
    fitting = [persons for persons, status, _ in signups if status == "waitlisted" and persons <= counts["seats_left"]]
    if fitting:
        problems.append(f"{len(fitting)} waitlisted parties would fit in the {counts['seats_left']} seats left")
    if result.mails != len(signups):
        problems.append(f"{result.mails} confirmation mails queued for {len(signups)} sign-ups")
    # The evening's row lock makes sign-ups take turns, so replaying them one at a time in the
    # order they were stored must give every one the status it got.
    taken = 0
    result.in_lock_order = True
    for persons, status, _ in signups:
        expected = "confirmed" if persons <= capacity - taken else "waitlisted"
        if status != expected:
            result.in_lock_order = False
        if status == "confirmed":
            taken += persons
    if not result.in_lock_order:
        problems.append("the statuses do not match a one-at-a-time allocation in the order the sign-ups were stored")


# --- the page benchmark ---------------------------------------------------------------------------


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
(the "page cache" column shows `hit` when it came from the cache) and, with a
query string that the page cache ignores, rendered by Django every time, which
is what the first visitor after each content change gets. The SQL queries are
counted the same way (for a hit: the cache lookup). The target: **a
dossier chapter reaches at least {TARGET_SHARE:g} % of the static-file ceiling**. A
page that answers anything but 200 fails the benchmark.

After the pages comes a **sign-up burst**: a fresh information evening with
{BURST_CAPACITY} seats is created in the same database, and {BURST_RESIDENTS} residents, each from its
own loopback address (127.0.x.y, so the per-address rate limit sees {BURST_RESIDENTS}
different visitors), open its sign-up form, wait the minimum fill-in time of
the spam protection and then all send it at the same moment, some for two
persons. It shows how long residents wait when a popular evening opens, and
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


def results_section(pages, ceiling, args, load_tool: str, static_runs, load_before: float, burst=None) -> str:
    machine = machine_info()
    before, after = static_runs[0].requests_per_second, static_runs[-1].requests_per_second
    spread = abs(before - after) / max(before, after, 1e-9) * 100
    stability = f"static file {before:,.0f} req/s before the pages, {after:,.0f} after ({spread:.0f} % apart)"
    if spread > STABLE_SPREAD:
        stability += f"; **more than {STABLE_SPREAD:g} % apart: the machine was busy, repeat the run**"
    busy = ""
    if load_before > 0.5 * int(machine["cpus"] or 1):
        busy = " (**busy**: more than half the CPUs were in use before the run)"
    verdicts = []
    for label, what in (("dossier chapter", "as served"), ("dossier chapter, uncached", "rendered (no page cache)")):
        chapter = next((p for p in pages if p.label == label), None)
        share = chapter.share_of(ceiling.load) if chapter else None
        if share is not None:
            met = "**met**" if share >= TARGET_SHARE else "**not met**"
            verdicts.append(f"{what} {met} ({share:.1f} %)")
    verdict = f"a dossier chapter at ≥ {TARGET_SHARE:g} % of the static ceiling: " + (
        "; ".join(verdicts) or "no dossier chapter measured"
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

{burst_section(burst)}"""


def benchmark(args) -> int:
    load_before = os.getloadavg()[0]  # before our own server adds to it
    tool = args.tool
    if tool in ("auto", "wrk") and not shutil.which("wrk"):
        if tool == "wrk":
            raise BenchError("wrk is not installed: apt-get install wrk")
        log("wrk is not installed (apt-get install wrk); using the slower Python load generator")
        tool = "python"
    load_tool = "wrk" if tool in ("auto", "wrk") else "Python load generator (threads + http.client)"

    with Server(args.port) as server:
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
                targets[f"{label}, uncached"] = f"{probe[label]['path']}?{UNCACHED_QUERY}"
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

        # Last, because creating and deleting its evening empties the page cache.
        burst = sign_up_burst(server, args.burst_residents, args.burst_capacity) if args.burst else None

    section = results_section(pages, ceiling, args, load_tool, static_runs, load_before, burst)
    print()
    print(section)
    if args.write:
        write_report(section)
    status = 0
    if failed:
        log("FAILED: some requests failed under load")
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
        "--no-uncached", dest="uncached", action="store_false", help="skip the rendered (uncached) variants"
    )
    parser.add_argument("--no-burst", dest="burst", action="store_false", help="skip the sign-up burst")
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

    # SIGTERM (e.g. from a CI timeout) unwinds like Ctrl-C, so the server is always stopped.
    def terminate(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, terminate)
    try:
        return benchmark(args)
    except BenchError as error:
        log(f"ERROR: {error}")
        return 1
    except subprocess.CalledProcessError as error:
        log(f"ERROR: {' '.join(map(str, error.cmd))} failed with status {error.returncode}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
