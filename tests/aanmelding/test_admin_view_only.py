"""A handler who may only look (view, not change, permission) changes nothing in the admin.

Status, internal notes and cancelling a sign-up are refused with 403, also
when the POST is typed by hand; nothing is stored, logged as a change or mailed.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from aanmelding.models import EveningSignup, Registration
from tests.factories import (
    EveningSignupFactory,
    InfoEveningIndexPageFactory,
    InfoEveningPageFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(client, db):
    """In a group that may see registrations and sign-ups (handle + view), but not change them."""
    group = Group.objects.create(name="Meekijkers buurtpreventie")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="aanmelding",
            codename__in=["handle_registrations", "view_registration", "view_eveningsignup"],
        ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    return client


def test_a_view_only_handler_sees_a_registration_but_cannot_change_status_or_notes(
    viewer, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(internal_notes="Eerste gesprek gepland.")
    url = f"/admin/aanmelding/registration/edit/{registration.pk}/"

    page = viewer.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert registration.reference in body
    assert 'name="new_status"' not in body and 'name="internal_notes"' not in body  # no form that would give a 403

    with django_capture_on_commit_callbacks(execute=True):
        status = viewer.post(url, {"action": "status", "new_status": Registration.Status.INVITED, "mail": "on"})
        notes = viewer.post(url, {"action": "notes", "internal_notes": "Overschreven"})

    assert (status.status_code, notes.status_code) == (403, 403)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED
    assert registration.internal_notes == "Eerste gesprek gepland."
    assert not registration.status_changes.exists()
    assert mail.outbox == []


def test_a_view_only_handler_sees_sign_ups_but_cannot_cancel_one(viewer, home_page, django_capture_on_commit_callbacks):
    evening = InfoEveningPageFactory(parent=InfoEveningIndexPageFactory(parent=home_page))
    signup = EveningSignupFactory(evening=evening, name="Fatima el Amrani")
    cancel_url = f"/admin/aanmelding/eveningsignup/cancel/{signup.pk}/"

    listing = viewer.get("/admin/aanmelding/eveningsignup/", {"evening": evening.pk})
    assert listing.status_code == 200
    assert "Fatima el Amrani" in listing.content.decode()
    assert cancel_url not in listing.content.decode()  # no button that would only give a 403

    with django_capture_on_commit_callbacks(execute=True):
        assert viewer.get(cancel_url).status_code == 403
        assert viewer.post(cancel_url).status_code == 403

    signup.refresh_from_db()
    assert signup.status == EveningSignup.Status.CONFIRMED
    assert mail.outbox == []
