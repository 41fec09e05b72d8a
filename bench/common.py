"""Paths, the loopback host, the error type and the log line shared by the benchmark's modules."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python" if (VENV_BIN / "python").exists() else Path(sys.executable)
MANAGE = ROOT / "manage.py"
SECRET_KEY_FILE = ROOT / "var" / "serve-secret-key"
SERVER_LOG = ROOT / "var" / "bench-gunicorn.log"
REPORT = ROOT / "docs" / "performance.md"
HOST = "127.0.0.1"  # never anything else


class BenchError(Exception):
    """A problem that ends the benchmark with a message and exit status 1."""


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def exit_status(work) -> int:
    """``work()``'s exit status; a BenchError or a failed command is logged and gives 1."""
    try:
        return work()
    except BenchError as error:
        log(f"ERROR: {error}")
        return 1
    except subprocess.CalledProcessError as error:
        log(f"ERROR: {' '.join(map(str, error.cmd))} failed with status {error.returncode}")
        return 1


def run_benchmark(work) -> int:
    """Run ``work()`` as a command: its exit status; SIGTERM (e.g. from a CI timeout) unwinds like
    Ctrl-C, so the servers it started are always stopped; an interrupt gives 130."""

    def terminate(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, terminate)
    try:
        return exit_status(work)
    except KeyboardInterrupt:
        log("interrupted")
        return 130
