"""Information evenings: seats, waitlist, cancellation and the public sign-up form."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from aanmelding.forms.evenings import DUPLICATE_SIGNUP_MESSAGE
from aanmelding.models import EveningSignup
from aanmelding.seats import cancel, sign_up
from forms.models import OutgoingMail
from forms.testing import public_form_data
from tests.factories import EveningSignupFactory, InfoEveningPageFactory

from .registration_support import link_path, mails_to, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


@pytest.fixture
def evening(index_page):
    return InfoEveningPageFactory(parent=index_page, capacity=10)


def person(number, persons=1):
    return {"name": f"Bewoner {number}", "email": f"bewoner{number}@example.org", "persons": persons}


def signup_fields(**overrides):
    data = {
        "name": "Fatima el Amrani",
        "email": "Fatima@Example.org ",
        "persons": "2",
        "remark": "Is er parkeergelegenheid?",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- the model -------------------------------------------------------------------


def test_seats_left_counts_persons_of_confirmed_signups_only(evening):
    EveningSignupFactory(evening=evening, persons=2)
    EveningSignupFactory(evening=evening, persons=1)
    EveningSignupFactory(evening=evening, persons=2, status=EveningSignup.Status.WAITLISTED)
    EveningSignupFactory(evening=evening, persons=2, status=EveningSignup.Status.CANCELLED)
    assert evening.seats_taken() == 3
    assert evening.seats_left() == 7
    assert not evening.is_full()


def test_a_full_evening_puts_the_next_on_the_waitlist(evening):
    signups = [sign_up(evening, **person(number)) for number in range(11)]
    assert [s.status for s in signups] == [EveningSignup.Status.CONFIRMED] * 10 + [EveningSignup.Status.WAITLISTED]
    assert evening.is_full()
    assert evening.seats_left() == 0


def test_a_party_of_two_never_overflows_the_last_seat(evening):
    for number in range(9):
        sign_up(evening, **person(number))
    pair = sign_up(evening, **person(9, persons=2))
    assert pair.status == EveningSignup.Status.WAITLISTED
    assert evening.seats_taken() == 9
    single = sign_up(evening, **person(10))
    assert single.status == EveningSignup.Status.CONFIRMED
    assert evening.seats_taken() == 10


def test_cancel_promotes_the_first_waitlisted_that_fits_exactly_once_and_mails_them(evening):
    confirmed = [sign_up(evening, **person(number)) for number in range(10)]
    pair = sign_up(evening, **person(10, persons=2))
    first_single = sign_up(evening, **person(11))
    second_single = sign_up(evening, **person(12))
    OutgoingMail.objects.all().delete()

    promoted = cancel(confirmed[0])

    # One seat free: the pair does not fit, the first single does.
    assert promoted == [first_single]
    for signup in (pair, first_single, second_single):
        signup.refresh_from_db()
    assert (pair.status, first_single.status, second_single.status) == (
        EveningSignup.Status.WAITLISTED,
        EveningSignup.Status.CONFIRMED,
        EveningSignup.Status.WAITLISTED,
    )
    confirmed[0].refresh_from_db()
    assert confirmed[0].status == EveningSignup.Status.CANCELLED
    assert confirmed[0].email_key is None
    assert confirmed[0].cancelled_at is not None
    cancelled_mail, notice = OutgoingMail.objects.order_by("pk")
    assert cancelled_mail.to == "bewoner0@example.org"
    assert "geannuleerd" in cancelled_mail.subject
    assert notice.to == "bewoner11@example.org"
    assert "plaats vrijgekomen" in notice.subject

    # Cancelling again changes nothing, mails nobody and promotes nobody.
    assert cancel(confirmed[0]) == []
    assert EveningSignup.objects.get(pk=second_single.pk).status == EveningSignup.Status.WAITLISTED
    assert OutgoingMail.objects.count() == 2
    assert evening.seats_taken() == 10


def test_two_seats_free_promote_the_waiting_pair(evening):
    confirmed = [sign_up(evening, **person(number)) for number in range(10)]
    pair = sign_up(evening, **person(10, persons=2))
    cancel(confirmed[0])
    assert EveningSignup.objects.get(pk=pair.pk).status == EveningSignup.Status.WAITLISTED
    assert cancel(confirmed[1]) == [EveningSignup.objects.get(pk=pair.pk)]
    assert evening.seats_taken() == 10


def test_a_cancelled_address_may_sign_up_again(evening):
    first = sign_up(evening, **person(1))
    cancel(first)
    again = sign_up(evening, **person(1))
    assert again.status == EveningSignup.Status.CONFIRMED


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"ends_at_offset": timedelta(hours=-1)}, "ends_at"),
        ({"deadline_offset": timedelta(hours=1)}, "signup_deadline"),
    ],
)
def test_clean_refuses_impossible_times(evening, changes, field):
    if "ends_at_offset" in changes:
        evening.ends_at = evening.starts_at + changes["ends_at_offset"]
    if "deadline_offset" in changes:
        evening.signup_deadline = evening.starts_at + changes["deadline_offset"]
    with pytest.raises(ValidationError) as error:
        evening.clean()
    assert field in error.value.message_dict


def test_signup_closes_after_the_deadline_and_once_started(evening):
    assert evening.is_signup_open()
    assert not evening.is_signup_open(evening.signup_deadline + timedelta(seconds=1))
    evening.signup_deadline = evening.starts_at
    assert not evening.is_signup_open(evening.starts_at)


# --- the public page -------------------------------------------------------------


def test_the_page_shows_when_where_and_seats_left(client, evening):
    EveningSignupFactory(evening=evening, persons=2)
    response = client.get(evening.url)
    assert response.status_code == 200
    page = soup(response)
    assert len(page.find_all("h1")) == 1
    text = page.get_text(" ", strip=True)
    assert "Nog 8 plaatsen" in text
    assert "Buurthuis De Schakel" in text
    assert page.find("input", attrs={"name": "persons", "type": "radio"})


def test_a_full_evening_offers_the_waitlist(client, evening):
    EveningSignupFactory.create_batch(5, evening=evening, persons=2)
    text = soup(client.get(evening.url)).get_text(" ", strip=True)
    assert "Vol: je kunt je op de wachtlijst zetten" in text
    assert "Zet mij op de wachtlijst" in text


def test_after_the_deadline_the_page_is_closed_and_a_post_is_refused(client, evening):
    evening.signup_deadline = timezone.now() - timedelta(minutes=1)
    evening.save()
    response = client.get(evening.url)
    page = soup(response)
    assert "Aanmelden voor deze bijeenkomst kan niet meer" in page.get_text(" ", strip=True)
    assert page.find("input", attrs={"name": "email"}) is None

    data = signup_fields()
    response = client.post(evening.url, public_form_data(data))
    assert response.status_code == 200
    assert "kan niet meer" in response.content.decode()
    assert not EveningSignup.objects.exists()
    # What was typed is shown again, so nothing is lost; there is no button to send it.
    page = soup(response)
    assert page.find("input", attrs={"name": "email"})["value"] == data["email"]
    assert page.find("button", attrs={"type": "submit"}, string="Aanmelden") is None


def test_a_second_active_signup_with_the_same_address_is_refused(client, evening):
    EveningSignupFactory(evening=evening, email="fatima@example.org")
    response = client.post(evening.url, public_form_data(signup_fields()))
    assert response.status_code == 200
    assert DUPLICATE_SIGNUP_MESSAGE in response.content.decode()
    assert EveningSignup.objects.count() == 1


def test_sign_up_cancel_by_mail_link_end_to_end(client, evening, municipality, django_capture_on_commit_callbacks):
    response = client.get(evening.url)
    assert response.status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(evening.url, public_form_data(signup_fields()))
    assert response.status_code == 302
    assert response["Location"] == evening.url + "bedankt/"
    signup = EveningSignup.objects.get()
    assert (signup.status, signup.persons, signup.email_key) == (
        EveningSignup.Status.CONFIRMED,
        2,
        "fatima@example.org",
    )
    assert signup.consent_given_at is not None
    assert signup.remark == "Is er parkeergelegenheid?"

    thanks = soup(client.get(response["Location"]))
    assert thanks.find("h1").get_text(strip=True) == "Bedankt voor je aanmelding"
    assert "2 personen" in thanks.get_text(" ", strip=True)

    (confirmation,) = mails_to("Fatima@example.org") or mails_to("fatima@example.org")
    assert confirmation.reply_to == [municipality.contact_email]  # answers reach the people who organise it
    link = link_path(confirmation.body, evening.url + "annuleren/")

    for _ in range(2):  # mail scanners open links: GET changes nothing
        response = client.get(link)
        assert response.status_code == 200
        assert soup(response).find("main").find("form", method="post").find("button")
        assert f"‘{evening.title}’" in soup(response).find("main").get_text()
    signup.refresh_from_db()
    assert signup.status == EveningSignup.Status.CONFIRMED

    response = client.post(link)
    assert response.status_code == 200
    assert "Je aanmelding is geannuleerd" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == EveningSignup.Status.CANCELLED
    assert evening.seats_left() == 10
    assert client.post(link).status_code == 200  # a reload is harmless

    used = soup(client.get(link)).find("main")  # opened again later: it says so, without a button
    assert used.find("h1").get_text(strip=True) == "Je aanmelding is al geannuleerd"
    assert used.find("button") is None


def test_a_full_evening_signup_lands_on_the_waitlist_and_is_told_so(client, evening):
    EveningSignupFactory.create_batch(10, evening=evening)
    response = client.post(evening.url, public_form_data(signup_fields(persons="1")))
    assert response.status_code == 302
    assert EveningSignup.objects.get(email_key="fatima@example.org").status == EveningSignup.Status.WAITLISTED
    thanks = soup(client.get(response["Location"]))
    assert thanks.find("h1").get_text(strip=True) == "Je staat op de wachtlijst"


def test_the_index_lists_upcoming_and_past_evenings(client, index_page, evening):
    past = InfoEveningPageFactory(
        parent=index_page,
        title="Vorig jaar",
        starts_at=timezone.now() - timedelta(days=300),
    )
    text = soup(client.get(index_page.url)).get_text(" ", strip=True)
    assert evening.title in text and past.title in text
    assert text.index(evening.title) < text.index("Eerdere bijeenkomsten") < text.index(past.title)


def test_mail_outbox_is_used(evening, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup = sign_up(evening, **person(1))
        from aanmelding.mails.evenings import queue_signup_received

        queue_signup_received(signup, evening)
    assert [m.to for m in mail.outbox] == [["bewoner1@example.org"]]


def test_fewer_seats_than_taken_is_refused(evening):
    EveningSignupFactory.create_batch(4, evening=evening, persons=2)
    evening.capacity = 7
    with pytest.raises(ValidationError) as raised:
        evening.full_clean()
    assert "Er zijn al 8 plaatsen bezet" in str(raised.value.message_dict["capacity"])
    evening.capacity = 8
    evening.full_clean()


def test_publishing_more_seats_moves_up_the_waitlist(evening, django_capture_on_commit_callbacks):
    for number in range(10):
        sign_up(evening, **person(number))
    waiting = [sign_up(evening, **person(number, persons=2)) for number in (10, 11)]
    OutgoingMail.objects.all().delete()

    evening.capacity = 12
    with django_capture_on_commit_callbacks(execute=True):
        evening.save_revision().publish()

    statuses = [EveningSignup.objects.get(pk=signup.pk).status for signup in waiting]
    assert statuses == [EveningSignup.Status.CONFIRMED, EveningSignup.Status.WAITLISTED]
    assert [m.to for m in mail.outbox] == [["bewoner10@example.org"]]
    assert evening.seats_taken() == 12


@pytest.fixture
def signup_and_link(evening):
    from aanmelding.mails.evenings import cancel_url

    signup = sign_up(evening, **person(1))
    return signup, link_path(cancel_url(signup, evening))


def test_an_expired_cancel_link_gets_a_clear_page_and_changes_nothing(client, time_machine, signup_and_link):
    from aanmelding.mails.evenings import CANCEL_MAX_AGE

    signup, link = signup_and_link
    time_machine.move_to(timezone.now() + CANCEL_MAX_AGE + timedelta(minutes=1))
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        text = soup(response).get_text(" ", strip=True)
        assert "Deze link is verlopen" in text and "Er is niets veranderd" in text
    signup.refresh_from_db()
    assert signup.is_confirmed


@pytest.mark.parametrize("damage", [lambda t: t[:-3], lambda t: t[:10] + ("A" if t[10] != "A" else "B") + t[11:]])
def test_a_tampered_cancel_link_gets_a_clear_page_and_changes_nothing(client, signup_and_link, damage):
    signup, link = signup_and_link
    prefix, token = link.rstrip("/").rsplit("/", 1)
    for response in (client.get(f"{prefix}/{damage(token)}/"), client.post(f"{prefix}/{damage(token)}/")):
        assert response.status_code == 400
        assert "Deze link klopt niet" in soup(response).get_text(" ", strip=True)
    signup.refresh_from_db()
    assert signup.is_confirmed


def test_a_cancel_link_of_another_evening_changes_nothing(client, index_page, signup_and_link):
    signup, link = signup_and_link
    other = InfoEveningPageFactory(parent=index_page)
    response = client.post(link.replace(signup.evening.url, other.url))
    assert response.status_code in (400, 404)
    signup.refresh_from_db()
    assert signup.is_confirmed


def test_nobody_moves_up_once_the_evening_has_started(evening, time_machine):
    for number in range(10):
        sign_up(evening, **person(number))
    waiting = sign_up(evening, **person(10))
    OutgoingMail.objects.all().delete()
    time_machine.move_to(evening.starts_at + timedelta(minutes=5), tick=False)

    assert cancel(EveningSignup.objects.get(email_key="bewoner0@example.org")) == []

    assert EveningSignup.objects.get(pk=waiting.pk).is_waitlisted
    assert not OutgoingMail.objects.filter(to="bewoner10@example.org").exists()
