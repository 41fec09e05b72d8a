"""Every status transition, allowed or not, of a registration and of an evening sign-up.

The workflow is written out here as the README states it, not read from
``Registration.TRANSITIONS``: "ontvangen → uitgenodigd voor intake → intake
gehouden → toegelaten; before toegelaten it can also go to afgewezen, and from
any status but afgewezen to ingetrokken (both final)". Every pair of statuses is
tried, in the model and through the admin's status form.
"""

import itertools

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from aanmelding.models import EveningSignup, Registration
from aanmelding.seats import cancel, promote_waitlist
from tests.factories import EveningSignupFactory, InfoEveningPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

S = Registration.Status
ALLOWED = {
    (S.RECEIVED, S.INVITED),
    (S.RECEIVED, S.REJECTED),
    (S.RECEIVED, S.WITHDRAWN),
    (S.INVITED, S.INTAKE_DONE),
    (S.INVITED, S.REJECTED),
    (S.INVITED, S.WITHDRAWN),
    (S.INTAKE_DONE, S.ADMITTED),
    (S.INTAKE_DONE, S.REJECTED),
    (S.INTAKE_DONE, S.WITHDRAWN),
    (S.ADMITTED, S.WITHDRAWN),
}
EVERY_PAIR = list(itertools.product(S, S))
PAIR_IDS = [f"{old.value}->{new.value}" for old, new in EVERY_PAIR]


def test_the_matrix_names_real_statuses_only():
    assert len(EVERY_PAIR) == 36
    assert {old for old, _ in ALLOWED} | {new for _, new in ALLOWED} <= set(S)


@pytest.mark.parametrize(("old", "new"), EVERY_PAIR, ids=PAIR_IDS)
def test_the_model_allows_exactly_the_workflow(old, new):
    registration = RegistrationFactory(status=old)

    if (old, new) in ALLOWED:
        change = registration.change_status(new, note="Getest")
        registration.refresh_from_db()
        assert registration.status == new
        assert (change.from_status, change.to_status) == (old, new)
    else:
        with pytest.raises(ValidationError) as refused:
            registration.change_status(new)
        assert "kan een aanmelding niet naar" in str(refused.value)
        registration.refresh_from_db()
        assert registration.status == old
        assert not registration.status_changes.exists()


@pytest.mark.parametrize(("old", "new"), EVERY_PAIR, ids=PAIR_IDS)
def test_the_admin_allows_exactly_the_workflow(handler_client, old, new, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(status=old)
    url = f"/admin/aanmelding/registration/edit/{registration.pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(url, {"action": "status", "new_status": new, "mail": "on"})

    registration.refresh_from_db()
    if (old, new) in ALLOWED:
        assert response.status_code == 302
        assert registration.status == new
        assert registration.status_changes.get().to_status == new
    elif any(step[0] == old for step in ALLOWED):
        assert response.status_code == 200  # the form again, with the error at the field
        assert "Deze status kan nu niet" in response.content.decode()
    else:  # a final status: back to the page, which says so
        assert response.status_code == 302
        page = handler_client.get(response["Location"]).content.decode()
        assert "De status van deze aanmelding kan niet meer veranderen." in page
    if (old, new) not in ALLOWED:
        assert registration.status == old
        assert not registration.status_changes.exists()
        assert mail.outbox == []


def test_final_statuses_offer_no_next_step_in_the_admin(handler_client):
    for status in (S.REJECTED, S.WITHDRAWN):
        registration = RegistrationFactory(status=status)
        body = handler_client.get(f"/admin/aanmelding/registration/edit/{registration.pk}/").content.decode()
        assert 'name="new_status"' not in body


# --- evening sign-ups: confirmed and waitlisted can be cancelled; waitlisted can move up ---------

E = EveningSignup.Status


@pytest.fixture
def small_evening(index_page):
    return InfoEveningPageFactory(parent=index_page, capacity=2)


@pytest.mark.parametrize(
    ("old", "after_cancel"),
    [(E.CONFIRMED, E.CANCELLED), (E.WAITLISTED, E.CANCELLED), (E.CANCELLED, E.CANCELLED)],
)
def test_cancelling_a_sign_up(small_evening, old, after_cancel):
    signup = EveningSignupFactory(evening=small_evening, status=old)
    cancel(signup)
    signup.refresh_from_db()
    assert signup.status == after_cancel


@pytest.mark.parametrize(
    ("old", "after_promotion"),
    [(E.CONFIRMED, E.CONFIRMED), (E.WAITLISTED, E.CONFIRMED), (E.CANCELLED, E.CANCELLED)],
)
def test_moving_up_touches_only_the_waitlist(small_evening, old, after_promotion):
    signup = EveningSignupFactory(evening=small_evening, status=old)

    promote_waitlist(small_evening)  # two seats free: whoever waits moves up

    signup.refresh_from_db()
    assert signup.status == after_promotion


def test_a_confirmed_sign_up_never_goes_back_to_the_waitlist(small_evening):
    seated = EveningSignupFactory(evening=small_evening, persons=2)
    waiting = EveningSignupFactory(evening=small_evening, persons=1, status=E.WAITLISTED)

    promote_waitlist(small_evening)  # the evening is full: nothing moves, either way

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.status, waiting.status) == (E.CONFIRMED, E.WAITLISTED)
