"""Each signed link in a mail works for as long as the site promises, and not longer.

The lifetimes are written here as numbers, taken from what the site says
(README "How long the links in mails work"; the privacy statement: "bevestig
je het niet binnen een week, dan verwijderen we het"), not read from the
constants in aanmelding/mails/: shortening or lengthening one by mistake fails
here. Every link comes from a real mail; the clock (both clocks) travels.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from aanmelding.models import EveningSignup, Registration, RoundAlert
from aanmelding.tasks import notify_open_round
from forms.testing import public_form_data
from tests.factories import InfoEveningPageFactory, RegistrationRoundFactory

from .registration_support import at, link_path, mails_to, registration_data, soup

# Frozen: every fixture is made at this moment and time moves only when a test says so.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("no_rate_limit_left_over"),
    pytest.mark.time_machine(at(2027, 2, 1, 12, 0), tick=False),
]

A_WEEK = timedelta(days=7)
A_YEAR = timedelta(days=365)
TWO_YEARS = timedelta(days=730)
MARGIN = timedelta(minutes=1)


def check_lifetime(client, time_machine, link, issued_at, lifetime, unchanged, changed):
    """``link`` (made at ``issued_at``) shows its button and acts just before ``lifetime``; just after, 410."""
    time_machine.move_to(issued_at + lifetime + MARGIN)
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        assert "Deze link is verlopen" in soup(response).get_text(" ", strip=True)
    assert unchanged()

    time_machine.move_to(issued_at + lifetime - MARGIN)
    response = client.get(link)
    assert response.status_code == 200
    assert soup(response).find("main").find("form", method="post").find("button")
    assert unchanged()
    assert client.post(link).status_code == 200
    assert changed()


def test_the_withdraw_link_works_a_year(
    client, time_machine, registration_page, wijk, django_capture_on_commit_callbacks
):
    RegistrationRoundFactory()  # open now
    with django_capture_on_commit_callbacks(execute=True):
        client.post(registration_page.url, registration_data(wijk))
    issued_at = timezone.now()
    (confirmation,) = mails_to("fatima@example.org")
    link = link_path(confirmation.body, registration_page.url + "intrekken/")

    def received():
        return Registration.objects.get().status == Registration.Status.RECEIVED

    def withdrawn():
        return Registration.objects.get().status == Registration.Status.WITHDRAWN

    check_lifetime(client, time_machine, link, issued_at, A_YEAR, received, withdrawn)


def test_the_evening_cancel_link_works_a_year(client, time_machine, index_page, django_capture_on_commit_callbacks):
    evening = InfoEveningPageFactory(parent=index_page, capacity=10)
    fields = {"name": "Fatima el Amrani", "email": "fatima@example.org", "persons": "1", "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(evening.url, public_form_data(fields))
    issued_at = timezone.now()
    (confirmation,) = mails_to("fatima@example.org")
    link = link_path(confirmation.body, evening.url + "annuleren/")

    def confirmed():
        return EveningSignup.objects.get().status == EveningSignup.Status.CONFIRMED

    def cancelled():
        return EveningSignup.objects.get().status == EveningSignup.Status.CANCELLED

    check_lifetime(client, time_machine, link, issued_at, A_YEAR, confirmed, cancelled)


@pytest.fixture
def closed_page(registration_page):
    """The registration page a month before the next round opens: it offers 'houd mij op de hoogte'."""
    RegistrationRoundFactory(opens_at=timezone.now() + timedelta(days=30))
    return registration_page


def ask_for_alert(client, page, capture):
    with capture(execute=True):
        client.post(page.url + "op-de-hoogte/", public_form_data({"email": "bewoner@example.org", "consent": "on"}))
    (message,) = mails_to("bewoner@example.org")
    return link_path(message.body, page.url + "op-de-hoogte/bevestigen/")


def test_the_alert_confirm_link_works_a_week(client, time_machine, closed_page, django_capture_on_commit_callbacks):
    link = ask_for_alert(client, closed_page, django_capture_on_commit_callbacks)
    issued_at = timezone.now()

    def unconfirmed():
        return not RoundAlert.objects.get().is_confirmed

    def confirmed():
        return RoundAlert.objects.get().is_confirmed

    check_lifetime(client, time_machine, link, issued_at, A_WEEK, unconfirmed, confirmed)


def test_the_alert_unsubscribe_link_works_two_years(
    client, time_machine, closed_page, django_capture_on_commit_callbacks
):
    assert client.post(ask_for_alert(client, closed_page, django_capture_on_commit_callbacks)).status_code == 200
    mail.outbox.clear()
    time_machine.move_to(timezone.now() + timedelta(days=30, minutes=5))  # the round has opened
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_open_round.enqueue().return_value == 1
    issued_at = timezone.now()
    (message,) = mails_to("bewoner@example.org")
    link = link_path(message.body, closed_page.url + "op-de-hoogte/afmelden/")

    def subscribed():
        return RoundAlert.objects.filter(email="bewoner@example.org").exists()

    def gone():
        return not subscribed()

    check_lifetime(client, time_machine, link, issued_at, TWO_YEARS, subscribed, gone)
