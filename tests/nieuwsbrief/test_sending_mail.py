"""The mail of an issue: rendered once, personal links per subscriber, headers, multipart, the test mail."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings

from forms.tokens import read_token
from nieuwsbrief import links, sending
from nieuwsbrief.mails import issues as issue_mails
from nieuwsbrief.models import Delivery, NewsletterSending
from tests.nieuwsbrief.sending_support import (
    SECTIONS,
    approved_issue,
    html_part,
    make_subscribers,
    municipality,
    newsletter_editor,
    newsletter_home,
    newsletter_site,
    sent_to,
)

FIXTURES = (municipality, newsletter_editor, newsletter_home, newsletter_site)  # used here as fixtures

pytestmark = pytest.mark.django_db

BASE = "https://buurt.gemeente.example"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE


@pytest.fixture
def sent_issue(newsletter_site, newsletter_editor, django_capture_on_commit_callbacks):
    subscribers = make_subscribers(2)
    issue = approved_issue(newsletter_site, newsletter_editor, sections=SECTIONS, intro="Welkom & veel leesplezier.")
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(issue, newsletter_editor)
    return issue, subscribers


def test_each_subscriber_gets_a_multipart_mail_with_text_and_html(sent_issue):
    issue, subscribers = sent_issue
    (message,) = sent_to(subscribers[0].email)
    assert message.subject == issue.subject
    assert message.from_email == "buurtpreventie@gemeente.example"
    assert message.reply_to == ["buurtpreventie@gemeente.example"]
    parsed = message.message()
    assert parsed.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in parsed.get_payload()] == ["text/plain", "text/html"]
    assert "Welkom & veel leesplezier." in message.body
    assert "Lampen in de Dorpsstraat" in message.body
    assert "Welkom &amp; veel leesplezier." in html_part(message)


def test_the_html_has_its_css_inlined_and_no_style_sheet(sent_issue):
    _, subscribers = sent_issue
    html = html_part(sent_to(subscribers[0].email)[0])
    page = BeautifulSoup(html, "html.parser")
    assert page.find("style") is None
    heading = page.find("h1")
    assert "color: #154273" in heading["style"]
    section_heading = page.find("h2", string="Lampen in de Dorpsstraat")
    assert "font-size: 21px" in section_heading["style"]
    assert all(link.get("style") for link in page.find_all("a"))


def test_the_body_is_rendered_once_per_issue_not_per_subscriber(sent_issue, monkeypatch):
    """The sending keeps the rendered body; building a subscriber's mail renders no template."""
    _, subscribers = sent_issue
    sent = NewsletterSending.objects.get()
    assert issue_mails.MANAGE_PLACEHOLDER in sent.body_html and issue_mails.UNSUBSCRIBE_PLACEHOLDER in sent.body_text

    def no_rendering(*args, **kwargs):
        raise AssertionError("rendered again")

    class NoInlining:
        inline = staticmethod(no_rendering)

    monkeypatch.setattr(issue_mails, "render_mail", no_rendering)
    monkeypatch.setattr(issue_mails, "_inliner", NoInlining())
    delivery = Delivery.objects.select_related("subscriber", "sending").first()
    message = issue_mails.build_message(delivery)
    assert issue_mails.MANAGE_PLACEHOLDER not in message.body
    assert issue_mails.MANAGE_PLACEHOLDER not in html_part(message)


def test_links_in_the_mail_are_full_addresses_with_the_web_version_first(sent_issue):
    issue, subscribers = sent_issue
    message = sent_to(subscribers[0].email)[0]
    page = BeautifulSoup(html_part(message), "html.parser")
    web = page.find("a", string="Bekijk deze nieuwsbrief in je browser")
    assert web["href"] == BASE + issue.url
    assert f"Bekijk deze nieuwsbrief in je browser: {BASE}{issue.url}" in message.body
    assert page.find("a", string="het dossier")["href"] == f"{BASE}/dossier/"
    assert f"het dossier ({BASE}/dossier/)" in message.body
    assert all(link["href"].startswith(("https://", "mailto:")) for link in page.find_all("a"))


def test_the_footer_has_the_subscribers_own_unsubscribe_and_manage_links(sent_issue):
    _, subscribers = sent_issue
    for subscriber in subscribers:
        message = sent_to(subscriber.email)[0]
        page = BeautifulSoup(html_part(message), "html.parser")
        unsubscribe = page.find("a", string="Afmelden")["href"]
        manage = page.find("a", string=re.compile("Je wijk wijzigen"))["href"]
        assert unsubscribe == links.unsubscribe_url(subscriber)
        assert manage == links.manage_url(subscriber)
        token = unsubscribe.rstrip("/").rsplit("/", 1)[1]
        token_pk = read_token(links.UNSUBSCRIBE_PURPOSE, token, max_age=links.UNSUBSCRIBE_MAX_AGE)
        assert token_pk == subscriber.pk
        assert f"Afmelden: {unsubscribe}" in message.body
        assert f"op je eigen pagina: {manage}" in message.body


def test_the_list_unsubscribe_headers_offer_https_and_mailto_with_one_click(sent_issue):
    _, subscribers = sent_issue
    message = sent_to(subscribers[1].email)[0]
    headers = message.message()
    https, mailto = re.fullmatch(r"<(https://[^>]+)>, <(mailto:[^>]+)>", headers["List-Unsubscribe"]).groups()
    assert https == links.unsubscribe_url(subscribers[1])
    # To the contact address that people read (the settings), who unsubscribe the sender in the admin.
    assert mailto == "mailto:buurtpreventie@gemeente.example?subject=Afmelden%20voor%20de%20nieuwsbrief"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["Message-ID"] == Delivery.objects.get(subscriber=subscribers[1]).message_id
    assert headers["Auto-Submitted"] == "auto-generated"


def test_a_batchs_personal_links_are_those_of_the_link_functions(newsletter_site):
    (subscriber,) = make_subscribers(1)
    assert links.PersonalLinks().for_subscriber(subscriber) == (
        links.manage_url(subscriber),
        links.unsubscribe_url(subscriber),
        links.list_unsubscribe_headers(subscriber),
    )


def test_personal_links_are_escaped_in_the_html():
    html, text = issue_mails.personalise(
        f'<a href="{issue_mails.UNSUBSCRIBE_PLACEHOLDER}">x</a> <a href="{issue_mails.MANAGE_PLACEHOLDER}">y</a>',
        f"{issue_mails.UNSUBSCRIBE_PLACEHOLDER} {issue_mails.MANAGE_PLACEHOLDER}",
        manage_url='https://example.org/a?b=1&c="2"',
        unsubscribe_url="https://example.org/<x>",
    )
    assert html == (
        '<a href="https://example.org/&lt;x&gt;">x</a> <a href="https://example.org/a?b=1&amp;c=&quot;2&quot;">y</a>'
    )
    assert text == 'https://example.org/<x> https://example.org/a?b=1&c="2"'


def test_a_subject_with_a_line_break_stays_one_line(newsletter_site, newsletter_editor):
    issue = approved_issue(newsletter_site, newsletter_editor)
    issue.subject = "Nieuws\nBcc: iemand@example.org"
    subject, _, _ = issue_mails.render_issue_mail(issue)
    assert subject == "Nieuws Bcc: iemand@example.org"


# --- the test mail ----------------------------------------------------------------


def test_the_test_mail_goes_to_the_editor_only_without_personal_links(newsletter_site, newsletter_editor):
    make_subscribers(3)
    issue = approved_issue(newsletter_site, newsletter_editor, sections=SECTIONS)

    address = issue_mails.send_test_mail(issue, newsletter_editor)

    assert address == "redacteur@gemeente.example"
    (message,) = mail.outbox
    assert message.to == ["redacteur@gemeente.example"]
    assert message.subject == "Testmail: " + issue.subject
    assert "List-Unsubscribe" not in message.extra_headers
    assert "Testmail." in html_part(message) and "TESTMAIL" in message.body
    page = BeautifulSoup(html_part(message), "html.parser")
    subscribe_url = BASE + links.subscribe_page().url
    assert page.find("a", string="Afmelden")["href"] == subscribe_url
    assert "Lampen in de Dorpsstraat" in message.body
    assert page.find("style") is None
    # Nothing was recorded as sent: the issue can still go out.
    assert not NewsletterSending.objects.exists()
    assert sending.can_send(issue)


def test_the_test_mail_shows_the_latest_version_also_before_it_is_published(newsletter_site, newsletter_editor):
    issue = approved_issue(newsletter_site, newsletter_editor)
    issue.intro = "Nog een concept."
    issue.save_revision()
    issue_mails.send_test_mail(issue, newsletter_editor)
    assert "Nog een concept." in mail.outbox[0].body
    # What goes to subscribers is the live version.
    assert "Nog een concept." not in issue_mails.render_issue_mail(issue.specific_class.objects.get(pk=issue.pk))[2]


@override_settings(DEFAULT_FROM_EMAIL="nieuwsbrief@gemeente.example")
def test_message_ids_carry_the_sending_domain():
    assert issue_mails.new_message_id().endswith("@gemeente.example>")


def test_html_to_text_keeps_lists_and_link_addresses():
    text = issue_mails.html_to_text(
        '<h2>Kop</h2><p>Een <a href="https://x.example/">link</a>.</p><ul><li>een</li><li>twee</li></ul>'
        "<style>p{color:red}</style>"
    )
    assert text == "Kop\n\nEen link (https://x.example/).\n\n- een\n- twee"


def test_html_to_text_starts_a_card_in_a_list_item_on_the_dash_line():
    text = issue_mails.html_to_text(
        '<ul><li> <article><h3><a href="https://x.example/a/">Avondronde</a></h3><p>Samenvatting.</p></article></li>'
        "<li><article><h3>Lichtschouw</h3></article></li></ul>"
    )
    assert text == "- Avondronde (https://x.example/a/)\n\nSamenvatting.\n\n- Lichtschouw"


def test_the_unsubscribe_mailto_follows_the_contact_address_in_the_settings(newsletter_site, municipality):
    municipality.contact_email = "nieuwsbrief@voorbeeld.example"
    municipality.save()
    (subscriber,) = make_subscribers(1)
    header = links.list_unsubscribe_headers(subscriber)["List-Unsubscribe"]
    assert header.endswith("<mailto:nieuwsbrief@voorbeeld.example?subject=Afmelden%20voor%20de%20nieuwsbrief>")
