"""The subscription's pages keep their query count as subscribers and wijken grow (as tests/test_page_queries.py)."""

from urllib.parse import urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nieuwsbrief import links
from nieuwsbrief.models import Subscriber
from tests.factories import WijkFactory
from tests.test_page_queries import MAX_QUERIES

from .subscriber_support import make_subscriber, municipality, subscribe_page, wijken

FIXTURES = (municipality, subscribe_page, wijken)  # used here as fixtures

pytestmark = pytest.mark.django_db


def grow(times, start):
    for number in range(start, start + times):
        make_subscriber(f"lezer{number}@example.org", wijk="Noorderpark")
        make_subscriber(f"wacht{number}@example.org", status=Subscriber.Status.PENDING)
        WijkFactory(name=f"Wijk {number}")


def counts(client, urls):
    result = {}
    for name, url in urls.items():
        client.get(url)  # warm the site root paths, as on a running site
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        result[name] = len(queries)
    return result


def test_the_subscription_pages_have_few_queries_that_do_not_grow(client, subscribe_page):
    subscriber = make_subscriber("vast@example.org", wijk="Zuidhoek")
    urls = {
        "form": subscribe_page.url,
        "thank you": subscribe_page.url + "bedankt/",
        "confirm": urlparse(links.confirm_url(make_subscriber("nog@example.org", status="pending"))).path,
        "personal page": urlparse(links.manage_url(subscriber)).path,
        "unsubscribe": urlparse(links.unsubscribe_url(subscriber)).path,
    }
    grow(1, 0)
    before = counts(client, urls)
    grow(3, 1)
    after = counts(client, urls)

    assert after == before
    assert max(after.values()) <= MAX_QUERIES, after
