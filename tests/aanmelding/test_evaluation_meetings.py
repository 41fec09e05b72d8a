"""Interim evaluations (tussenevaluaties): an evening page of the kind 'evaluatie', without a round.

Sign-up, seats and mails work as for an information evening; every text names the kind, and
only information evenings count as a round's evening (registration mail, thank-you page).
"""

from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from aanmelding.evening_calendar import evening_calendar
from aanmelding.mails.registrations import info_evening_paragraphs
from aanmelding.models import EveningSignup, InfoEveningPage
from aanmelding.tasks import send_evening_reminders
from forms.models import OutgoingMail
from forms.testing import public_form_data
from nieuwsbrief.hooks import agenda_items
from tests.factories import (
    EveningSignupFactory,
    InfoEveningPageFactory,
    RegistrationFactory,
    RegistrationRoundFactory,
)

from .registration_support import mails_to, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]
EVALUATION = InfoEveningPage.Kind.EVALUATION


@pytest.fixture
def evaluation(index_page):
    return InfoEveningPageFactory(
        parent=index_page, kind=EVALUATION, round=None, title="Tussenevaluatie voorjaar", capacity=10
    )


def signup_fields(**overrides):
    data = {"name": "Kees Bakker", "email": "kees@example.org", "persons": "1", "remark": "", "consent": "on"}
    return {**data, **overrides}


# --- the page and its rules ----------------------------------------------------------


def test_an_evaluation_without_a_round_is_valid_and_its_page_says_who_it_is_for(client, evaluation):
    evaluation.full_clean()  # no round needed
    text = soup(client.get(evaluation.url)).find("main").get_text(" ", strip=True)
    assert "Tussenevaluatie" in text
    assert "Coördinatoren en beheerders, en leden van bestaande teams en app-groepen" in text
    assert "aanmeldmoment" not in text


def test_an_information_evening_without_a_round_is_refused_in_dutch(index_page):
    evening = InfoEveningPageFactory.build(round=None)
    with pytest.raises(ValidationError) as refused:
        evening.clean()
    assert refused.value.message_dict["round"] == ["Kies het aanmeldmoment waar deze informatiebijeenkomst bij hoort."]


def test_an_evaluation_with_a_round_is_refused_in_dutch(index_page):
    evening = InfoEveningPageFactory.build(kind=EVALUATION, round=RegistrationRoundFactory())
    with pytest.raises(ValidationError) as refused:
        evening.clean()
    assert refused.value.message_dict["round"] == [
        "Een tussenevaluatie hoort niet bij een aanmeldmoment. Maak dit veld leeg."
    ]


def test_the_admin_refuses_an_information_evening_without_a_round_and_keeps_what_was_typed(admin_client, index_page):
    from django.urls import reverse

    url = reverse("wagtailadmin_pages:add", args=["aanmelding", "infoeveningpage", index_page.pk])
    starts = timezone.localtime() + timedelta(days=10)
    response = admin_client.post(
        url,
        {
            "title": "Avond zonder ronde",
            "slug": "avond-zonder-ronde",
            "kind": InfoEveningPage.Kind.INFORMATION,
            "round": "",
            "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
            "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
            "signup_deadline": (starts - timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
            "capacity": "20",
            "seats_per_network": "6",
            "location_name": "Buurthuis",
            "location_address": "Dorpsstraat 1",
            "accessibility_notes": "",
            "attendees": "",
            "programme-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert "Kies het aanmeldmoment waar deze informatiebijeenkomst bij hoort." in response.content.decode()
    assert "Avond zonder ronde" in response.content.decode()
    assert not InfoEveningPage.objects.filter(slug="avond-zonder-ronde").exists()


def test_the_querysets_tell_the_kinds_apart(index_page, evaluation):
    information = InfoEveningPageFactory(parent=index_page)
    assert list(InfoEveningPage.objects.information()) == [information]
    assert list(InfoEveningPage.objects.evaluations()) == [evaluation]


def test_the_index_lists_evaluations_labelled(client, index_page, evaluation):
    information = InfoEveningPageFactory(parent=index_page, title="Informatieavond mei")
    items = soup(client.get(index_page.url)).select("main .evening-list li")
    texts = {item.a.get_text(): item.get_text(" ", strip=True) for item in items}
    assert texts[evaluation.title].startswith("Tussenevaluatie (voor teams en app-groepen):")
    assert not texts[information.title].startswith("Tussenevaluatie")


# --- sign-up, mails and calendar -------------------------------------------------------


def test_signing_up_for_an_evaluation_takes_a_seat_and_mails_as_an_evaluation(
    client, evaluation, municipality, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(evaluation.url, public_form_data(signup_fields()))
    assert response.status_code == 302
    signup = EveningSignup.objects.get()
    assert signup.status == EveningSignup.Status.CONFIRMED and evaluation.seats_left() == 9

    thanks = soup(client.get(response["Location"]))
    assert thanks.find("a", download="tussenevaluatie.ics")
    assert thanks.find("a", string="Terug naar de tussenevaluatie")

    (confirmation,) = mails_to("kees@example.org")
    assert confirmation.subject.startswith("Je bent aangemeld voor de tussenevaluatie van")
    assert "bij de tussenevaluatie ‘Tussenevaluatie voorjaar’" in confirmation.body
    assert "de informatiebijeenkomst" not in confirmation.body.lower()
    message = message_from_bytes(confirmation.message().as_bytes())
    (part,) = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert part.get_filename() == "tussenevaluatie.ics"


def test_a_full_evaluation_puts_the_next_on_its_waitlist_in_words_of_its_kind(
    client, evaluation, municipality, django_capture_on_commit_callbacks
):
    InfoEveningPage.objects.filter(pk=evaluation.pk).update(capacity=1)
    EveningSignupFactory(evening=evaluation)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(evaluation.url, public_form_data(signup_fields()))
    (mail,) = mails_to("kees@example.org")
    assert mail.subject == "Je staat op de wachtlijst voor de tussenevaluatie"


def test_the_calendar_entry_and_download_name_the_kind(client, evaluation):
    event = Calendar.from_ical(evening_calendar(evaluation)).walk("VEVENT")[0]
    assert str(event["summary"]) == "Tussenevaluatie buurtpreventie: Tussenevaluatie voorjaar"
    response = client.get(evaluation.url + evaluation.reverse_subpage("calendar"))
    assert response["Content-Disposition"] == 'attachment; filename="tussenevaluatie.ics"'


def test_the_reminder_names_the_evaluation_and_asks_to_think_ahead(evaluation):
    signup = EveningSignupFactory(evening=evaluation, email="kees@example.org")
    EveningSignup.objects.filter(pk=signup.pk).update(created_at=evaluation.starts_at - timedelta(days=7))
    assert send_evening_reminders(evaluation.reminder_from() + timedelta(minutes=5)) == 1
    (reminder,) = OutgoingMail.objects.filter(subject__startswith="Herinnering")
    assert reminder.subject.startswith("Herinnering: tussenevaluatie buurtpreventie op")
    assert "Morgen is de tussenevaluatie ‘Tussenevaluatie voorjaar’" in reminder.body_text
    assert "wat gaat goed in je team of app-groep" in reminder.body_text


# --- only information evenings count as a round's evening ------------------------------


def test_the_registration_mail_and_thank_you_page_name_only_an_information_evening(
    index_page, registration_page, open_round
):
    soon = timezone.now() + timedelta(days=3)
    # Sooner than the information evening, and (wrongly, past the page's check) with the round: still not named.
    sooner = InfoEveningPageFactory(
        parent=index_page,
        kind=EVALUATION,
        round=None,
        title="Evaluatie eerder",
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
        signup_deadline=soon - timedelta(hours=1),
    )
    InfoEveningPage.objects.filter(pk=sooner.pk).update(round=open_round)
    assert open_round.next_info_evening() is None
    assert info_evening_paragraphs(open_round) == []

    information = InfoEveningPageFactory(parent=index_page, round=open_round, title="Informatieavond")
    assert open_round.next_info_evening() == information
    (paragraph,) = info_evening_paragraphs(open_round)
    assert "‘Informatieavond’" in paragraph and sooner.title not in paragraph

    registration = RegistrationFactory(round=open_round)
    landing = registration_page.get_landing_context(None, registration)
    assert landing["evening"] == information


# --- the newsletter agenda and the admin -------------------------------------------------


def test_the_newsletter_agenda_lists_evaluations_labelled(index_page, evaluation):
    information = InfoEveningPageFactory(parent=index_page, title="Informatieavond juni")
    titles = [item["title"] for item in agenda_items(timezone.now())]
    assert f"Tussenevaluatie: {evaluation.title}" not in titles  # its title says it already
    assert evaluation.title in titles and information.title in titles
    InfoEveningPage.objects.filter(pk=evaluation.pk).update(title="Voorjaar")
    titles = [item["title"] for item in agenda_items(timezone.now())]
    assert "Tussenevaluatie: Voorjaar" in titles


def test_the_dashboard_shows_the_next_of_each_kind(handler_client, index_page, evaluation):
    information = InfoEveningPageFactory(parent=index_page, title="Informatieavond juni")
    panel = soup(handler_client.get("/admin/")).find(id="aanmelding-evening-section")
    text = panel.get_text(" ", strip=True)
    assert information.title in text and evaluation.title in text
    assert [h3.get_text(strip=True) for h3 in panel.find_all("h3")] == ["Informatiebijeenkomst", "Tussenevaluatie"]


def test_the_sign_up_list_filters_by_kind_and_shows_it(handler_client, index_page, evaluation):
    information = InfoEveningPageFactory(parent=index_page)
    EveningSignupFactory(evening=information, name="Ina Informatie")
    EveningSignupFactory(evening=evaluation, name="Eva Evaluatie")
    url = "/admin/aanmelding/eveningsignup/"
    everyone = soup(handler_client.get(url)).get_text(" ", strip=True)
    assert "Ina Informatie" in everyone and "Eva Evaluatie" in everyone and "Tussenevaluatie" in everyone
    only = soup(handler_client.get(url, {"kind": EVALUATION})).get_text(" ", strip=True)
    assert "Eva Evaluatie" in only and "Ina Informatie" not in only
