"""The admin's manual (Help → Handleiding buurtpreventie) tells editors what they meet.

Logging in with a code from the app and the dashboard panel "Werking van de site",
in the words those pages use (each phrase is looked up in the page's own template
or code too, so a renamed button fails here), in plain Dutch.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import override_settings

from adminlogin.lockout import lockout_message
from adminlogin.middleware import IDLE_MESSAGE
from adminlogin.wagtail_hooks import reset_second_factor_button
from home.admin_help import duration_in_words
from tests.factories import UserFactory
from tests.home.test_admin_dutch import visible_text
from tests.plain_text import main_text, sentences, words

ROOT = Path(settings.BASE_DIR)
ADMINLOGIN = ROOT / "templates" / "adminlogin"
PANEL = ROOT / "templates" / "forms" / "dashboard" / "operations_panel.html"

# What the manual says -> the file of the page that shows it.
LOGIN_WORDS = {
    "Tweestapsverificatie instellen": ADMINLOGIN / "setup.html",
    "FreeOTP, Microsoft Authenticator of Google Authenticator": ADMINLOGIN / "setup.html",
    "scan de QR-code": None,
    "Typ dan de sleutel onder de QR-code in de app.": None,
    "Bevestigen": ADMINLOGIN / "setup.html",
    "tien herstelcodes": None,
    "Schrijf ze op of druk ze af.": ADMINLOGIN / "recovery_codes.html",
    "Ik heb de codes bewaard. Verder naar het beheer": ADMINLOGIN / "recovery_codes.html",
    "Code uit de app": ADMINLOGIN / "verify.html",
    "De code klopt niet": ROOT / "adminlogin" / "forms.py",
    "Nieuwe herstelcodes maken": ADMINLOGIN / "recovery_codes.html",
    "Instellingen → Gebruikers": None,
    "Tweestapsverificatie wissen": ADMINLOGIN / "reset_confirm.html",
    "Log dan opnieuw in, met uw wachtwoord en een code uit de app.": None,
}
PANEL_WORDS = [
    "Werking van de site",
    "De achtergrondverwerking werkt",
    "De achtergrondverwerking werkt niet",
    "heeft nog niet gewerkt",
    "Bekijk de uitgaande mail",
]


@pytest.fixture
def manual(client, home_page):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    client.force_login(editor)

    def get():
        response = client.get("/admin/handleiding/")
        assert response.status_code == 200
        return response.content.decode()

    return get


def section(html, element_id):
    """The text of the heading with this id and everything up to the next heading of its level or higher."""
    soup = BeautifulSoup(html, "html.parser")
    start = soup.find(id=element_id)
    levels = [f"h{n}" for n in range(1, int(start.name[1]) + 1)]
    parts = [str(start)]
    for sibling in start.find_next_siblings():
        if sibling.name in levels:
            break
        parts.append(str(sibling))
    return "<main>" + "".join(parts) + "</main>"


def test_the_manual_explains_logging_in_with_a_code_from_the_app(manual):
    text = visible_text(section(manual(), "inloggen"))

    for phrase, source in LOGIN_WORDS.items():
        assert phrase in text, phrase
        if source is not None:
            assert phrase in source.read_text(), (phrase, source)
    # The account menu item and the user list's button, as the admin labels them.
    assert "Account → Herstelcodes → Nieuwe herstelcodes maken" in text
    assert '"label": "Herstelcodes"' in (ROOT / "adminlogin" / "wagtail_hooks.py").read_text()
    superuser = UserFactory(is_superuser=True)
    assert [button.label for button in reset_second_factor_button(superuser, superuser)] == [
        "Tweestapsverificatie wissen"
    ]
    # Lost phone, lockout and idle logout: the numbers from the settings, the idle message as shown.
    assert "Vraag een beheerder van de website om uw tweestapsverificatie te wissen." in text
    assert "10 keer een verkeerd wachtwoord?" in text
    assert "vanaf dat adres 15 minuten niet inloggen" in text
    assert "9 uur niet gebruikt?" in text
    assert IDLE_MESSAGE in text


def test_the_manual_follows_the_login_settings(manual):
    with override_settings(
        AXES_FAILURE_LIMIT=5, AXES_COOLOFF_TIME=timedelta(minutes=30), ADMIN_SESSION_IDLE_MINUTES=8 * 60
    ):
        text = visible_text(section(manual(), "inloggen"))

    assert "5 keer een verkeerd wachtwoord?" in text
    assert "vanaf dat adres 30 minuten niet inloggen" in text
    assert "8 uur niet gebruikt?" in text
    assert "10 keer" not in text and "9 uur" not in text


@pytest.mark.parametrize("minutes", [15, 30])
def test_the_lockout_the_manual_describes_is_the_one_the_login_page_shows(manual, minutes):
    with override_settings(AXES_COOLOFF_TIME=timedelta(minutes=minutes)):
        text = visible_text(section(manual(), "inloggen"))
        shown = lockout_message()

    assert f"Inloggen met deze naam kan vanaf dit adres {minutes} minuten niet." in shown
    assert f"met uw naam vanaf dat adres {minutes} minuten niet inloggen" in text


def test_the_manual_explains_the_dashboard_panel_on_the_site_at_work(manual):
    text = visible_text(section(manual(), "werking-van-de-site"))
    panel = PANEL.read_text()

    for phrase in PANEL_WORDS:
        assert phrase in text, phrase
        assert phrase in panel, phrase
    assert "Het verstuurt bijvoorbeeld alle mails" in text  # what the background processing is
    assert "Meld het de beheerder van de server." in text
    assert "beheerder van de server" in panel  # the panel names the same person
    assert "Er gaat geen mail verloren." in text
    assert "Ze gaan vanzelf weg zodra de achtergrondverwerking weer werkt." in text


@pytest.mark.parametrize("element_id", ["inloggen", "werking-van-de-site"])
def test_the_new_parts_of_the_manual_are_plain_dutch(manual, element_id):
    found = sentences(main_text(section(manual(), element_id)))
    counts = [len(words(sentence)) for sentence in found]

    assert len(found) > 10
    assert sum(counts) / len(counts) <= 12, sum(counts) / len(counts)
    assert [sentence for sentence, count in zip(found, counts, strict=True) if count > 25] == []


@pytest.mark.parametrize(("minutes", "words_"), [(540, "9 uur"), (60, "1 uur"), (90, "90 minuten")])
def test_idle_times_are_said_in_hours_or_minutes(minutes, words_):
    assert duration_in_words(minutes) == words_
