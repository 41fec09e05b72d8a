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
    assert Session.objects.count() == 1  # the thank-you page shows what this browser sent


def test_public_submissions_queue_no_reference_index_update(
    client, evening, registration_page, open_round, wijk, enqueued_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(evening.url, signup_data()).status_code == 302
        assert client.post(registration_page.url, registration_data(wijk)).status_code == 302
    assert EveningSignup.objects.exists() and Registration.objects.exists()

    assert "wagtail.tasks.update_reference_index_task" not in enqueued_tasks
    assert "forms.tasks.send_outgoing_mail" in enqueued_tasks  # the signal does see our tasks
