"""Fixtures and helpers of the sending tests (imported by tests/nieuwsbrief/test_sending*.py).

An issue is approved the way an editor does it in the admin: a draft revision,
the workflow "Nieuwsbrief" started on it, its task approved by a member of
"Redactie nieuwsbrief", which publishes it.
"""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from wagtail.models import Site, Workflow

from home.demo import ensure_tree_roots
from home.models import MunicipalitySettings
from nieuwsbrief.groups import WORKFLOW_NAME
from nieuwsbrief.models import NewsletterArchivePage, NewsletterIssuePage, SubscribePage, Subscriber
from nieuwsbrief.workflow import attach_to_archive, ensure_newsletter_group
from tests.factories import HomePageFactory, UserFactory
from tests.nieuwsbrief.subscriber_support import html_part  # noqa: F401 (the sending tests import it from here)

SECTIONS = [
    {
        "type": "text",
        "value": {"heading": "Lampen in de Dorpsstraat", "text": '<p>Lees <a href="/dossier/">het dossier</a>.</p>'},
    },
]


@pytest.fixture
def newsletter_home(db):
    """A home page as the default site's root; an earlier transactional test may have emptied the database."""
    home = HomePageFactory(parent=ensure_tree_roots())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def municipality(newsletter_home):
    settings = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "buurtpreventie@gemeente.example"
    settings.save()
    return settings


@pytest.fixture
def newsletter_site(newsletter_home, municipality):
    """The archive and the live subscription page the personal links lead to."""
    home_page = newsletter_home
    archive = home_page.add_child(instance=NewsletterArchivePage(title="Nieuwsbrieven", slug="nieuwsbrieven"))
    attach_to_archive(archive)  # as for an archive made in the admin: the workflow and the group's page rights
    home_page.add_child(instance=SubscribePage(title="Nieuwsbrief ontvangen", slug="nieuwsbrief-ontvangen"))
    return archive


@pytest.fixture
def newsletter_editor(db):
    """A member of "Redactie nieuwsbrief": may approve and send (nieuwsbrief.send_newsletter)."""
    user = UserFactory(username="redacteur", email="redacteur@gemeente.example")
    user.groups.add(ensure_newsletter_group())  # made by migration 0002; again after a flush
    return user


def draft_issue(archive, title="Nieuwsbrief januari", sections=(), **fields):
    """An issue saved as a draft revision, never published."""
    issue = NewsletterIssuePage(
        title=title,
        subject=fields.pop("subject", f"{title}: nieuws uit de teams"),
        intro=fields.pop("intro", "Welkom bij de nieuwsbrief."),
        sections=list(sections),
        live=False,
        **fields,
    )
    archive.add_child(instance=issue)
    issue.save_revision()
    return issue


def approve(issue, approver):
    """Run the workflow "Nieuwsbrief" on the issue's latest revision and approve it (which publishes it)."""
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    state = workflow.start(issue, approver)
    state.current_task_state.approve(user=approver)
    issue.refresh_from_db()
    return issue


def approved_issue(archive, approver, **kwargs):
    return approve(draft_issue(archive, **kwargs), approver)


def make_subscribers(count, status=Subscriber.Status.ACTIVE, prefix="lezer"):
    subscribers = [
        Subscriber(email=f"{prefix}{number}@example.org", status=status, consent_version="test")
        for number in range(count)
    ]
    return Subscriber.objects.bulk_create(subscribers)


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


class RefusingBackend(EmailBackend):
    """A mail server that refuses every address in ``refused`` (for retry tests); the rest as locmem."""

    refused = set()

    def send_messages(self, messages):
        import smtplib

        for message in messages:
            if set(message.to) & self.refused:
                raise smtplib.SMTPRecipientsRefused({address: (450, b"Mailbox busy") for address in message.to})
        return super().send_messages(messages)
