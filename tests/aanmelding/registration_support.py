"""Helpers of the public registration tests; their fixtures are in conftest.py next to this file."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from django.core import mail
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from forms.testing import public_form_data
from tests.factories import RegistrationRoundFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOTIFICATION_EMAIL = "aanmeldingen@gemeente.example"
HANDLERS = "Behandelaars buurtpreventie"


def at(*args):
    return datetime(*args, tzinfo=AMS)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def registration_fields(wijk, /, **overrides):
    """What an applicant starting a new team types, without the spam fields."""
    data = {
        "kind": "nieuw_team",
        "name": "Fatima el Amrani",
        "email": "fatima@example.org",
        "phone": "06 12345678",
        "postcode": "1234 ab",
        "wijk": str(wijk.pk),
        "initiative_name": "Buurtpreventie Noorderpark",
        "expected_members": "5",
        "statement_shared_responsibility": "5",
        "statement_together": "4",
        "availability": ["doordeweeks_avond", "weekend"],
        "heard_via": "buren",
        "remarks": "Wij lopen al samen met de hond; dat kan net zo goed als team.",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def registration_data(wijk, /, **overrides):
    """A complete, valid POST rendered a minute ago; ``None`` leaves a field out."""
    return public_form_data(registration_fields(wijk, **overrides))


def link_path(text, base=None):
    """The path of the first URL in a mail text (optionally: the one starting with ``base``)."""
    for url in re.findall(r"https?://\S+", text):
        path = re.sub(r"^https?://[^/]+", "", url)
        if base is None or path.startswith(base):
            return path
    raise AssertionError(f"no link{f' to {base}' if base else ''} in {text!r}")


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def html_part(message):
    parts = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(parts) == 1, "a mail has exactly one HTML part"
    return parts[0]


def post_in_parallel(count, make_post, timeout=180):
    """Fire ``count`` POSTs at the same moment, each from its own client and thread.

    ``make_post(number)`` returns ``(client, url, data)``. Returns a list of
    ``(status, body)`` per number; an exception (a 500 raises in the test
    client) is recorded as ``(500, repr(error))``.
    """
    import threading

    from django.db import connections

    barrier = threading.Barrier(count)
    results = [None] * count

    def submit(number):
        client, url, data = make_post(number)
        try:
            barrier.wait(timeout=30)
            response = client.post(url, data)
            results[number] = (response.status_code, response.content.decode())
        except Exception as error:
            results[number] = (500, repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


def editor_in(group_name):
    """A user in one of the admin groups (Redacteuren, Moderatoren, or the handlers)."""
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def evening_form_data(**fields):
    """The admin form of a new information evening, filled in; ``fields`` replace values."""
    return nested_form_data(
        {
            "title": "Informatieavond Noord",
            "slug": "informatieavond-noord",
            "kind": "informatie",
            "round": RegistrationRoundFactory().pk,
            "starts_at": "01-03-2027 19:30",
            "ends_at": "01-03-2027 21:30",
            "signup_deadline": "01-03-2027 12:00",
            "capacity": 20,
            "seats_per_network": 6,
            "location_name": "Buurthuis De Schakel",
            "location_address": "Dorpsstraat 1",
            "accessibility_notes": "",
            "attendees": "",
            "programme": streamfield([]),
            "comments": inline_formset([]),
            **fields,
        }
    )
