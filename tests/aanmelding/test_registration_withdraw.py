"""Withdrawing a registration through the signed link in the confirmation mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from aanmelding.mails.registrations import ALERT_CONFIRM_PURPOSE, WITHDRAW_MAX_AGE, WITHDRAW_PURPOSE
from aanmelding.models import Registration
from forms.models import OutgoingMail
from forms.tokens import make_token
from tests.factories import RegistrationFactory

from .registration_support import NOTIFICATION_EMAIL, link_path, registration_data, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


@pytest.fixture
def registration_and_link(client, registration_page, open_round, wijk, django_capture_on_commit_callbacks):
    """A registration made through the form, and the withdraw link from its confirmation mail."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(registration_page.url, registration_data(wijk))
    registration = Registration.objects.get()
    (confirmation,) = [message for message in mail.outbox if message.to == [registration.email]]
    return registration, link_path(confirmation.body, registration_page.url + "intrekken/")


def withdraw_link(page, registration):
    return page.url + page.reverse_subpage("withdraw", args=[make_token(WITHDRAW_PURPOSE, registration.pk)])


def test_opening_the_link_shows_a_button_and_changes_nothing(client, registration_and_link):
    registration, link = registration_and_link

    for _ in range(3):  # mail scanners and link previews open it, maybe more than once
        response = client.get(link)
        assert response.status_code == 200
        form = soup(response).find("main").find("form", method="post")
        assert form.find("button").get_text(strip=True) == "Ja, trek mijn aanmelding in"
        assert form.get("action") in (None, "", link)

    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED
    assert registration.name == "Fatima el Amrani" and registration.personal_data_removed_at is None
    assert not registration.status_changes.exists()


def test_pressing_the_button_withdraws_and_removes_personal_data(client, registration_and_link):
    registration, link = registration_and_link

    response = client.post(link)

    assert response.status_code == 200
    assert "Je aanmelding is ingetrokken" in soup(response).get_text()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN
    assert registration.personal_data_removed_at is not None
    for field in ["name", "email", "phone", "initiative_name", "remarks", "internal_notes"]:
        assert getattr(registration, field) == "", field
    assert registration.email_key is None
    assert registration.postcode == "1234"  # the area, not the address
    # What counts anonymously stays.
    assert registration.kind == Registration.Kind.NEW_TEAM and registration.wijk is not None
    assert registration.round is not None and registration.expected_members == 5
    (change,) = registration.status_changes.all()
    assert (change.from_status, change.to_status, change.changed_by) == (
        Registration.Status.RECEIVED,
        Registration.Status.WITHDRAWN,
        None,
    )
    # The outbox's copy of the confirmation (name, address) goes too; the notice without them stays.
    assert not OutgoingMail.objects.filter(to="fatima@example.org").exists()
    assert OutgoingMail.objects.filter(to=NOTIFICATION_EMAIL).count() == 1


def test_pressing_the_button_twice_is_harmless(client, registration_and_link):
    registration, link = registration_and_link

    assert client.post(link).status_code == 200
    assert client.post(link).status_code == 200

    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN
    assert registration.status_changes.count() == 1


def test_a_used_withdraw_link_says_so_and_shows_no_button(client, registration_and_link):
    _, link = registration_and_link
    client.post(link)

    for response in (client.get(link), client.post(link)):
        assert response.status_code == 200
        main = soup(response).find("main")
        assert main.find("h1").get_text(strip=True) == "Je aanmelding is al ingetrokken"
        assert main.find("button") is None


def test_a_used_confirm_link_for_round_alerts_says_so_and_shows_no_button(client, registration_page):
    from aanmelding.models import RoundAlert

    alert = RoundAlert.objects.create(email="buur@example.org")
    alert.confirm()
    link = registration_page.url + registration_page.reverse_subpage(
        "confirm_round_alert", args=[make_token(ALERT_CONFIRM_PURPOSE, alert.pk)]
    )

    main = soup(client.get(link)).find("main")
    assert main.find("h1").get_text(strip=True) == "Je e-mailadres is al bevestigd"
    assert main.find("button") is None


def test_an_admitted_applicant_can_still_withdraw(client, registration_page, open_round):
    registration = RegistrationFactory(round=open_round, status=Registration.Status.ADMITTED)

    assert client.post(withdraw_link(registration_page, registration)).status_code == 200

    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN
    assert registration.name == ""


def test_a_rejected_applicant_who_withdraws_keeps_the_status_but_loses_the_data(client, registration_page, open_round):
    registration = RegistrationFactory(round=open_round, status=Registration.Status.REJECTED)

    assert client.post(withdraw_link(registration_page, registration)).status_code == 200

    registration.refresh_from_db()
    assert registration.status == Registration.Status.REJECTED
    assert registration.name == "" and registration.personal_data_removed_at is not None


def test_an_expired_link_gets_a_clear_page_and_changes_nothing(client, time_machine, registration_and_link):
    registration, link = registration_and_link
    time_machine.move_to(timezone.now() + WITHDRAW_MAX_AGE + timedelta(minutes=1))

    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        text = soup(response).get_text(" ", strip=True)
        assert "Deze link is verlopen" in text and "Er is niets veranderd" in text

    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED and registration.name


@pytest.mark.parametrize(
    "damage",
    [
        lambda token: token[:-3],
        lambda token: token[:10] + ("A" if token[10] != "A" else "B") + token[11:],
        lambda token: "kapot",
    ],
    ids=["cut-short", "one-character-changed", "nonsense"],
)
def test_a_tampered_link_gets_a_clear_page_and_changes_nothing(client, registration_and_link, damage):
    registration, link = registration_and_link
    prefix, token = link.rstrip("/").rsplit("/", 1)

    for response in (client.get(f"{prefix}/{damage(token)}/"), client.post(f"{prefix}/{damage(token)}/")):
        assert response.status_code == 400
        text = soup(response).get_text(" ", strip=True)
        assert "Deze link klopt niet" in text and "Er is niets veranderd" in text

    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED and registration.name


def test_a_token_made_for_another_purpose_does_not_withdraw(client, registration_page, open_round):
    registration = RegistrationFactory(round=open_round)
    token = make_token(ALERT_CONFIRM_PURPOSE, registration.pk)
    link = registration_page.url + registration_page.reverse_subpage("withdraw", args=[token])

    assert client.post(link).status_code == 400
    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED


def test_a_link_to_a_deleted_registration_says_so(client, registration_page, open_round):
    registration = RegistrationFactory(round=open_round)
    link = withdraw_link(registration_page, registration)
    registration.delete()

    response = client.get(link)
    assert response.status_code == 404
    assert "Deze link werkt niet meer" in soup(response).get_text()
