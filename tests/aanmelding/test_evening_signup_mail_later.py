"""The sign-up confirmation is written by the worker: the request only takes the seat and queues one row."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanmelding.mails.evenings import build_signup_received
from aanmelding.models import EveningSignup
from aanmelding.seats import cancel
from forms import outbox
from forms.models import OutgoingMail
from forms.testing import public_form_data
from tests.factories import InfoEveningPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


@pytest.fixture
def evening(index_page):
    return InfoEveningPageFactory(parent=index_page, capacity=1)


def post_signup(client, evening, email, persons="1"):
    fields = {"name": "Fatima el Amrani", "email": email, "persons": persons, "remark": "", "consent": "on"}
    return client.post(evening.url, public_form_data(fields))


def test_the_post_queues_an_unrendered_mail_and_the_worker_sends_the_confirmation_with_the_ics(
    client, evening, municipality, django_capture_on_commit_callbacks
):
    client.get(evening.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post_signup(client, evening, "fatima@example.org")
    assert response.status_code == 302
    signup = EveningSignup.objects.get()
    (row,) = OutgoingMail.objects.all()
    # The request rendered nothing: the mail's text, HTML and .ics are the worker's work.
    assert row.awaits_rendering and (row.subject, row.body_text, row.attachments) == ("", "", [])
    assert row.recipients == ["fatima@example.org"] and row.source == "aanmelding"
    assert row.render_key == f"evening-signup:{signup.pk}"
    assert mail.outbox == []
    # The thank-you page promises a mail in a few minutes, not one sent already.
    thanks = client.get(response["Location"]).content.decode()
    assert "Je krijgt binnen een paar minuten een bevestiging per e-mail." in thanks

    for callback in callbacks:
        callback()  # the task on commit; the test backend runs it at once, as the worker would
    (sent,) = mail.outbox
    assert sent.subject.startswith("Je bent aangemeld voor de informatiebijeenkomst van ")
    assert sent.reply_to == [municipality.contact_email]
    assert "Je hebt een plaats voor 1 persoon" in sent.body and evening.url + "annuleren/" in sent.body
    (ics,) = sent.attachments
    assert ics.get_content_type() == "text/calendar" and b"BEGIN:VEVENT" in ics.get_payload(decode=True)
    assert outbox.deliver(row.pk) == outbox.SKIPPED and len(mail.outbox) == 1


def test_the_mail_says_what_the_sign_up_got_even_after_a_move_up(client, evening, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        post_signup(client, evening, "eerste@example.org")
        post_signup(client, evening, "tweede@example.org")
    first, second = EveningSignup.objects.order_by("pk")
    assert second.status == EveningSignup.Status.WAITLISTED
    cancel(first)  # the second moves up before the worker wrote its confirmation
    waitlisted_mail = OutgoingMail.objects.get(render_key=f"evening-signup:{second.pk}")
    assert outbox.deliver(waitlisted_mail.pk) == outbox.SENT
    waitlisted_mail.refresh_from_db()
    assert waitlisted_mail.subject == "Je staat op de wachtlijst voor de informatiebijeenkomst"
    # A sign-up cancelled before its mail was written gets no confirmation; the row goes.
    first_mail = OutgoingMail.objects.get(render_key=f"evening-signup:{first.pk}")
    assert outbox.deliver(first_mail.pk) == outbox.SKIPPED
    assert not OutgoingMail.objects.filter(pk=first_mail.pk).exists()
    assert build_signup_received(first.pk + second.pk + 1000, "confirmed") is None


def test_after_the_insert_the_request_reads_nothing_for_the_mail(client, evening):
    client.get(evening.url)
    with CaptureQueriesContext(connection) as captured:
        assert post_signup(client, evening, "fatima@example.org").status_code == 302
    statements = [query["sql"] for query in captured.captured_queries]
    insert = next(n for n, sql in enumerate(statements) if sql.startswith('INSERT INTO "aanmelding_eveningsignup"'))
    # Rendering the mail would look up the site and its settings (reply-to, footer) here.
    assert not [sql for sql in statements[insert:] if "wagtailcore_site" in sql or "municipalitysettings" in sql]
