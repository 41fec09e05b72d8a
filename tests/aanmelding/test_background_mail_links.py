"""A mail the task worker sends links to the running site: WAGTAILADMIN_BASE_URL, not a request.

The resident who moves up from the waitlist when someone cancels gets a mail
no request of theirs caused. It goes through the outbox and the database task
worker as under `make run`, and its cancel link, followed, shows the cancel page.
"""

import pytest
from django.core import mail
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from aanmelding.models import EveningSignup
from aanmelding.seats import cancel, sign_up
from forms.models import OutgoingMail
from tests.factories import InfoEveningIndexPageFactory, InfoEveningPageFactory

from .registration_support import link_path, mails_to, soup
from .test_registration_concurrency import site_with_home

# transaction=True: every step commits, as in the running site, so the on-commit enqueue runs
# and the worker may close and reopen the connection between tasks, as it does.
pytestmark = pytest.mark.django_db(transaction=True)

BASE_URL = "http://127.0.0.1:8765"


def run_worker():
    """db_worker's loop in this process: every task that is due, then it stops (``--batch``)."""
    Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    ).run()


def test_the_move_up_mail_from_the_worker_links_to_the_running_site(client, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    index = InfoEveningIndexPageFactory(parent=site_with_home())
    evening = InfoEveningPageFactory(parent=index, capacity=1)
    seated = sign_up(evening, name="Bewoner 1", email="bewoner1@example.org", persons=1)
    waiting = sign_up(evening, name="Fatima el Amrani", email="fatima@example.org", persons=1)
    assert waiting.is_waitlisted

    cancel(seated)
    # Queued in the outbox and enqueued for the worker when the cancellation committed; not sent yet.
    notice = OutgoingMail.objects.get(to="fatima@example.org", subject__contains="plaats vrijgekomen")
    assert DBTaskResult.objects.filter(
        task_path="forms.tasks.send_outgoing_mail", args_kwargs__args=[notice.pk]
    ).exists()
    assert mail.outbox == []

    run_worker()

    notice.refresh_from_db()
    assert notice.status == OutgoingMail.Status.SENT
    (moved_up,) = [message for message in mails_to("fatima@example.org") if "plaats vrijgekomen" in message.subject]
    cancel_link = evening.url + "annuleren/"
    assert f"{BASE_URL}{cancel_link}" in moved_up.body
    html = moved_up.alternatives[0][0]
    assert f'href="{BASE_URL}{cancel_link}' in html

    page = soup(client.get(link_path(moved_up.body, cancel_link)))
    main = page.find("main")
    assert f"‘{evening.title}’" in main.get_text()
    assert main.find("form", method="post").find("button")
    assert EveningSignup.objects.get(pk=waiting.pk).status == EveningSignup.Status.CONFIRMED
