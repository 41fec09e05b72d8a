"""The sign-up burst: many residents, each from its own loopback address, sign up for one evening at once.

The evening is created for the run in the server's database (bench.django_side.burst_db, through
`manage.py shell`), the sign-ups are read back and checked there (never over capacity, none lost),
and the evening and everything the burst stored are deleted afterwards.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from bench.common import BenchError, log
from bench.load import LoadResult, LoadSpec, Request, run_load
from bench.server import Server, manage_shell_json
from bench.web import fetch_signup_form

BURST_RESIDENTS = 120
BURST_CAPACITY = 50
BURST_PAIR_EVERY = 4  # every fourth resident brings one other person
BURST_SLUG_PREFIX = "benchmark-bijeenkomst-"
BURST_TIMEOUT = 60.0  # seconds one sign-up may take before it counts as an error
BURST_DB = "bench.django_side.burst_db"  # runs in `manage.py shell`: setup, counts, cleanup


def loopback_address(n: int) -> str:
    """The address of the n-th resident, each in its own /24: 127.1.1.1, 127.1.2.1, ...

    Residents of one /24 share the seats-per-network cap of an evening (aanmelding.seats);
    the burst measures the lock under a rush of different households, not the cap.
    127.0.0.1 stays the bench's own.
    """
    return f"127.{1 + n // 250}.{1 + n % 250}.1"


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
        BURST_DB,
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
                BURST_DB,
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
        BURST_DB,
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
