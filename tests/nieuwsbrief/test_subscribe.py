"""Subscribing: double opt-in, no address enumeration, one mail a day per address, stored normalised."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from forms.consent import CONSENT_REQUIRED_MESSAGE
from forms.models import OutgoingMail
from forms.ratelimit import DEFAULT_LIMIT as RATE_LIMIT
from forms.testing import public_form_data
from nieuwsbrief.forms.subscribers import WIJK_MESSAGE, SubscribeForm
from nieuwsbrief.models import Subscriber

from .subscriber_support import (
    html_part,
    link_path,
    mails_to,
    make_subscriber,
    municipality,
    no_rate_limit_left_over,
    soup,
    subscribe,
    subscribe_page,
    wijken,
)

FIXTURES = (municipality, no_rate_limit_left_over, subscribe_page, wijken)  # used here as fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]

ADDRESS = "bewoner@example.org"


def thanks_text(client, response):
    """The page the POST redirects to, as text (the visitor's whole view of the outcome)."""
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page, soup(page).find("main").get_text(" ", strip=True)


def test_the_page_shows_the_form_with_wijk_choices_and_consent(client, subscribe_page):
    response = client.get(subscribe_page.url)

    assert response.status_code == 200
    page = soup(response)
    assert page.find("h1").get_text() == subscribe_page.title
    assert page.find("input", attrs={"name": "email"})["type"] == "email"
    options = [option.get_text() for option in page.find("select", attrs={"name": "wijk"}).find_all("option")]
    assert options == ["Geen voorkeur", "Noorderpark", "Zuidhoek"]
    assert page.find("input", attrs={"name": "consent", "type": "checkbox"}) is not None
    assert "no-store" in response["Cache-Control"]


def test_a_new_address_becomes_pending_and_gets_a_confirm_mail(
    client, subscribe_page, django_capture_on_commit_callbacks
):
    response = subscribe(
        client, subscribe_page, "  Bewoner@Example.ORG ", django_capture_on_commit_callbacks, wijk="Zuidhoek"
    )

    _, text = thanks_text(client, response)
    assert "Kijk in je mail" in text
    subscriber = Subscriber.objects.get()
    assert subscriber.email == ADDRESS  # normalised
    assert subscriber.status == Subscriber.Status.PENDING and subscriber.confirmed_at is None
    assert subscriber.wijk == "Zuidhoek"
    assert subscriber.consent_given_at is not None and subscriber.consent_version
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert "Bevestig" in message.subject
    link = link_path(message.body, "/bevestigen/")
    assert link.startswith(subscribe_page.url + "bevestigen/")
    assert link in html_part(message)


def test_errors_keep_what_was_typed_and_store_nothing(client, subscribe_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            subscribe_page.url,
            public_form_data({"email": "bewoner@", "wijk": "Nergenshuizen"}),
        )

    assert response.status_code == 200
    page = soup(response)
    assert CONSENT_REQUIRED_MESSAGE in page.find(id="id_consent_error").get_text()
    assert "Vul een geldig e-mailadres in" in page.find(id="id_email_error").get_text()
    assert WIJK_MESSAGE in page.find(id="id_wijk_error").get_text()
    assert page.find("input", attrs={"name": "email"})["value"] == "bewoner@"
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_new_active_and_pending_addresses_get_the_same_answer_and_different_mails(
    client, subscribe_page, django_capture_on_commit_callbacks
):
    make_subscriber("actief@example.org", wijk="Noorderpark")
    make_subscriber("wacht@example.org", status=Subscriber.Status.PENDING)

    answers = {}
    for address in ("nieuw@example.org", "actief@example.org", "wacht@example.org"):
        response = subscribe(client, subscribe_page, address, django_capture_on_commit_callbacks)
        assert response.status_code == 302
        page, _ = thanks_text(client, response)
        answers[address] = (response["Location"], page.content, tuple(response.cookies), tuple(page.cookies))

    assert len(set(answers.values())) == 1, "the visitor must not learn which addresses are on the list"
    assert "Bevestig" in mails_to("nieuw@example.org")[0].subject
    assert "Bevestig" in mails_to("wacht@example.org")[0].subject
    (already,) = mails_to("actief@example.org")
    assert "al aangemeld" in already.subject
    assert link_path(already.body, "/beheren/").startswith(subscribe_page.url + "beheren/")
    # The active subscriber stays as they were: whoever typed their address may not be them.
    active = Subscriber.objects.get(email="actief@example.org")
    assert active.is_active and active.wijk == "Noorderpark"


def test_an_active_address_submitted_with_another_wijk_keeps_its_own(
    client, subscribe_page, django_capture_on_commit_callbacks
):
    make_subscriber(ADDRESS, wijk="Noorderpark")

    subscribe(client, subscribe_page, ADDRESS, django_capture_on_commit_callbacks, wijk="Zuidhoek")

    subscriber = Subscriber.objects.get()
    assert subscriber.is_active and subscriber.wijk == "Noorderpark"


def test_mails_go_at_most_once_a_day_per_address(
    client, time_machine, subscribe_page, django_capture_on_commit_callbacks
):
    time_machine.move_to(timezone.now(), tick=False)
    make_subscriber("actief@example.org")
    for _ in range(3):
        subscribe(client, subscribe_page, ADDRESS, django_capture_on_commit_callbacks)
        subscribe(client, subscribe_page, "actief@example.org", django_capture_on_commit_callbacks)
    assert len(mails_to(ADDRESS)) == 1
    assert len(mails_to("actief@example.org")) == 1

    time_machine.shift(timedelta(hours=25))
    subscribe(client, subscribe_page, ADDRESS, django_capture_on_commit_callbacks)
    subscribe(client, subscribe_page, "actief@example.org", django_capture_on_commit_callbacks)
    assert len(mails_to(ADDRESS)) == 2
    assert len(mails_to("actief@example.org")) == 2
    assert Subscriber.objects.count() == 2


def test_a_pending_address_submitted_again_stays_one_pending_row_with_a_renewed_date(
    client, time_machine, subscribe_page, django_capture_on_commit_callbacks
):
    time_machine.move_to(timezone.now(), tick=False)
    subscribe(client, subscribe_page, ADDRESS, django_capture_on_commit_callbacks)
    first = Subscriber.objects.get().created_at
    time_machine.shift(timedelta(days=2))

    subscribe(client, subscribe_page, ADDRESS.upper(), django_capture_on_commit_callbacks, wijk="Noorderpark")

    subscriber = Subscriber.objects.get()
    assert subscriber.is_pending and subscriber.created_at > first and subscriber.wijk == "Noorderpark"
    assert len(mails_to(ADDRESS)) == 2


def test_an_unsubscribed_address_subscribing_again_must_confirm_again(
    client, subscribe_page, django_capture_on_commit_callbacks
):
    old = make_subscriber(ADDRESS, status=Subscriber.Status.UNSUBSCRIBED)
    Subscriber.objects.filter(pk=old.pk).update(unsubscribed_at=old.created_at)

    subscribe(client, subscribe_page, ADDRESS, django_capture_on_commit_callbacks)

    subscriber = Subscriber.objects.get()
    assert subscriber.is_pending and subscriber.unsubscribed_at is None and subscriber.confirmed_at is None
    (message,) = mails_to(ADDRESS)
    client.post(link_path(message.body, "/bevestigen/"))
    assert Subscriber.objects.get().is_active


def test_a_unique_address_lost_to_a_parallel_submit_is_no_error(subscribe_page):
    """The form found no row, another request inserted the address first: the insert fails inside its own
    savepoint, and the save goes on with the winner's row in the same, still usable, transaction."""
    winner = make_subscriber(ADDRESS, status=Subscriber.Status.PENDING)
    with transaction.atomic():
        assert SubscribeForm._create(ADDRESS, "") is None
        assert Subscriber.objects.select_for_update().get(email=ADDRESS) == winner
    assert Subscriber.objects.count() == 1


def test_the_database_refuses_a_second_row_for_an_address(db):
    make_subscriber(ADDRESS)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_subscriber(ADDRESS)


def test_every_mail_is_in_the_outbox(client, subscribe_page, django_capture_on_commit_callbacks):
    subscribe(client, subscribe_page, ADDRESS, django_capture_on_commit_callbacks)

    (row,) = OutgoingMail.objects.all()
    assert row.recipients == [ADDRESS] and row.status == OutgoingMail.Status.SENT


def test_a_filled_honeypot_gets_the_same_redirect_and_stores_and_sends_nothing(
    client, subscribe_page, django_capture_on_commit_callbacks
):
    response = subscribe(client, subscribe_page, ADDRESS, django_capture_on_commit_callbacks, website="http://spam")

    assert response.status_code == 302 and response["Location"] == subscribe_page.url + "bedankt/"
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_too_many_posts_from_one_address_are_refused(client, subscribe_page, django_capture_on_commit_callbacks):
    statuses = [
        subscribe(client, subscribe_page, f"lezer{n}@example.org", django_capture_on_commit_callbacks).status_code
        for n in range(RATE_LIMIT + 1)
    ]

    assert statuses == [302] * RATE_LIMIT + [429]
    assert Subscriber.objects.count() == RATE_LIMIT
