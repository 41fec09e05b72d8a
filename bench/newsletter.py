"""Benchmark of sending a newsletter issue (part of `make bench`, or on its own).

    .venv/bin/python -m bench.newsletter [--subscribers 10000] [--no-write]

In a fresh database of its own (SQLite in var/, migrated; or --database-url) with
the production settings: 10,000 active subscribers and an issue approved through
the workflow "Nieuwsbrief". Measured:

1. "Versturen": ``start_sending`` renders the mail once and writes one Delivery per
   subscriber in one transaction (target: under 5 s);
2. a real `manage.py db_worker --batch` hands every mail over SMTP to a local aiosmtpd
   server (bench/smtp_sink.py) in this process, as fast as it takes them (no rate
   limit, the default batch of 50): mails per second from the first mail to the last
   (target: at least 100/s on the 2-core machine) and the worker's peak memory (its
   maximum resident set size from the kernel, ``os.wait4``; target: under 300 MB);
3. each address got exactly one mail, with its delivery's Message-ID, and every
   delivery is marked sent.

Writes the figures to docs/performance.md (its own section, above the one bench/run.py
writes) unless --no-write. Traffic only ever goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import secrets
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

if not __package__:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.common import MANAGE, PYTHON, REPORT, ROOT, SECRET_KEY_FILE, BenchError, exit_status, log
from bench.server import manage_shell_json
from bench.smtp_sink import SmtpSink

SIDE = "bench.django_side.newsletter_db"
DATABASE_FILE = ROOT / "var" / "bench-newsletter.sqlite3"
START_MARKER = "<!-- The newsletter section is written by bench/newsletter.py. -->"
END_MARKER = "<!-- End of the newsletter section. -->"
TARGET_SNAPSHOT_SECONDS = 5.0
TARGET_MAILS_PER_SECOND = 100.0
TARGET_PEAK_MB = 300.0


def bench_env(database_url: str, smtp_port: int) -> dict[str, str]:
    env = dict(os.environ)
    secret = env.get("DJANGO_SECRET_KEY")
    if not secret:
        secret = SECRET_KEY_FILE.read_text().strip() if SECRET_KEY_FILE.exists() else secrets.token_urlsafe(50)
    env.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        DJANGO_SECRET_KEY=secret,
        DJANGO_HTTPS="0",
        DATABASE_URL=database_url,
        WAGTAILADMIN_BASE_URL="https://buurt.gemeente.example",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(smtp_port),
        NIEUWSBRIEF_MAILS_PER_MINUTE="0",  # no rate limit: how fast can it go
        PYTHONUNBUFFERED="1",
    )
    return env


def run_worker(env: dict[str, str]) -> tuple[float, float]:
    """A real db_worker that runs every due task and exits; returns (wall seconds, peak RSS in MB)."""
    command = [str(PYTHON), str(MANAGE), "db_worker", "--batch", "--no-startup-delay", "--interval", "0"]
    log("manage.py db_worker --batch")
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own resource usage: ru_maxrss is its peak resident set, in KiB on Linux.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise BenchError(f"db_worker exited with status {process.returncode}:\n{process.stderr.read()[-3000:]}")
    process.stderr.close()
    return seconds, usage.ru_maxrss / 1024


def benchmark(args) -> tuple[dict, list[str]]:
    load_before = os.getloadavg()[0]  # other work on the machine slows the worker and the server alike
    if args.database_url:
        database_url = args.database_url
    else:
        DATABASE_FILE.parent.mkdir(exist_ok=True)
        for leftover in DATABASE_FILE.parent.glob(DATABASE_FILE.name + "*"):
            leftover.unlink()
        database_url = f"sqlite:///{DATABASE_FILE}"
    with SmtpSink() as sink:
        env = bench_env(database_url, sink.port)
        log(f"manage.py migrate ({'its own SQLite file' if not args.database_url else 'the given database'})")
        migrate = [str(PYTHON), str(MANAGE), "migrate", "--noinput", "--verbosity", "0"]
        subprocess.run(migrate, cwd=ROOT, env=env, check=True)
        log(f"{args.subscribers} subscribers, an approved issue, Versturen")
        count = str(args.subscribers)
        setup = manage_shell_json(env, SIDE, "setup", BENCH_ACTION="setup", BENCH_SUBSCRIBERS=count)
        worker_seconds, peak_mb = run_worker(env)
        check = manage_shell_json(env, SIDE, "check", BENCH_ACTION="check", BENCH_SENDING=str(setup["sending"]))
        # Only the subscribers' mails: approving the issue also mailed the editor (Wagtail's notification).
        mails = [mail for mail in sink.recorder.timed() if mail[0].startswith("lezer")]
        received = [(address, message_id) for address, message_id, _ in mails]
        times = [moment for _, _, moment in mails]
        per_address = Counter(address for address, _ in received)
        mail_seconds = (max(times) - min(times)) if times else 0.0
    if not args.database_url:
        for leftover in DATABASE_FILE.parent.glob(DATABASE_FILE.name + "*"):
            leftover.unlink()

    mails_per_second = len(received) / mail_seconds if mail_seconds else 0.0
    ids_per_address = {}
    for address, message_id in received:
        ids_per_address.setdefault(address, set()).add(message_id)
    result = {
        "subscribers": args.subscribers,
        "deliveries": setup["deliveries"],
        "snapshot_seconds": setup["seconds"],
        "mails": len(received),
        "addresses": len(per_address),
        "mail_seconds": mail_seconds,
        "mails_per_second": mails_per_second,
        "worker_seconds": worker_seconds,
        "peak_mb": peak_mb,
        "progress": check["progress"],
        "finished": check["finished"],
        "load_before": load_before,
        "database": "SQLite (its own file)" if not args.database_url else re.sub(r"//[^@/]*@", "//", database_url),
    }
    problems = []
    if setup["deliveries"] != args.subscribers:
        problems.append(f"{setup['deliveries']} deliveries for {args.subscribers} subscribers")
    if len(received) != args.subscribers or len(per_address) != args.subscribers:
        problems.append(f"{len(received)} mails to {len(per_address)} addresses, not each of {args.subscribers} once")
    if any(len(ids) != 1 for ids in ids_per_address.values()):
        problems.append("an address got mails with different Message-IDs")
    if check["progress"]["sent"] != args.subscribers or not check["finished"]:
        problems.append(f"deliveries not all sent: {check['progress']}")
    if setup["seconds"] >= TARGET_SNAPSHOT_SECONDS:
        problems.append(f"Versturen took {setup['seconds']:.2f} s (target under {TARGET_SNAPSHOT_SECONDS:g} s)")
    if mails_per_second < TARGET_MAILS_PER_SECOND:
        problems.append(f"{mails_per_second:.0f} mails/s (target at least {TARGET_MAILS_PER_SECOND:g})")
    if peak_mb >= TARGET_PEAK_MB:
        problems.append(f"worker peak memory {peak_mb:.0f} MB (target under {TARGET_PEAK_MB:g} MB)")
    return result, problems


def section(result: dict, problems: list[str]) -> str:
    from bench.report import git_commit, machine_info

    verdict = "**passed**" if not problems else "**FAILED**: " + "; ".join(problems)
    progress = result["progress"]
    return "\n".join(
        [
            START_MARKER,
            "## Sending a newsletter",
            "",
            "`python -m bench.newsletter` (also run by `make bench`): in a fresh database of its own with the "
            f"production settings, {result['subscribers']:,} active subscribers and an issue approved through the "
            "workflow “Nieuwsbrief”. *Versturen* renders the mail once and writes one delivery per subscriber in one "
            "transaction; then a real `manage.py db_worker --batch` sends every mail over SMTP to a local aiosmtpd "
            "server, with no rate limit and the default batch of 50 over one connection per batch. The worker's "
            "peak memory is its maximum resident set size from the kernel.",
            "",
            f"Run of {datetime.date.today():%Y-%m-%d} on {machine_info()['summary']}, commit {git_commit()}, "
            f"{result['database']}; load average before the run {result['load_before']:.2f}.",
            "",
            "| what | result | target |",
            "| --- | ---: | ---: |",
            f"| Versturen: render once + snapshot of {result['deliveries']:,} deliveries | "
            f"{result['snapshot_seconds']:.2f} s | < {TARGET_SNAPSHOT_SECONDS:g} s |",
            f"| mails handed to the SMTP server, first to last | {result['mails']:,} in {result['mail_seconds']:.1f} s "
            f"= **{result['mails_per_second']:,.0f} mails/s** | ≥ {TARGET_MAILS_PER_SECOND:g} mails/s |",
            f"| the worker's run, start-up included | {result['worker_seconds']:.1f} s | |",
            f"| the worker's peak memory (max RSS) | {result['peak_mb']:.0f} MB | < {TARGET_PEAK_MB:g} MB |",
            f"| addresses that got the issue / exactly once | {result['addresses']:,} / "
            f"{'all' if result['mails'] == result['addresses'] else 'NOT all'} | each once |",
            f"| deliveries sent / failed / waiting | {progress['sent']:,} / {progress['failed']} / "
            f"{progress['waiting']} | all sent |",
            "",
            f"Verdict: {verdict}.",
            END_MARKER,
        ]
    )


def write_section(text: str) -> None:
    from bench.report import RESULTS_MARKER

    current = REPORT.read_text() if REPORT.exists() else "# Performance\n\n"
    if START_MARKER in current and END_MARKER in current:
        before, rest = current.split(START_MARKER, 1)
        after = rest.split(END_MARKER, 1)[1]
        updated = before + text + after
    elif RESULTS_MARKER in current:
        # Above the part bench/run.py rewrites, so each keeps the other's figures.
        before, after = current.split(RESULTS_MARKER, 1)
        updated = before + text + "\n\n" + RESULTS_MARKER + after
    else:
        updated = current.rstrip() + "\n\n" + text + "\n"
    REPORT.write_text(updated)
    log(f"wrote the newsletter section of {REPORT.relative_to(ROOT)}")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000, help="active subscribers (default 10000)")
    parser.add_argument(
        "--database-url", help="an empty database to use instead of a fresh SQLite file (it is migrated and filled)"
    )
    parser.add_argument("--no-write", dest="write", action="store_false", help="do not write docs/performance.md")
    args = parser.parse_args(argv)
    if args.subscribers < 1:
        parser.error("--subscribers must be at least 1")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    return exit_status(lambda: measure_and_report(args))


def measure_and_report(args) -> int:
    result, problems = benchmark(args)
    text = section(result, problems)
    print()
    print(text)
    if args.write:
        write_section(text)
    for problem in problems:
        log(f"FAILED: newsletter: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
