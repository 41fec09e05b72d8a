"""The demo privacy statement agrees with the forms and the mails.

Each processing names one legal basis, and the form's checkbox says the same:
consent names exactly what for; a public task only asks that the statement was
read (and its error message does not ask for consent). Who sees intake data is
said in the same words in the statement and in the confirmation mail.
"""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
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
    for heading in [*PROCESSINGS, "De vragenlijst over je motivatie", "Misbruik van formulieren tegengaan"]:
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
