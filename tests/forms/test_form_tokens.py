"""Form tokens are single-use: a harvested token cannot be sent twice, and a refused save gives it back."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from forms.base import process_public_form
from forms.models import OutgoingMail, UsedFormToken
from forms.spam import USED_MESSAGE, TimestampStatus, check_timestamp, delete_used_form_tokens

from .conftest import mail_enqueues, parse
from .test_spam import bound

pytestmark = [pytest.mark.django_db]


@pytest.mark.urls("tests.forms.urls")
@pytest.mark.parametrize("url", ["/contact/", "/melding/"])
def test_a_token_sent_a_second_time_is_refused_and_nothing_more_is_stored(
    client, home_page, contact_data, django_capture_on_commit_callbacks, url
):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, contact_data)
    assert first.status_code == 302
    assert OutgoingMail.objects.count() == 1

    # The same token again, with other data and from another address: a replay.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        replay = client.post(url, {**contact_data, "email": "ander@example.org"}, REMOTE_ADDR="192.0.2.77")

    assert replay.status_code == 200  # no thank-you: nothing was saved
    page = parse(replay.content.decode())
    assert USED_MESSAGE in page.select_one(".error-summary").get_text()
    assert "kijk dan in je mail" in USED_MESSAGE
    assert page.find("input", attrs={"name": "email"})["value"] == "ander@example.org"
    assert OutgoingMail.objects.count() == 1 and len(mail.outbox) == 1 and mail_enqueues(callbacks) == []

    # The page carries a fresh token, so a person who meant to send it again can.
    fresh = page.find("input", attrs={"name": "form_ts"})["value"]
    assert fresh != contact_data["form_ts"]
    assert check_timestamp(fresh, now=timezone.now().timestamp() + 10) is TimestampStatus.OK


@pytest.mark.urls("tests.forms.urls")
def test_an_invalid_submission_does_not_use_the_token(client, home_page, contact_data):
    invalid = client.post("/contact/", {**contact_data, "email": "geen-adres"})
    assert invalid.status_code == 200
    assert not UsedFormToken.objects.exists()

    corrected = client.post("/contact/", contact_data)
    assert corrected.status_code == 302
    assert UsedFormToken.objects.count() == 1


@pytest.mark.urls("tests.forms.urls")
def test_caught_spam_does_not_use_the_token(client, home_page, contact_data):
    client.post("/contact/", {**contact_data, "website": "http://spam.example"})
    assert not UsedFormToken.objects.exists()


def test_a_save_refused_with_a_validation_error_stores_nothing_and_gives_the_token_back():
    message = "Er zijn vanaf dit netwerk al genoeg aanmeldingen."

    def refuse(form):
        OutgoingMail.objects.create(to="x@example.org", subject="weg", body_text="weg")
        raise ValidationError(message)

    form = bound()
    assert process_public_form(form, save=refuse, success=lambda: "bedankt") is None
    assert form.non_field_errors() == [message]
    assert not OutgoingMail.objects.exists()  # rolled back with the token
    assert not UsedFormToken.objects.exists()

    # The same token still works once the save goes through.
    again = type(form)(form.data)
    assert process_public_form(again, save=lambda form: None, success=lambda: "bedankt") == "bedankt"


def test_the_sweep_forgets_used_tokens_once_their_age_refuses_them_anyway(settings):
    settings.FORMS_MAX_FORM_AGE_SECONDS = 24 * 60 * 60
    now = timezone.now()
    UsedFormToken.objects.create(nonce="oud", used_at=now - timedelta(hours=26))
    UsedFormToken.objects.create(nonce="recent", used_at=now - timedelta(hours=24))

    assert delete_used_form_tokens(now=now) == 1
    assert list(UsedFormToken.objects.values_list("nonce", flat=True)) == ["recent"]
