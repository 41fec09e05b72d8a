"""Honeypot and signed render timestamp: what is spam, what is a form error, what is fine."""

import time

import pytest
from django import forms as django_forms
from django.core import mail, signing

from forms.base import PublicForm
from forms.models import OutgoingMail
from forms.spam import (
    CHECK_AGAIN_MESSAGE,
    EXPIRED_MESSAGE,
    TOO_FAST_MESSAGE,
    TimestampStatus,
    check_timestamp,
    sign_timestamp,
)
from forms.testing import public_form_data

from .conftest import mail_enqueues, parse

HOUR = 60 * 60


class NameForm(PublicForm):
    name = django_forms.CharField(label="Naam")


def bound(seconds_ago=60, **overrides):
    data = public_form_data({"name": "Piet"}, seconds_ago=seconds_ago)
    data.update(overrides)
    return NameForm({key: value for key, value in data.items() if value is not None})


def test_a_normal_submission_is_valid_and_clean():
    form = bound()
    assert not form.is_spam()
    assert form.is_valid()
    # The honeypot and the timestamp never reach the caller.
    assert form.cleaned_data == {"name": "Piet"}


def test_a_filled_in_honeypot_is_spam():
    form = bound(website="https://goedkope-pillen.example")
    assert form.is_spam()
    assert form.spam_reasons() == ["honeypot"]


def test_a_honeypot_of_only_spaces_is_not_spam():
    assert not bound(website="   ").is_spam()


def check_again(form):
    """The form is no spam, not valid, and asks to check and send again; returns its non-field errors."""
    assert not form.is_spam()
    assert not form.is_valid()
    return form.non_field_errors()


@pytest.mark.parametrize("seconds_ago", [0, 1, 2])
def test_a_submission_faster_than_the_minimum_asks_to_send_again(seconds_ago):
    form = bound(seconds_ago=seconds_ago)
    assert form.timestamp_status is TimestampStatus.TOO_FAST
    assert check_again(form) == [TOO_FAST_MESSAGE]
    assert "er is nog niets opgeslagen" in TOO_FAST_MESSAGE and "opnieuw" in TOO_FAST_MESSAGE


def test_the_minimum_time_is_a_setting(settings):
    settings.FORMS_MIN_SUBMIT_SECONDS = 30
    assert bound(seconds_ago=20).timestamp_status is TimestampStatus.TOO_FAST
    settings.FORMS_MIN_SUBMIT_SECONDS = 0
    assert bound(seconds_ago=0).is_valid()


def test_a_missing_timestamp_asks_to_send_again():
    form = bound(form_ts=None)
    assert "form_ts" not in form.data
    assert form.timestamp_status is TimestampStatus.MISSING
    assert check_again(form) == [CHECK_AGAIN_MESSAGE]
    assert check_again(bound(form_ts="")) == [CHECK_AGAIN_MESSAGE]


def test_a_future_timestamp_asks_to_send_again():
    form = bound(seconds_ago=-HOUR)
    assert form.timestamp_status is TimestampStatus.FUTURE
    assert check_again(form) == [CHECK_AGAIN_MESSAGE]


@pytest.mark.parametrize(
    "forged",
    [
        "1700000000",  # unsigned
        "1700000000:abcdef",  # made-up signature
        signing.Signer(salt="another-salt").sign("1700000000"),  # signed for something else
        "not a timestamp at all",
    ],
)
def test_a_forged_timestamp_asks_to_send_again(forged):
    form = bound(form_ts=forged)
    assert form.timestamp_status is TimestampStatus.FORGED
    assert check_again(form) == [CHECK_AGAIN_MESSAGE]


def test_a_tampered_timestamp_asks_to_send_again():
    genuine = sign_timestamp(time.time() - HOUR)
    value, nonce, signature = genuine.split(":")
    tampered = f"{int(value) - HOUR}:{nonce}:{signature}"  # pretend the form is older
    assert check_timestamp(genuine) is TimestampStatus.OK
    assert bound(form_ts=tampered).timestamp_status is TimestampStatus.FORGED


def test_a_filled_honeypot_is_spam_whatever_the_timestamp():
    form = bound(seconds_ago=0, website="https://spam.example")
    assert form.is_spam()
    assert form.spam_reasons() == ["honeypot", "timestamp-too-fast"]


def test_an_expired_form_is_an_error_that_keeps_the_data_not_spam(time_machine):
    form = bound(seconds_ago=25 * HOUR, name="Piet & Truus")

    assert not form.is_spam()
    assert not form.is_valid()
    assert form.non_field_errors() == [EXPIRED_MESSAGE]
    assert "verstuur het formulier opnieuw" in EXPIRED_MESSAGE

    page = parse(form)
    assert page.find("input", attrs={"name": "name"})["value"] == "Piet & Truus"
    assert EXPIRED_MESSAGE in page.select_one(".error-summary").get_text()

    # A fresh timestamp is rendered, so sending the form again works (after a
    # human's pause).
    fresh = page.find("input", attrs={"name": "form_ts"})["value"]
    assert check_timestamp(fresh, now=time.time() + 10) is TimestampStatus.OK
    again = NameForm({"name": "Piet & Truus", "website": "", "form_ts": fresh})
    time_machine.move_to(time.time() + 10)
    assert not again.is_spam()
    assert again.is_valid()


def test_the_maximum_age_is_a_setting(settings):
    settings.FORMS_MAX_FORM_AGE_SECONDS = 10 * 60
    assert bound(seconds_ago=11 * 60).timestamp_status is TimestampStatus.EXPIRED
    assert bound(seconds_ago=9 * 60).is_valid()


def test_the_rendered_form_carries_a_signed_timestamp_of_now():
    before = int(time.time())
    page = parse(NameForm())
    value = page.find("input", attrs={"name": "form_ts", "type": "hidden"})["value"]
    rendered_at, nonce = signing.Signer(salt="forms.spam.rendered-at").unsign(value).split(":")
    assert before <= int(rendered_at) <= time.time()
    assert len(nonce) >= 16  # random enough that tokens cannot be guessed


def test_an_unbound_form_is_not_spam():
    assert not NameForm().is_spam()


# --- the view contract, end to end ------------------------------------------


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
@pytest.mark.parametrize("url", ["/contact/", "/melding/"])
def test_spam_stores_nothing_sends_nothing_and_looks_like_success(
    client, home_page, contact_data, django_capture_on_commit_callbacks, url
):
    with django_capture_on_commit_callbacks(execute=True):
        genuine = client.post(url, contact_data)
    assert OutgoingMail.objects.count() == 1
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        caught = client.post(url, {**contact_data, "website": "http://spam.example"})

    assert OutgoingMail.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail_enqueues(callbacks) == []
    assert (caught.status_code, caught["Location"]) == (genuine.status_code, genuine["Location"]) == (302, "/bedankt/")


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda: {"form_ts": ""}, CHECK_AGAIN_MESSAGE),
        (lambda: {"form_ts": "1:forged"}, CHECK_AGAIN_MESSAGE),
        (lambda: {"form_ts": sign_timestamp()}, TOO_FAST_MESSAGE),  # sent at once
        (lambda: {"form_ts": sign_timestamp(time.time() + HOUR)}, CHECK_AGAIN_MESSAGE),  # from the future
    ],
    ids=["missing", "forged", "too-fast", "future"],
)
@pytest.mark.parametrize("url", ["/contact/", "/melding/"])
def test_a_timestamp_problem_alone_gives_the_form_back_never_a_false_thank_you(
    client, home_page, contact_data, django_capture_on_commit_callbacks, spoil, message, url
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, {**contact_data, **spoil()})

    assert response.status_code == 200  # no redirect to "Bedankt": nothing was saved
    page = parse(response.content.decode())
    assert message in page.select_one(".error-summary").get_text()
    assert page.find("input", attrs={"name": "name"})["value"] == "Piet de Vries"
    assert page.find("textarea", attrs={"name": "message"}).get_text().strip() == "Wij willen een team starten."
    # A fresh, sound timestamp: after a person's pause, sending again works.
    fresh = page.find("input", attrs={"name": "form_ts"})["value"]
    assert check_timestamp(fresh, now=time.time() + 10) is TimestampStatus.OK
    assert OutgoingMail.objects.count() == 0 and mail.outbox == [] and mail_enqueues(callbacks) == []


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
def test_an_invalid_submission_is_shown_again_and_stores_nothing(client, home_page, contact_data):
    response = client.post("/contact/", {**contact_data, "email": "geen-adres"})
    assert response.status_code == 200
    assert OutgoingMail.objects.count() == 0
    assert "Er ging iets mis" in response.content.decode()


@pytest.mark.django_db
def test_a_lost_unique_constraint_becomes_the_given_form_error():
    from django.db import IntegrityError

    from forms.base import process_public_form

    def save(form):
        raise IntegrityError("duplicate key")

    form = bound()
    response = process_public_form(
        form, save=save, success=lambda: "bedankt", conflict_error=("name", "Deze naam is al aangemeld.")
    )
    assert response is None
    assert form.errors["name"] == ["Deze naam is al aangemeld."]
    assert form.data["name"]  # what was typed stays

    with pytest.raises(IntegrityError):
        process_public_form(bound(), save=save, success=lambda: "bedankt")
