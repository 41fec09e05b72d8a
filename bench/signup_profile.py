"""Where the server time of one evening sign-up goes: cProfile of sign-up POSTs in-process.

    DATABASE_URL=postgres://... .venv/bin/python -m bench.signup_profile [--signups 40]

Runs bench.django_side.signup_profile in `manage.py shell` with the production settings of
`make serve` (bench.server.serve_env) on the database DATABASE_URL names (default: the demo's
SQLite file) and prints the CPU time, wall time and SQL queries per POST and where the time goes.
The numbers are in docs/performance.md ("Where a sign-up's time goes").
"""

from __future__ import annotations

import argparse
import sys

from bench.common import exit_status
from bench.server import manage_shell_json, serve_env


def profile(args) -> int:
    env = serve_env(0)
    result = manage_shell_json(
        env, "bench.django_side.signup_profile", "profiling sign-ups", BENCH_SIGNUPS=str(args.signups)
    )
    print(
        f"{result['signups']} sign-up POSTs (answers {result['statuses']}): CPU {result['cpu_ms_median']:.1f} ms "
        f"median ({result['cpu_ms_mean']:.1f} ms mean), wall {result['wall_ms_median']:.1f} ms median, "
        f"SQL queries {result['queries_median']:g} median, {result['queries_max']} at most"
    )
    print(
        "\nCPU per sign-up by step (cumulative; every other POST profiled, scaled down to the unprofiled"
        f" CPU time: the profiler made them {result['profiler_overhead']:.1f}× slower):"
    )
    for label, ms in result["steps"]:
        print(f"  {ms:6.1f} ms  {label}")
    print("\nOwn time per part, ms per sign-up (scaled to the measured CPU time):")
    for part, ms in sorted(result["parts"].items(), key=lambda item: -item[1]):
        print(f"  {ms:6.1f}  {part}")
    print("\nCumulative CPU per profiled sign-up (with the profiler's cost):")
    for row in result["cumulative"][: args.top]:
        print(f"  {row['ms']:7.2f} ms  {row['function']}")
    if args.sql:
        print("\nThe SQL of the last POST:")
        for sql in result["sql"]:
            print(f"  {sql}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signups", type=int, default=40, help="sign-up POSTs to profile (default 40)")
    parser.add_argument("--top", type=int, default=45, help="functions to list (default 45)")
    parser.add_argument("--sql", action="store_true", help="list the SQL queries of the last POST")
    args = parser.parse_args(argv)
    return exit_status(lambda: profile(args))


if __name__ == "__main__":
    sys.exit(main())
