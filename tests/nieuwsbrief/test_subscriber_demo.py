"""Demo content of the subscriptions: the page under the home page and a few subscribers, idempotent."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group

from nieuwsbrief.demo import subscribers as demo
from nieuwsbrief.models import SubscribePage, Subscriber
from tests.factories import WijkFactory

pytestmark = pytest.mark.django_db


def test_the_demo_makes_the_page_and_subscribers_of_every_status_once(client, home_page):
    WijkFactory(name="Noorderpark")
    demo.load(StringIO())
    first = sorted(Subscriber.objects.values_list("email", "status", "wijk", "confirmed_at"))
    demo.load(StringIO())

    page = SubscribePage.objects.get()
    assert page.live and page.get_parent().specific == home_page
    assert client.get(page.url).status_code == 200
    assert sorted(Subscriber.objects.values_list("email", "status", "wijk", "confirmed_at")) == first
    statuses = [status for _, status, _, _ in first]
    assert statuses.count("active") == 3 and statuses.count("pending") == 1 and statuses.count("unsubscribed") == 1
    assert all(email.endswith("@example.org") for email, *_ in first)
    assert all(subscriber.consent_version for subscriber in Subscriber.objects.all())
    assert Subscriber.objects.filter(wijk="Noorderpark").exists()


def test_the_demo_restates_the_editors_rights_in_an_emptied_database(home_page):
    Group.objects.filter(name="Redactie nieuwsbrief").delete()
    demo.load(StringIO())

    group = Group.objects.get(name="Redactie nieuwsbrief")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"manage_subscribers", "view_subscriber", "view_outgoingmail"} <= codenames
