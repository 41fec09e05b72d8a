"""Fixtures and helpers of the subscription tests (imported by tests/nieuwsbrief/test_subscribe*.py)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import Site

from forms.testing import clear_rate_limits, public_form_data
from home.models import MunicipalitySettings
from nieuwsbrief.models import SubscribePage, Subscriber
from tests.factories import WijkFactory

SUBSCRIBE_TITLE = "Nieuwsbrief ontvangen"


@pytest.fixture
def no_rate_limit_left_over(db):
    clear_rate_limits()
    yield
    clear_rate_limits()


@pytest.fixture
def municipality(home_page):
    settings = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "buurtpreventie@gemeente.example"
    settings.save()
    return settings


@pytest.fixture
def wijken(db):
    return [WijkFactory(name="Noorderpark"), WijkFactory(name="Zuidhoek")]


@pytest.fixture
def subscribe_page(home_page, municipality, wijken):
    page = SubscribePage(title=SUBSCRIBE_TITLE, slug="nieuwsbrief-ontvangen", intro="<p>Elk kwartaal nieuws.</p>")
    home_page.add_child(instance=page)
    return page


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def subscribe(client, page, email, capture, **extra):
    """POST the form as a resident does; runs the on-commit mail hand-off."""
    data = public_form_data({"email": email, "consent": "on", **extra})
    with capture(execute=True):
        return client.post(page.url, data)


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def link_path(text, marker):
    """The path of the first URL in a mail text that contains ``marker``."""
    for url in re.findall(r"https?://\S+", text):
        if marker in url:
            return re.sub(r"^https?://[^/]+", "", url)
    raise AssertionError(f"no link with {marker!r} in {text!r}")


def html_part(message):
    (html,) = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    return html


def make_subscriber(email, status=Subscriber.Status.ACTIVE, **fields):
    subscriber = Subscriber(email=email, status=status, **fields)
    subscriber.record_consent()
    subscriber.save()
    return subscriber
