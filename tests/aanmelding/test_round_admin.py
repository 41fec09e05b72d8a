from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from aanmelding.models import RegistrationRound
from tests.factories import UserFactory

AMS = ZoneInfo("Europe/Amsterdam")
CREATE_URL = "/admin/aanmelding/registrationround/create/"
INDEX_URL = "/admin/aanmelding/registrationround/"


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.time_machine(datetime(2027, 1, 15, 12, 0, tzinfo=AMS), tick=False)  # before it opens: "Gepland"
def test_an_editor_plans_a_round(admin_client):
    response = admin_client.post(
        CREATE_URL,
        {"title": "Voorjaar 2027", "opens_at": "2027-03-01 09:00", "closes_at": "2027-03-15 23:59", "description": ""},
    )
    assert response.status_code == 302
    round_ = RegistrationRound.objects.get()
    assert round_.opens_at == datetime(2027, 3, 1, 9, 0, tzinfo=AMS)

    listing = admin_client.get(INDEX_URL).content.decode()
    assert "Voorjaar 2027" in listing and "Gepland" in listing


def test_an_overlapping_round_gets_a_dutch_error_and_keeps_the_input(admin_client):
    RegistrationRound.objects.create(
        title="Voorjaar", opens_at=datetime(2027, 3, 1, tzinfo=AMS), closes_at=datetime(2027, 3, 15, tzinfo=AMS)
    )
    response = admin_client.post(
        CREATE_URL,
        {"title": "Te vroeg", "opens_at": "2027-03-10 09:00", "closes_at": "2027-04-01 09:00", "description": "x"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "overlapt met ‘Voorjaar’" in body
    assert 'value="Te vroeg"' in body
    assert RegistrationRound.objects.count() == 1


def test_the_status_filter_shows_only_open_rounds(admin_client):
    from django.utils import timezone

    now = timezone.now()
    RegistrationRound.objects.create(
        title="Nu open", opens_at=now - timezone.timedelta(days=1), closes_at=now + timezone.timedelta(days=1)
    )
    RegistrationRound.objects.create(
        title="Later", opens_at=now + timezone.timedelta(days=30), closes_at=now + timezone.timedelta(days=40)
    )
    body = admin_client.get(INDEX_URL, {"status": "open"}).content.decode()
    assert "Nu open" in body and "Later" not in body


def test_an_editor_without_permission_cannot_see_rounds(client, db):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(INDEX_URL).status_code in (302, 403)


def test_handlers_see_and_can_delete_round_alert_addresses_but_not_add_them(client, db):
    from django.contrib.auth.models import Group

    from aanmelding.models import RoundAlert

    RoundAlert.objects.create(email="buur@example.org")
    handler = UserFactory()
    handler.groups.add(Group.objects.get(name="Behandelaars buurtpreventie"))
    client.force_login(handler)
    listing = client.get("/admin/aanmelding/roundalert/")
    assert listing.status_code == 200 and "buur@example.org" in listing.content.decode()
    assert client.get("/admin/aanmelding/roundalert/create/").status_code in (302, 403)


def test_round_alert_addresses_are_for_handlers_only_not_for_editors_with_model_rights(client, db):
    from django.contrib.auth.models import Group, Permission

    from aanmelding.models import RoundAlert

    alert = RoundAlert.objects.create(email="buur@example.org")
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["view_roundalert", "delete_roundalert"]))
    client.force_login(editor)

    listing = client.get("/admin/aanmelding/roundalert/")
    assert listing.status_code == 403
    assert "buur@example.org" not in listing.content.decode()
    assert client.get(f"/admin/aanmelding/roundalert/delete/{alert.pk}/").status_code == 403
    assert client.post(f"/admin/aanmelding/roundalert/delete/{alert.pk}/").status_code == 403
    assert RoundAlert.objects.filter(pk=alert.pk).exists()


def test_a_handler_deletes_a_round_alert_address_on_request(client, db):
    from django.contrib.auth.models import Group

    from aanmelding.models import RoundAlert

    alert = RoundAlert.objects.create(email="buur@example.org")
    handler = UserFactory()
    handler.groups.add(Group.objects.get(name="Behandelaars buurtpreventie"))
    client.force_login(handler)

    assert client.post(f"/admin/aanmelding/roundalert/delete/{alert.pk}/").status_code == 302
    assert not RoundAlert.objects.filter(pk=alert.pk).exists()
