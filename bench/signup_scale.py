"""The sign-up rush at scale: 500 residents sign up for one evening over 10 s, on PostgreSQL, two app servers.

    BENCH_DATABASE_URL=postgres://user:password@127.0.0.1:5432/buurt_bench .venv/bin/python -m bench.signup_scale
    make bench-signup BENCH_DATABASE_URL=postgres://...     (also run by `make bench` when it is set)

On the PostgreSQL database BENCH_DATABASE_URL names (migrated and given the demo content first;
use a database of its own, never production's) this starts two gunicorn servers as separate
processes on two loopback ports (as two machines would be), one task worker (`manage.py
db_worker`) and a local SMTP server (bench/smtp_sink.py) the worker hands the mails to. It
creates one information evening with 120 seats, lets 500 residents open its form (each its own
address, given to the site in X-Forwarded-For; the servers trust one proxy,
DJANGO_TRUSTED_PROXY_COUNT=1, as behind nginx, so the per-address rate limit and the
seats-per-network cap see 500 households), waits the minimum fill-in time, and then sends the
500 sign-ups at a steady rate over 10 s, in turn to one server and the other, each on a
connection of its own. A quarter come with two persons.

It reports p50/p95/p99/max, the answers, confirmed seats against the capacity, the waitlist, the
CPU time per sign-up of the app servers, of PostgreSQL and of the worker, and how long the worker
took to send every confirmation. It fails (exit status 1) when the p95 is 1 s or more, any answer
is not the redirect to the thank-you page, the seats are not exactly taken (confirmed seats ==
capacity; every other sign-up on the waitlist; none of them would have fitted), or a confirmation
is missing or sent twice. The results go into docs/performance.md (the section "Sign-up rush on
PostgreSQL with two app servers"); the evening and everything it stored are deleted afterwards.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import http.client
import json
import math
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

if not __package__:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.burst import BURST_DB, BURST_PAIR_EVERY, BURST_SLUG_PREFIX, BurstResult, check_burst, loopback_address
from bench.common import HOST, MANAGE, PYTHON, REPORT, ROOT, BenchError, log, run_benchmark
from bench.load import LoadResult, fmt_ms
from bench.server import Server, command_cpu_seconds, manage_shell_json, process_tree_cpu_seconds
from bench.smtp_sink import SmtpSink
from bench.web import fetch_signup_form

RESIDENTS = 500
CAPACITY = 120
SPREAD_SECONDS = 10.0
SERVERS = 2
WORKERS_PER_SERVER = 2
P95_TARGET_MS = 1000.0
CPU_TARGET_MS = 15.0  # app-server CPU per sign-up; reported, the p95 is what fails the run
REQUEST_TIMEOUT = 30.0
MAIL_WAIT_SECONDS = 300.0
WORKER_NICE = 10
START_MARKER = "<!-- The sign-up rush section is written by bench/signup_scale.py. -->"
END_MARKER = "<!-- End of the sign-up rush section. -->"


@dataclasses.dataclass
class Rush:
    burst: BurstResult
    max_ms: float
    late_ms: float  # the load generator's worst delay against the schedule
    servers: int
    workers: int
    server_cpu_ms: float  # both app servers together, per sign-up
    per_server: list[int]
    database_cpu_ms: float | None
    worker_cpu_ms: float
    mail_seconds: float | None  # from the first POST to the last confirmation accepted by the SMTP server
    mails_received: int
    mails_doubled: int
    mails_missing: int
    machine: str
    commit: str
    started: datetime.datetime
    load_before: float = 0.0  # the machine's load average before the run
    spread: float = SPREAD_SECONDS  # the seconds the sign-ups were sent over
    problems: list[str] = dataclasses.field(default_factory=list)


def bench_database_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL") or ""
    if urllib.parse.urlsplit(url).scheme not in ("postgres", "postgresql"):
        raise BenchError(
            "the sign-up rush needs PostgreSQL: set BENCH_DATABASE_URL=postgres://user:password@host:5432/name "
            "(a database of its own: the bench adds the demo content to it)"
        )
    return url


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value at least `share` of the values are at or below."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered), max(1, math.ceil(len(ordered) * share))) - 1]


def send_spread(posts, ports, spread: float) -> tuple[list[float], dict[int, int], int, float, list[int]]:
    """Send POST n at n * spread / len(posts) seconds, to ports[n % len(ports)], each on a new connection.

    Returns the latencies in ms, the answers by status, the errors, the worst lateness against the
    schedule in ms (the load generator falling behind) and how many went to each port.
    """
    latencies = [0.0] * len(posts)
    statuses: dict[int, int] = {}
    errors = 0
    late = 0.0
    lock = threading.Lock()
    start = time.monotonic() + 0.5
    interval = spread / len(posts)

    def send(n):
        nonlocal errors, late
        due = start + n * interval
        time.sleep(max(0.0, due - time.monotonic()))
        began = time.monotonic()
        connection = http.client.HTTPConnection(HOST, ports[n % len(ports)], timeout=REQUEST_TIMEOUT)
        try:
            path, body, headers = posts[n]
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except OSError:
            status = None
        finally:
            connection.close()
        latencies[n] = (time.monotonic() - began) * 1000
        with lock:
            late = max(late, (began - due) * 1000)
            if status is None:
                errors += 1
            else:
                statuses[status] = statuses.get(status, 0) + 1

    # Enough threads that a slow answer never holds up the next resident's send.
    with ThreadPoolExecutor(max_workers=min(len(posts), 400)) as pool:
        list(pool.map(send, range(len(posts))))
    per_port = [len(range(index, len(posts), len(ports))) for index in range(len(ports))]
    return latencies, statuses, errors, late, per_port


class Worker:
    """`manage.py db_worker`, as `make serve` runs it; stopped with its process group."""

    def __init__(self, env: dict[str, str], log_path: Path):
        self.env, self.log_path, self.process = env, log_path, None

    def __enter__(self) -> Worker:
        command = [str(PYTHON), str(MANAGE), "db_worker", "--queue-name", "*", "--interval", "0.5"]
        log(f"starting manage.py {' '.join(command[2:])} (log in {self.log_path.relative_to(ROOT)})")
        self._log = self.log_path.open("w")
        # At a lower priority than the app servers (nice 10, as `Nice=10` in a systemd unit would):
        # a mail may wait a few seconds, a resident at the form should not.
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=lambda: os.nice(WORKER_NICE),
        )
        return self

    def cpu_seconds(self) -> float:
        return process_tree_cpu_seconds(self.process.pid) if self.process else 0.0

    def __exit__(self, *exc_info) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self._log.close()


def rush(args) -> Rush:
    from bench.report import git_commit, machine_info

    started = datetime.datetime.now(datetime.UTC)
    load_before = os.getloadavg()[0]
    database_url = bench_database_url()
    ports = [args.port + index for index in range(args.servers)]
    with SmtpSink() as sink:
        extra = {
            "DATABASE_URL": database_url,
            "DJANGO_TRUSTED_PROXY_COUNT": "1",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "DJANGO_EMAIL_HOST": HOST,
            "DJANGO_EMAIL_PORT": str(sink.port),
            "WAGTAILADMIN_BASE_URL": os.environ.get("WAGTAILADMIN_BASE_URL") or f"http://{HOST}:{ports[0]}",
        }
        servers = [
            Server(
                port,
                workers=args.workers,
                log_path=ROOT / "var" / f"bench-signup-gunicorn-{port}.log",
                prepare=index == 0,
                **extra,
            )
            for index, port in enumerate(ports)
        ]
        env = servers[0].env
        servers[0].prepare()
        log("manage.py load_demo_content (the site the evening goes on)")
        # It writes the demo accounts and team link of *this* database to var/demo-accounts.txt,
        # the file `make run` shows for the demo's own database: keep that file as it was.
        accounts = ROOT / "var" / "demo-accounts.txt"
        kept = accounts.read_bytes() if accounts.exists() else None
        try:
            subprocess.run(
                [str(PYTHON), str(MANAGE), "load_demo_content"],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        finally:
            if kept is not None:
                accounts.write_bytes(kept)
        for server in servers:
            server.run_prepare = False
        with Worker(env, ROOT / "var" / "bench-signup-worker.log") as worker:
            opened = []
            try:
                for server in servers:
                    opened.append(server.__enter__())
                result = _rush_on(args, servers, worker, sink, env, started, git_commit(), machine_info()["summary"])
                result.load_before, result.spread = load_before, args.spread
                return result
            finally:
                for server in opened:
                    server.stop()


def _rush_on(args, servers, worker, sink, env, started, commit, machine) -> Rush:
    slug = f"{BURST_SLUG_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    setup = manage_shell_json(
        env,
        BURST_DB,
        "creating the evening",
        BENCH_ACTION="setup",
        BENCH_SLUG_PREFIX=BURST_SLUG_PREFIX,
        BENCH_SLUG=slug,
        BENCH_CAPACITY=str(args.capacity),
    )
    log(f"created '{setup['title']}' at {setup['path']} ({args.capacity} seats)")
    try:
        if not setup["path"] or not setup["open"]:
            raise BenchError(f"the evening has no URL or is not open for sign-up: {setup}")
        if setup["trusted_proxy_count"] != 1:
            raise BenchError("the servers do not trust one proxy: X-Forwarded-For would not count")
        return _measure(args, servers, worker, sink, env, setup, started, commit, machine)
    finally:
        removed = manage_shell_json(
            env,
            BURST_DB,
            "removing the evening",
            BENCH_ACTION="cleanup",
            BENCH_EVENING=str(setup["pk"]),
            BENCH_CREATED=json.dumps(setup["created"]),
        )["removed"]
        log(f"removed the evening: {removed['signups']} sign-ups, {removed['mails']} mails, {removed['tasks']} tasks")


def _measure(args, servers, worker, sink, env, setup, started, commit, machine) -> Rush:
    residents, path = args.residents, setup["path"]
    ports = [server.port for server in servers]
    addresses = [loopback_address(n) for n in range(residents)]
    persons = [2 if n % BURST_PAIR_EVERY == BURST_PAIR_EVERY - 1 else 1 for n in range(residents)]
    emails = [f"bench-{n + 1}@example.org" for n in range(residents)]
    log(f"{residents} residents open the form, in turn on {', '.join(map(str, ports))}")
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        forms = list(pool.map(lambda n: fetch_signup_form(ports[n % len(ports)], path, addresses[n]), range(residents)))
    forms_seconds = time.monotonic() - began
    posts = []
    for n, (cookie, hidden, names) in enumerate(forms):
        if setup["honeypot"] not in names or setup["timestamp"] not in hidden:
            raise BenchError("the sign-up form lacks its spam fields; has the form changed?")
        fields = {
            **hidden,
            setup["honeypot"]: "",
            "name": f"Bewoner {n + 1}",
            "email": emails[n],
            "persons": str(persons[n]),
            "remark": "",
            "consent": "on",
        }
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "X-Forwarded-For": addresses[n],  # what the one trusted proxy would add
        }
        posts.append((path, urllib.parse.urlencode(fields).encode(), headers))
    wait = max(0.0, setup["min_submit_seconds"] + 0.5 - (time.monotonic() - began))
    time.sleep(wait)
    log(f"sending {residents} sign-ups over {args.spread:g} s, in turn to each server")
    cpu_before = [server.cpu_seconds() for server in servers]
    database_before = command_cpu_seconds("postgres")
    worker_before = worker.cpu_seconds()
    sent_at = time.monotonic()
    latencies, statuses, errors, late, per_server = send_spread(posts, ports, args.spread)
    seconds = time.monotonic() - sent_at
    server_cpu = sum(server.cpu_seconds() - before for server, before in zip(servers, cpu_before, strict=True))
    database_cpu = command_cpu_seconds("postgres") - database_before
    load = LoadResult(
        tool="Python (a thread per resident, http.client, a new connection each)",
        requests=residents,
        seconds=seconds,
        requests_per_second=residents / seconds,
        p50_ms=percentile(latencies, 0.50),
        p99_ms=percentile(latencies, 0.99),
        p95_ms=percentile(latencies, 0.95),
        non_2xx_3xx=sum(count for status, count in statuses.items() if not 200 <= status < 400),
        errors=errors,
        statuses=statuses,
        server_cpu_ms=server_cpu * 1000 / residents,
    )
    log(f"  sign-up rush  {load.describe()}  max {fmt_ms(max(latencies))}")
    burst = BurstResult(
        path=path,
        residents=residents,
        pairs=persons.count(2),
        capacity=args.capacity,
        min_submit_seconds=setup["min_submit_seconds"],
        rate_limit=f"{setup['rate_limit']} POSTs per {setup['rate_window']} s per address, counted on X-Forwarded-For",
        forms_seconds=forms_seconds,
        load=load,
    )
    counts = manage_shell_json(
        env, BURST_DB, "counting the sign-ups", BENCH_ACTION="counts", BENCH_EVENING=str(setup["pk"])
    )
    check_burst(burst, counts, emails)
    stored = {email for _, status, email in counts["signups"] if status in ("confirmed", "waitlisted")}

    # The worker renders and sends every confirmation: each stored sign-up gets exactly one.
    log(f"waiting for the worker to send {len(stored)} confirmations")
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    while time.monotonic() < deadline and len(set(sink.recorder.per_address()) & stored) < len(stored):
        time.sleep(0.5)
    time.sleep(2)  # a doubled mail would come right after
    received = sink.recorder.timed()
    per_address = sink.recorder.per_address()
    mine = [moment for address, _, moment in received if address in stored]
    rush = Rush(
        burst=burst,
        max_ms=max(latencies),
        late_ms=late,
        servers=len(servers),
        workers=args.workers,
        server_cpu_ms=server_cpu * 1000 / residents,
        per_server=per_server,
        database_cpu_ms=database_cpu * 1000 / residents if database_cpu > 0 else None,
        worker_cpu_ms=(worker.cpu_seconds() - worker_before) * 1000 / residents,
        mail_seconds=(max(mine) - sent_at) if len(set(per_address) & stored) == len(stored) and mine else None,
        mails_received=len(mine),
        mails_doubled=sum(count - 1 for address, count in per_address.items() if address in stored and count > 1),
        mails_missing=len(stored - set(per_address)),
        machine=machine,
        commit=commit,
        started=started,
    )
    problems = rush.problems
    problems.extend(burst.problems)
    if load.p95_ms >= P95_TARGET_MS:
        problems.append(f"p95 {fmt_ms(load.p95_ms)}, the target is under {fmt_ms(P95_TARGET_MS)}")
    if burst.seats_taken != args.capacity:
        problems.append(f"seats not exact: {burst.seats_taken} confirmed of {args.capacity}")
    if rush.mails_missing or rush.mails_doubled:
        problems.append(f"confirmations: {rush.mails_missing} missing, {rush.mails_doubled} doubled")
    strangers = set(per_address) - stored
    if strangers:
        problems.append(f"{len(strangers)} addresses got a mail without a stored sign-up")
    if late > 1000:
        problems.append(f"the load generator fell {late / 1000:.1f} s behind its schedule: rerun on a quieter machine")
    return rush


def section(rush: Rush) -> str:
    burst, load = rush.burst, rush.burst.load
    answers = ", ".join(f"{status} × {count}" for status, count in sorted(load.statuses.items())) or "none"
    if load.errors:
        answers += f", {load.errors} errors"
    verdict = "**passed**" if not rush.problems else "**FAILED**: " + "; ".join(rush.problems)
    database = fmt_ms(rush.database_cpu_ms) if rush.database_cpu_ms is not None else "not measured"
    mails = (
        f"all {rush.mails_received} handed to the SMTP server {rush.mail_seconds:.1f} s after the first sign-up"
        if rush.mail_seconds is not None
        else f"{rush.mails_received} handed to the SMTP server, {rush.mails_missing} missing"
    )
    cpu_met = "met" if rush.server_cpu_ms <= CPU_TARGET_MS else "not met"
    in_order = "yes" if burst.in_lock_order else "**no**"
    what = textwrap.fill(
        f"`python -m bench.signup_scale` (`make bench-signup`): PostgreSQL, {rush.servers} gunicorn servers "
        f"(separate processes on separate ports, {rush.workers} sync workers each, `settings.production`), one "
        f"`manage.py db_worker` (at nice {WORKER_NICE}) and a local SMTP server, all on this machine. "
        "One new information evening with "
        f"{burst.capacity} seats; {burst.residents} residents ({burst.pairs} of them with two persons, so "
        f"{burst.seats_asked} seats asked for) open its form, wait the {burst.min_submit_seconds:g} s minimum "
        f"fill-in time, then send it at a steady rate over {rush.spread:g} s (the last answer came after "
        f"{load.seconds:.1f} s), in turn to each server "
        f"({' + '.join(map(str, rush.per_server))}), each on a new connection. Each has its own address in "
        "X-Forwarded-For (the servers trust one proxy, `DJANGO_TRUSTED_PROXY_COUNT=1`, as behind nginx). "
        f"Rate limit: {burst.rate_limit}; one POST each. The worker renders and sends the confirmations "
        "meanwhile.",
        width=100,
    )
    return f"""{START_MARKER}
## Sign-up rush on PostgreSQL with two app servers

{what}

Run of {rush.started:%Y-%m-%d %H:%M} UTC on {rush.machine}, commit {rush.commit}; load average \
before the run {rush.load_before:.2f} (on {os.cpu_count()} CPUs; what else runs takes from the servers).

| sign-ups | answered in | p50 | p95 | p99 | max | answers | app servers CPU/sign-up | PostgreSQL CPU | worker CPU |
| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |
| {load.requests} | {load.seconds:.1f} s | {fmt_ms(load.p50_ms)} | **{fmt_ms(load.p95_ms)}** | {fmt_ms(load.p99_ms)} \
| {fmt_ms(rush.max_ms)} | {answers} | **{fmt_ms(rush.server_cpu_ms)}** | {database} | {fmt_ms(rush.worker_cpu_ms)} |

- Targets: p95 under {fmt_ms(P95_TARGET_MS)}, every answer the redirect to the thank-you page, seats exact; \
app-server CPU per sign-up at most {fmt_ms(CPU_TARGET_MS)} ({cpu_met})
- Seats: **{burst.seats_taken} of {burst.capacity}** confirmed, for {burst.confirmed} parties; \
{burst.waitlisted} parties on the waitlist; none of them would have fitted in a seat left
- Sign-ups: {burst.confirmed + burst.waitlisted} stored for {load.statuses.get(302, 0)} redirects; \
replaying them in the order stored gives each the status it got: {in_order}
- Confirmations: {mails}; {rush.mails_doubled} doubled
- The load generator was at most {rush.late_ms:.0f} ms behind its schedule
- Verdict: {verdict}
{END_MARKER}"""


def write_section(text: str) -> None:
    from bench.report import RESULTS_MARKER

    current = REPORT.read_text()
    if START_MARKER in current and END_MARKER in current:
        before, rest = current.split(START_MARKER, 1)
        updated = before + text + rest.split(END_MARKER, 1)[1]
    else:
        before, after = current.split(RESULTS_MARKER, 1)
        updated = before + text + "\n\n" + RESULTS_MARKER + after
    REPORT.write_text(updated)
    log(f"wrote the sign-up rush section of {REPORT.relative_to(ROOT)}")


def run(args) -> int:
    result = rush(args)
    text = section(result)
    print()
    print(text)
    if args.write:
        write_section(text)
    for problem in result.problems:
        log(f"FAILED: sign-up rush: {problem}")
    return 1 if result.problems else 0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8775, help="first loopback port; the servers take it and the next")
    parser.add_argument("--servers", type=int, default=SERVERS, help=f"app servers (default {SERVERS})")
    parser.add_argument("--workers", type=int, default=WORKERS_PER_SERVER, help="gunicorn workers per server")
    parser.add_argument("--residents", type=int, default=RESIDENTS, help=f"sign-ups (default {RESIDENTS})")
    parser.add_argument("--capacity", type=int, default=CAPACITY, help=f"seats (default {CAPACITY})")
    parser.add_argument("--spread", type=float, default=SPREAD_SECONDS, help="seconds the sign-ups arrive over")
    parser.add_argument("--no-write", dest="write", action="store_false", help="do not write docs/performance.md")
    args = parser.parse_args(argv)
    if not 1 <= args.residents <= 62000 or not 1 <= args.capacity <= 32767 or args.servers < 1 or args.spread <= 0:
        parser.error("need 1–62000 residents, 1–32767 seats, at least one server and a spread over 0 s")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    return run_benchmark(lambda: run(args))


if __name__ == "__main__":
    sys.exit(main())
