"""The server under test: gunicorn as `make serve` runs it, and `manage.py shell` with its settings."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from bench.common import HOST, MANAGE, PYTHON, ROOT, SECRET_KEY_FILE, SERVER_LOG, VENV_BIN, BenchError, log
from bench.django_side import JSON_PREFIX
from bench.web import fetch

GUNICORN_WORKERS = 2


def serve_env(port: int) -> dict[str, str]:
    """The environment of `make serve` (see SERVE_ENV in the Makefile) on this port."""
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
    # Production settings refuse to start without it; `make bench` sets it already.
    env.setdefault("WAGTAILADMIN_BASE_URL", f"http://{HOST}:{port}")
    return env


def _stat_fields(pid) -> list[str] | None:
    """/proc/<pid>/stat after the command name (which may hold spaces), or None."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _cpu_ticks(fields: list[str]) -> int:
    return int(fields[11]) + int(fields[12])  # utime, stime


def process_tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by process `pid` and its children (Linux /proc)."""
    pids = {pid}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        fields = _stat_fields(stat.parent.name)
        if fields is not None and int(fields[1]) == pid:  # fields[1] is the parent pid
            pids.add(int(stat.parent.name))
    ticks = sum(_cpu_ticks(fields) for fields in map(_stat_fields, pids) if fields is not None)
    return ticks / os.sysconf("SC_CLK_TCK")


def command_cpu_seconds(name: str) -> float:
    """CPU time used so far by every process whose command name is `name` (e.g. the database's, "postgres")."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if text.partition("(")[2].rpartition(")")[0] == name:
            ticks += _cpu_ticks(text.rsplit(")", 1)[1].split())
    return ticks / os.sysconf("SC_CLK_TCK")


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


class Server:
    """gunicorn as `make serve` runs it; a context manager that always stops it again."""

    def __init__(
        self,
        port: int,
        workers: int = GUNICORN_WORKERS,
        log_path: Path = SERVER_LOG,
        prepare: bool = True,
        **extra_env: str,
    ):
        self.port = port
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.env = dict(serve_env(port), **extra_env)
        self.log_path = log_path
        self.run_prepare = prepare  # collectstatic and migrate; once is enough for several servers
        self._log_file = None

    def prepare(self) -> None:
        for args in (["collectstatic", "--noinput", "--verbosity", "0"], ["migrate", "--noinput", "--verbosity", "0"]):
            log(f"manage.py {' '.join(args)}")
            subprocess.run([str(PYTHON), str(MANAGE), *args], cwd=ROOT, env=self.env, check=True)

    def __enter__(self) -> Server:
        if port_in_use(self.port):
            raise BenchError(f"something already listens on {HOST}:{self.port}; choose another --port")
        if self.run_prepare:
            self.prepare()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = self.log_path.open("w")
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
        log(f"starting {' '.join(command[1:])} (log in {self.log_path.relative_to(ROOT)})")
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
        return process_tree_cpu_seconds(self.process.pid)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def manage_shell_json(env: dict[str, str], module: str, what: str, **variables: str) -> dict:
    """Run `module.main()` (in bench.django_side) in `manage.py shell` with the server's settings.

    The module reads its input from the BENCH_* environment `variables` and prints one
    `BENCH-JSON {...}` line (bench.django_side.emit), which is returned as a dict. manage.py runs from the repository
    root, which is on its import path, so the `bench` package is importable there.
    """
    result = subprocess.run(
        [str(PYTHON), str(MANAGE), "shell", "--no-imports", "-c", f"from {module} import main; main()"],
        cwd=ROOT,
        env=dict(env, **variables),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    for line in result.stdout.splitlines():
        if line.startswith(JSON_PREFIX):
            return json.loads(line.removeprefix(JSON_PREFIX))
    raise BenchError(f"{what} failed (status {result.returncode}):\n{result.stderr[-3000:]}")
