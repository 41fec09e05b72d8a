"""A public submission leaves only what it must: no session for caught spam, no reference-index task."""

import pytest
from django.contrib.sessions.models import Session
from django_tasks.signals import task_enqueued

from aanmelding.models import EveningSignup, Registration
from forms.testing import public_form_data
from tests.factories import InfoEveningPageFactory

from .registration_support import registration_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


@pytest.fixture
def evening(index_page):
    return InfoEveningPageFactory(parent=index_page, capacity=10)


def signup_data(**extra):
    return public_form_data(
        {"name": "Bewoner", "email": "bewoner@example.org", "persons": "1", "consent": "on", **extra}
    )


@pytest.fixture
def enqueued_tasks():
    paths = []

    def remember(sender, task_result, **kwargs):
        paths.append(task_result.task.module_path)

    task_enqueued.connect(remember)
    yield paths
    task_enqueued.disconnect(remember)


def test_caught_spam_gets_the_same_redirect_but_no_session(client, evening):
    caught = client.post(evening.url, signup_data(website="http://spam.example"))

    assert caught.status_code == 302 and caught["Location"].endswith("/bedankt/")
    assert not Session.objects.exists()
    assert "sessionid" not in caught.cookies
    assert not EveningSignup.objects.exists()

    genuine = client.post(evening.url, signup_data())
    assert genuine["Location"] == caught["Location"]
    # The thank-you page shows what this browser sent, from a signed cookie for the page only.
    assert not Session.objects.exists()
    (cookie,) = genuine.cookies.values()
    assert cookie["path"] == evening.url and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert "wachtlijst" not in client.get(genuine["Location"]).content.decode()
    assert "1 persoon" in client.get(genuine["Location"]).content.decode()


def test_the_thank_you_cookie_cannot_be_forged_or_moved_to_another_page(client, evening, index_page):
    client.post(evening.url, signup_data())
    signup = EveningSignup.objects.get()
    other = InfoEveningPageFactory(parent=index_page, capacity=10)
    name = evening.thanks_cookie_name
    client.cookies[name] = str(signup.pk)  # unsigned
    client.cookies[name]["path"] = evening.url
    assert "1 persoon" not in client.get(evening.url + "bedankt/").content.decode()
    client.cookies.clear()
    client.post(evening.url, signup_data(email="tweede@example.org"))
    # The same name on the other evening's path: its thank-you page shows nothing of it.
    value = client.cookies[name].value
    client.cookies.clear()
    client.cookies[name] = value
    client.cookies[name]["path"] = other.url
    assert "1 persoon" not in client.get(other.url + "bedankt/").content.decode()


def test_public_submissions_queue_no_reference_index_update(
    client, evening, registration_page, open_round, wijk, enqueued_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(evening.url, signup_data()).status_code == 302
        assert client.post(registration_page.url, registration_data(wijk)).status_code == 302
    assert EveningSignup.objects.exists() and Registration.objects.exists()

    assert "wagtail.tasks.update_reference_index_task" not in enqueued_tasks
    assert "forms.tasks.send_outgoing_mail" in enqueued_tasks  # the signal does see our tasks
