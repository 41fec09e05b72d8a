"""The public registration form: a resident registers during an open round."""

from datetime import UTC, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aanmelding.forms.registrations import DUPLICATE_MESSAGE, MEMBERS_MESSAGE, RegistrationForm
from aanmelding.mails.registrations import WITHDRAW_PURPOSE
from aanmelding.models import Registration
from forms.consent import READ_REQUIRED_MESSAGE
from forms.models import OutgoingMail
from forms.spam import CHECK_AGAIN_MESSAGE, TOO_FAST_MESSAGE
from forms.testing import public_form_data
from forms.tokens import make_token
from tests.factories import RegistrationFactory, RegistrationRoundFactory, WijkFactory

from .registration_support import (
    NOTIFICATION_EMAIL,
    at,
    html_part,
    link_path,
    mails_to,
    registration_data,
    registration_fields,
    soup,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]

SECOND = timedelta(seconds=1)


def nothing_stored_or_sent():
    assert Registration.objects.count() == 0
    assert OutgoingMail.objects.count() == 0
    assert mail.outbox == []


def field_error(response, name):
    """The error text shown beside field ``name``."""
    error = soup(response).find(id=f"id_{name}_error")
    return error.get_text(" ", strip=True) if error else None


def typed_value(response, name):
    """What an input, textarea or select shows after a round trip."""
    page = soup(response)
    element = page.find(attrs={"name": name})
    if element.name == "textarea":
        return element.get_text()
    if element.name == "select":
        selected = element.find("option", selected=True)
        return selected["value"] if selected else None
    if element.get("type") in ("radio", "checkbox"):
        return [tag["value"] for tag in page.find_all(attrs={"name": name}) if tag.has_attr("checked")]
    return element.get("value")


# --- a valid registration ------------------------------------------------------------------------


def test_the_page_shows_the_form_while_a_round_is_open(client, registration_page, open_round, wijk):
    response = client.get(registration_page.url)

    assert response.status_code == 200
    page = soup(response)
    form = page.find("form", method="post")
    assert form["action"] == registration_page.url
    for name in ["kind", "name", "email", "phone", "postcode", "wijk", "expected_members", "consent", "website"]:
        assert form.find(attrs={"name": name}) is not None, name
    assert "Aanmelden kan tot en met" in page.get_text()
    assert open_round.title in page.get_text()
    # The consent line links the privacy statement or says where to find it.
    assert "privacyverklaring" in page.find("label", attrs={"for": "id_consent"}).get_text()
    # Required for a new team only: the label does not call it optional, the hint says when.
    members = page.find("label", attrs={"for": "id_expected_members"}).parent
    assert "niet verplicht" not in members.find("label").get_text()
    assert "nieuw team" in members.get_text()
    assert page.find("main").find("button", type="submit").get_text(strip=True) == "Aanmelding versturen"


def test_a_resident_registers_and_gets_a_reference_and_two_mails(
    client, registration_page, open_round, wijk, municipality, django_capture_on_commit_callbacks
):
    assert client.get(registration_page.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            registration_page.url, registration_data(wijk, email="  Fatima@Example.ORG ", postcode="1234ab")
        )

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == registration_page.url + "bedankt/"
    assert registration.round == open_round
    assert registration.status == Registration.Status.RECEIVED
    assert registration.kind == Registration.Kind.NEW_TEAM
    assert registration.email == "fatima@example.org"
    assert registration.email_key == "fatima@example.org"
    assert registration.postcode == "1234 AB"
    assert registration.wijk == wijk
    assert registration.expected_members == 5
    assert registration.statement_together == 4
    assert registration.statement_feedback is None
    assert registration.availability == ["doordeweeks_avond", "weekend"]
    assert registration.consent_given_at is not None
    assert registration.consent_version == getattr(settings, "CONSENT_VERSION", "2026-11")

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    text = soup(thanks).get_text(" ", strip=True)
    assert registration.reference in text
    assert "Wat gebeurt er nu?" in text
    assert "informatieavond" in text

    # One mail to the applicant, one to the municipality; both HTML and plain text.
    assert len(mail.outbox) == 2
    (confirmation,) = mails_to("fatima@example.org")
    assert registration.reference in confirmation.subject
    assert confirmation.reply_to == [municipality.contact_email]
    assert "Beste Fatima el Amrani" in confirmation.body
    assert "informatieavond" in confirmation.body
    withdraw_path = link_path(confirmation.body, registration_page.url + "intrekken/")
    assert withdraw_path in html_part(confirmation)
    assert client.get(withdraw_path).status_code == 200

    (notice,) = mails_to(NOTIFICATION_EMAIL)
    assert registration.reference in notice.subject
    assert open_round.title in notice.body
    assert f"/{registration.pk}/" in link_path(notice.body, "/admin/")
    # The municipality's notice holds no personal data: that stays behind the admin login.
    assert "Fatima" not in notice.body and "fatima@example.org" not in notice.body
    html_part(notice)
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT).count() == 2


def test_joining_a_team_needs_no_initiative_and_drops_it(client, registration_page, open_round, wijk):
    response = client.post(
        registration_page.url,
        registration_data(wijk, kind="aansluiten", expected_members=None, initiative_name="Vergeten te wissen"),
    )

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.kind == Registration.Kind.JOIN_TEAM
    assert registration.initiative_name == ""
    assert registration.expected_members is None


def test_only_the_required_fields_are_enough(client, registration_page, open_round, wijk):
    data = {
        "kind": "nieuwe_appgroep",
        "name": "Priya",
        "email": "priya@example.org",
        "postcode": "9999ZZ",
        "wijk": str(wijk.pk),
        "expected_members": "30",
        "consent": "on",
    }
    response = client.post(registration_page.url, public_form_data(data))

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.phone == "" and registration.remarks == "" and registration.availability == []


def test_the_thank_you_page_without_a_registration_says_nothing_personal(client, registration_page, open_round):
    response = client.get(registration_page.url + "bedankt/")

    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert "We hebben je aanmelding ontvangen" in text
    assert "BP-" not in text


def test_the_thank_you_and_confirm_pages_are_never_kept_in_a_cache(client, registration_page, open_round, wijk):
    client.post(registration_page.url, registration_data(wijk))
    registration = Registration.objects.get()
    token = make_token(WITHDRAW_PURPOSE, registration.pk)
    withdraw = registration_page.url + registration_page.reverse_subpage("withdraw", args=[token])

    for response in (client.get(registration_page.url + "bedankt/"), client.get(withdraw)):
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


# --- the round is checked when the form is sent ----------------------------------------------------


@pytest.fixture
def fixed_round(db):
    """Open from 1 March 2027 09:00 up to and including 15 March 2027 23:59 (Amsterdam)."""
    return RegistrationRoundFactory(
        title="Voorjaar 2027", opens_at=at(2027, 3, 1, 9, 0), closes_at=at(2027, 3, 15, 23, 59)
    )


@pytest.fixture
def dst_round(db):
    """Closes at 03:30 on 28 March 2027, the night the clocks go from 02:00 to 03:00."""
    return RegistrationRoundFactory(
        title="Rond de zomertijd", opens_at=at(2027, 3, 20, 9, 0), closes_at=at(2027, 3, 28, 3, 30)
    )


def form_sent_at(client, time_machine, page, wijk, opened_at, sent_at):
    """GET the form at ``opened_at``, fill it in and send it at ``sent_at``."""
    time_machine.move_to(opened_at, tick=False)
    form_page = soup(client.get(page.url))
    timestamp = form_page.find("input", attrs={"name": "form_ts"})["value"]
    time_machine.move_to(sent_at, tick=False)
    data = {**registration_fields(wijk), "form_ts": timestamp, "website": ""}
    return client.post(page.url, data)


@pytest.mark.parametrize("round_name", ["fixed_round", "dst_round"])
@pytest.mark.parametrize(
    ("offset", "accepted"), [(-SECOND, True), (timedelta(0), True), (SECOND, False)], ids=["before", "at", "after"]
)
def test_a_form_sent_around_closing_time(
    client, time_machine, registration_page, wijk, request, round_name, offset, accepted
):
    round_ = request.getfixturevalue(round_name)
    sent_at = round_.closes_at + offset
    # Opened a real hour before closing (in UTC: wall-clock arithmetic across the DST change
    # would give 02:30, an hour that does not exist, the same instant as 03:30).
    opened_at = round_.closes_at.astimezone(UTC) - timedelta(hours=1)
    response = form_sent_at(client, time_machine, registration_page, wijk, opened_at, sent_at)

    if accepted:
        assert response.status_code == 302
        assert Registration.objects.get().round == round_
    else:
        assert response.status_code == 200
        text = soup(response).get_text(" ", strip=True)
        assert "Het aanmeldmoment is gesloten. Je aanmelding is niet verstuurd." in text
        assert soup(response).find(class_="error-summary") is None  # nothing to correct: it cannot be sent now
        # Everything typed is still there, ready for the next round or a copy.
        assert typed_value(response, "name") == "Fatima el Amrani"
        assert typed_value(response, "email") == "fatima@example.org"
        assert typed_value(response, "remarks").strip().startswith("Wij lopen al samen")
        assert typed_value(response, "kind") == ["nieuw_team"]
        assert typed_value(response, "availability") == ["doordeweeks_avond", "weekend"]
        # Sending it again cannot help: no button, but the way to hear about the next round.
        page = soup(response)
        assert page.find("main").find("button", type="submit") is None
        assert page.find("a", href=registration_page.url + "#op-de-hoogte") is not None
        nothing_stored_or_sent()


@pytest.mark.parametrize(
    ("offset", "accepted"), [(-SECOND, False), (timedelta(0), True), (SECOND, True)], ids=["before", "at", "after"]
)
def test_a_form_sent_around_opening_time(client, time_machine, registration_page, wijk, fixed_round, offset, accepted):
    # Someone opens the form late in the evening, just before an earlier round closes, and
    # sends it the next morning (within the form's 24 hours) just when the new round opens.
    RegistrationRoundFactory(title="Winter", opens_at=at(2027, 2, 1, 9, 0), closes_at=at(2027, 2, 28, 23, 59))
    response = form_sent_at(
        client, time_machine, registration_page, wijk, at(2027, 2, 28, 23, 30), fixed_round.opens_at + offset
    )

    if accepted:
        assert response.status_code == 302
        assert Registration.objects.get().round == fixed_round
    else:
        assert response.status_code == 200
        text = soup(response).get_text(" ", strip=True)
        assert "Het volgende aanmeldmoment begint op maandag 1 maart 2027 om 09:00 uur" in text
        nothing_stored_or_sent()


def test_the_closed_page_says_when_the_next_round_opens(client, time_machine, registration_page, fixed_round):
    time_machine.move_to(at(2027, 2, 1, 12, 0), tick=False)
    response = client.get(registration_page.url)

    assert response.status_code == 200
    page = soup(response)
    text = page.get_text(" ", strip=True)
    assert "Aanmelden kan op dit moment niet." in text
    assert "Het volgende aanmeldmoment begint op maandag 1 maart 2027 om 09:00 uur" in text
    assert page.find(attrs={"name": "kind"}) is None  # no registration form
    assert page.find("h2", string="Houd mij op de hoogte") is not None
    alert_form = page.find("form", action=registration_page.url + "op-de-hoogte/")
    assert alert_form.find(attrs={"name": "email"}) is not None


def test_the_closed_page_says_when_no_round_is_planned(client, registration_page, wijk):
    RegistrationRoundFactory(opens_at=at(2020, 3, 1), closes_at=at(2020, 3, 15))
    response = client.get(registration_page.url)

    text = soup(response).get_text(" ", strip=True)
    assert "Er is nog geen nieuw aanmeldmoment gepland." in text
    assert "Houd mij op de hoogte" in text


def test_a_post_while_no_round_is_open_stores_nothing(client, registration_page, wijk):
    response = client.post(registration_page.url, registration_data(wijk))

    assert response.status_code == 200
    assert "Het aanmeldmoment is gesloten" in soup(response).get_text(" ", strip=True)
    nothing_stored_or_sent()


# --- one registration per address per round ---------------------------------------------------------


def test_a_second_registration_with_the_same_address_is_refused(client, registration_page, open_round, wijk):
    RegistrationFactory(round=open_round, email="fatima@example.org")
    OutgoingMail.objects.all().delete()

    response = client.post(registration_page.url, registration_data(wijk, email="  FATIMA@example.org "))

    assert response.status_code == 200
    assert DUPLICATE_MESSAGE in field_error(response, "email")
    assert soup(response).find(class_="error-summary").find("a", href="#id_email") is not None
    assert Registration.objects.count() == 1
    assert OutgoingMail.objects.count() == 0 and mail.outbox == []


def test_the_same_address_may_register_again_in_another_round(client, registration_page, open_round, wijk):
    earlier = RegistrationRoundFactory(opens_at=at(2020, 3, 1), closes_at=at(2020, 3, 15))
    RegistrationFactory(round=earlier, email="fatima@example.org")

    response = client.post(registration_page.url, registration_data(wijk, email="Fatima@example.org"))

    assert response.status_code == 302
    assert Registration.objects.filter(email_key="fatima@example.org").count() == 2


def test_the_database_allows_one_registration_per_address_per_round(open_round, wijk):
    RegistrationFactory(round=open_round, email="piet@example.org")
    with pytest.raises(Exception) as caught, transaction.atomic():
        RegistrationFactory(round=open_round, email=" Piet@Example.org")
    assert "one_registration_per_address_per_round" in str(caught.value) or "UNIQUE" in str(caught.value).upper()


def test_withdrawn_registrations_free_the_address(client, registration_page, open_round, wijk):
    RegistrationFactory(round=open_round, email="fatima@example.org").withdraw()

    response = client.post(registration_page.url, registration_data(wijk))

    assert response.status_code == 302
    assert Registration.objects.filter(email_key="fatima@example.org").count() == 1


# --- invalid input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("members", ["1e400", "veel", "4.5"])
def test_a_number_that_cannot_be_read_is_said_once(client, registration_page, open_round, wijk, members):
    response = client.post(registration_page.url, registration_data(wijk, expected_members=members))

    assert response.status_code == 200
    page = soup(response)
    assert len(page.select("#id_expected_members_error li, #id_expected_members_error p")) <= 1
    assert page.get_text(" ").count(MEMBERS_MESSAGE) == 2  # beside the field and in the summary, not more
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"postcode": "12345"}, "postcode", "Vul een geldige postcode in"),
        ({"postcode": "0123 AB"}, "postcode", "Vul een geldige postcode in"),
        ({"email": "fatima@"}, "email", "Vul een geldig e-mailadres in"),
        ({"kind": None}, "kind", "Kies waarvoor je je aanmeldt"),
        ({"kind": "iets_anders"}, "kind", "Kies waarvoor je je aanmeldt"),
        ({"expected_members": None}, "expected_members", "Vul in met hoeveel mensen"),
        ({"expected_members": "0"}, "expected_members", ""),
        ({"kind": "nieuwe_appgroep", "expected_members": ""}, "expected_members", "Vul in met hoeveel mensen"),
        ({"name": "   "}, "name", "Vul je naam in"),
        ({"wijk": None}, "wijk", "Kies de wijk"),
        ({"wijk": "999999"}, "wijk", "Kies de wijk"),
        ({"phone": "bel me"}, "phone", "Vul een geldig telefoonnummer in"),
        ({"statement_together": "7"}, "statement_together", ""),
        ({"availability": ["nooit"]}, "availability", ""),
    ],
    ids=lambda value: str(value) if not isinstance(value, dict) else None,
)
def test_invalid_input_keeps_what_was_typed_and_stores_nothing(
    client, registration_page, open_round, wijk, overrides, field, message
):
    response = client.post(registration_page.url, registration_data(wijk, **overrides))

    assert response.status_code == 200
    error = field_error(response, field)
    assert error is not None and message in error
    page = soup(response)
    summary = page.find(class_="error-summary")
    assert summary is not None and summary.find(
        "a", href=f"#id_{field}" if field not in ("kind", "availability") else True
    )
    # The field with the error says so to assistive technology.
    described = page.find(attrs={"aria-describedby": lambda value: value and f"id_{field}_error" in value})
    assert described is not None
    # The rest of what was typed is still there.
    if field != "name":
        assert typed_value(response, "name") == "Fatima el Amrani"
    if field != "email":
        assert typed_value(response, "email") == "fatima@example.org"
    assert typed_value(response, "remarks").strip().startswith("Wij lopen al samen")
    if field != "wijk":
        assert typed_value(response, "wijk") == str(wijk.pk)
    assert typed_value(response, "statement_shared_responsibility") == ["5"]
    if field not in ("postcode",):
        assert typed_value(response, "postcode") == "1234 ab"
    else:
        assert typed_value(response, "postcode") == overrides["postcode"]
    nothing_stored_or_sent()


def test_an_empty_form_lists_every_required_field(client, registration_page, open_round, wijk):
    response = client.post(registration_page.url, public_form_data({}))

    assert response.status_code == 200
    summary = soup(response).find(class_="error-summary")
    texts = [item.get_text(" ", strip=True) for item in summary.find_all("li")]
    assert len(texts) == 6  # kind, name, email, postcode, wijk, consent
    assert not any("?:" in text for text in texts), texts
    nothing_stored_or_sent()


def test_consent_is_required(client, registration_page, open_round, wijk):
    response = client.post(registration_page.url, registration_data(wijk, consent=None))

    assert response.status_code == 200
    # A public task: the box asks only that the privacy statement was read, not for consent.
    assert READ_REQUIRED_MESSAGE in field_error(response, "consent")
    nothing_stored_or_sent()


# --- spam ---------------------------------------------------------------------------------------------


def test_spam_stores_nothing_sends_nothing_and_looks_like_success(
    client, registration_page, open_round, wijk, django_capture_on_commit_callbacks
):
    data = registration_data(wijk, website="http://goedkope-horloges.example")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(registration_page.url, data)

    assert response.status_code == 302
    assert response["Location"] == registration_page.url + "bedankt/"
    assert callbacks == []
    nothing_stored_or_sent()
    # A real submission gets exactly the same redirect.
    genuine = client.post(registration_page.url, registration_data(wijk, email="echt@example.org"))
    assert genuine.status_code == 302 and genuine["Location"] == response["Location"]


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        ({"seconds_ago": 1}, TOO_FAST_MESSAGE),
        ({"form_ts": "1700000000:vervalst"}, CHECK_AGAIN_MESSAGE),
        ({"form_ts": ""}, CHECK_AGAIN_MESSAGE),
    ],
    ids=["too-fast", "forged-timestamp", "missing-timestamp"],
)
def test_a_form_caught_only_by_the_time_check_comes_back_never_a_false_thank_you(
    client, registration_page, open_round, wijk, spoil, message, django_capture_on_commit_callbacks
):
    """A browser that fills the form in for a resident in under 3 seconds: they must know nothing was sent."""
    spoil = dict(spoil)
    data = public_form_data(registration_fields(wijk), seconds_ago=spoil.pop("seconds_ago", 60))
    data.update(spoil)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(registration_page.url, data)

    assert response.status_code == 200
    assert message in soup(response).select_one(".error-summary").get_text()
    assert typed_value(response, "name") == "Fatima el Amrani"
    assert typed_value(response, "remarks").strip().startswith("Wij lopen al samen")
    assert callbacks == []
    nothing_stored_or_sent()


def test_the_eleventh_post_within_a_minute_gets_429(client, registration_page, open_round, wijk):
    statuses = [client.post(registration_page.url, registration_data(wijk, email="")).status_code for _ in range(10)]
    assert statuses == [200] * 10  # invalid, but answered

    response = client.post(registration_page.url, registration_data(wijk))

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Even geduld" in soup(response).get_text()
    nothing_stored_or_sent()
    # Someone else, on another connection, is not held up.
    other = client.post(registration_page.url, registration_data(wijk), REMOTE_ADDR="192.0.2.99")
    assert other.status_code == 302


def test_reading_the_form_is_never_rate_limited(client, registration_page, open_round):
    assert {client.get(registration_page.url).status_code for _ in range(15)} == {200}


# --- mail and transactions ----------------------------------------------------------------------------


def test_a_rolled_back_registration_sends_no_mail(
    rf, registration_page, open_round, wijk, django_capture_on_commit_callbacks
):
    form = RegistrationForm(
        registration_data(wijk), round=open_round, page=registration_page, request=rf.post(registration_page.url)
    )
    assert form.is_valid(), form.errors

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            form.save()  # stores the registration and queues its mails
            assert OutgoingMail.objects.count() == 2  # queued, in this transaction
            raise RuntimeError("Er gaat iets mis na het in de wachtrij zetten")

    assert callbacks == []
    nothing_stored_or_sent()


def test_a_failure_while_saving_a_registration_rolls_back_the_mail_too(
    client, registration_page, open_round, wijk, municipality, django_capture_on_commit_callbacks
):
    # Without an address for the notice, queueing the second mail fails after the
    # registration and the applicant's mail were written: all of it must go.
    type(municipality).objects.filter(pk=municipality.pk).update(notification_email="")

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValueError):
            client.post(registration_page.url, registration_data(wijk))

    nothing_stored_or_sent()


def test_a_mail_server_outage_does_not_lose_the_registration(
    client, registration_page, open_round, wijk, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.forms.test_outbox.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(registration_page.url, registration_data(wijk))

    assert response.status_code == 302
    assert Registration.objects.count() == 1
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING, attempts=1).count() == 2


# --- performance --------------------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_form_page_needs_a_fixed_number_of_queries(client, registration_page, open_round, wijk):
    client.get(registration_page.url)  # warm caches (site root, settings)
    few = count_queries(client, registration_page.url)

    for number in range(40):
        WijkFactory(name=f"Wijk {number}")
    RegistrationFactory.create_batch(30, round=open_round, wijk=wijk)
    many = count_queries(client, registration_page.url)

    assert many == few
    assert few <= 15


def test_the_closed_page_needs_a_fixed_number_of_queries(client, registration_page, wijk):
    closed = RegistrationRoundFactory(opens_at=at(2020, 3, 1), closes_at=at(2020, 3, 15))
    client.get(registration_page.url)
    few = count_queries(client, registration_page.url)

    RegistrationFactory.create_batch(30, round=closed, wijk=wijk)
    for number in range(1, 6):
        opens_at = timezone.now() + timedelta(days=100 * number)  # upcoming rounds, whatever today is
        RegistrationRoundFactory(opens_at=opens_at, closes_at=opens_at + timedelta(days=14))
    # The first request after a content change also fills what each process keeps per content
    # version (home/page_cache.py; tests/test_page_queries.py counts that one): compare like with like.
    client.get(registration_page.url)
    many = count_queries(client, registration_page.url)

    assert many == few
    assert few <= 15
