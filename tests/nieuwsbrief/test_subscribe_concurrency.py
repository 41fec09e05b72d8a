"""Ten submits of one new address at the same moment: one pending row, one confirm mail, no error.

PostgreSQL only: SQLite serialises every writer, so there is no race to lose.
"""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from wagtail.models import Site

from forms.testing import clear_rate_limits, public_form_data
from home.demo import ensure_tree_roots
from nieuwsbrief.models import SubscribePage, Subscriber
from tests.aanmelding.registration_support import post_in_parallel
from tests.factories import HomePageFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Parallel submits need PostgreSQL (SQLite runs one writer at a time); CI runs this on PostgreSQL.",
    ),
    pytest.mark.django_db(transaction=True),
]

PARALLEL = 10


def test_parallel_submits_of_one_new_address_give_one_pending_subscriber_and_the_same_answer():
    home = HomePageFactory(parent=ensure_tree_roots())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    page = home.add_child(instance=SubscribePage(title="Nieuwsbrief ontvangen", slug="nieuwsbrief"))
    clear_rate_limits()
    mail.outbox = []

    def make_post(number):
        client = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        email = " Samen@Example.org " if number % 2 else "samen@example.org"
        return client, page.url, public_form_data({"email": email, "consent": "on"})

    results = post_in_parallel(PARALLEL, make_post)

    assert [status for status, _ in results] == [302] * PARALLEL, results
    (subscriber,) = Subscriber.objects.all()
    assert subscriber.email == "samen@example.org" and subscriber.is_pending
    assert len([message for message in mail.outbox if message.to == ["samen@example.org"]]) == 1
    clear_rate_limits()
