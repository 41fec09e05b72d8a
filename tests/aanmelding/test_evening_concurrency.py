"""Sixty residents sign up at the same moment for a 50-seat evening: never an overfull room.

PostgreSQL only: SQLite serialises every writer, so there is no race to lose.
CI runs the suite on PostgreSQL as well (.ci/run).
"""

import html

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import Site

from aanmelding.models import EveningSignup
from forms.spam import USED_MESSAGE
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
        # Each resident from a network of their own: the seats-per-network cap is not what is tested here.
        client = Client(REMOTE_ADDR=f"127.{number // 250 + 1}.{number % 250 + 1}.1")
        data = public_form_data(
            {"name": f"Bewoner {number}", "email": f"bewoner{number}@example.org", "persons": "1", "consent": "on"}
        )
        return client, evening.url, data

    results = post_in_parallel(PARALLEL, make_post)

    assert [status for status, _ in results] == [302] * PARALLEL, [(s, b[:300]) for s, b in results if s != 302]
    assert EveningSignup.objects.filter(status=EveningSignup.Status.CONFIRMED).count() == CAPACITY
    assert EveningSignup.objects.filter(status=EveningSignup.Status.WAITLISTED).count() == PARALLEL - CAPACITY
    evening.refresh_from_db()
    assert evening.seats_taken() == CAPACITY


def evening_with(capacity):
    home = site_with_home()
    index = InfoEveningIndexPageFactory(parent=home)
    clear_rate_limits()
    return InfoEveningPageFactory(parent=index, capacity=capacity)


def test_parallel_double_submits_from_one_address_give_one_signup():
    evening = evening_with(CAPACITY)
    data = public_form_data({"name": "Fatima", "email": "fatima@example.org", "persons": "2", "consent": "on"})

    def make_post(number):
        # One resident pressing the button again and again: same address, same form.
        return Client(REMOTE_ADDR="127.0.9.9"), evening.url, data

    results = post_in_parallel(6, make_post)

    statuses = sorted(status for status, _ in results)
    assert statuses.count(302) == 1, statuses
    assert set(statuses) <= {200, 302}, [(s, b[:300]) for s, b in results if s not in (200, 302)]
    # The others are told the truth: the address is signed up already, or this very form was sent.
    assert all(
        "al iemand aangemeld" in body or html.escape(USED_MESSAGE) in body for status, body in results if status == 200
    )
    (signup,) = EveningSignup.objects.all()
    assert (signup.status, signup.persons) == (EveningSignup.Status.CONFIRMED, 2)


def test_parallel_parties_of_two_never_overflow_the_last_seat():
    evening = evening_with(11)

    def make_post(number):
        client = Client(REMOTE_ADDR=f"127.8.{number + 1}.1")  # a network each, as above
        persons = "1" if number == 0 else "2"
        data = public_form_data(
            {"name": f"Bewoner {number}", "email": f"paar{number}@example.org", "persons": persons, "consent": "on"}
        )
        return client, evening.url, data

    results = post_in_parallel(12, make_post)

    assert [status for status, _ in results] == [302] * 12, [(s, b[:300]) for s, b in results if s != 302]
    # Whatever the order: five pairs fill ten seats and the single always fits in the last one.
    assert evening.seats_taken() == 11
    confirmed = EveningSignup.objects.filter(status=EveningSignup.Status.CONFIRMED)
    assert sorted(confirmed.values_list("persons", flat=True)) == [1, 2, 2, 2, 2, 2]
    assert EveningSignup.objects.filter(status=EveningSignup.Status.WAITLISTED, persons=2).count() == 6


def test_twenty_parallel_signups_from_one_slash_24_get_at_most_the_network_cap():
    evening = evening_with(CAPACITY)

    def make_post(number):
        client = Client(REMOTE_ADDR=f"198.51.100.{number + 1}")  # twenty addresses, one network
        data = public_form_data(
            {"name": f"Bewoner {number}", "email": f"net{number}@example.org", "persons": "1", "consent": "on"}
        )
        return client, evening.url, data

    results = post_in_parallel(20, make_post)

    statuses = [status for status, _ in results]
    assert statuses.count(302) == evening.seats_per_network == 6, statuses
    assert all("Vanaf dit netwerk" in body for status, body in results if status == 200)
    assert EveningSignup.objects.count() == 6
