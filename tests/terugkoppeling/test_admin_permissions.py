"""Who sees reports and signals in the admin: handlers and superusers only, also by typed URL."""

import pytest
from django.contrib.auth.models import Group, Permission

from terugkoppeling.models import Signal, SignalDepartment
from terugkoppeling.permissions import HANDLE_SIGNALS_PERMISSION, HANDLERS_GROUP
from tests.factories import SignalFactory, UserFactory

from .signal_admin_support import (
    DEPARTMENTS_URL,
    REPORTS_URL,
    SIGNALS_URL,
    department_url,
    handler,
    report_url,
    signal_history_url,
    signal_url,
    user_in,
)


@pytest.fixture
def signal(db):
    return SignalFactory()


def urls_of(signal):
    return [
        REPORTS_URL,
        REPORTS_URL + "?export=csv",
        REPORTS_URL + "?export=xlsx",
        report_url(signal.report),
        SIGNALS_URL,
        SIGNALS_URL + "?export=csv",
        SIGNALS_URL + "?export=xlsx",
        signal_url(signal),
        signal_history_url(signal),
    ]


def test_the_handlers_group_exists_with_its_rights(db):
    group = Group.objects.get(name=HANDLERS_GROUP)
    rights = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert {
        "wagtailadmin.access_admin",
        HANDLE_SIGNALS_PERMISSION,
        "terugkoppeling.view_patrolreport",
        "terugkoppeling.view_signal",
        "terugkoppeling.change_signal",
        "terugkoppeling.view_signaldepartment",
        "forms.view_outgoingmail",
    } <= rights
    # Handlers look at departments; editors set them.
    assert "terugkoppeling.change_signaldepartment" not in rights


@pytest.mark.parametrize("group_name", ["Redacteuren", "Moderatoren"])
def test_editors_get_403_everywhere(client, signal, group_name):
    client.force_login(user_in(group_name))
    for url in urls_of(signal):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Behandelaars meldingen" in response.content  # whom to ask
    response = client.post(signal_url(signal), {"new_status": "opgelost", "response": "Gedaan."})
    assert response.status_code == 403
    signal.refresh_from_db()
    assert signal.status == Signal.Status.RECEIVED


def test_view_permission_without_handle_signals_is_not_enough(client, signal):
    user = user_in("Redacteuren")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_patrolreport", "view_signal", "change_signal"])
    )
    client.force_login(user)
    for url in urls_of(signal):
        assert client.get(url).status_code == 403, url


def test_handlers_see_everything(client, signal):
    client.force_login(handler())
    for url in urls_of(signal):
        assert client.get(url).status_code == 200, url


def test_superusers_see_everything(client, signal):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for url in urls_of(signal):
        assert client.get(url).status_code == 200, url


def test_nobody_adds_or_deletes_reports_and_signals(client, signal):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for url in (
        REPORTS_URL + "create/",
        SIGNALS_URL + "create/",
        f"{REPORTS_URL}delete/{signal.report.pk}/",
        f"{SIGNALS_URL}delete/{signal.pk}/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"{SIGNALS_URL}delete/{signal.pk}/").status_code == 403
    assert Signal.objects.filter(pk=signal.pk).exists()


def test_a_handler_without_change_permission_sees_but_cannot_handle(client, signal):
    user = UserFactory()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="terugkoppeling", codename__in=["handle_signals", "view_signal"]
        ),
        Permission.objects.get(codename="access_admin"),
    )
    client.force_login(user)
    page = client.get(signal_url(signal)).content.decode()
    assert "Je kunt deze melding bekijken, maar niet behandelen." in page
    assert 'name="new_status"' not in page
    assert client.post(signal_url(signal), {"new_status": "opgelost", "response": "Gedaan."}).status_code == 403


def test_a_non_numeric_id_is_a_404(client, db):
    client.force_login(handler())
    assert client.get(SIGNALS_URL + "edit/abc/").status_code == 404
    assert client.get(SIGNALS_URL + "edit/999999/").status_code == 404


# --- departments ----------------------------------------------------------------


@pytest.mark.parametrize("group_name", ["Redacteuren", "Moderatoren"])
def test_editors_set_a_departments_name_and_address(client, db, group_name):
    client.force_login(user_in(group_name))
    department = SignalDepartment.objects.get(category=Signal.Category.LIGHTING)
    assert client.get(DEPARTMENTS_URL).status_code == 200
    data = {"name": "Openbare verlichting", "email": "licht@gemeente.example"}
    response = client.post(department_url(department), data)
    assert response.status_code == 302
    department.refresh_from_db()
    assert (department.category, department.name, department.email) == (
        "verlichting",
        "Openbare verlichting",
        "licht@gemeente.example",
    )


def test_departments_are_not_added_or_deleted(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    department = SignalDepartment.objects.first()
    assert client.get(DEPARTMENTS_URL + "create/").status_code == 403
    assert client.get(f"{DEPARTMENTS_URL}delete/{department.pk}/").status_code == 403
    assert SignalDepartment.objects.count() == len(Signal.Category.choices)


def test_handlers_look_at_departments_but_do_not_change_them(client, db):
    client.force_login(handler())
    department = SignalDepartment.objects.first()
    assert client.get(DEPARTMENTS_URL).status_code == 200
    client.post(department_url(department), {"name": "X", "email": "x@example.org"})
    department.refresh_from_db()
    assert department.email == ""
