"""Generated input for every field of the registration form: never a 500, never an invalid row."""

import itertools
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from aanmelding.models import Registration
from forms.motivation import STATEMENTS
from forms.testing import clear_rate_limits, public_form_data

from .registration_support import registration_fields

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]

POSTCODE = re.compile(r"^[1-9][0-9]{3} [A-Z]{2}$")
KINDS = [value for value, _ in Registration.Kind.choices]
AVAILABILITY = [value for value, _ in Registration.AVAILABILITY_CHOICES]
HEARD_VIA = [value for value, _ in Registration.HEARD_VIA_CHOICES]
STATEMENT_FIELDS = [name for name, _, _ in STATEMENTS]
WIJK = "<wijk>"  # replaced by the primary key of the test's wijk

# Anything a browser can send: every character except lone surrogates, which
# cannot be encoded (and so never arrive); NUL, control and RTL characters included.
ANY_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
NUMBERS = st.integers(min_value=-(2**70), max_value=2**70).map(str)


def sometimes_valid(*valid):
    return st.one_of(st.sampled_from(valid), ANY_TEXT, NUMBERS)


FIELD_VALUES = {
    "kind": sometimes_valid(*KINDS),
    "name": st.one_of(ANY_TEXT, st.text(min_size=140, max_size=160)),
    "email": st.one_of(st.emails(), ANY_TEXT, st.just("a@b.nl")),
    "phone": st.one_of(st.just(""), st.from_regex(r"\+?[0-9 ()\-.]{8,20}", fullmatch=True), ANY_TEXT),
    "postcode": st.one_of(st.from_regex(r"\s*[0-9]{4}\s*[A-Za-z]{2}\s*", fullmatch=True), ANY_TEXT),
    "wijk": sometimes_valid(WIJK, ""),
    "initiative_name": st.one_of(ANY_TEXT, st.text(min_size=115, max_size=125)),
    "expected_members": st.one_of(st.integers(min_value=-5, max_value=600).map(str), NUMBERS, ANY_TEXT),
    **{name: sometimes_valid("", "1", "2", "3", "4", "5") for name in STATEMENT_FIELDS},
    "availability": st.lists(sometimes_valid(*AVAILABILITY), max_size=5),
    "heard_via": sometimes_valid("", *HEARD_VIA),
    "remarks": st.one_of(ANY_TEXT, st.text(min_size=1990, max_size=2010)),
    "consent": st.sampled_from(["on", "", "true", "false", "0"]),
}
FIELDS = sorted(FIELD_VALUES)
HYPOTHESIS = settings(
    max_examples=75,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
addresses = itertools.count()


def assert_valid(registration):
    """What every stored registration must be, whatever was sent."""
    registration.full_clean()  # lengths, choices, e-mail format, the unique address per round
    assert POSTCODE.match(registration.postcode), registration.postcode
    assert registration.email and registration.email == registration.email.strip().lower()
    assert registration.email_key == registration.email
    assert registration.name and registration.name == registration.name.strip()
    assert registration.kind in KINDS
    assert registration.wijk_id is not None
    assert set(registration.availability) <= set(AVAILABILITY)
    assert registration.heard_via in ["", *HEARD_VIA]
    for name in STATEMENT_FIELDS:
        assert getattr(registration, name) in (None, 1, 2, 3, 4, 5)
    if registration.is_new_initiative():
        assert 1 <= registration.expected_members <= 500
    else:
        assert registration.expected_members is None and registration.initiative_name == ""
    assert registration.consent_given_at is not None and registration.consent_version
    assert registration.round.is_open(registration.created_at)
    assert registration.status == Registration.Status.RECEIVED
    for value in (registration.name, registration.initiative_name, registration.remarks, registration.phone):
        assert "\x00" not in value


def post(client, page, data, wijk):
    clear_rate_limits()  # a hundred POSTs from one test client are not an attack
    data = {key: (str(wijk.pk) if value == WIJK else value) for key, value in data.items()}
    response = client.post(page.url, public_form_data(data))
    assert response.status_code in (200, 302), response.status_code
    for registration in Registration.objects.select_related("round"):
        assert_valid(registration)
    return response


@HYPOTHESIS
@given(field=st.sampled_from(FIELDS), data=st.data())
@example(field="postcode", data=None)
def test_one_generated_field_in_an_otherwise_valid_form(client, registration_page, open_round, wijk, field, data):
    value = data.draw(FIELD_VALUES[field], label=field) if data is not None else "12345"
    fields = registration_fields(wijk, email=f"bewoner{next(addresses)}@example.org")
    fields[field] = value
    post(client, registration_page, fields, wijk)


@HYPOTHESIS
@given(fields=st.fixed_dictionaries({}, optional=FIELD_VALUES))
def test_every_field_generated(client, registration_page, open_round, wijk, fields):
    post(client, registration_page, fields, wijk)


def test_the_generators_can_produce_a_valid_registration(client, registration_page, open_round, wijk):
    # Guard against generators so wild that nothing is ever saved.
    response = post(client, registration_page, registration_fields(wijk), wijk)
    assert response.status_code == 302
