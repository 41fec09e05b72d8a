"""Code the benchmark runs inside `manage.py shell`, with the server's settings and database.

Each module has a `main()` that `bench.server.manage_shell_json` runs as

    manage.py shell --no-imports -c "from bench.django_side.<module> import main; main()"

It reads its input from BENCH_* environment variables and prints its answer as one line,
`BENCH-JSON {...}` (see `emit`). Django is set up by then, so these modules import models
at the top; they are not meant to be imported anywhere else. This package itself imports
nothing from Django.
"""

import json

JSON_PREFIX = "BENCH-JSON "


def emit(data) -> None:
    """Print the answer for the benchmark: the one line it reads from the shell's output."""
    print(JSON_PREFIX + json.dumps(data))
