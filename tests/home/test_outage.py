"""A database that is briefly unreachable: a Dutch 503 page, not a stack trace, and the site comes back by itself."""

import socket
import threading

import pytest
from django.db import connection
from django.template import loader
from django.test import Client
from wagtail.models import Site

from home.demo import ensure_tree_roots
from tests.database_outage import database_unreachable, free_port
from tests.factories import HomePageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def client():
    # The test client re-raises a view's exception by default; the site answers with a page instead.
    return Client(raise_request_exception=False)


@pytest.fixture
def home_page():
    """A home page as the default site's root; an earlier transactional test may have emptied the database."""
    home = HomePageFactory(parent=ensure_tree_roots())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def assert_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "De website is even niet bereikbaar" in html
    assert "Probeer het over een minuut opnieuw" in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_the_outage_page_reads_nothing_from_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template("503.html").render()
    assert '<html lang="nl">' in html and "site.css" in html


def test_an_unreachable_database_gives_the_503_page_and_the_site_recovers(client, home_page):
    assert client.get("/").status_code == 200
    with database_unreachable():
        assert_outage_page(client.get("/"))
        # Also a page no cache or router has seen, and a form's POST.
        assert_outage_page(client.get("/bestaat-niet/"))
        assert_outage_page(client.post("/", {"x": "1"}))
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json() == {"status": "down", "database": "unreachable"}
    # The database answers again: no restart needed.
    assert client.get("/").status_code == 200
    assert client.get("/healthz").status_code == 200


class Forwarder:
    """A TCP relay to PostgreSQL that can be cut (every open connection too) and started again on its port."""

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.sockets = []
        self.listener = None

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self.sockets.append(self.listener)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self.sockets = []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="cuts the network between the site and PostgreSQL (EXPECT_DATABASE=postgresql)",
)
def test_postgresql_going_away_and_coming_back(client, home_page):
    settings_dict = connection.settings_dict
    saved = {key: settings_dict.get(key) for key in ("HOST", "PORT")}
    relay = Forwarder((saved["HOST"] or "127.0.0.1", int(saved["PORT"] or 5432)))
    relay.start()
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", str(relay.port)
    try:
        assert client.get("/").status_code == 200
        assert client.get("/healthz").status_code == 200
        # The network goes: the kept connection breaks mid-use, and no new one can be made.
        relay.cut()
        assert_outage_page(client.get("/"))
        assert client.get("/healthz").status_code == 503
        assert_outage_page(client.get("/"))
        # Back: the broken connection was dropped, so the next request connects again by itself.
        relay.start()
        assert client.get("/").status_code == 200
        assert client.get("/healthz").json()["database"] == "ok"
    finally:
        relay.cut()
        connection.close()
        settings_dict.update(saved)
