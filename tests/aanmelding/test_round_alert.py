"""'Houd mij op de hoogte': double opt-in, one mail per round, one-click unsubscribe."""

from datetime import timedelta

import pytest
from django.core import mail

from aanmelding.mails.registrations import ALERT_CONFIRM_MAX_AGE
from aanmelding.models import RoundAlert, RoundAlertDelivery
from aanmelding.tasks import notify_open_round
from forms.consent import CONSENT_REQUIRED_MESSAGE
from forms.models import OutgoingMail
from forms.testing import public_form_data
from tests.factories import RegistrationRoundFactory

from .registration_support import at, link_path, mails_to, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]

BEFORE_SPRING = at(2027, 2, 1, 12, 0)


@pytest.fixture
def spring(db):
    return RegistrationRoundFactory(
        title="Voorjaar 2027", opens_at=at(2027, 3, 1, 9, 0), closes_at=at(2027, 3, 15, 23, 59)
    )


@pytest.fixture
def autumn(db):
    return RegistrationRoundFactory(
        title="Najaar 2027", opens_at=at(2027, 9, 1, 9, 0), closes_at=at(2027, 9, 15, 23, 59)
    )


@pytest.fixture
def closed_page(time_machine, registration_page, spring, autumn):
    """The registration page between rounds."""
    time_machine.move_to(BEFORE_SPRING, tick=False)
    return registration_page


def ask(client, page, email, capture, **extra):
    with capture(execute=True):
        return client.post(page.url + "op-de-hoogte/", public_form_data({"email": email, "consent": "on", **extra}))


def confirm(client, page, email, capture):
    """Ask for an alert and confirm it through the link in the mail, as a resident does."""
    ask(client, page, email, capture)
    (message,) = mails_to(email)
    link = link_path(message.body, page.url + "op-de-hoogte/bevestigen/")
    assert client.post(link).status_code == 200
    mail.outbox.clear()
    return RoundAlert.objects.get(email=email)


def run_notify(capture):
    with capture(execute=True):
        result = notify_open_round.enqueue()
    return result.return_value


def test_asking_sends_a_confirmation_mail_and_stores_an_unconfirmed_address(
    client, closed_page, django_capture_on_commit_callbacks
):
    response = ask(client, closed_page, " Bewoner@Example.org ", django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "Kijk in je mail" in soup(response).get_text()
    alert = RoundAlert.objects.get()
    assert alert.email == "bewoner@example.org"
    assert not alert.is_confirmed
    assert alert.consent_given_at is not None and alert.consent_version
    (message,) = mail.outbox
    assert message.to == ["bewoner@example.org"]
    assert "Bevestig" in message.subject
    link = link_path(message.body, closed_page.url + "op-de-hoogte/bevestigen/")
    html = [content for content, kind in message.alternatives if kind == "text/html"][0]
    assert link in html


def test_the_confirm_link_shows_a_button_and_confirms_only_on_post(
    client, closed_page, django_capture_on_commit_callbacks
):
    ask(client, closed_page, "bewoner@example.org", django_capture_on_commit_callbacks)
    link = link_path(mail.outbox[0].body, closed_page.url + "op-de-hoogte/bevestigen/")

    response = client.get(link)
    assert response.status_code == 200
    assert soup(response).find("main").find("button").get_text(strip=True) == "Ja, houd mij op de hoogte"
    assert not RoundAlert.objects.get().is_confirmed

    response = client.post(link)
    assert response.status_code == 200
    assert "Je e-mailadres is bevestigd" in soup(response).get_text()
    assert RoundAlert.objects.get().is_confirmed


def test_an_expired_confirm_link_changes_nothing(client, time_machine, closed_page, django_capture_on_commit_callbacks):
    ask(client, closed_page, "bewoner@example.org", django_capture_on_commit_callbacks)
    link = link_path(mail.outbox[0].body, closed_page.url + "op-de-hoogte/bevestigen/")
    time_machine.shift(ALERT_CONFIRM_MAX_AGE + timedelta(minutes=1))

    assert client.post(link).status_code == 410
    assert not RoundAlert.objects.get().is_confirmed


def test_consent_and_a_valid_address_are_required(client, closed_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(closed_page.url + "op-de-hoogte/", public_form_data({"email": "bewoner@"}))

    assert response.status_code == 200
    page = soup(response)
    assert CONSENT_REQUIRED_MESSAGE in page.find(id="id_consent_error").get_text()
    assert "Vul een geldig e-mailadres in" in page.find(id="id_email_error").get_text()
    assert page.find("input", attrs={"name": "email"})["value"] == "bewoner@"
    assert not RoundAlert.objects.exists() and mail.outbox == []


def test_spam_on_the_alert_form_stores_nothing_and_looks_like_success(
    client, closed_page, django_capture_on_commit_callbacks
):
    genuine = ask(client, closed_page, "echt@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    spam = ask(
        client, closed_page, "bot@example.org", django_capture_on_commit_callbacks, website="http://spam.example"
    )

    assert spam.status_code == genuine.status_code == 200
    assert soup(spam).find("h1").get_text() == soup(genuine).find("h1").get_text()
    assert not RoundAlert.objects.filter(email="bot@example.org").exists()
    assert mail.outbox == []


def test_asking_again_tells_nobody_whether_an_address_is_known(client, closed_page, django_capture_on_commit_callbacks):
    confirm(client, closed_page, "bekend@example.org", django_capture_on_commit_callbacks)

    known = ask(client, closed_page, "bekend@example.org", django_capture_on_commit_callbacks)
    new = ask(client, closed_page, "nieuw@example.org", django_capture_on_commit_callbacks)

    assert known.status_code == new.status_code == 200
    assert soup(known).find("main").get_text(" ", strip=True) == soup(new).find("main").get_text(" ", strip=True)
    # A confirmed address gets no new confirmation mail; the new one does.
    assert [message.to for message in mail.outbox] == [["nieuw@example.org"]]
    assert RoundAlert.objects.count() == 2


def test_an_unconfirmed_address_asking_again_gets_a_new_link_once_a_day(
    client, time_machine, closed_page, django_capture_on_commit_callbacks
):
    ask(client, closed_page, "vergeten@example.org", django_capture_on_commit_callbacks)
    ask(client, closed_page, "Vergeten@Example.org", django_capture_on_commit_callbacks)
    assert len(mails_to("vergeten@example.org")) == 1  # the same day: the first link still works

    time_machine.move_to(BEFORE_SPRING + timedelta(hours=24, minutes=1), tick=False)
    ask(client, closed_page, "vergeten@example.org", django_capture_on_commit_callbacks)

    assert len(mails_to("vergeten@example.org")) == 2
    assert RoundAlert.objects.count() == 1


def test_posts_from_many_addresses_send_one_confirmation_a_day(client, closed_page, django_capture_on_commit_callbacks):
    """Mail-bombing through the form: fifty posts for one victim, each from another address."""
    for number in range(50):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                closed_page.url + "op-de-hoogte/",
                public_form_data({"email": "slachtoffer@example.org", "consent": "on"}),
                REMOTE_ADDR=f"198.51.{number // 200}.{number % 200 + 1}",
            )
        assert response.status_code == 200  # every poster sees the same page

    assert len(mails_to("slachtoffer@example.org")) == 1
    assert OutgoingMail.objects.filter(to="slachtoffer@example.org").count() == 1


def test_a_post_while_a_round_is_open_stores_and_sends_nothing(
    client, time_machine, closed_page, spring, django_capture_on_commit_callbacks
):
    time_machine.move_to(spring.opens_at + timedelta(hours=1), tick=False)

    response = ask(client, closed_page, "nu-open@example.org", django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"] == closed_page.url
    assert not RoundAlert.objects.exists()
    assert mail.outbox == []


def test_a_get_of_the_alert_url_goes_back_to_the_page(client, closed_page):
    response = client.get(closed_page.url + "op-de-hoogte/")
    assert response.status_code == 302 and response["Location"] == closed_page.url


def test_each_confirmed_address_gets_one_mail_per_round(
    client, time_machine, closed_page, spring, autumn, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    first = confirm(client, closed_page, "eerste@example.org", capture)
    second = confirm(client, closed_page, "tweede@example.org", capture)
    ask(client, closed_page, "onbevestigd@example.org", capture)
    mail.outbox.clear()

    # Nothing is open yet: nobody hears anything.
    assert run_notify(capture) == 0
    assert mail.outbox == []

    # Spring opens; the task runs every few minutes.
    time_machine.move_to(spring.opens_at + timedelta(minutes=3), tick=False)
    assert run_notify(capture) == 2
    assert run_notify(capture) == 0
    time_machine.move_to(spring.opens_at + timedelta(days=3), tick=False)
    assert run_notify(capture) == 0

    assert sorted(message.to[0] for message in mail.outbox) == ["eerste@example.org", "tweede@example.org"]
    assert mails_to("onbevestigd@example.org") == []
    message = mails_to("eerste@example.org")[0]
    assert "Je kunt je weer aanmelden" in message.subject
    assert "Voorjaar 2027" in message.body and "15 maart 2027 om 23:59 uur" in message.body
    assert RoundAlertDelivery.objects.filter(round=spring).count() == 2

    # Between rounds nothing; autumn brings exactly one more each.
    time_machine.move_to(at(2027, 6, 1, 12, 0), tick=False)
    assert run_notify(capture) == 0
    time_machine.move_to(autumn.opens_at, tick=False)
    assert run_notify(capture) == 2
    assert run_notify(capture) == 0
    assert len(mails_to("eerste@example.org")) == 2 and len(mails_to("tweede@example.org")) == 2
    assert set(RoundAlertDelivery.objects.values_list("alert", "round")) == {
        (first.pk, spring.pk),
        (second.pk, spring.pk),
        (first.pk, autumn.pk),
        (second.pk, autumn.pk),
    }
    assert OutgoingMail.objects.filter(subject__startswith="Je kunt je weer").count() == 4


def test_the_unsubscribe_link_deletes_the_address(
    client, time_machine, closed_page, spring, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    confirm(client, closed_page, "weg@example.org", capture)
    time_machine.move_to(spring.opens_at, tick=False)
    run_notify(capture)
    (message,) = mails_to("weg@example.org")
    link = link_path(message.body, closed_page.url + "op-de-hoogte/afmelden/")

    response = client.get(link)
    assert response.status_code == 200
    assert soup(response).find("main").find("button").get_text(strip=True) == "Ja, meld mij af"
    assert RoundAlert.objects.filter(email="weg@example.org").exists()

    response = client.post(link)
    assert response.status_code == 200
    assert "Je bent afgemeld" in soup(response).get_text()
    assert not RoundAlert.objects.filter(email="weg@example.org").exists()
    assert not RoundAlertDelivery.objects.exists()
    # The copies of the mails sent to the address (confirmation, round open) go too.
    assert not OutgoingMail.objects.filter(to="weg@example.org").exists()

    # The link again: the address is gone, and the page says the link no longer works.
    assert client.post(link).status_code == 404


def test_without_a_live_registration_page_nobody_is_mailed(
    client, time_machine, closed_page, spring, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    confirm(client, closed_page, "bewoner@example.org", capture)
    closed_page.unpublish()
    time_machine.move_to(spring.opens_at, tick=False)

    assert run_notify(capture) == 0
    assert mail.outbox == [] and not RoundAlertDelivery.objects.exists()


def test_an_address_confirmed_during_an_open_round_hears_about_it(
    client, time_machine, closed_page, spring, django_capture_on_commit_callbacks
):
    time_machine.move_to(spring.opens_at + timedelta(days=1), tick=False)
    alert = RoundAlert(email="laat@example.org")
    alert.record_consent()
    alert.save()
    alert.confirm()

    assert run_notify(django_capture_on_commit_callbacks) == 1
    assert len(mails_to("laat@example.org")) == 1
