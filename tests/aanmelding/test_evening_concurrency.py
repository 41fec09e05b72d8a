"""Sixty residents sign up at the same moment for a 50-seat evening: never an overfull room.

PostgreSQL only: SQLite serialises every writer, so there is no race to lose.
CI runs the suite on PostgreSQL as well (.ci/run).
"""

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import Site

from aanmelding.models import EveningSignup
from forms.testing import clear_rate_limits, public_form_data
from tests.factories import InfoEveningIndexPageFactory, InfoEveningPageFactory

from .registration_support import post_in_parallel
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

    def make_post(number):
        client = Client(REMOTE_ADDR=f"127.0.{number // 250}.{number % 250 + 1}")
        data = public_form_data(
            {"name": f"Bewoner {number}", "email": f"bewoner{number}@example.org", "persons": "1", "consent": "on"}
        )
        return client, evening.url, data

    results = post_in_parallel(PARALLEL, make_post)

    assert [status for status, _ in results] == [302] * PARALLEL, [(s, b[:300]) for s, b in results if s != 302]
    assert EveningSignup.objects.filter(status=EveningSignup.CONFIRMED).count() == CAPACITY
    assert EveningSignup.objects.filter(status=EveningSignup.WAITLISTED).count() == PARALLEL - CAPACITY
    evening.refresh_from_db()
    assert evening.seats_taken() == CAPACITY
