"""Load generation, reusable by any scenario: a `LoadSpec` goes into `run_load`, a `LoadResult` comes out.

wrk does plain timed GETs; everything else (POSTs, a source address per connection, a burst
released at once) goes through the Python generator.
"""

from __future__ import annotations

import dataclasses
import http.client
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bench.common import HOST, BenchError, log

if TYPE_CHECKING:
    from bench.server import Server


def choose_tool(tool: str) -> tuple[str, str]:
    """The load generator to use for `--tool` ("auto", "wrk" or "python"), and its name for the report."""
    if tool in ("auto", "wrk") and not shutil.which("wrk"):
        if tool == "wrk":
            raise BenchError("wrk is not installed: apt-get install wrk")
        log("wrk is not installed (apt-get install wrk); using the slower Python load generator")
        tool = "python"
    return tool, "wrk" if tool in ("auto", "wrk") else "Python load generator (threads + http.client)"


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
