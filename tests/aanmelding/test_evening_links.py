"""The registration thank-you page, the registration mail and the home page point to the round's evening."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aanmelding.models import Registration
from tests.factories import InfoEveningIndexPageFactory, InfoEveningPageFactory

from .registration_support import mails_to, registration_data, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]


@pytest.fixture
def evenings(home_page, open_round):
    index = InfoEveningIndexPageFactory(parent=home_page)
    past = InfoEveningPageFactory(
        parent=index, round=open_round, title="Vorige keer", starts_at=timezone.now() - timedelta(days=3)
    )
    coming = InfoEveningPageFactory(parent=index, round=open_round, title="Informatieavond De Schakel")
    later = InfoEveningPageFactory(
        parent=index, round=open_round, title="Tweede avond", starts_at=timezone.now() + timedelta(days=21)
    )
    return past, coming, later


def test_the_round_knows_its_next_evening(open_round, evenings):
    _, coming, later = evenings
    assert open_round.next_info_evening() == coming
    coming.unpublish()
    assert open_round.next_info_evening() == later


def test_the_home_page_points_to_the_evening_of_the_open_round(client, evenings):
    _, coming, _ = evenings
    status = soup(client.get("/")).select_one(".round-status")
    link = status.find("a", href=coming.url)
    assert link.get_text() == "Meld je aan voor de informatiebijeenkomst"
    assert "Buurthuis De Schakel" in status.get_text()


def test_without_an_evening_the_home_page_names_none(client, open_round, home_page):
    assert "Informatiebijeenkomst" not in soup(client.get("/")).select_one(".round-status").get_text()


def test_thank_you_page_and_mail_point_to_the_evening(
    client, registration_page, wijk, evenings, django_capture_on_commit_callbacks
):
    _, coming, _ = evenings
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(registration_page.url, registration_data(wijk))
    assert response.status_code == 302
    assert Registration.objects.count() == 1

    thanks = soup(client.get(response["Location"]))
    teaser = thanks.select_one(".evening-teaser")
    assert teaser.find("h2").get_text() == "Kom naar de informatiebijeenkomst"
    assert teaser.find("a", href=coming.url)

    (confirmation,) = mails_to("fatima@example.org")
    assert "Informatieavond De Schakel" in confirmation.body
    assert "http://testserver" + coming.url in confirmation.body
    html = confirmation.alternatives[0][0]
    assert f'<a href="http://testserver{coming.url}"' in html  # a link in the HTML part too


def test_without_an_evening_the_thank_you_page_keeps_its_steps(client, registration_page, wijk, open_round):
    response = client.post(registration_page.url, registration_data(wijk))
    thanks = soup(client.get(response["Location"]))
    assert thanks.select_one(".evening-teaser") is None
    assert "Wat gebeurt er nu?" in thanks.get_text()
