"""Sending from the admin: the header buttons, the test mail, 'Versturen' with its count, progress, the delivery log."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.groups import EDITORS
from nieuwsbrief.models import Delivery, NewsletterSending, Subscriber
from tests.factories import UserFactory
from tests.nieuwsbrief.sending_support import (
    RefusingBackend,
    approved_issue,
    draft_issue,
    make_subscribers,
    municipality,
    newsletter_editor,
    newsletter_home,
    newsletter_site,
)

FIXTURES = (municipality, newsletter_editor, newsletter_home, newsletter_site)  # used here as fixtures

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def page_editor(db):
    """An editor (Redacteuren) who may edit pages but not send newsletters."""
    user = UserFactory(username="paginaredacteur")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def send_url(issue):
    return reverse("nieuwsbrief_send", args=[issue.pk])


def mail_page_url(issue):
    return reverse("nieuwsbrief_test_mail", args=[issue.pk])


# --- the buttons ---------------------------------------------------------------


def test_the_issue_header_offers_test_mail_and_versturen_to_whoever_may_send(
    client, newsletter_site, newsletter_editor
):
    issue = approved_issue(newsletter_site, newsletter_editor)
    client.force_login(newsletter_editor)
    page = soup(client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])))
    links = {link.get_text(" ", strip=True): link["href"] for link in page.find_all("a", href=True)}
    assert links["Stuur een testmail naar mijzelf"] == mail_page_url(issue)
    assert links["Versturen"] == send_url(issue)


def test_no_buttons_for_an_editor_without_the_right_nor_on_other_pages(
    client, newsletter_site, newsletter_editor, page_editor
):
    issue = approved_issue(newsletter_site, newsletter_editor)
    client.force_login(page_editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert send_url(issue) not in html and mail_page_url(issue) not in html
    client.force_login(newsletter_editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[newsletter_site.pk])).content.decode()
    assert "nieuwsbrief/" + str(newsletter_site.pk) + "/versturen" not in html
    assert "Stuur een testmail naar mijzelf" not in html


def test_without_the_right_both_pages_answer_403_also_for_a_post(
    client, newsletter_site, newsletter_editor, page_editor
):
    make_subscribers(2)
    issue = approved_issue(newsletter_site, newsletter_editor)
    client.force_login(page_editor)
    for url in (send_url(issue), mail_page_url(issue)):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 403
            assert "Redactie nieuwsbrief" in response.content.decode()
    assert not NewsletterSending.objects.exists()
    assert mail.outbox == []


# --- the test mail ---------------------------------------------------------------


def test_the_test_mail_page_names_the_address_and_sends_only_on_post(client, newsletter_site, newsletter_editor):
    make_subscribers(2)
    issue = approved_issue(newsletter_site, newsletter_editor)
    client.force_login(newsletter_editor)
    response = client.get(mail_page_url(issue))
    assert response.status_code == 200
    assert "redacteur@gemeente.example" in soup(response).find("button", type="submit").get_text()
    assert mail.outbox == []

    response = client.post(mail_page_url(issue), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[issue.pk])
    assert "De testmail is verstuurd naar redacteur@gemeente.example." in response.content.decode()
    assert [message.to for message in mail.outbox] == [["redacteur@gemeente.example"]]
    assert not NewsletterSending.objects.exists()


def test_a_test_mail_the_mail_server_refuses_is_reported_not_an_error(
    client, newsletter_site, newsletter_editor, settings
):
    settings.EMAIL_BACKEND = f"{RefusingBackend.__module__}.RefusingBackend"
    RefusingBackend.refused = {"redacteur@gemeente.example"}
    try:
        issue = approved_issue(newsletter_site, newsletter_editor)
        client.force_login(newsletter_editor)
        response = client.post(mail_page_url(issue), follow=True)
    finally:
        RefusingBackend.refused = set()
    assert response.status_code == 200
    assert "De mailserver nam de testmail niet aan (SMTPRecipientsRefused)" in response.content.decode()
    assert mail.outbox == []


def test_an_account_without_an_address_is_told_so(client, newsletter_site, newsletter_editor):
    issue = approved_issue(newsletter_site, newsletter_editor)
    newsletter_editor.email = ""
    newsletter_editor.save()
    client.force_login(newsletter_editor)
    assert "geen e-mailadres" in client.post(mail_page_url(issue)).content.decode()
    assert mail.outbox == []


# --- Versturen ---------------------------------------------------------------------


def test_versturen_names_the_number_of_recipients_and_sends_on_post(
    client, newsletter_site, newsletter_editor, django_capture_on_commit_callbacks
):
    make_subscribers(3)
    make_subscribers(2, status=Subscriber.Status.PENDING, prefix="wacht")
    issue = approved_issue(newsletter_site, newsletter_editor)
    client.force_login(newsletter_editor)

    page = soup(client.get(send_url(issue)))
    assert "3 abonnees" in page.find(attrs={"data-send-confirm": True}).get_text(" ", strip=True)
    assert page.find("button", type="submit").get_text(strip=True) == "Ja, verstuur aan 3 abonnees"
    assert not NewsletterSending.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(issue))
    assert response.status_code == 302 and response["Location"] == send_url(issue)
    assert len(mail.outbox) == 3
    response = client.get(send_url(issue))
    assert "De nieuwsbrief wordt verstuurd." in response.content.decode()
    progress = soup(response).find(attrs={"data-sending-progress": True}).get_text(" ", strip=True)
    assert "3 van 3 verzonden" in progress and "0 mislukt" in progress and "0 wachtend" in progress
    assert "Klaar op" in progress
    assert NewsletterSending.objects.get().started_by == newsletter_editor


def test_a_second_versturen_is_refused_with_a_message_not_an_error(
    client, newsletter_site, newsletter_editor, django_capture_on_commit_callbacks
):
    make_subscribers(2)
    issue = approved_issue(newsletter_site, newsletter_editor)
    client.force_login(newsletter_editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(issue))
    response = client.post(send_url(issue))
    assert response.status_code == 409
    assert "al verstuurd" in soup(response).find(attrs={"data-send-error": True}).get_text()
    assert NewsletterSending.objects.count() == 1
    assert len(mail.outbox) == 2


def test_versturen_says_why_an_issue_cannot_go_and_offers_no_button(client, newsletter_site, newsletter_editor):
    make_subscribers(2)
    issue = draft_issue(newsletter_site)
    client.force_login(newsletter_editor)
    page = soup(client.get(send_url(issue)))
    assert "nog niet gepubliceerd" in page.find(attrs={"data-send-refused": True}).get_text()
    assert page.find("button", string="Ja, verstuur aan 2 abonnees") is None
    response = client.post(send_url(issue))
    assert response.status_code == 409
    assert "nog niet gepubliceerd" in response.content.decode()
    assert not NewsletterSending.objects.exists()


def test_an_unknown_issue_is_a_404(client, newsletter_editor):
    client.force_login(newsletter_editor)
    assert client.get(reverse("nieuwsbrief_send", args=[999999])).status_code == 404


# --- progress in the edit form ---------------------------------------------------------


def test_the_edit_form_shows_progress_and_when_it_was_sent(client, newsletter_site, newsletter_editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from nieuwsbrief import batches, sending

    make_subscribers(4)
    issue = approved_issue(newsletter_site, newsletter_editor)
    client.force_login(newsletter_editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[issue.pk])
    before = soup(client.get(edit_url)).find(attrs={"data-sending-progress": True}).get_text(" ", strip=True)
    assert "nog niet verstuurd" in before

    sent = sending.start_sending(issue, newsletter_editor)
    batches.send_batch(sent.pk, size=1)
    Delivery.objects.filter(pk=Delivery.objects.filter(status="pending").first().pk).update(status="failed")
    progress = soup(client.get(edit_url)).find(attrs={"data-sending-progress": True})
    text = progress.get_text(" ", strip=True)
    assert "1 van 4 verzonden" in text and "1 mislukt" in text and "2 wachtend" in text
    assert "Nog bezig" in text
    assert f"Verstuurd op {sent.started_at.astimezone().strftime('%d-%m-%Y')}" in text
    assert progress.find("a", string="Bezorgingen van deze nieuwsbrief bekijken")["href"].endswith(
        f"?sending={sent.pk}"
    )


def test_progress_is_one_query_however_many_deliveries(newsletter_site, newsletter_editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from nieuwsbrief import sending

    make_subscribers(40)
    sent = sending.start_sending(approved_issue(newsletter_site, newsletter_editor), newsletter_editor)
    with CaptureQueriesContext(connection) as queries:
        assert sent.progress()["total"] == 40
    assert len(queries) == 1


# --- the delivery log -------------------------------------------------------------------


def test_the_delivery_log_lists_one_sending_with_status_attempts_and_errors(
    client, newsletter_site, newsletter_editor, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from nieuwsbrief import sending

    subscribers = make_subscribers(3)
    sent = sending.start_sending(approved_issue(newsletter_site, newsletter_editor), newsletter_editor)
    Delivery.objects.filter(subscriber=subscribers[0]).update(status="failed", attempts=5, last_error="SMTPError: weg")
    Subscriber.objects.filter(pk=subscribers[1].pk).delete()
    other = sending.start_sending(
        approved_issue(newsletter_site, newsletter_editor, title="Nieuwsbrief februari"), newsletter_editor
    )
    client.force_login(newsletter_editor)

    response = client.get(reverse("nieuwsbrief_delivery_modeladmin_index") + f"?sending={sent.pk}")
    assert response.status_code == 200
    page = soup(response)
    rows = [row.get_text(" ", strip=True) for row in page.select("tbody tr")]
    assert len(rows) == 3
    assert any("lezer0@example.org" in row and "mislukt" in row and "SMTPError: weg" in row for row in rows)
    assert any("verwijderd adres" in row for row in rows)
    assert "lezer1@example.org" not in response.content.decode()
    assert "0 van 3 verzonden" in page.find(attrs={"data-delivery-progress": True}).get_text(" ", strip=True)
    assert other.pk != sent.pk


def test_the_delivery_log_ignores_unknown_filter_values(client, newsletter_editor):
    client.force_login(newsletter_editor)
    url = reverse("nieuwsbrief_delivery_modeladmin_index")
    for query in ("?sending=abc", "?sending=999999", "?status=weg", "?sending=1%27"):
        assert client.get(url + query).status_code == 200


def test_the_delivery_log_is_closed_to_editors_without_the_right(client, page_editor):
    client.force_login(page_editor)
    assert client.get(reverse("nieuwsbrief_delivery_modeladmin_index")).status_code == 403


def test_nobody_edits_or_deletes_a_delivery(client, newsletter_site, newsletter_editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from nieuwsbrief import sending

    make_subscribers(1)
    sending.start_sending(approved_issue(newsletter_site, newsletter_editor), newsletter_editor)
    delivery = Delivery.objects.get()
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(f"/admin/nieuwsbrief/delivery/edit/{delivery.pk}/").status_code == 403
    assert client.get("/admin/nieuwsbrief/delivery/create/").status_code == 403
