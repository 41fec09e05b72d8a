"""Signed, expiring mail-link tokens and the GET-shows-a-button, POST-acts view."""

import base64
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from forms.tokens import ExpiredToken, InvalidToken, make_token, read_token
from tests.factories import UserFactory

from .conftest import soup

DAY = 24 * 60 * 60


def test_a_token_gives_its_value_back():
    assert read_token("cancel", make_token("cancel", 42), max_age=DAY) == 42
    assert read_token("cancel", make_token("cancel", [42, "x"]), max_age=timedelta(days=1)) == [42, "x"]


def wrap(signed):
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def unwrap(token):
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()


def test_a_token_fits_in_a_wagtail_page_route():
    # Wagtail serves sub-pages only for path segments of letters, digits, - and _.
    token = make_token("cancel", 123456)
    assert re.fullmatch(r"[\w-]+", token)


def test_a_tampered_token_is_invalid_not_expired():
    token = make_token("cancel", 42)
    value, timestamp, signature = unwrap(token).split(":")
    other_value = unwrap(make_token("cancel", 43)).split(":")[0]
    for tampered in [wrap(f"{other_value}:{timestamp}:{signature}"), token[:-2], "", wrap("x:y:z"), "%%%", "x:y:z"]:
        with pytest.raises(InvalidToken) as caught:
            read_token("cancel", tampered, max_age=DAY)
        assert not isinstance(caught.value, ExpiredToken)


def test_a_token_for_another_purpose_is_invalid():
    with pytest.raises(InvalidToken):
        read_token("unsubscribe", make_token("cancel", 42), max_age=DAY)


def test_an_old_token_is_expired(time_machine):
    time_machine.move_to(datetime.now(UTC), tick=False)
    token = make_token("cancel", 42)
    time_machine.shift(2 * DAY)
    with pytest.raises(ExpiredToken):
        read_token("cancel", token, max_age=DAY)
    assert read_token("cancel", token, max_age=3 * DAY) == 42


def test_a_token_is_expired_right_after_its_max_age():
    with pytest.raises(ExpiredToken):
        read_token("cancel", make_token("cancel", 42), max_age=-1)


def test_a_token_needs_a_purpose():
    with pytest.raises(ValueError):
        make_token("", 42)


# --- ConfirmActionView (tests.forms.urls.DeactivateAccountView) ---------------


@pytest.fixture
def user(home_page):
    return UserFactory(is_active=True)


def link(user):
    return f"/uitzetten/{make_token('test-deactivate', user.pk)}/"


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
def test_get_shows_a_button_and_changes_nothing(client, user):
    for _ in range(3):  # a mail scanner may open the link several times
        response = client.get(link(user))

    user.refresh_from_db()
    assert user.is_active
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = soup(response)
    assert page.h1.get_text() == "Account uitzetten"
    assert "Wil je je account uitzetten?" in page.get_text()
    form = page.find("form", class_="confirm-action")
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.find("button").get_text() == "Ja, zet mijn account uit"


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
def test_post_performs_the_action(user):
    client = Client(enforce_csrf_checks=True)
    page = soup(client.get(link(user)))
    csrf = page.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]

    response = client.post(link(user), {"csrfmiddlewaretoken": csrf})

    assert response.status_code == 200
    assert soup(response).h1.get_text() == "Je account staat uit"
    user.refresh_from_db()
    assert not user.is_active


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
def test_post_without_csrf_token_is_refused(user):
    response = Client(enforce_csrf_checks=True).post(link(user))
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
def test_an_expired_link_gets_a_clear_page_and_changes_nothing(client, user, time_machine):
    time_machine.move_to(datetime.now(UTC), tick=False)
    url = link(user)
    time_machine.shift(31 * DAY)  # ConfirmActionView.max_age defaults to 30 days

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 410
        page = soup(response)
        assert len(page.find_all("h1")) == 1
        assert page.h1.get_text() == "Deze link is verlopen"
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
def test_a_tampered_link_gets_a_clear_page_and_changes_nothing(client, user):
    token = make_token("test-deactivate", user.pk)
    other = UserFactory()
    forged = wrap(unwrap(make_token("test-deactivate", other.pk)).split(":")[0] + ":" + unwrap(token).split(":", 1)[1])

    for url in (f"/uitzetten/{forged}/", f"/uitzetten/{token[:-3]}/", f"/uitzetten/{make_token('other', user.pk)}/"):
        response = client.post(url)
        assert response.status_code == 400
        assert soup(response).h1.get_text() == "Deze link klopt niet"
    user.refresh_from_db()
    other.refresh_from_db()
    assert user.is_active and other.is_active


@pytest.mark.django_db
@pytest.mark.urls("tests.forms.urls")
def test_a_link_to_something_deleted_gets_a_clear_page(client, user):
    url = link(user)
    user.delete()
    response = client.get(url)
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "Deze link werkt niet meer"
