"""deploy/gunicorn.conf.py for real: gunicorn in its own process, its access log and error log read back.

No token of a signed link may stand in either log, nor in what Django logs to
the process's stderr. On SQLite the database is out of reach (a folder that
does not exist): the site answers with the 503 page, /healthz with 503. On
PostgreSQL gunicorn serves the test database: a 404 and a healthy /healthz.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Site

from forms.tokens import MASK, make_token
from home.demo import ensure_tree_roots
from tests.database_outage import free_port
from tests.factories import HomePageFactory

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
WITHDRAW = make_token("aanmelding.withdraw", 1234)
MOTIVATION = make_token("aanmelding.motivatie", "543210")
TEAM = "q7Yb1xWmK2pLr9TzV4nH8sJd3FgC6eA0uN5oI-RkQwE"
TOKENS = (WITHDRAW, MOTIVATION, TEAM)


def start_gunicorn(tmp_path, database_url):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": database_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": str(tmp_path / "access.log"),
        "GUNICORN_ERROR_LOG": str(tmp_path / "error.log"),
        "GUNICORN_LOG_LEVEL": "info",
    }
    stderr = open(tmp_path / "stderr.log", "w")
    # From another folder: the configuration finds the project itself.
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(CONFIG)],
        cwd=tmp_path,
        env=env,
        stdout=stderr,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/static/css/site.css", timeout=10)
            break
        except (urllib.error.URLError, OSError):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise AssertionError((tmp_path / "stderr.log").read_text()) from None
            time.sleep(0.3)
    return process, base


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def token_requests(base):
    return fetch(
        f"{base}/aanmelden/intrekken/{WITHDRAW}/?motivatie={MOTIVATION}",
        Referer=f"{base}/terugkoppeling/team/{TEAM}/",
        **{"X-Forwarded-For": "203.0.113.9"},
    )


def read_logs(tmp_path):
    return {name: (tmp_path / name).read_text() for name in ("access.log", "error.log", "stderr.log")}


def assert_masked(logs):
    for name, text in logs.items():
        for token in TOKENS:
            assert token not in text, f"a token in {name}"
    [line] = [line for line in logs["access.log"].splitlines() if "/aanmelden/intrekken/" in line]
    assert f"GET /aanmelden/intrekken/{MASK}/?motivatie={MASK} HTTP/1.1" in line
    assert f"/terugkoppeling/team/{MASK}/" in line  # the referrer
    assert '"203.0.113.9"' in line and line.endswith("ms")  # the forwarded client address, the time taken


def test_gunicorn_with_the_database_out_of_reach(tmp_path):
    process, base = start_gunicorn(tmp_path, "sqlite:////nonexistent-folder-for-tests/db.sqlite3")
    try:
        status, headers, html = token_requests(base)
        assert status == 503 and headers["Retry-After"] == "30"
        assert "De website is even niet bereikbaar" in html
        status, _, body = fetch(base + "/healthz")
        assert status == 503 and json.loads(body)["status"] == "down"
    finally:
        stop(process)
    logs = read_logs(tmp_path)
    assert_masked(logs)
    # Django's own log line of the failure, with its traceback, masked too.
    assert f"Service Unavailable: /aanmelden/intrekken/{MASK}/" in logs["stderr.log"]
    assert "OperationalError" in logs["stderr.log"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="gunicorn serves the PostgreSQL test database")
@pytest.mark.django_db(transaction=True)
def test_gunicorn_on_postgresql(tmp_path):
    # A site to 404 in (its 404 page shows the municipality's details); an earlier transactional
    # test may have emptied the database.
    home = HomePageFactory(parent=ensure_tree_roots())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    process, base = start_gunicorn(tmp_path, url)
    try:
        status, _, _ = token_requests(base)
        assert status == 404
        status, headers, body = fetch(base + "/healthz")
        assert status == 200 and headers["Cache-Control"] == "no-store"
        assert json.loads(body)["database"] == "ok"
    finally:
        stop(process)
    logs = read_logs(tmp_path)
    assert_masked(logs)
    assert f"Not Found: /aanmelden/intrekken/{MASK}/" in logs["stderr.log"]
