"""Sixty residents sign up at the same moment for a 50-seat evening: never an overfull room.

PostgreSQL only: SQLite serialises every writer, so there is no race to lose.
CI runs the suite on PostgreSQL as well (.ci/run).
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from wagtail.models import Site

from aanmelding.models import EveningSignup
from forms.testing import clear_rate_limits, public_form_data
from tests.factories import InfoEveningIndexPageFactory, InfoEveningPageFactory

from .test_registration_concurrency import site_with_home

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Parallel sign-ups need PostgreSQL (SQLite runs one writer at a time); CI runs this on PostgreSQL.",
    ),
    pytest.mark.django_db(transaction=True),
]

PARALLEL = 60
CAPACITY = 50


def test_sixty_parallel_signups_for_fifty_seats_give_fifty_confirmed_and_ten_waitlisted():
    home = site_with_home()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    index = InfoEveningIndexPageFactory(parent=home)
    evening = InfoEveningPageFactory(parent=index, capacity=CAPACITY)
    clear_rate_limits()

    barrier = threading.Barrier(PARALLEL)
    results = [None] * PARALLEL

    def submit(number):
        client = Client(REMOTE_ADDR=f"127.0.{number // 250}.{number % 250 + 1}")
        data = public_form_data(
            {"name": f"Bewoner {number}", "email": f"bewoner{number}@example.org", "persons": "1", "consent": "on"}
        )
        try:
            barrier.wait(timeout=30)
            response = client.post(evening.url, data)
            results[number] = (response.status_code, response.content.decode()[:300])
        except Exception as error:  # a 500 raises in the test client: record it
            results[number] = (500, repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(number,)) for number in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert [status for status, _ in results] == [302] * PARALLEL, [r for r in results if r[0] != 302]
    assert EveningSignup.objects.filter(status=EveningSignup.CONFIRMED).count() == CAPACITY
    assert EveningSignup.objects.filter(status=EveningSignup.WAITLISTED).count() == PARALLEL - CAPACITY
    evening.refresh_from_db()
    assert evening.seats_taken() == CAPACITY
