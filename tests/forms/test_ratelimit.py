"""Per-address rate limit on POSTs, counted in the shared database cache."""

import threading

import pytest
from django.core.cache import caches
from django.db import connection, connections
from django.test import Client, RequestFactory
from django.utils import timezone

from forms.ratelimit import client_address, hit
from forms.testing import public_form_data

from .conftest import soup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.forms.urls")]


def post(client, address="192.0.2.10", **extra):
    # A human-paced but incomplete form: shown again with errors (200) while under the limit.
    return client.post("/contact/", public_form_data(), REMOTE_ADDR=address, **extra)


def test_ten_posts_a_minute_pass_the_eleventh_gets_429_in_dutch(client, home_page):
    for _ in range(10):
        assert post(client).status_code == 200  # an empty form: shown again with errors

    response = post(client)

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    page = soup(response)
    assert len(page.find_all("h1")) == 1
    assert page.h1.get_text(strip=True) == "Even geduld"
    assert "Wacht een minuut" in page.get_text()
    assert page.html["lang"] == "nl"


def test_gets_are_not_limited(client, home_page):
    for _ in range(15):
        assert client.get("/contact/", REMOTE_ADDR="192.0.2.10").status_code == 200
    assert post(client).status_code == 200


def test_addresses_are_counted_separately(client, home_page):
    for _ in range(11):
        post(client, address="192.0.2.10")
    assert post(client, address="192.0.2.10").status_code == 429
    assert post(client, address="192.0.2.11").status_code == 200


def test_forms_are_counted_separately(client, home_page):
    for _ in range(11):
        post(client)
    assert post(client).status_code == 429
    # /melding/ has its own key (and a limit of 3).
    assert client.post("/melding/", public_form_data(), REMOTE_ADDR="192.0.2.10").status_code == 200


def test_the_decorator_takes_its_own_limit(client, home_page):
    statuses = [client.post("/melding/", public_form_data(), REMOTE_ADDR="192.0.2.20").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_x_forwarded_for_is_ignored_without_trusted_proxies(client, home_page):
    statuses = [post(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, home_page, settings):
    settings.FORMS_TRUSTED_PROXY_COUNT = 1
    # Every request comes from the proxy (REMOTE_ADDR); the clients differ.
    statuses = [post(client, address="10.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(12)]
    assert set(statuses) == {200}

    # One client forging addresses to the left of what the proxy appended is still one client.
    statuses = [
        post(client, address="10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.99").status_code
        for n in range(11)
    ]
    assert statuses[10] == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.7", "10.0.0.1"),
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.1"),  # fewer hops than proxies: not trustworthy
        (1, "", "10.0.0.1"),
        (1, "nonsense", "10.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(settings, proxies, forwarded, expected):
    settings.FORMS_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_ipv6_addresses_count_per_64_block():
    factory = RequestFactory()
    for n in range(10):
        hit(factory.post("/", REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}"), "v6")
    assert not hit(factory.post("/", REMOTE_ADDR="2001:db8:1:2:ffff::1"), "v6").allowed
    assert hit(factory.post("/", REMOTE_ADDR="2001:db8:1:3::1"), "v6").allowed


def test_addresses_are_not_stored_in_the_clear():
    hit(RequestFactory().post("/", REMOTE_ADDR="192.0.2.77"), "privacy")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM ratelimit_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert keys
    assert not any("192.0.2.77" in key for key in keys)


# --- the cache: atomic incr() that keeps the expiry --------------------------


def test_database_cache_incr_counts_and_keeps_the_expiry():
    cache = caches["ratelimit"]

    def expires():
        with connection.cursor() as cursor:
            cursor.execute("SELECT expires FROM ratelimit_cache WHERE cache_key LIKE %s", ["%counter"])
            return cursor.fetchone()[0]

    assert cache.add("counter", 1, timeout=60)
    expires_at_first = expires()
    assert cache.incr("counter") == 2
    assert cache.incr("counter", 5) == 7
    assert cache.decr("counter") == 6
    assert cache.get("counter") == 6
    # Django's own DatabaseCache.incr() would have reset it to the default timeout.
    assert expires() == expires_at_first


def test_database_cache_incr_of_a_missing_or_expired_key_fails():
    cache = caches["ratelimit"]
    with pytest.raises(ValueError):
        cache.incr("nothing-here")
    assert cache.add("short", 1, timeout=-10)  # stored, but expired ten seconds ago
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM ratelimit_cache WHERE cache_key LIKE %s", ["%short"])
        assert cursor.fetchone()[0] == 1
    with pytest.raises(ValueError):
        cache.incr("short")


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_are_all_counted():
    """Many threads counting at once lose no count (run on PostgreSQL; SQLite's in-memory test DB cannot)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs a database that several connections can write at once")
    cache = caches["ratelimit"]
    cache.clear()
    cache.add("concurrent", 0, timeout=60)
    threads_count, per_thread = 8, 25
    errors = []

    def count():
        try:
            for _ in range(per_thread):
                cache.incr("concurrent")
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=count) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert cache.get("concurrent") == threads_count * per_thread
    cache.clear()


# --- the window, and addresses that are odd or missing ------------------------


def test_after_the_window_posts_are_accepted_again_and_refused_posts_do_not_extend_it(client, home_page, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    statuses = [post(client).status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]

    time_machine.shift(59)  # the window started at the first POST: still inside it
    assert post(client).status_code == 429
    time_machine.shift(2)  # 61 s after the first POST, however many were refused since
    assert post(client).status_code == 200


def test_an_ipv4_mapped_ipv6_address_counts_as_the_ipv4_address(client, home_page):
    for _ in range(10):
        assert post(client, address="192.0.2.1").status_code == 200
    assert post(client, address="::ffff:192.0.2.1").status_code == 429
    assert post(client, address="::ffff:192.0.2.2").status_code == 200


class ClientWithoutAddress(Client):
    """A request without REMOTE_ADDR, as some WSGI set-ups (a Unix socket) give one."""

    def _base_environ(self, **request):
        environ = super()._base_environ(**request)
        del environ["REMOTE_ADDR"]
        return environ


def test_a_request_without_a_client_address_is_answered_and_still_counted(home_page):
    client = ClientWithoutAddress()
    assert "REMOTE_ADDR" not in client.get("/contact/").wsgi_request.META
    statuses = [client.post("/contact/", public_form_data()).status_code for _ in range(11)]
    # Without an address every such request shares one count: no crash, no way round the limit.
    assert statuses == [200] * 10 + [429]
    assert post(client=Client(), address="192.0.2.10").status_code == 200


def test_database_cache_add_is_one_statement_and_overwrites_only_an_expired_key(monkeypatch):
    from django.test.utils import CaptureQueriesContext

    from forms import cache as cache_module

    cache = caches["ratelimit"]
    monkeypatch.setattr(cache_module, "CULL_EVERY", 1_000_000_000)  # no count for culling in this test
    with CaptureQueriesContext(connection) as captured:
        assert cache.add("once", 1, timeout=60)
    assert len(captured.captured_queries) == 1
    assert not cache.add("once", 5, timeout=60)  # live: kept
    assert cache.get("once") == 1
    assert cache.add("stale", 1, timeout=-10)
    assert cache.add("stale", 3, timeout=60)  # expired: overwritten, with its new expiry
    assert cache.get("stale") == 3


def test_database_cache_add_culls_a_full_table_now_and_then(monkeypatch, settings):
    from forms import cache as cache_module

    cache = caches["ratelimit"]
    monkeypatch.setattr(cache_module, "CULL_EVERY", 1)
    monkeypatch.setattr(cache, "_max_entries", 3)
    for n in range(10):
        cache.add(f"many-{n}", 1, timeout=-10)  # all expired: culling deletes them
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM ratelimit_cache")
        assert cursor.fetchone()[0] <= 4
