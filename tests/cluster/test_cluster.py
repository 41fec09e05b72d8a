"""Several app servers behind nginx, on PostgreSQL: nothing breaks between them.

`make test-cluster` runs this (CLUSTER_TEST=1, DATABASE_URL on PostgreSQL; .ci/run does so after
the PostgreSQL suite). It makes a fresh database of its own with the demo content and starts,
as in production: Debian's nginx with deploy/nginx/buurtpreventie.conf (its ports, folders and a
self-signed certificate put in), two gunicorn app servers (deploy/gunicorn.conf.py, production
settings, behind the proxy), one task worker, two schedulers and a local SMTP server. Through
nginx it shows:

- a page published in the admin of server A is fresh on server B (the page cache is in the database);
- the rate limit counts the POSTs of one client address over both servers, keyed on the address
  nginx forwards (the test connects from 127.0.0.2 and 127.0.0.3: Linux routes all of 127/8 to lo);
- a burst of 3N sign-ups for an evening of N seats, spread over both servers, confirms exactly N;
- each periodic task was enqueued once per tick (PeriodicTaskTick claims against task rows);
- no mail was sent twice (counted at the SMTP server);
- the access log holds no token from a signed link.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
import pytest
from bs4 import BeautifulSoup

from bench.smtp_sink import SmtpSink

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = ROOT / "deploy" / "nginx" / "buurtpreventie.conf"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
HOST = "buurtpreventie.gemeente.example"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
EVENING = "/informatiebijeenkomsten/informatiebijeenkomst-najaar/"
SEATS = 8
ADMIN_USER, ADMIN_PASSWORD = "beheerder", "cluster-test-wachtwoord-42"
PERIODIC_PATHS = None  # filled from the database: every path with a claim


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, timeout, what, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {what}")


def substitute(text, pattern, replacement):
    """Replace the line ``pattern`` finds; a configuration that changed shape fails here, loudly."""
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    assert count, f"deploy/nginx/buurtpreventie.conf has no line matching {pattern!r} any more"
    return new


def nginx_for_test(folder, https_port, http_port, app_ports, static_root, media_root):
    text = NGINX_CONF.read_text()
    text = substitute(
        text, r"^(\s*)server 127\.0\.0\.1:\d+;\s*# test: app server A$", rf"\1server 127.0.0.1:{app_ports[0]};"
    )
    text = substitute(
        text, r"^(\s*)server 127\.0\.0\.1:\d+;\s*# test: app server B$", rf"\1server 127.0.0.1:{app_ports[1]};"
    )
    text = substitute(text, r"listen 80;\s*# test: http port", f"listen 127.0.0.1:{http_port};")
    text = substitute(text, r"listen 443 ssl( http2)?;\s*# test: https port", f"listen 127.0.0.1:{https_port} ssl;")
    text = substitute(text, r"ssl_certificate \S+;\s*# test: certificate", f"ssl_certificate {folder / 'cert.pem'};")
    text = substitute(text, r"ssl_certificate_key \S+;\s*# test: key", f"ssl_certificate_key {folder / 'key.pem'};")
    text = substitute(
        text,
        r"access_log \S+ buurtpreventie;\s*# test: access log",
        f"access_log {folder / 'access.log'} buurtpreventie;",
    )
    text = substitute(text, r"error_log \S+ warn;\s*# test: error log", f"error_log {folder / 'error.log'} warn;")
    text = substitute(text, r"alias \S+;\s*# test: static root", f"alias {static_root}/;")
    text = substitute(text, r"alias \S+;\s*# test: media root", f"alias {media_root}/;")
    (folder / "buurtpreventie.conf").write_text(text)
    temp = folder / "nginx-temp"
    temp.mkdir()
    (folder / "nginx.conf").write_text(
        f"""
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder / "buurtpreventie.conf"};
}}
"""
    )
    subprocess.run(
        [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
         "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    return folder / "nginx.conf"


class Browser:
    """One visitor: a source address of its own, cookies, requests through nginx over TLS."""

    def __init__(self, port, source="127.0.0.1", target=("127.0.0.1", None)):
        self.port = port
        self.source = source
        self.cookies = {}
        self.context = ssl._create_unverified_context()  # the test's own self-signed certificate
        self.target = target

    def request(self, method, path, form=None, headers=None, direct=False):
        if direct:  # straight to one app server, as nginx would send it
            connection = http.client.HTTPConnection("127.0.0.1", direct, timeout=60, source_address=(self.source, 0))
        else:
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, timeout=60, context=self.context, source_address=(self.source, 0)
            )
        head = {"Host": HOST, "User-Agent": "cluster-test"}
        if direct:
            head.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": self.source})
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            head["Content-Type"] = "application/x-www-form-urlencoded"
            head["Origin"] = f"https://{HOST}"
            head["Referer"] = f"https://{HOST}{path}"
        head.update(headers or {})
        connection.request(method, path, body=body, headers=head)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(value)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        connection.close()
        return response.status, text, response.headers

    def form_fields(self, html, marker="email"):
        """Every field of the POST form that has ``marker`` in it, as the page rendered them."""
        soup = BeautifulSoup(html, "html.parser")
        for form in soup.find_all("form"):
            if (form.get("method") or "").lower() == "post" and form.find(attrs={"name": marker}):
                fields = {}
                for field in form.find_all("input"):
                    if field.get("name") and field.get("type") not in ("checkbox", "radio", "submit"):
                        fields[field["name"]] = field.get("value", "")
                return form, fields
        raise AssertionError(f"no POST form with a {marker!r} field on the page")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    url = os.environ.get("DATABASE_URL", "")
    assert url.startswith(("postgres://", "postgresql://")), "make test-cluster needs DATABASE_URL on PostgreSQL"
    assert Path(NGINX).exists(), "nginx is missing (apt-get install nginx)"
    parts = urlsplit(url)
    database = f"{parts.path.lstrip('/')}_cluster"
    cluster_url = parts._replace(path=f"/{database}").geturl()
    # From the maintenance database: DATABASE_URL's own database need not exist.
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{database}"')

    folder = tmp_path_factory.mktemp("cluster")
    media = folder / "media"
    media.mkdir()
    https_port, http_port, port_a, port_b = free_port(), free_port(), free_port(), free_port()
    sink = SmtpSink().__enter__()
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "WAGTAILADMIN_", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        DATABASE_URL=cluster_url,
        DJANGO_SECRET_KEY="cluster-test-only-" + "k" * 40,
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        WAGTAILADMIN_BASE_URL=f"https://{HOST}",
        DJANGO_BEHIND_PROXY="1",
        DJANGO_TRUSTED_PROXY_COUNT="1",
        DJANGO_ADMIN_2FA="0",
        DJANGO_MEDIA_ROOT=str(media),
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(sink.port),
        DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD,
        PYTHONUNBUFFERED="1",
    )
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo_content"],
        ["collectstatic", "--noinput", "-v0"],
        ["createsuperuser", "--noinput", "--username", ADMIN_USER, "--email", "beheer@gemeente.example"],
    ):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    static_root = ROOT / "var" / "staticfiles"

    processes = {}

    def start(name, command, **extra):
        log = open(folder / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
        processes[name] = subprocess.Popen(
            command, cwd=ROOT, env={**env, **extra}, stdout=log, stderr=subprocess.STDOUT
        )

    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "-c", str(GUNICORN_CONF)]
    for name, port in (("a", port_a), ("b", port_b)):
        start(
            f"web-{name}", gunicorn, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2", GUNICORN_THREADS="4",
            GUNICORN_ACCESS_LOG=str(folder / f"web-{name}.access.log"),
        )  # fmt: skip
    start("worker", manage + ["db_worker", "--queue-name", "*", "--interval", "0.2", "--no-startup-delay"])
    start("scheduler-1", manage + ["run_periodic_tasks", "--tick", "1"])
    start("scheduler-2", manage + ["run_periodic_tasks", "--tick", "1"])
    nginx_conf = nginx_for_test(folder, https_port, http_port, (port_a, port_b), static_root, media)
    start("nginx", [NGINX, "-e", str(folder / "error.log"), "-c", str(nginx_conf), "-g", "daemon off;"])

    def up(port):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return False

    try:
        for port in (port_a, port_b, https_port):
            wait_for(lambda port=port: up(port), 120, f"port {port}")
        yield {
            "folder": folder,
            "https": https_port,
            "http": http_port,
            "a": port_a,
            "b": port_b,
            "db": cluster_url,
            "sink": sink,
            "processes": processes,
        }
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        sink.__exit__(None, None, None)


def sql(cluster, query, *params):
    with psycopg.connect(cluster["db"]) as connection:
        cursor = connection.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def test_plain_http_is_sent_to_https(cluster):
    connection = http.client.HTTPConnection("127.0.0.1", cluster["http"], timeout=10)
    connection.request("GET", "/contact/", headers={"Host": HOST})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/contact/"


def test_static_files_come_from_nginx_with_a_long_cache_for_hashed_names(cluster):
    status, html, _ = Browser(cluster["https"]).request("GET", "/")
    assert status == 200
    hashed = re.search(r'/static/[^"\']+\.[0-9a-f]{12}\.css', html)
    assert hashed, "no hashed stylesheet on the home page"
    status, _, headers = Browser(cluster["https"]).request("GET", hashed[0])
    assert status == 200
    assert headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert "nginx" in headers.get("Server", "")


def test_a_page_published_in_the_admin_of_server_a_is_fresh_on_server_b(cluster):
    (page_id,) = sql(cluster, "SELECT id FROM wagtailcore_page WHERE url_path = '/home/contact/'")[0]
    reader = Browser(cluster["https"])
    # Both servers have the page in their cache (nginx alternates between them).
    for _ in range(4):
        status, html, _ = reader.request("GET", "/contact/")
        assert status == 200 and "Contact (bijgewerkt)" not in html

    editor = Browser(cluster["https"])
    status, html, _ = editor.request("GET", "/admin/login/", direct=cluster["a"])
    assert status == 200
    _, fields = editor.form_fields(html, marker="username")
    fields.update(username=ADMIN_USER, password=ADMIN_PASSWORD)
    status, html, headers = editor.request("POST", "/admin/login/", form=fields, direct=cluster["a"])
    assert status == 302, html[:2000]
    # A draft with a new title, then Wagtail's publish action, both in A's admin.
    status, html, _ = editor.request("GET", f"/admin/pages/{page_id}/edit/", direct=cluster["a"])
    assert status == 200
    new_title = "Contact (bijgewerkt)"
    # The edit form is built by JavaScript; the draft goes in through Wagtail's API, the publish through A.
    draft = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         f"from wagtail.models import Page; p = Page.objects.get(pk={page_id}).specific; p.title = {new_title!r}; "
         "p.save_revision()"],
        cwd=ROOT, env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test", "DATABASE_URL": cluster["db"]},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert draft.returncode == 0, draft.stderr
    for _ in range(2):
        status, html, _ = reader.request("GET", "/contact/")
        assert new_title not in html  # a draft is not published

    publish = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    status, html, _ = editor.request("GET", publish, direct=cluster["a"])
    assert status == 200, html[:2000]
    form, fields = editor.form_fields(html, marker="csrfmiddlewaretoken")
    status, html, _ = editor.request("POST", form.get("action") or publish, form=fields, direct=cluster["a"])
    assert status == 302, html[:2000]

    status, html, _ = Browser(cluster["https"]).request("GET", "/contact/", direct=cluster["b"])
    assert status == 200 and new_title in html
    for _ in range(4):
        status, html, _ = reader.request("GET", "/contact/")
        assert status == 200 and new_title in html


def upstreams_of(cluster, source, method="POST"):
    lines = (cluster["folder"] / "access.log").read_text().splitlines()
    return [line.rsplit(" ", 1)[-1] for line in lines if line.startswith(f"{source} ") and f'"{method} ' in line]


def test_the_rate_limit_counts_one_client_address_over_both_servers(cluster):
    visitor = Browser(cluster["https"], source="127.0.0.2")
    status, html, _ = visitor.request("GET", EVENING)
    assert status == 200
    _, fields = visitor.form_fields(html)
    statuses = [visitor.request("POST", EVENING, form=fields)[0] for _ in range(11)]
    # Ten POSTs a minute: the eleventh is refused, although each server had only about five.
    assert 429 not in statuses[:10], statuses
    assert statuses[10] == 429
    served_by = Counter(upstreams_of(cluster, "127.0.0.2"))
    assert served_by.keys() == {f"127.0.0.1:{cluster['a']}", f"127.0.0.1:{cluster['b']}"}, served_by

    other = Browser(cluster["https"], source="127.0.0.3")
    status, html, _ = other.request("GET", EVENING)
    _, fields = other.form_fields(html)
    assert other.request("POST", EVENING, form=fields)[0] != 429


def test_a_signup_burst_over_both_servers_overbooks_nothing_and_mails_each_once(cluster):
    # SEATS seats left, next to the demo's own sign-ups.
    sql(cluster, "UPDATE aanmelding_infoeveningpage e SET capacity = %s + (SELECT coalesce(sum(persons), 0) "
        "FROM aanmelding_eveningsignup s WHERE s.evening_id = e.page_ptr_id AND s.status = 'bevestigd') "
        "WHERE page_ptr_id = (SELECT id FROM wagtailcore_page WHERE url_path = %s)",
        SEATS, f"/home{EVENING}")  # fmt: skip
    # The cached page still shows the old number of seats; the sign-up reads the database.
    residents = []
    for number in range(3 * SEATS):
        # A network of its own each: the seats-per-network cap is not what is tested here.
        visitor = Browser(cluster["https"], source=f"127.30.{number + 1}.1")
        status, html, _ = visitor.request("GET", EVENING)
        assert status == 200
        _, fields = visitor.form_fields(html)
        fields.update(name=f"Bewoner {number}", email=f"burst{number}@example.org", persons="1", consent="on")
        residents.append((visitor, fields))
    time.sleep(3.5)  # a form sent within 3 seconds of rendering is a bot's

    with ThreadPoolExecutor(len(residents)) as pool:
        statuses = list(pool.map(lambda resident: resident[0].request("POST", EVENING, form=resident[1])[0], residents))
    assert statuses == [302] * len(residents), statuses
    rows = dict(
        sql(cluster, "SELECT status, count(*) FROM aanmelding_eveningsignup WHERE email LIKE 'burst%%' GROUP BY status")
    )
    assert rows == {"bevestigd": SEATS, "wachtlijst": 2 * SEATS}, rows
    served_by = Counter(
        upstream for number in range(3 * SEATS) for upstream in upstreams_of(cluster, f"127.30.{number + 1}.1")
    )
    assert len(served_by) == 2, served_by

    # The worker sends every mail; the SMTP server got one per resident, none twice.
    wait_for(
        lambda: sql(cluster, "SELECT count(*) FROM forms_outgoingmail WHERE sent_at IS NULL")[0][0] == 0,
        90,
        "the outbox to empty",
    )
    time.sleep(1)
    received = cluster["sink"].recorder.snapshot()
    per_address = Counter(address for address, _ in received if address.startswith("burst"))
    assert per_address == {f"burst{number}@example.org": 1 for number in range(3 * SEATS)}, per_address
    message_ids = [message_id for _, message_id in received]
    assert len(message_ids) == len(set(message_ids))


def test_each_periodic_task_ran_once_per_tick_with_two_schedulers(cluster):
    processes = cluster["processes"]
    assert processes["scheduler-1"].poll() is None and processes["scheduler-2"].poll() is None
    # Each query is one snapshot, and a claim commits together with its task row.
    claims = sql(
        cluster,
        "SELECT c.task_path, t.task_path FROM home_periodictasktick c"
        " LEFT JOIN django_tasks_database_dbtaskresult t ON t.id::text = c.task_result_id::text",
    )
    assert {claimed for claimed, _ in claims} >= {"forms.health.heartbeat", "forms.tasks.clear_expired_data"}
    assert all(task in (None, claimed) for claimed, task in claims)
    # None lost: every claim has its task row, but the heartbeat's, which deletes its earlier rows itself.
    assert [claimed for claimed, task in claims if task is None and claimed != "forms.health.heartbeat"] == []
    # None doubled: every task row of a periodic task was put in the queue by a claim of its own.
    unclaimed = sql(
        cluster,
        "SELECT t.task_path FROM django_tasks_database_dbtaskresult t"
        " WHERE t.task_path IN (SELECT task_path FROM home_periodictasktick)"
        " AND NOT EXISTS (SELECT 1 FROM home_periodictasktick c WHERE c.task_result_id::text = t.id::text)",
    )
    assert unclaimed == []
    wait_for(
        lambda: (
            sql(
                cluster, "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
            )[0][0]
            == 0
        ),
        60,
        "the worker to run every task",
    )
    failed = sql(cluster, "SELECT task_path FROM django_tasks_database_dbtaskresult WHERE status = 'FAILED'")
    assert failed == []


def test_the_access_log_holds_no_token_from_a_signed_link(cluster):
    visitor = Browser(cluster["https"], source="127.0.0.4")
    secret = "eyJzZWNyZXQiOiJ0b2tlbiJ9:1abcde:Zm9vYmFyYmF6cXV4"
    for path in (
        f"/aanmelden/intrekken/{secret}/",
        f"/op-de-hoogte/bevestigen/{secret}/",
        f"/op-de-hoogte/afmelden/{secret}/",
        f"/bijeenkomst/annuleren/{secret}/",
        f"/bevestigen/{secret}/",
        f"/beheren/{secret}/",
        f"/nieuwsbrief-afmelden/{secret}/",
        f"/team/{secret}/",
        f"/aanmelden/?motivatie={secret}&x=1",
    ):
        visitor.request("GET", path)
    # nginx writes a request's log line after its answer: wait for the last one.
    deadline = time.monotonic() + 10
    while True:
        log = (cluster["folder"] / "access.log").read_text()
        lines = [line for line in log.splitlines() if line.startswith("127.0.0.4 ")]
        if len(lines) >= 9 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert len(lines) == 9
    assert secret not in log
    assert all("[verwijderd]" in line for line in lines), lines
    for name in ("web-a", "web-b"):
        assert secret not in (cluster["folder"] / f"{name}.access.log").read_text()
