"""A waitlisted resident is told their place on the waitlist: on the thank-you page and in the mail."""

import pytest
from django.core import mail
from django.utils import timezone

from aanmelding.models import EveningSignup
from aanmelding.seats import cancel, sign_up
from forms.testing import public_form_data
from tests.factories import EveningSignupFactory, InfoEveningPageFactory

from .registration_support import soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


@pytest.fixture
def full_evening(index_page):
    evening = InfoEveningPageFactory(parent=index_page, capacity=4)
    EveningSignupFactory.create_batch(4, evening=evening)
    return evening


def waitlisted(evening, number):
    return sign_up(evening, name=f"Wachtende {number}", email=f"wacht{number}@example.org", persons=1)


def test_the_place_counts_the_waitlisted_signups_ahead(full_evening):
    first, second = waitlisted(full_evening, 1), waitlisted(full_evening, 2)
    cancelled = waitlisted(full_evening, 3)
    cancel(cancelled, timezone.now())
    third = waitlisted(full_evening, 4)

    assert [first.waitlist_place(), second.waitlist_place(), third.waitlist_place()] == [1, 2, 3]
    assert EveningSignup.objects.filter(status=EveningSignup.Status.CONFIRMED).first().waitlist_place() is None
    assert third.waitlist_place_text() == "Je staat op plaats 3 van de wachtlijst; dat kan nog veranderen."

    cancel(first, timezone.now())  # someone ahead drops out: the others move up
    assert [second.waitlist_place(), third.waitlist_place()] == [1, 2]


def test_the_thank_you_page_and_the_mail_tell_the_place(client, full_evening, django_capture_on_commit_callbacks):
    waitlisted(full_evening, 1)
    waitlisted(full_evening, 2)
    data = {"name": "Fatima el Amrani", "email": "fatima@example.org", "persons": "1", "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(full_evening.url, public_form_data(data))
    assert response.status_code == 302

    thanks = " ".join(soup(client.get(response["Location"])).find("main").get_text(" ").split())
    assert "Je staat op plaats 3 van de wachtlijst; dat kan nog veranderen." in thanks

    [message] = [m for m in mail.outbox if m.to == ["fatima@example.org"]]
    assert "Je staat op plaats 3 van de wachtlijst; dat kan nog veranderen." in " ".join(message.body.split())
    assert "plaats 3 van de wachtlijst" in message.alternatives[0].content


def test_a_resident_with_a_seat_hears_of_no_waitlist_place(client, index_page, django_capture_on_commit_callbacks):
    evening = InfoEveningPageFactory(parent=index_page, capacity=4)
    data = {"name": "Fatima el Amrani", "email": "fatima@example.org", "persons": "1", "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(evening.url, public_form_data(data))

    assert "wachtlijst" not in soup(client.get(response["Location"])).find("main").get_text()
    assert "plaats 1 van de wachtlijst" not in mail.outbox[0].body
