"""The demo privacy statement agrees with the forms and the mails.

Each processing names one legal basis, and the form's checkbox says the same:
consent names exactly what for; a public task only asks that the statement was
read (and its error message does not ask for consent). Who sees intake data is
said in the same words in the statement and in the confirmation mail.
"""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail

from aanmelding.forms.evenings import EveningSignupForm
from aanmelding.forms.registrations import RegistrationForm, RoundAlertForm
from aanmelding.mails import registrations as registration_mails
from forms.consent import CONSENT_REQUIRED_MESSAGE, READ_REQUIRED_MESSAGE
from forms.demo.texts import CONTACT_CONSENT, CONTACT_RETENTION_DAYS
from home import demo as home_demo
from home.demo import texts as home_texts
from home.models import StandardPage
from nieuwsbrief.forms.practice import ShareExampleForm
from nieuwsbrief.forms.subscribers import SubscribeForm
from tests.factories import RegistrationFactory, RegistrationPageFactory

pytestmark = pytest.mark.django_db

PUBLIC_TASK = "een taak van algemeen belang"
CONSENT = "je toestemming"

# Heading of the processing in the statement -> its basis and the checkbox text of its form.
PROCESSINGS = {
    "Aanmelden voor buurtpreventie": (PUBLIC_TASK, RegistrationForm.consent_text),
    "Houd mij op de hoogte": (CONSENT, RoundAlertForm.consent_text),
    "Opgeven voor een informatiebijeenkomst of tussenevaluatie": (PUBLIC_TASK, EveningSignupForm.consent_text),
    "Nieuwsbrief": (CONSENT, SubscribeForm.consent_text),
    "Een praktijkvoorbeeld insturen": (CONSENT, ShareExampleForm.consent_text),
    "Het contactformulier": (CONSENT, CONTACT_CONSENT),
    "Het formulier voor de tussenevaluatie": (PUBLIC_TASK, None),  # no personal data asked, no checkbox
    "Je team of app-groep": (PUBLIC_TASK, None),
    "Verslag van een loopronde": (PUBLIC_TASK, None),
}
PUBLIC_TASK_FORMS = [RegistrationForm, EveningSignupForm]
CONSENT_FORMS = [RoundAlertForm, SubscribeForm, ShareExampleForm]


@pytest.fixture
def statement(home_page):
    StandardPage.objects.filter(slug="privacyverklaring").delete()
    home_demo.load(StringIO())
    page = StandardPage.objects.get(slug="privacyverklaring")
    return page


def facts(client, page):
    """``{heading of a processing: {label: text}}`` from the page's h3 sections."""
    html = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    result = {}
    for h3 in html.find("main").find_all("h3"):
        items = h3.find_next("ul").find_all("li")
        result[h3.get_text(strip=True)] = {
            li.b.get_text(strip=True).rstrip(":"): li.get_text(" ", strip=True) for li in items if li.b
        }
    return result


def test_each_processing_says_what_why_basis_who_and_how_long(client, statement):
    sections = facts(client, statement)
    for heading in [
        *PROCESSINGS,
        "De vragenlijst over je motivatie",
        "Misbruik van formulieren tegengaan",
        "Inloggen op het beheer",
        "Reservekopieën van de website",
    ]:
        assert set(sections[heading]) == {"Wat we bewaren", "Waarom", "Grondslag", "Wie ziet het", "Hoe lang"}, heading


def test_the_basis_and_the_checkbox_never_contradict(client, statement):
    sections = facts(client, statement)
    for heading, (basis, checkbox) in PROCESSINGS.items():
        assert sections[heading]["Grondslag"].startswith(f"Grondslag: {basis}"), heading
        if checkbox is None:
            continue
        if basis == CONSENT:
            assert checkbox.startswith("Ik geef toestemming"), heading
        else:
            assert "toestemming" not in checkbox.lower(), heading
            assert checkbox.startswith("Ik heb gelezen hoe de gemeente mijn gegevens gebruikt"), heading


def test_a_public_task_form_does_not_ask_for_consent_when_left_unticked(rf, home_page):
    for form_class in PUBLIC_TASK_FORMS:
        form = form_class(request=rf.get("/"))
        assert form.fields["consent"].error_messages["required"] == READ_REQUIRED_MESSAGE
        assert "toestemming" not in READ_REQUIRED_MESSAGE
    for form_class in CONSENT_FORMS:
        form = form_class(request=rf.get("/"))
        assert form.fields["consent"].error_messages["required"] == CONSENT_REQUIRED_MESSAGE


def test_who_sees_intake_data_is_said_the_same_in_statement_and_mail(
    client, statement, django_capture_on_commit_callbacks
):
    assert registration_mails.INTAKE_WHO_SEES == home_texts.INTAKE_WHO_SEES
    text = " ".join(BeautifulSoup(client.get(statement.url).content.decode(), "html.parser").main.get_text().split())
    assert registration_mails.INTAKE_WHO_SEES in text

    page = RegistrationPageFactory(parent=statement.get_parent())
    registration = RegistrationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration_mails.queue_registration_received(registration, page)
    (confirmation,) = [message for message in mail.outbox if message.to == [registration.email]]
    assert registration_mails.INTAKE_WHO_SEES in " ".join(confirmation.body.split())


def test_the_contact_forms_retention_is_the_one_the_statement_names(client, statement):
    how_long = facts(client, statement)["Het contactformulier"]["Hoe lang"]
    assert f"{CONTACT_RETENTION_DAYS} dagen" in how_long


def test_the_backups_period_is_the_one_the_backup_unit_keeps(client, statement):
    deploy = settings.BASE_DIR / "deploy" / "systemd"
    service = (deploy / "buurtpreventie-backup.service").read_text()
    timer = (deploy / "buurtpreventie-backup.timer").read_text()
    (keep,) = re.findall(r"^ExecStart=.*\bbackup_site --keep (\d+)\b", service, re.MULTILINE)
    # One backup a night, so keeping N backups keeps each for N days.
    assert re.search(r"^OnCalendar=\*-\*-\* \d\d:\d\d:00$", timer, re.MULTILINE)

    backups = facts(client, statement)["Reservekopieën van de website"]

    assert home_texts.BACKUP_KEEP_DAYS == int(keep)
    assert "Elke nacht maken we een reservekopie" in backups["Wat we bewaren"]
    assert "persoonsgegevens" in backups["Wat we bewaren"]
    assert f"Elke reservekopie bewaren we {keep} dagen." in backups["Hoe lang"]
    assert f"na hoogstens {keep} dagen ook uit de reservekopieën weg" in backups["Hoe lang"]
    assert "Alleen de beheerders van de server." in backups["Wie ziet het"]
    assert "beveiligd" in backups["Wie ziet het"]
    assert f"elk {keep} dagen bewaard (--keep {keep} in" in statement.local_facts


def test_the_login_records_period_is_the_purges(client, statement):
    days = settings.ADMIN_LOGIN_RECORDS_DAYS

    assert facts(client, statement)["Inloggen op het beheer"]["Hoe lang"] == f"Hoe lang: {days} dagen."
    assert f"Inlogpogingen op het beheer: {days} dagen bewaard" in statement.local_facts


def test_the_web_server_log_keeps_no_link_codes_as_the_statement_says(client, statement):
    text = " ".join(BeautifulSoup(client.get(statement.url).content.decode(), "html.parser").main.get_text().split())
    nginx = (settings.BASE_DIR / "deploy" / "nginx" / "buurtpreventie.conf").read_text()
    gunicorn = (settings.BASE_DIR / "deploy" / "gunicorn.conf.py").read_text()

    assert "Die code halen we weg voordat de link in het logboek komt." in text
    # nginx logs the address with the tokens (the result link's answers too) taken out, gunicorn's logger too.
    (log_format,) = re.findall(r"^log_format buurtpreventie .*?;$", nginx, re.MULTILINE | re.DOTALL)
    assert "$buurtpreventie_loggable_uri" in log_format
    assert "$request " not in log_format and "$request_uri" not in log_format
    assert "[?&]motivatie=)" in nginx
    assert 'logger_class = "forms.log_masking.MaskingGunicornLogger"' in gunicorn
