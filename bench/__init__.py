"""The benchmark behind `make bench`: `python bench/run.py --port 8765`.

The modules, in the order a run uses them:

- `run`: the entry point: arguments, and `benchmark()`, which runs the steps below.
- `common`: paths, the loopback host, `BenchError` and `log`, shared by all.
- `server`: gunicorn as `make serve` runs it (`Server`), its CPU time, and `manage.py shell`
  with the same settings (`manage_shell_json`).
- `web`: single requests to the server and the HTML parsers (stylesheet, sitemap, sign-up form).
- `pages`: which pages are measured, their status, SQL queries and size, and their load runs.
- `load`: the reusable load generation (`LoadSpec` → `run_load` → `LoadResult`), wrk or Python.
- `burst`: the sign-up burst: many residents sign up for one fresh evening at the same moment.
- `feedback`: the feedback pages and the team page in a copy of the demo database with
  100,000 patrol reports and 20,000 signals added (bulk_create), cold, page cache off and cached.
- `report`: the tables and the markdown written to docs/performance.md.
- `django_side`: code that runs inside `manage.py shell` with the server's settings and database.
- `newsletter`: sending a newsletter issue to 10,000 subscribers through the real worker
  (`python -m bench.newsletter`, also run by `make bench`), with `smtp_sink`, a local SMTP server
  that counts per address (also used by the worker-kill test).
- `signup_scale`: the sign-up rush on PostgreSQL: 500 sign-ups over 10 s to two gunicorn servers,
  with a worker sending the confirmations (`make bench-signup`, run by `make bench` when
  BENCH_DATABASE_URL is set).
- `signup_profile`: cProfile of sign-up POSTs in-process, where a sign-up's CPU time goes.

Traffic only ever goes to 127.0.0.1.
"""
