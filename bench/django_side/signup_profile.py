"""One evening sign-up POST profiled in-process: where its server time goes.

Runs in `manage.py shell` (see bench/django_side/__init__.py) with the server's settings and
database, through `python -m bench.signup_profile`. BENCH_SIGNUPS (default 40) residents, each
from its own address (REMOTE_ADDR), open the form of a fresh evening with Django's test client,
wait the minimum fill-in time, then send it one after another: every POST is timed (CPU time of
this process: Python, templates, the database driver; the database server's own work is not in
it) and profiled with cProfile. The answer: the median CPU and wall time and SQL queries per
POST, and the functions that took the most time, grouped by the part of the site they belong to.
The evening and everything the sign-ups stored are removed afterwards.
"""

import cProfile
import os
import pstats
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.django_side import burst_db, emit
from bench.web import _FormFinder

SLUG_PREFIX = "benchmark-profiel-"  # not the burst's: its set-up removes evenings with its own prefix

# Where a function's file lies says which step of a sign-up it belongs to; first match wins.
PARTS = [
    ("css_inline", "mail: CSS inlined into the HTML mail"),
    ("evening_calendar", "mail: .ics attachment"),
    ("forms/mail.py", "mail: queueing (render, outbox row)"),
    ("aanmelding/mails", "mail: queueing (render, outbox row)"),
    ("django/template", "templates (page and mails)"),
    ("forms/ratelimit", "rate limit"),
    ("forms/cache", "rate limit"),
    ("django/contrib/sessions", "session"),
    ("forms/spam", "spam check and form token"),
    ("psycopg", "database driver"),
    ("django/db", "ORM"),
    ("django_tasks", "task rows"),
]


# Steps of one sign-up POST by the function that does them: (label, file suffix, function name).
# Their cumulative CPU time per POST; a step inside another is indented in the label.
STEPS = [
    ("whole request (Django's handler, middleware included)", "django/core/handlers/base.py", "get_response"),
    ("  Wagtail's serve: everything below", "wagtail/views.py", "serve"),
    ("    route to the page (site lookup, page and its fields)", "wagtail/models/pages.py", "route_for_request"),
    ("    rate limit (count the POST)", "forms/ratelimit.py", "check_rate_limit"),
    ("    form validation (fields, spam checks, duplicate check)", "django/forms/forms.py", "full_clean"),
    ("    form token used up", "forms/spam.py", "consume_token"),
    ("    seat under the evening's lock and the insert", "aanmelding/seats.py", "sign_up"),
    ("    confirmation mail queued", "aanmelding/mails/evenings.py", "queue_signup_received"),
    ("      of which: mail rendered (text, HTML, CSS inlined)", "forms/mail.py", "render_mail"),
    ("      of which: mail rendered (text, HTML, CSS inlined)", "forms/mail_render.py", "render_mail"),
    ("      of which: .ics", "aanmelding/evening_calendar.py", "attachment"),
    ("    transactions ended (commit, savepoints released)", "django/db/transaction.py", "__exit__"),
    ("    session for the thank-you page", "forms/base.py", "form_submitted"),
    ("  session saved (middleware)", "django/contrib/sessions/middleware.py", "process_response"),
]


def steps(stats, count, scale):
    found = []
    for label, suffix, name in STEPS:
        ms = sum(
            cum
            for (filename, _line, function), (_cc, _nc, _tt, cum, _callers) in stats.stats.items()
            if filename.endswith(suffix) and function == name
        )
        if found and found[-1][0] == label:  # one step under two names (a function that moved)
            found[-1][1] += ms * 1000 / count * scale
        else:
            found.append([label, ms * 1000 / count * scale])
    return found


def profile_signups(count):
    os.environ["BENCH_SLUG_PREFIX"] = SLUG_PREFIX
    os.environ["BENCH_SLUG"] = f"{SLUG_PREFIX}{int(time.time())}"
    os.environ.setdefault("BENCH_CAPACITY", str(count))
    setup = burst_db.setup()
    evening = setup["pk"]
    try:
        clients = []
        for n in range(count):
            address = f"127.{1 + n // 250}.{1 + n % 250}.9"
            client = Client(REMOTE_ADDR=address, HTTP_HOST="127.0.0.1")
            response = client.get(setup["path"])
            assert response.status_code == 200, response.status_code
            finder = _FormFinder()
            finder.feed(response.content.decode())
            hidden = next(form["hidden"] for form in finder.forms if "persons" in form["names"])
            clients.append((client, hidden, n))
        time.sleep(setup["min_submit_seconds"] + 0.5)
        # CPU time, not wall time: other processes on the machine must not count.
        profiler = cProfile.Profile(time.process_time)
        cpu, wall, queries, statuses = [], [], [], []
        for client, hidden, n in clients:
            data = {
                **hidden,
                setup["honeypot"]: "",
                "name": f"Bewoner {n + 1}",
                "email": f"profile-{n + 1}@example.org",
                "persons": "1",
                "remark": "",
                "consent": "on",
            }
            with CaptureQueriesContext(connection) as captured:
                began_cpu, began = time.process_time(), time.perf_counter()
                # Every other POST profiled: the rest gives the CPU time without the profiler's cost.
                profiled = n % 2 == 1
                if profiled:
                    profiler.enable()
                response = client.post(setup["path"], data)
                if profiled:
                    profiler.disable()
                if not profiled:
                    cpu.append(time.process_time() - began_cpu)
                    wall.append(time.perf_counter() - began)
            queries.append(len(captured.captured_queries))
            last_queries = [query["sql"][:160] for query in captured.captured_queries]
            statuses.append(response.status_code)
        return dict(report(profiler, cpu, wall, queries, statuses, count), sql=last_queries)
    finally:
        os.environ["BENCH_EVENING"] = str(evening)
        os.environ["BENCH_CREATED"] = "{}"
        burst_db.cleanup()


def report(profiler, cpu, wall, queries, statuses, count):
    stats = pstats.Stats(profiler)
    profiled_count = count // 2
    # The profiled POSTs' times scaled to the unprofiled CPU time: the shares are the profile's.
    scale = statistics.mean(cpu) / (stats.total_tt / profiled_count)
    count = profiled_count
    total = statistics.mean(cpu) * count
    parts = {}
    # Own time (tottime) of every function, summed per part: together they add up to the whole.
    for (filename, _line, _name), (_cc, _nc, tottime, _cum, _callers) in stats.stats.items():
        part = next((label for needle, label in PARTS if needle in filename), "other Python (Django, Wagtail, views)")
        parts[part] = parts.get(part, 0.0) + tottime
    profiled = sum(parts.values()) or 1.0
    top = sorted(stats.stats.items(), key=lambda item: item[1][3], reverse=True)
    cumulative = [
        {
            "function": f"{os.path.relpath(f, os.getcwd()) if f.startswith('/') else f}:{line} {name}",
            "ms": cum * 1000 / count,
        }
        for (f, line, name), (_cc, _nc, _tt, cum, _callers) in top[:60]
    ]
    return {
        "signups": len(statuses),
        "statuses": sorted(set(statuses)),
        "cpu_ms_median": statistics.median(cpu) * 1000,
        "cpu_ms_mean": statistics.mean(cpu) * 1000,
        "wall_ms_median": statistics.median(wall) * 1000,
        "queries_median": statistics.median(queries),
        "queries_max": max(queries),
        "parts": {part: seconds / profiled * total * 1000 / count for part, seconds in parts.items()},
        "cumulative": cumulative,
        "steps": steps(stats, count, scale),
        "profiler_overhead": 1 / scale,
    }


def main() -> None:
    emit(profile_signups(int(os.environ.get("BENCH_SIGNUPS", "40"))))
