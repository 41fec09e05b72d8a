"""The pipeline every public form page runs (forms.base.PublicFormHandler), on a stand-in form.

The pages that use it (registration, 'houd mij op de hoogte', evening
sign-up) are tested end to end in tests/aanmelding; this checks each step on
its own: GET, a stored submission, spam, errors, a closed form, a unique
constraint lost to a parallel submit, the rate limit, the thank-you template.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory

from aanmelding.models import RegistrationPage
from forms.ratelimit import DEFAULT_LIMIT
from forms.testing import clear_rate_limits, public_form_data

from .conftest import soup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.forms.urls")]

URL = "/groep/"


@pytest.fixture(autouse=True)
def no_rate_limit_left_over():
    clear_rate_limits()
    yield
    clear_rate_limits()


def test_get_shows_the_form_with_its_spam_fields(client):
    page = soup(client.get(URL))
    assert page.find("input", attrs={"name": "name"}) is not None
    assert page.find("input", attrs={"name": "form_ts"}) is not None
    assert page.find("input", attrs={"name": "website"}) is not None


def test_a_valid_submission_is_stored_and_answered(client):
    response = client.post(URL, public_form_data({"name": "Buurtteam Noord"}))
    group = Group.objects.get(name="Buurtteam Noord")
    assert (response.status_code, response["Location"]) == (302, f"/bedankt/?groep={group.pk}")


def test_spam_stores_nothing_and_gets_the_same_kind_of_answer(client):
    response = client.post(URL, public_form_data({"name": "Buurtteam Noord", "website": "https://spam.example"}))
    assert (response.status_code, response["Location"]) == (302, "/bedankt/?groep=")
    assert not Group.objects.filter(name="Buurtteam Noord").exists()


def test_an_invalid_submission_shows_the_errors_and_stores_nothing(client):
    groups = Group.objects.count()
    response = client.post(URL, public_form_data({"name": ""}))
    assert response.status_code == 200
    assert soup(response).find(class_="error-summary") is not None
    assert Group.objects.count() == groups


def test_a_closed_form_is_not_shown_and_a_post_to_it_is_refused_keeping_what_was_typed(client):
    assert client.get(URL, {"dicht": "1"}).content.decode() == "Gesloten"

    response = client.post(f"{URL}?dicht=1", public_form_data({"name": "Buurtteam Noord"}))

    assert response.status_code == 200
    text = response.content.decode()
    assert "Dit formulier is gesloten. Er is niets verstuurd." in text
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Buurtteam Noord"
    assert not Group.objects.filter(name="Buurtteam Noord").exists()


def test_a_unique_constraint_lost_to_a_parallel_submit_is_a_form_error(client):
    # The form has no check of its own: the database refuses the second row, as when two
    # submits pass the form's check at the same moment.
    Group.objects.create(name="Buurtteam Noord")

    response = client.post(URL, public_form_data({"name": "Buurtteam Noord"}))

    assert response.status_code == 200
    assert "Deze groep bestaat al." in response.content.decode()
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Buurtteam Noord"
    assert Group.objects.filter(name="Buurtteam Noord").count() == 1


def test_posts_are_rate_limited_per_address_reads_are_not(client):
    for number in range(DEFAULT_LIMIT):
        assert client.post(URL, public_form_data({"name": f"Team {number}"})).status_code == 302
    limited = client.post(URL, public_form_data({"name": "Team te veel"}))
    assert limited.status_code == 429
    assert not Group.objects.filter(name="Team te veel").exists()
    assert client.get(URL).status_code == 200


def test_a_page_without_its_own_landing_template_uses_its_template_with_landing():
    page = RegistrationPage(title="Aanmelden", slug="aanmelden")
    page.landing_page_template = None
    assert page.get_landing_page_template(RequestFactory().get("/")) == "aanmelding/registration_page_landing.html"


def test_no_cache_keeps_the_form_or_what_was_typed(client):
    for response in (client.get(URL), client.post(URL, public_form_data({"name": ""}))):
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control
