"""One network cannot take an information evening: at most a few seats per IPv4 /24 or IPv6 /48."""

from datetime import timedelta

import pytest
from django.db.models import Sum

from aanmelding.models import EveningSignup, InfoEveningPage
from aanmelding.privacy import purge_personal_data
from aanmelding.seats import cancel, sign_up
from forms.testing import clear_rate_limits, public_form_data
from tests.factories import InfoEveningPageFactory

from .registration_support import soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


@pytest.fixture
def evening(index_page):
    return InfoEveningPageFactory(parent=index_page, capacity=40)


def resident(number, persons=1):
    return public_form_data(
        {"name": f"Bewoner {number}", "email": f"bewoner{number}@example.org", "persons": str(persons), "consent": "on"}
    )


def persons_signed_up(evening):
    active = evening.signups.exclude(status=EveningSignup.Status.CANCELLED)
    return active.aggregate(persons=Sum("persons"))["persons"] or 0


CAP = 6  # written out: raising the default by mistake lets one network take a larger share of a room


def test_the_cap_is_six_persons_per_network_unless_the_editor_sets_another():
    assert InfoEveningPage._meta.get_field("seats_per_network").default == CAP


def test_fifty_addresses_in_one_slash_24_get_at_most_the_cap(client, evening):
    answers = []
    for number in range(50):
        clear_rate_limits()  # each address has its own rate limit anyway
        response = client.post(evening.url, resident(number, persons=2), REMOTE_ADDR=f"198.51.100.{number + 1}")
        answers.append(response.status_code)

    assert persons_signed_up(evening) == CAP
    assert answers.count(302) == CAP // 2
    assert answers.count(200) == 50 - CAP // 2
    assert evening.seats_left() == 40 - CAP


def test_a_refused_resident_is_told_why_and_whom_to_ask_and_keeps_what_was_typed(client, evening, municipality):
    for number in range(CAP):
        assert client.post(evening.url, resident(number), REMOTE_ADDR=f"198.51.100.{number + 1}").status_code == 302

    response = client.post(evening.url, resident(99), REMOTE_ADDR="198.51.100.200")

    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one(".error-summary").get_text(" ", strip=True)
    assert "Vanaf dit netwerk zijn al 6 plaatsen" in summary
    assert municipality.contact_email in summary and municipality.phone in summary
    assert "nog niets opgeslagen" in summary
    assert page.find("input", attrs={"name": "email"})["value"] == "bewoner99@example.org"
    assert not EveningSignup.objects.filter(email="bewoner99@example.org").exists()


def test_other_networks_and_cancelled_seats_do_not_count(client, evening):
    for number in range(CAP):
        client.post(evening.url, resident(number), REMOTE_ADDR=f"198.51.100.{number + 1}")
    # The next /24 is another network.
    assert client.post(evening.url, resident(50), REMOTE_ADDR="198.51.101.1").status_code == 302

    # A cancelled sign-up gives its place in the network's share back.
    cancel(EveningSignup.objects.get(email="bewoner0@example.org"))
    assert client.post(evening.url, resident(51), REMOTE_ADDR="198.51.100.9").status_code == 302
    assert client.post(evening.url, resident(52), REMOTE_ADDR="198.51.100.10").status_code == 200


def test_ipv6_is_capped_per_slash_48_and_ipv4_mapped_counts_as_ipv4(client, evening):
    for number in range(CAP):
        # Different /64s (households) of one /48.
        assert client.post(evening.url, resident(number), REMOTE_ADDR=f"2001:db8:1:{number}::1").status_code == 302
    assert client.post(evening.url, resident(60), REMOTE_ADDR="2001:db8:1:ffff::1").status_code == 200
    assert client.post(evening.url, resident(61), REMOTE_ADDR="2001:db8:2::1").status_code == 302

    for number in range(CAP):
        client.post(evening.url, resident(70 + number), REMOTE_ADDR=f"203.0.113.{number + 1}")
    assert client.post(evening.url, resident(80), REMOTE_ADDR="::ffff:203.0.113.99").status_code == 200


def test_the_editor_sets_the_cap_per_evening_and_the_admin_is_not_capped(client, evening):
    evening.seats_per_network = 2
    evening.save_revision().publish()
    assert client.post(evening.url, resident(1, persons=2), REMOTE_ADDR="198.51.100.1").status_code == 302
    assert client.post(evening.url, resident(2), REMOTE_ADDR="198.51.100.2").status_code == 200

    # A handler signing someone up in the admin has no network key.
    made_by_handler = sign_up(evening, name="Bewoner 3", email="bewoner3@example.org", persons=1)
    assert made_by_handler.status == EveningSignup.Status.CONFIRMED


def test_the_network_is_stored_only_as_a_keyed_hash(client, evening):
    client.post(evening.url, resident(1), REMOTE_ADDR="198.51.100.1")
    key = EveningSignup.objects.get().network_key
    assert len(key) == 32 and "198.51" not in key


def test_the_purge_forgets_the_network_with_the_rest(client, evening, municipality):
    client.post(evening.url, resident(1), REMOTE_ADDR="198.51.100.1")
    purge_personal_data(evening.ends_at + timedelta(days=municipality.retention_days + 1))
    assert EveningSignup.objects.get().network_key == ""
