"""The evening's edit form shows seats taken, seats left and the waitlist (issue #10 part 2)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanmelding.models import EveningSignup
from home.groups import EDITORS
from tests.factories import EveningSignupFactory, InfoEveningPageFactory, UserFactory

from .registration_support import HANDLERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def evening(index_page):
    evening = InfoEveningPageFactory(parent=index_page, title="Avond Noord", capacity=10)
    EveningSignupFactory(evening=evening, persons=2)
    EveningSignupFactory(evening=evening, persons=1)
    EveningSignupFactory(evening=evening, persons=2, status=EveningSignup.Status.WAITLISTED)
    EveningSignupFactory(evening=evening, persons=1, status=EveningSignup.Status.CANCELLED)
    return evening


def edit_form(client, evening, *groups):
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    response = client.get(f"/admin/pages/{evening.pk}/edit/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def seat_text(page):
    panel = page.select_one("[data-seat-summary]")
    return None if panel is None else " ".join(panel.get_text(" ").split())


def test_the_editor_sees_seats_taken_and_left_and_the_waitlist(client, evening):
    page = edit_form(client, evening, EDITORS)

    text = seat_text(page)
    assert "3 van 10 plaatsen bezet (2 aanmeldingen), nog 7 vrij." in text
    assert "Wachtlijst: 1 aanmelding (2 pers.)." in text
    # Editors have no access to the residents' sign-ups: no link there.
    assert page.select_one("[data-seat-summary] a") is None


def test_a_handler_with_page_rights_follows_a_link_to_the_sign_ups(client, evening):
    page = edit_form(client, evening, EDITORS, HANDLERS)

    link = page.select_one("[data-seat-summary] a")
    assert link["href"] == f"/admin/aanmelding/eveningsignup/?evening={evening.pk}"


def test_a_new_evening_has_no_seats_to_show(client, index_page):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    response = client.get(f"/admin/pages/add/aanmelding/infoeveningpage/{index_page.pk}/")
    assert response.status_code == 200
    assert seat_text(BeautifulSoup(response.content, "html.parser")) is None


def test_the_query_count_does_not_grow_with_the_sign_ups(client, evening):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/admin/pages/{evening.pk}/edit/").status_code == 200
        return len(captured)

    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=[EDITORS, HANDLERS]))
    client.force_login(user)
    queries()  # warm up: settings and other per-process caches
    before = queries()
    EveningSignupFactory.create_batch(10, evening=evening)
    EveningSignupFactory.create_batch(5, evening=evening, status=EveningSignup.Status.WAITLISTED)
    assert queries() == before
    assert "13 van 10 plaatsen bezet" in seat_text(edit_form(client, evening, EDITORS))
