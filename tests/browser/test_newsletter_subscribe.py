"""The newsletter's subscription in a real browser: subscribe, confirm by button from the outbox mail,
receive an issue sent by the worker code, its personal page, one-click unsubscribe; axe (WCAG 2.1 AA) on every
page and state at 390 and 1280 px.

The one-click POST is sent as a mail provider sends it (no cookies, no CSRF token); its rules are
tested at the HTTP level in tests/nieuwsbrief/test_subscribe_links.py. The unsubscribe link opened in a
browser (its page with a button) is tested here too, the personal page's button in the HTTP tests.
"""

import re
import urllib.request
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from forms.consent import CONSENT_REQUIRED_MESSAGE
from forms.models import OutgoingMail
from nieuwsbrief import links
from nieuwsbrief.groups import NEWSLETTER_EDITORS
from nieuwsbrief.models import NewsletterArchivePage, SubscribePage, Subscriber
from nieuwsbrief.sending import start_sending
from nieuwsbrief.workflow import attach_to_archive
from tests.browser.conftest import VIEWPORTS
from tests.factories import UserFactory
from tests.nieuwsbrief.sending_support import approved_issue

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("instant_forms")]


@pytest.fixture
def subscribe_page(demo_site):
    return SubscribePage.objects.live().get()


def main_text(page):
    return " ".join(page.locator("main").inner_text().split())


def outbox_link(address, marker):
    """The path of the link containing ``marker`` in the newest mail to ``address``, as it sits in the outbox."""
    mail = OutgoingMail.objects.filter(to=address).order_by("-created_at", "-pk").first()
    assert mail is not None, f"no mail to {address} in the outbox"
    for url in re.findall(r"https?://\S+", mail.body_text):
        if marker in url:
            return urlparse(url).path
    raise AssertionError(f"no {marker} link in {mail.body_text!r}")


def send_an_issue(home):
    """An issue approved in the workflow 'Nieuwsbrief' by a newsletter editor, sent as the admin's button does."""
    archive = NewsletterArchivePage.objects.live().first()
    if archive is None:
        archive = home.add_child(instance=NewsletterArchivePage(title="Nieuwsbrieven", slug="nieuwsbrieven"))
        attach_to_archive(archive)
    editor = UserFactory(username="redactie-test")
    editor.groups.add(Group.objects.get(name=NEWSLETTER_EDITORS))
    issue = approved_issue(archive, editor, title="Nieuwsbrief van de test", subject="Nieuws uit de teams (test)")
    mail.outbox.clear()
    start_sending(issue, editor)  # the immediate task backend runs the worker's batches now
    return issue


@VIEWPORTS
def test_subscribe_confirm_receive_an_issue_and_unsubscribe(
    subscribe_page, open_page, assert_accessible, live_server, viewport
):
    address = f"lezer{viewport['width']}@example.org"
    page, response = open_page(subscribe_page.url, viewport)
    assert response.status == 200
    assert page.locator("h1").inner_text() == subscribe_page.title
    assert_accessible(page)

    # The error state: nothing ticked, a broken address; what was typed stays.
    page.fill("#id_email", "lezer@")
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("#id_consent_error")
    assert CONSENT_REQUIRED_MESSAGE in main_text(page)
    assert page.input_value("#id_email") == "lezer@"
    assert_accessible(page)

    page.fill("#id_email", address)
    page.select_option("#id_wijk", index=1)
    page.locator("#id_consent").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/bedankt/")
    assert page.locator("h1").inner_text() == "Kijk in je mail"
    assert_accessible(page)
    assert Subscriber.objects.get(email=address).is_pending

    # The confirm link from the mail: opening it changes nothing, the button does.
    confirm_path = outbox_link(address, "/bevestigen/")
    page, response = open_page(confirm_path, viewport)
    assert response.status == 200
    assert Subscriber.objects.get(email=address).is_pending
    assert_accessible(page)
    page.get_by_role("button", name="Ja, ik wil de nieuwsbrief ontvangen").click()
    page.wait_for_selector("h1:has-text('Je bent aangemeld voor de nieuwsbrief')")
    assert_accessible(page)
    subscriber = Subscriber.objects.get(email=address)
    assert subscriber.is_active and subscriber.confirmed_at is not None

    # An issue goes out through the worker code and arrives, with the personal links.
    issue = send_an_issue(subscribe_page.get_parent().specific)
    (received,) = [message for message in mail.outbox if message.to == [address]]
    assert received.subject == issue.subject
    assert received.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    manage_url = next(url for url in re.findall(r"https?://\S+", received.body) if "/beheren/" in url)

    # The personal page from the issue: another wijk, then unsubscribe.
    manage_path = urlparse(manage_url).path
    page, response = open_page(manage_path, viewport)
    assert response.status == 200
    assert address in main_text(page)
    assert_accessible(page)
    page.select_option("#id_wijk", index=0)
    page.get_by_role("button", name="Wijk opslaan").click()
    page.wait_for_selector("text=Je keuze is opgeslagen.")
    assert Subscriber.objects.get(email=address).wijk == ""
    assert_accessible(page)

    # One click in the mail program: a POST to the https address of List-Unsubscribe (RFC 8058),
    # without cookies or CSRF token, as the mail provider sends it.
    unsubscribe_url = re.match(r"<(https?://[^>]+)>", received.extra_headers["List-Unsubscribe"]).group(1)
    request = urllib.request.Request(
        live_server.url + urlparse(unsubscribe_url).path, data=b"List-Unsubscribe=One-Click", method="POST"
    )
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200 and "Set-Cookie" not in answer.headers
    subscriber = Subscriber.objects.get(email=address)
    assert subscriber.is_unsubscribed and subscriber.unsubscribed_at is not None

    # The personal page now says so, and how to subscribe again.
    page, response = open_page(manage_path, viewport)
    assert "Je bent afgemeld" in main_text(page)
    assert_accessible(page)


@VIEWPORTS
def test_the_unsubscribe_link_page_and_its_button(subscribe_page, open_page, assert_accessible, viewport):
    subscriber = Subscriber.objects.active().order_by("pk").first()
    page, response = open_page(urlparse(links.unsubscribe_url(subscriber)).path, viewport)
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Afmelden voor de nieuwsbrief"
    subscriber.refresh_from_db()
    assert subscriber.is_active
    assert_accessible(page)

    page.get_by_role("button", name="Ja, meld mij af").click()
    page.wait_for_selector("h1:has-text('Je bent afgemeld')")
    assert_accessible(page)
    subscriber.refresh_from_db()
    assert subscriber.is_unsubscribed


@VIEWPORTS
def test_an_invalid_link_says_how_to_start_again(subscribe_page, open_page, assert_accessible, viewport):
    page, response = open_page(subscribe_page.url + "bevestigen/niet-geldig/", viewport)
    assert response.status == 400
    assert page.locator("h1").inner_text() == "Deze link klopt niet"
    assert page.locator("main a", has_text="Meld je opnieuw aan").get_attribute("href") == subscribe_page.url
    assert_accessible(page)
