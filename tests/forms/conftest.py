import pytest
from bs4 import BeautifulSoup

from forms.testing import public_form_data


def parse(html):
    return BeautifulSoup(str(html), "html.parser")


def soup(response):
    return parse(response.content.decode())


@pytest.fixture
def contact_data():
    """A complete, valid submission of tests.forms.urls.ContactForm, rendered a minute ago."""
    return public_form_data(
        {
            "name": "Piet de Vries",
            "email": "piet@example.org",
            "postcode": "1234 ab",
            "kind": "team",
            "message": "Wij willen een team starten.",
            "consent": "on",
        }
    )


def mail_enqueues(callbacks):
    """The on-commit callbacks that hand a mail to the worker (others, like emptying the page cache, aside)."""
    from forms.tasks import send_outgoing_mail

    return [callback for callback in callbacks if getattr(callback, "func", None) == send_outgoing_mail.enqueue]
