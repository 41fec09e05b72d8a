"""The privacy statement's newsletter paragraphs say what the code does: what is stored, why, on which
basis and how long (home/demo/texts.py)."""

import re
from datetime import timedelta
from types import SimpleNamespace

from forms.models import ConsentRecord
from home.demo.texts import privacy_content
from nieuwsbrief import links
from nieuwsbrief.models import Subscriber
from nieuwsbrief.models.subscribers import CONFIRM_DAYS

WEEK = 7


def statement_text(retention_days):
    body = privacy_content(SimpleNamespace(retention_days=retention_days))["body"]
    html = " ".join(block["value"] for block in body if isinstance(block.get("value"), str))
    return re.sub(r"<[^>]+>", " ", html)


def test_it_names_every_field_a_subscriber_row_holds():
    text = statement_text(200)
    stored = {field.name for field in Subscriber._meta.concrete_fields} - {"id"}
    said = {
        "email": "Je e-mailadres",
        "wijk": "de wijk die je het meest interesseert als je die kiest",
        "status": "Wanneer je je aanmeldde, bevestigde en afmeldde",
        "created_at": "Wanneer je je aanmeldde",
        "confirmed_at": "bevestigde",
        "unsubscribed_at": "afmeldde",
        "consent_given_at": "Welke versie van deze privacyverklaring er stond",
        "consent_version": "Welke versie van deze privacyverklaring er stond",
    }
    assert stored == set(said), "a new field needs its line in the privacy statement"
    for phrase in said.values():
        assert phrase in text
    assert {field.name for field in ConsentRecord._meta.fields} <= stored


def test_basis_and_periods_match_the_code():
    text = statement_text(200)
    # The newsletter's basis: consent (article 6, 1 a, named where the statement explains the bases).
    assert "onder a van de AVG" in text
    assert (
        "je toestemming. Die kun je altijd weer intrekken. Je krijgt de nieuwsbrief pas als je je aanmelding "
        "hebt bevestigd" in " ".join(text.split())
    )
    # Unconfirmed requests: a week, the confirm link's life and the purge's.
    assert CONFIRM_DAYS == WEEK and links.CONFIRM_MAX_AGE == timedelta(days=WEEK)
    assert "Bevestig je je aanmelding niet binnen een week? Dan halen we je e-mailadres weg" in text
    # Unsubscribed: erased after the retention period the settings hold.
    assert "Na 200 dagen halen we je gegevens weg" in text
    assert "Na 365 dagen (een jaar) halen we je gegevens weg" in statement_text(365)
    assert "Afmelden kan onder elke nieuwsbrief" in text
