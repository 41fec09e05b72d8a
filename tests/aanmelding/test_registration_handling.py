"""Handling one registration in the admin: the jump to the status form, what became of each status mail,
and the handler's personal line in the invitation mail (issue #10, the small steps)."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from aanmelding.models import Registration, RegistrationStatusChange
from aanmelding.privacy import purge_personal_data
from forms import outbox
from forms.models import OutgoingMail
from tests.factories import RegistrationFactory, RegistrationPageFactory, RegistrationRoundFactory, WijkFactory

BROKEN_BACKEND = "tests.forms.test_outbox.BrokenBackend"


def edit_url(registration):
    return f"/admin/aanmelding/registration/edit/{registration.pk}/"


@pytest.fixture
def registration(db):
    round_ = RegistrationRoundFactory(title="Najaar 2026", opens_at=timezone.now() - timedelta(days=7))
    return RegistrationFactory(
        round=round_,
        wijk=WijkFactory(name="Noorderpark"),
        kind=Registration.Kind.NEW_TEAM,
        name="Fatima el Amrani",
        email="fatima@voorbeeld.example",
    )


@pytest.fixture
def registration_page(home_page):
    return RegistrationPageFactory(
        parent=home_page,
        invitation_mail_subject="Kom kennismaken",
        invitation_mail_text="We nodigen je uit voor een gesprek.",
        rejection_mail_text="Helaas.",
    )


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def invite(client, registration, capture, execute=True, **data):
    with capture(execute=execute):
        return client.post(
            edit_url(registration),
            {"action": "status", "new_status": Registration.Status.INVITED, "send_mail": "on", **data},
        )


def history_text(client, registration):
    page = soup(client.get(edit_url(registration)))
    return " ".join(page.find(id="geschiedenis").find("table").get_text(" ").split())


# --- the status form near the top --------------------------------------------------------------


def test_a_link_at_the_top_jumps_to_the_status_form(handler_client, registration, registration_page):
    page = soup(handler_client.get(edit_url(registration)))
    main = page.find(class_="registration")
    first_link = main.find("nav", attrs={"aria-label": "Op deze pagina"}).find("a")
    assert (first_link.get_text(strip=True), first_link["href"]) == ("Status wijzigen", "#status-wijzigen")
    # Before anything the applicant sent, and it lands on the form that changes the status.
    text = str(main)
    assert text.index('href="#status-wijzigen"') < text.index("Contactgegevens")
    assert page.find(id="status-wijzigen").find("input", attrs={"name": "new_status"}) is not None


def test_no_jump_link_when_the_status_can_no_longer_change(handler_client, registration):
    registration.withdraw()
    page = soup(handler_client.get(edit_url(registration)))
    assert page.find("a", href="#status-wijzigen") is None
    assert page.find("a", href="#geschiedenis") is not None


# --- "mail verstuurd" in the history -------------------------------------------------------------


def test_the_history_says_when_the_worker_sent_the_mail(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks
):
    invite(handler_client, registration, django_capture_on_commit_callbacks)

    change = RegistrationStatusChange.objects.get(registration=registration)
    assert change.mail is not None and change.mail.sent_at is not None
    sent = timezone.localtime(change.mail.sent_at)
    history = history_text(handler_client, registration)
    assert f"Mail verstuurd op {sent:%d-%m-%Y %H:%M}" in history
    assert f"{timezone.localtime(change.changed_at):%d-%m-%Y %H:%M}" in history  # the table's dates alike
    assert re.search(r"Mail verstuurd op \d{2}-\d{2}-\d{4} \d{2}:\d{2}", history_text(handler_client, registration))


def test_a_queued_mail_shows_as_waiting_not_as_sent(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks
):
    invite(handler_client, registration, django_capture_on_commit_callbacks, execute=False)  # no worker yet

    history = history_text(handler_client, registration)
    assert "Mail wacht op verzending" in history and "Mail verstuurd" not in history

    outbox.send_due_mail()  # the worker's sweep
    assert "Mail verstuurd op" in history_text(handler_client, registration)


def test_a_failed_mail_shows_as_failed(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = BROKEN_BACKEND
    settings.FORMS_MAIL_MAX_ATTEMPTS = 1
    invite(handler_client, registration, django_capture_on_commit_callbacks)

    assert OutgoingMail.objects.get().status == OutgoingMail.Status.FAILED
    history = history_text(handler_client, registration)
    assert "Mail mislukt" in history and "Mail verstuurd" not in history
    assert len(soup(handler_client.get(edit_url(registration))).select("td .mail-state--failed")) == 1


def test_a_mail_being_retried_is_not_called_sent(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = BROKEN_BACKEND
    invite(handler_client, registration, django_capture_on_commit_callbacks)

    history = history_text(handler_client, registration)
    assert "wordt opnieuw geprobeerd" in history and "Mail verstuurd" not in history


def test_a_change_without_mail_says_nothing_about_mail(handler_client, registration, registration_page):
    handler_client.post(edit_url(registration), {"action": "status", "new_status": Registration.Status.INVITED})
    assert "Mail" not in history_text(handler_client, registration)


def test_once_the_outbox_copy_is_gone_the_history_still_says_a_mail_went_along(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks
):
    invite(handler_client, registration, django_capture_on_commit_callbacks)
    outbox.delete_old_mail(cutoff=timezone.now() + timedelta(seconds=1))

    change = RegistrationStatusChange.objects.get(registration=registration)
    assert change.mail is None and change.with_mail
    assert "Met mail (de kopie in het postvak is niet meer bewaard)" in history_text(handler_client, registration)


# --- a personal line in the invitation --------------------------------------------------------


def test_the_personal_line_goes_into_both_parts_of_the_invitation_escaped(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks
):
    line = "Het gesprek is op dinsdag 12 mei om 19.30 uur in <b>Wijkcentrum</b> De Brug & Co."
    response = invite(handler_client, registration, django_capture_on_commit_callbacks, personal_line=line)
    assert response.status_code == 302

    [message] = mail.outbox
    assert line in message.body  # the text part is plain text, as typed
    assert "We nodigen je uit voor een gesprek." in message.body
    assert message.body.index("We nodigen je uit") < message.body.index(line)
    html = message.alternatives[0].content
    assert "&lt;b&gt;Wijkcentrum&lt;/b&gt; De Brug &amp; Co." in html and "<b>Wijkcentrum</b>" not in html

    change = RegistrationStatusChange.objects.get(registration=registration)
    assert change.personal_line == line
    assert f"Persoonlijke regel: ‘{line}’" in history_text(handler_client, registration)


def test_the_personal_line_is_one_line_and_limited_in_length(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks
):
    response = invite(handler_client, registration, django_capture_on_commit_callbacks, personal_line="x" * 301)
    assert response.status_code == 200
    assert "hoogstens 300 tekens (nu 301)" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED and mail.outbox == []

    invite(handler_client, registration, django_capture_on_commit_callbacks, personal_line="Dinsdag\n\n12 mei")
    assert RegistrationStatusChange.objects.get().personal_line == "Dinsdag 12 mei"


@pytest.mark.parametrize(
    "data",
    [
        {"new_status": Registration.Status.INVITED},  # no mail ticked: the line would go nowhere
        {"new_status": Registration.Status.REJECTED, "send_mail": "on"},  # only the invitation has one
    ],
)
def test_a_personal_line_without_the_invitation_mail_is_refused(
    handler_client, registration, registration_page, data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(
            edit_url(registration), {"action": "status", "personal_line": "Dinsdag 12 mei", **data}
        )
    assert response.status_code == 200
    assert "Een persoonlijke regel gaat alleen mee met de uitnodigingsmail" in response.content.decode()
    assert not RegistrationStatusChange.objects.exists() and mail.outbox == []


def test_no_personal_line_field_without_a_page_to_take_the_mail_from(handler_client, registration):
    body = handler_client.get(edit_url(registration)).content.decode()
    assert 'name="personal_line"' not in body


def test_the_personal_line_field_shows_with_the_invitation_only(
    handler_client, handler, registration, registration_page
):
    page = soup(handler_client.get(edit_url(registration)))
    field = page.find("input", attrs={"name": "personal_line"})
    assert field is not None and field["maxlength"] == "300"
    # Wagtail's w-rules controller shows it only while 'Uitgenodigd voor intake' is chosen.
    assert field.find_parent(attrs={"data-w-rules": True})["data-w-rules"] == '{"new_status": ["uitgenodigd"]}'

    registration.change_status(Registration.Status.INVITED, by=handler)  # next: no invitation any more
    assert 'name="personal_line"' not in handler_client.get(edit_url(registration)).content.decode()


def test_the_personal_line_goes_with_the_personal_data(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks
):
    invite(handler_client, registration, django_capture_on_commit_callbacks, personal_line="Dinsdag 12 mei, De Brug")
    Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.INVITED)
    round_ = registration.round
    round_.closes_at = timezone.now() - timedelta(days=400)
    round_.opens_at = round_.closes_at - timedelta(days=20)
    round_.save()

    purge_personal_data()

    change = RegistrationStatusChange.objects.get(registration=registration)
    assert change.personal_line == ""
    assert not OutgoingMail.objects.filter(body_text__contains="De Brug").exists()
