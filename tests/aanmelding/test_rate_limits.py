"""The per-address limit (10 POSTs a minute) on the evening sign-up form and on 'houd mij op de hoogte'.

The registration form's own 429 test is in test_registration.py; these follow it.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from aanmelding.models import EveningSignup, RoundAlert
from forms.models import OutgoingMail
from forms.testing import public_form_data
from tests.factories import InfoEveningPageFactory, RegistrationRoundFactory

from .registration_support import soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


def assert_429_in_dutch(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Even geduld" in soup(response).get_text()


def test_the_eleventh_evening_sign_up_within_a_minute_gets_429(client, index_page):
    evening = InfoEveningPageFactory(parent=index_page)
    fields = {"name": "Fatima el Amrani", "email": "fatima@example.org", "persons": "1", "consent": "on"}
    statuses = [client.post(evening.url, public_form_data({**fields, "email": ""})).status_code for _ in range(10)]
    assert statuses == [200] * 10  # invalid, but answered

    assert_429_in_dutch(client.post(evening.url, public_form_data(fields)))
    assert not EveningSignup.objects.exists() and not OutgoingMail.objects.exists()
    # Someone else, on another connection, is not held up.
    other = client.post(evening.url, public_form_data(fields), REMOTE_ADDR="192.0.2.99")
    assert other.status_code == 302
    assert EveningSignup.objects.get().email_key == "fatima@example.org"


def test_the_eleventh_alert_request_within_a_minute_gets_429(
    client, registration_page, django_capture_on_commit_callbacks
):
    RegistrationRoundFactory(opens_at=timezone.now() + timedelta(days=30))  # closed now: the form is offered
    url = registration_page.url + "op-de-hoogte/"
    fields = {"email": "bewoner@example.org", "consent": "on"}
    statuses = [client.post(url, public_form_data({**fields, "email": ""})).status_code for _ in range(10)]
    assert statuses == [200] * 10  # invalid, but answered

    with django_capture_on_commit_callbacks(execute=True):
        assert_429_in_dutch(client.post(url, public_form_data(fields)))
    assert not RoundAlert.objects.exists() and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        other = client.post(url, public_form_data(fields), REMOTE_ADDR="192.0.2.99")
    assert other.status_code == 200 and "Kijk in je mail" in soup(other).get_text()
    assert RoundAlert.objects.get().email == "bewoner@example.org"
