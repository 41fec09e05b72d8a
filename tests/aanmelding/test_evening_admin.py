"""Sign-ups for information evenings in the admin: counts, filters, export, attendance list, cancel, who may."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.staticfiles import finders
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aanmelding.models import EveningSignup
from tests.factories import EveningSignupFactory, InfoEveningIndexPageFactory, InfoEveningPageFactory

from .registration_support import editor_in, soup

INDEX_URL = "/admin/aanmelding/eveningsignup/"

pytestmark = pytest.mark.django_db


def attendance_url(evening):
    return f"{INDEX_URL}attendance/{evening.pk}/"


def cancel_url(signup):
    return f"{INDEX_URL}cancel/{signup.pk}/"


@pytest.fixture
def evenings(home_page, municipality):
    index = InfoEveningIndexPageFactory(parent=home_page)
    north = InfoEveningPageFactory(parent=index, title="Avond Noord", capacity=5)
    south = InfoEveningPageFactory(
        parent=index, title="Avond Zuid", starts_at=timezone.now() + timedelta(days=30), capacity=20
    )
    return north, south


@pytest.fixture
def signups(evenings):
    north, south = evenings
    return {
        "fatima": EveningSignupFactory(evening=north, name="Fatima el Amrani", persons=2, remark="Rolstoel"),
        "jan": EveningSignupFactory(evening=north, name="Jan de Vries", persons=2),
        "kees": EveningSignupFactory(evening=north, name="Kees Bakker", persons=1),
        "wachtend": EveningSignupFactory(
            evening=north, name="Wil Wachter", persons=2, status=EveningSignup.Status.WAITLISTED
        ),
        "weg": EveningSignupFactory(evening=north, name="Anne Afgemeld", status=EveningSignup.Status.CANCELLED),
        "zuid": EveningSignupFactory(evening=south, name="Zeynep Zuid"),
    }


def test_the_list_per_evening_shows_seats_waitlist_and_cancelled(handler_client, evenings, signups):
    north, _ = evenings
    page = soup(handler_client.get(INDEX_URL, {"evening": north.pk}))
    text = page.get_text(" ", strip=True)
    summary = page.find(attrs={"data-evening-summary": True}).get_text(" ", strip=True)
    assert "5 van 5 plaatsen bezet" in summary
    assert "(3 aanmeldingen), nog 0 vrij" in summary
    assert "Wachtlijst: 1 aanmelding (2 pers.)" in summary
    assert "Geannuleerd: 1" in summary
    assert "Fatima el Amrani" in text and "Zeynep Zuid" not in text
    # The status filter counts within the chosen evening.
    assert "Bevestigd (3 aanmeldingen, 5 pers.)" in text
    assert "Op de wachtlijst (1 aanmelding, 2 pers.)" in text
    assert "Presentielijst" in page.find("a", href=attendance_url(north)).get_text()


def test_the_status_filter_narrows_the_list(handler_client, evenings, signups):
    north, _ = evenings
    text = soup(handler_client.get(INDEX_URL, {"evening": north.pk, "status": "wachtlijst"})).get_text(" ")
    assert "Wil Wachter" in text and "Fatima el Amrani" not in text
    # Unknown parameters are ignored, not turned into lookups.
    assert handler_client.get(INDEX_URL, {"evening": "x", "persons__gt": "1"}).status_code == 200


def test_without_a_chosen_evening_the_list_says_how_to_get_the_counts(handler_client, signups):
    text = soup(handler_client.get(INDEX_URL)).get_text(" ", strip=True)
    assert "Kies onder Filter een bijeenkomst" in text
    assert "Zeynep Zuid" in text and "Fatima el Amrani" in text


def test_the_list_does_not_grow_its_queries_with_sign_ups(handler_client, evenings, signups):
    north, _ = evenings

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert handler_client.get(INDEX_URL, {"evening": north.pk}).status_code == 200
        return len(queries)

    count()  # the first admin page of a site also creates its settings (the admin's title names the municipality)
    before = count()
    EveningSignupFactory.create_batch(15, evening=north, status=EveningSignup.Status.WAITLISTED)
    assert count() == before


def test_the_csv_export_is_formula_safe_and_follows_the_filter(handler_client, evenings, signups):
    north, _ = evenings
    EveningSignupFactory(evening=north, name='=HYPERLINK("http://x")', remark="+31 6 1234", persons=1)
    response = handler_client.get(INDEX_URL, {"evening": north.pk, "export": "csv"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:6] == ["Bijeenkomst", "Soort bijeenkomst", "Status", "Naam", "E-mailadres", "Aantal personen"]
    names = [row[3] for row in rows[1:]]
    assert "Zeynep Zuid" not in names
    assert '\'=HYPERLINK("http://x")' in names
    fatima = next(row for row in rows if row[3] == "Fatima el Amrani")
    assert (fatima[1], fatima[2], fatima[5]) == ("Informatiebijeenkomst", "Bevestigd", "2")
    assert any(row[6] == "'+31 6 1234" for row in rows)


def test_the_attendance_list_prints_who_comes_and_who_waits(handler_client, evenings, signups):
    north, _ = evenings
    response = handler_client.get(attendance_url(north))
    assert response.status_code == 200
    page = soup(response)
    assert page.find("html")["lang"] == "nl"
    come, wait = page.find_all("table")
    come_names = [row.find("td").get_text(strip=True) for row in come.find("tbody").find_all("tr")]
    assert come_names == ["Fatima el Amrani", "Jan de Vries", "Kees Bakker"]  # alphabetical, for at the door
    assert "Rolstoel" in come.get_text()
    assert come.find("tfoot").get_text(" ", strip=True) == "Totaal 5"
    assert "Wil Wachter" in wait.get_text()
    assert "Anne Afgemeld" not in page.get_text() and "Zeynep Zuid" not in page.get_text()
    # Its print layout is a static file (the Content-Security-Policy allows no <style> block).
    stylesheet = page.find("link", rel="stylesheet")["href"]
    assert stylesheet == "/static/css/attendance-list.css"
    assert "@media print" in Path(finders.find("css/attendance-list.css")).read_text(encoding="utf-8")


def test_a_handler_cancels_for_a_resident_and_the_waitlist_moves_up(
    handler_client, evenings, signups, django_capture_on_commit_callbacks
):
    north, _ = evenings
    jan = signups["jan"]
    assert "Ja, annuleer deze aanmelding" in handler_client.get(cancel_url(jan)).content.decode()
    jan.refresh_from_db()
    assert jan.is_confirmed  # GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(cancel_url(jan), follow=True)
    assert "Van de wachtlijst doorgeschoven: Wil Wachter" in response.content.decode()
    jan.refresh_from_db()
    assert jan.is_cancelled
    assert EveningSignup.objects.get(pk=signups["wachtend"].pk).is_confirmed
    assert sorted(m.to[0] for m in mail.outbox) == sorted([jan.email, signups["wachtend"].email])

    # Again (a second click, a reload): nothing more happens.
    response = handler_client.post(cancel_url(jan), follow=True)
    assert "was al geannuleerd" in response.content.decode()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("group_name", ["Redacteuren", "Moderatoren"])
def test_editors_outside_the_handlers_group_get_403(client, evenings, signups, group_name):
    north, _ = evenings
    client.force_login(editor_in(group_name))
    assert client.get(INDEX_URL).status_code == 403
    assert client.get(INDEX_URL, {"export": "csv"}).status_code == 403
    assert client.get(attendance_url(north)).status_code == 403
    assert client.get(cancel_url(signups["jan"])).status_code == 403
    assert client.post(cancel_url(signups["jan"])).status_code == 403
    assert EveningSignup.objects.get(pk=signups["jan"].pk).is_confirmed


def test_the_model_permission_alone_is_not_enough(client, evenings, signups):
    user = editor_in("Redacteuren")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_eveningsignup", "change_eveningsignup"]))
    client.force_login(user)
    assert client.get(INDEX_URL).status_code == 403
    assert client.get(attendance_url(evenings[0])).status_code == 403


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login(client, evenings, signups):
    for url in (INDEX_URL, attendance_url(evenings[0]), cancel_url(signups["jan"])):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_handlers_get_the_list_from_the_migration_and_cannot_add_or_edit(handler_client, signups):
    body = handler_client.get(INDEX_URL).content.decode()
    assert "/admin/aanmelding/eveningsignup/create/" not in body
    assert handler_client.get(f"{INDEX_URL}create/").status_code == 403
    assert handler_client.get(f"{INDEX_URL}edit/{signups['jan'].pk}/").status_code == 403
    assert handler_client.get(f"{INDEX_URL}delete/{signups['jan'].pk}/").status_code == 403


def test_export_attendance_list_and_cancel_are_logged_on_the_evening_without_names(
    handler, handler_client, evenings, signups
):
    from wagtail.models import PageLogEntry

    north, _ = evenings
    handler_client.get(INDEX_URL, {"evening": north.pk, "export": "csv"})
    handler_client.get(attendance_url(north))
    handler_client.post(cancel_url(signups["jan"]))

    entries = PageLogEntry.objects.filter(page=north, user=handler).order_by("timestamp", "pk")
    assert [entry.action for entry in entries] == [
        "aanmelding.eveningsignup.export",
        "aanmelding.eveningsignup.attendance",
        "aanmelding.eveningsignup.cancel",
    ]
    assert entries[0].data == {"format": "csv", "count": 5}
    assert entries[0].message == "5 aanmeldingen geëxporteerd (CSV)"
    for entry in entries:
        assert "Jan" not in str(entry.data) and "@" not in str(entry.data)
