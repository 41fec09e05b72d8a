"""Ten people (or one impatient double-clicker) send the same address at once: one registration.

PostgreSQL only: SQLite serialises every writer, so there is no race to lose.
CI runs the suite on PostgreSQL as well (.ci/run).
"""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from wagtail.models import Site

from aanmelding.forms.registrations import DUPLICATE_MESSAGE
from aanmelding.models import Registration
from forms.models import OutgoingMail
from forms.testing import clear_rate_limits
from home.demo import ensure_tree_roots
from home.models import MunicipalitySettings
from tests.factories import HomePageFactory, RegistrationPageFactory, RegistrationRoundFactory, WijkFactory

from .registration_support import NOTIFICATION_EMAIL, post_in_parallel, registration_data

# transaction=True: every thread commits for real, as parallel requests do.
# Skipped before the database is touched, so SQLite runs pay no flush for it.
pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Parallel submits need PostgreSQL (SQLite runs one writer at a time); CI runs this on PostgreSQL.",
    ),
    pytest.mark.django_db(transaction=True),
]

PARALLEL = 10


def site_with_home():
    """A home page as the default site's root; an earlier transactional test may have emptied the database."""
    home = HomePageFactory(parent=ensure_tree_roots())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def test_ten_parallel_submits_with_one_address_give_one_registration():
    home = site_with_home()
    municipality = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    municipality.notification_email = NOTIFICATION_EMAIL
    municipality.save()
    page = RegistrationPageFactory(parent=home)
    RegistrationRoundFactory()
    wijk = WijkFactory()
    clear_rate_limits()
    mail.outbox = []

    def make_post(number):
        client = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        data = registration_data(wijk, email=" Dezelfde@Example.org " if number % 2 else "dezelfde@example.org")
        return client, page.url, data

    results = post_in_parallel(PARALLEL, make_post)

    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * (PARALLEL - 1) + [302], [body[:300] for status, body in results if status == 500]
    for status, body in results:
        if status == 200:
            assert DUPLICATE_MESSAGE in body
    assert Registration.objects.filter(email_key="dezelfde@example.org").count() == 1
    # And one confirmation plus one notice, not ten of each.
    assert OutgoingMail.objects.count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(["dezelfde@example.org", NOTIFICATION_EMAIL])
