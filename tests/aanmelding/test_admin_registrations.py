"""Handling registrations in the admin: list, detail, workflow, mails, export, audit log, who may see them."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from aanmelding.models import Registration, RegistrationStatusChange
from tests.factories import (
    RegistrationFactory,
    RegistrationPageFactory,
    RegistrationRoundFactory,
    UserFactory,
    WijkFactory,
)

from .registration_support import HANDLERS, editor_in

INDEX_URL = "/admin/aanmelding/registration/"


def edit_url(registration):
    return f"/admin/aanmelding/registration/edit/{registration.pk}/"


# --- data --------------------------------------------------------------------


@pytest.fixture
def round_(db):
    now = timezone.now()
    return RegistrationRoundFactory(title="Najaar 2026", opens_at=now - timedelta(days=7))


@pytest.fixture
def earlier_round(db):
    now = timezone.now()
    return RegistrationRoundFactory(title="Voorjaar 2026", opens_at=now - timedelta(days=200))


@pytest.fixture
def wijken(db):
    return {name: WijkFactory(name=name) for name in ("Centrum", "Noorderpark")}


def make_registration(round_, wijk, **fields):
    values = {
        "kind": Registration.Kind.NEW_TEAM,
        "name": "Fatima el Amrani",
        "email": "fatima@voorbeeld.example",
        "phone": "06 12345678",
        "postcode": "1234 AB",
        "initiative_name": "Buurtpreventie Noorderpark",
        "expected_members": 6,
        "remarks": "",
        "consent_version": "2026-11",
        **fields,
    }
    return RegistrationFactory(round=round_, wijk=wijk, **values)


@pytest.fixture
def registration(round_, wijken):
    return make_registration(
        round_,
        wijken["Noorderpark"],
        statement_shared_responsibility=5,
        statement_social_control=4,
        statement_feedback=2,
        availability=["doordeweeks_avond", "weekend"],
        heard_via="buren",
        remarks="Ik woon hier al twintig jaar.",
    )


@pytest.fixture
def registration_page(home_page):
    return RegistrationPageFactory(
        parent=home_page,
        invitation_mail_subject="Kom kennismaken",
        invitation_mail_text="We nodigen je uit voor een gesprek.\n\nWe bellen je binnenkort.",
        admission_mail_text="Welkom in het team.",
        rejection_mail_text="Helaas.",
    )


# --- users -------------------------------------------------------------------


# --- the list ----------------------------------------------------------------


def test_the_list_shows_the_columns_newest_first(handler_client, registration, round_, wijken):
    newer = make_registration(round_, wijken["Centrum"], name="Jan de Vries", email="jan@voorbeeld.example")
    purged = make_registration(round_, wijken["Centrum"], name="Weg Persoon", email="weg@voorbeeld.example")
    purged.withdraw()

    response = handler_client.get(INDEX_URL)

    assert response.status_code == 200
    body = response.content.decode()
    for text in (registration.reference, "Fatima el Amrani", "Nieuw team", "Noorderpark", "Najaar 2026", "Ontvangen"):
        assert text in body
    assert "(gegevens verwijderd)" in body and "Weg Persoon" not in body
    assert body.index(newer.reference) < body.index(registration.reference)
    assert "/admin/aanmelding/registration/create/" not in body  # registrations come from the public form


def test_the_filters_narrow_the_list_and_show_counts_per_status(
    handler_client, handler, registration, round_, earlier_round, wijken
):
    invited = make_registration(round_, wijken["Centrum"], name="Jan de Vries", email="jan@voorbeeld.example")
    invited.change_status(Registration.Status.INVITED, by=handler)
    old = make_registration(
        earlier_round,
        wijken["Centrum"],
        name="Piet Oud",
        email="piet@voorbeeld.example",
        kind=Registration.Kind.JOIN_TEAM,
    )

    body = handler_client.get(INDEX_URL).content.decode()
    assert "Ontvangen (2)" in body and "Uitgenodigd voor intake (1)" in body and "Afgewezen (0)" in body

    def names(**params):
        body = handler_client.get(INDEX_URL, params).content.decode()
        return {name for name in ("Fatima el Amrani", "Jan de Vries", "Piet Oud") if name in body}

    assert names(status=Registration.Status.INVITED) == {"Jan de Vries"}
    assert names(round=earlier_round.pk) == {"Piet Oud"}
    assert names(kind=Registration.Kind.JOIN_TEAM) == {"Piet Oud"}
    assert names(wijk=wijken["Noorderpark"].pk) == {"Fatima el Amrani"}
    assert names(round=round_.pk, wijk=wijken["Centrum"].pk) == {"Jan de Vries"}
    assert names(status="onzin", round="x") == {"Fatima el Amrani", "Jan de Vries", "Piet Oud"}
    # Other parameters are no field lookups (modeladmin's default) and no server error.
    assert names(email__startswith="jan", foo="bar") == {"Fatima el Amrani", "Jan de Vries", "Piet Oud"}
    # The counts follow the other filters.
    body = handler_client.get(INDEX_URL, {"round": round_.pk}).content.decode()
    assert "Ontvangen (1)" in body and "Uitgenodigd voor intake (1)" in body
    assert old.reference not in body


@pytest.mark.parametrize(
    "term",
    ["Fatima", "fatima@voorbeeld", "1234 ab", "1234AB", "Noorderpark", "reference", "reference-lower"],
)
def test_search_finds_by_name_email_postcode_initiative_and_reference(
    handler_client, registration, round_, wijken, term
):
    make_registration(
        round_,
        wijken["Centrum"],
        name="Jan de Vries",
        email="jan@voorbeeld.example",
        postcode="9999 ZZ",
        initiative_name="",
    )
    if term == "reference":
        term = registration.reference
    elif term == "reference-lower":
        term = registration.reference.lower().replace("-0000", "-")
    body = handler_client.get(INDEX_URL, {"q": term}).content.decode()
    assert "Fatima el Amrani" in body
    assert "Jan de Vries" not in body


# --- the detail page ---------------------------------------------------------


def test_the_detail_page_shows_everything_the_applicant_sent(handler_client, registration):
    registration.internal_notes = "Belt liever na 18 uur."
    registration.save()

    response = handler_client.get(edit_url(registration))

    assert response.status_code == 200
    body = response.content.decode()
    for text in (
        registration.reference,
        "Een nieuw buurtpreventieteam dat rondes loopt",
        "Fatima el Amrani",
        "fatima@voorbeeld.example",
        "06 12345678",
        "1234 AB",
        "Noorderpark",
        "Buurtpreventie Noorderpark",
        "Ik voel me als bewoner medeverantwoordelijk",
        "Helemaal mee eens",
        "Niet ingevuld",
        "Normatieve partner",
        "4,5",  # (5 + 4) / 2
        "Pragmatische samenwerker",
        "Doordeweeks &#x27;s avonds, In het weekend",
        "Via buren, vrienden of familie",
        "Ik woon hier al twintig jaar.",
        "versie 2026-11",
        "Belt liever na 18 uur.",
    ):
        assert text in body, text


def test_the_status_form_offers_only_the_next_steps_of_the_workflow(handler_client, registration):
    body = handler_client.get(edit_url(registration)).content.decode()
    offered = {status for status, _ in Registration.Status.choices if f'value="{status}"' in body}
    assert offered == {Registration.Status.INVITED, Registration.Status.REJECTED, Registration.Status.WITHDRAWN}


def test_a_status_change_is_recorded_and_shown(handler_client, handler, registration):
    response = handler_client.post(
        edit_url(registration),
        {"action": "status", "new_status": Registration.Status.INVITED, "note": "Gebeld, komt dinsdag."},
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.INVITED
    change = RegistrationStatusChange.objects.get(registration=registration)
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        Registration.Status.RECEIVED,
        Registration.Status.INVITED,
        handler,
        "Gebeld, komt dinsdag.",
    )
    assert abs(change.changed_at - timezone.now()) < timedelta(minutes=1)

    body = handler_client.get(edit_url(registration)).content.decode()
    history = body[body.index("Geschiedenis") :]
    assert "Ontvangen" in history and "Uitgenodigd voor intake" in history
    assert "Bea Handel" in history and "Gebeld, komt dinsdag." in history
    # Now the next steps are different.
    assert f'value="{Registration.Status.INTAKE_DONE}"' in body and f'value="{Registration.Status.INVITED}"' not in body


def test_a_status_change_outside_the_workflow_is_refused(handler_client, registration):
    response = handler_client.post(
        edit_url(registration), {"action": "status", "new_status": Registration.Status.ADMITTED}
    )

    assert response.status_code == 200
    assert "Deze status kan nu niet" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED
    assert not registration.status_changes.exists()


def test_a_withdrawn_and_purged_registration_cannot_move_on(handler_client, registration):
    registration.withdraw()

    body = handler_client.get(edit_url(registration)).content.decode()
    assert "(gegevens verwijderd)" in body and "Fatima" not in body
    assert 'name="new_status"' not in body and 'name="internal_notes"' not in body

    for status in (Registration.Status.RECEIVED, Registration.Status.INVITED, Registration.Status.ADMITTED):
        handler_client.post(edit_url(registration), {"action": "status", "new_status": status})
    handler_client.post(edit_url(registration), {"action": "notes", "internal_notes": "Toch nog iets"})
    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN
    assert registration.internal_notes == ""
    assert registration.status_changes.count() == 1


def test_internal_notes_are_saved(handler_client, registration):
    response = handler_client.post(
        edit_url(registration), {"action": "notes", "internal_notes": "Intake gepland op 12 mei."}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.internal_notes == "Intake gepland op 12 mei."


# --- mails -------------------------------------------------------------------


def test_the_invitation_mail_goes_out_when_ticked_with_the_pages_texts(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(
            edit_url(registration), {"action": "status", "new_status": Registration.Status.INVITED, "send_mail": "on"}
        )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@voorbeeld.example"]
    assert message.subject == f"Kom kennismaken ({registration.reference})"
    assert "Beste Fatima el Amrani," in message.body
    assert "We nodigen je uit voor een gesprek." in message.body and "We bellen je binnenkort." in message.body


def test_no_mail_when_not_ticked(handler_client, registration, registration_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(edit_url(registration), {"action": "status", "new_status": Registration.Status.INVITED})

    registration.refresh_from_db()
    assert registration.status == Registration.Status.INVITED
    assert mail.outbox == []


def test_no_mail_for_a_status_without_one_even_when_ticked(
    handler_client, handler, registration, registration_page, django_capture_on_commit_callbacks
):
    registration.change_status(Registration.Status.INVITED, by=handler)
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(
            edit_url(registration),
            {"action": "status", "new_status": Registration.Status.INTAKE_DONE, "send_mail": "on"},
        )

    registration.refresh_from_db()
    assert registration.status == Registration.Status.INTAKE_DONE
    assert mail.outbox == []


def test_the_mail_checkbox_is_offered_only_with_mail_statuses_and_a_live_page(
    handler_client, handler, registration, registration_page
):
    body = handler_client.get(edit_url(registration)).content.decode()
    assert "Stuur de aanvrager de bijbehorende mail" in body
    assert "Voorbeeld: mail bij ‘Uitgenodigd voor intake’" in body

    registration.change_status(Registration.Status.INVITED, by=handler)  # next: intake held, rejected, withdrawn
    body = handler_client.get(edit_url(registration)).content.decode()
    assert "Stuur de aanvrager de bijbehorende mail" in body  # for "afgewezen"

    registration.change_status(Registration.Status.INTAKE_DONE, by=handler)
    registration.change_status(Registration.Status.ADMITTED, by=handler)  # next: only withdrawn, no mail
    body = handler_client.get(edit_url(registration)).content.decode()
    assert "Stuur de aanvrager de bijbehorende mail" not in body

    registration_page.unpublish()
    other = make_registration(registration.round, registration.wijk, email="ander@voorbeeld.example")
    body = handler_client.get(edit_url(other)).content.decode()
    assert "Stuur de aanvrager de bijbehorende mail" not in body
    assert "geen gepubliceerde aanmeldpagina" in body


def test_a_failed_status_change_sends_nothing(
    handler_client, registration, registration_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(
            edit_url(registration), {"action": "status", "new_status": Registration.Status.ADMITTED, "send_mail": "on"}
        )
    assert mail.outbox == []


# --- audit log ---------------------------------------------------------------


def assert_no_personal_data(entry):
    text = f"{entry.label} {entry.data}"
    for value in ("Fatima", "fatima@", "06 12345678", "1234 AB", "Buurtpreventie Noorderpark", "twintig"):
        assert value not in text


def test_viewing_a_registration_is_in_the_audit_log_without_personal_data(handler_client, handler, registration):
    handler_client.get(edit_url(registration))

    entry = ModelLogEntry.objects.get(action="aanmelding.registration.view")
    assert entry.object_id == str(registration.pk)
    assert entry.user == handler
    assert entry.label == registration.reference
    assert entry.data == {}
    assert_no_personal_data(entry)
    assert entry.message == "Gegevens van de aanmelding bekeken"


def test_a_status_change_is_in_the_audit_log(handler_client, handler, registration, registration_page):
    handler_client.post(
        edit_url(registration),
        {"action": "status", "new_status": Registration.Status.REJECTED, "note": "Fatima woont buiten de gemeente"},
    )

    entry = ModelLogEntry.objects.get(action="aanmelding.registration.status")
    assert entry.user == handler
    assert entry.data == {"from": Registration.Status.RECEIVED, "to": Registration.Status.REJECTED, "mail": False}
    assert_no_personal_data(entry)
    assert entry.message == "Status gewijzigd van ‘Ontvangen’ naar ‘Afgewezen’"


def test_the_audit_history_page_shows_the_entries_to_handlers(handler_client, registration):
    handler_client.get(edit_url(registration))
    response = handler_client.get(f"/admin/aanmelding/registration/history/{registration.pk}/")
    assert response.status_code == 200
    assert "Gegevens van de aanmelding bekeken" in response.content.decode()


# --- export ------------------------------------------------------------------


def read_csv(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_csv_export_holds_the_filtered_list(handler_client, handler, registration, round_, earlier_round, wijken):
    make_registration(earlier_round, wijken["Centrum"], name="Piet Oud", email="piet@voorbeeld.example")

    response = handler_client.get(INDEX_URL, {"round": round_.pk, "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == [
        "Referentie",
        "Aanmeldmoment",
        "Soort",
        "Status",
        "Ontvangen op",
        "Naam",
        "E-mailadres",
        "Telefoonnummer",
        "Postcode",
        "Wijk",
        "Naam team of groep",
        "Gekozen team",
        "Verwacht aantal deelnemers",
        "Beschikbaarheid",
        "Gehoord via",
    ]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Referentie"] == registration.reference
    assert row["Aanmeldmoment"] == "Najaar 2026"
    assert row["Soort"] == "Een nieuw buurtpreventieteam dat rondes loopt"
    assert row["Status"] == "Ontvangen"
    assert row["Naam"] == "Fatima el Amrani" and row["E-mailadres"] == "fatima@voorbeeld.example"
    assert row["Wijk"] == "Noorderpark" and row["Verwacht aantal deelnemers"] == "6"
    assert row["Beschikbaarheid"] == "Doordeweeks 's avonds, In het weekend"
    assert row["Gehoord via"] == "Via buren, vrienden of familie"
    assert "Piet Oud" not in response.content.decode("utf-8-sig")

    entries = ModelLogEntry.objects.filter(action="aanmelding.registration.export")
    assert [(e.object_id, e.user, e.data) for e in entries] == [(str(registration.pk), handler, {"format": "csv"})]
    assert_no_personal_data(entries[0])


def test_the_export_leaves_out_internal_notes(handler_client, registration):
    registration.internal_notes = "Geheime notitie"
    registration.save()
    response = handler_client.get(INDEX_URL, {"export": "csv"})
    assert "Geheime notitie" not in response.content.decode("utf-8-sig")


def test_exports_neutralise_formulas(handler_client, round_, wijken):
    make_registration(
        round_,
        wijken["Centrum"],
        name='=HYPERLINK("https://kwaad.example","Klik")',
        initiative_name="+31 team",
        email="formule@voorbeeld.example",
    )

    rows = read_csv(handler_client.get(INDEX_URL, {"export": "csv"}))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Naam"] == '\'=HYPERLINK("https://kwaad.example","Klik")'
    assert row["Naam team of groep"] == "'+31 team"

    response = handler_client.get(INDEX_URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    name_cell = sheet.cell(row=2, column=header.index("Naam") + 1)
    assert name_cell.value == '=HYPERLINK("https://kwaad.example","Klik")'  # as typed, in a text cell
    assert name_cell.data_type == "s"
    assert all(cell.data_type == "s" for cell in sheet[2] if cell.value is not None)


def test_the_list_offers_the_export_with_the_current_filters(handler_client, registration, round_):
    body = handler_client.get(INDEX_URL, {"round": round_.pk}).content.decode()
    assert f"?round={round_.pk}&amp;export=csv" in body and f"?round={round_.pk}&amp;export=xlsx" in body


# --- who may see registrations -----------------------------------------------


@pytest.mark.parametrize("group_name", ["Redacteuren", "Moderatoren"])
def test_editors_outside_the_handlers_group_get_403(client, registration, group_name):
    client.force_login(editor_in(group_name))

    assert client.get("/admin/").status_code == 200  # they do have admin access
    assert client.get(INDEX_URL).status_code == 403
    assert client.get(INDEX_URL, {"export": "csv"}).status_code == 403
    assert client.get(INDEX_URL, {"export": "xlsx"}).status_code == 403
    assert client.get(edit_url(registration)).status_code == 403
    assert client.post(edit_url(registration), {"action": "status", "new_status": "uitgenodigd"}).status_code == 403
    assert client.get(f"/admin/aanmelding/registration/history/{registration.pk}/").status_code == 403
    assert client.get(f"/admin/aanmelding/registration/delete/{registration.pk}/").status_code == 403
    assert client.get("/admin/aanmelding/registration/edit/999999/").status_code == 403
    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED
    assert not ModelLogEntry.objects.filter(action__startswith="aanmelding.registration").exists()
    assert "Aanmeldingen" not in client.get("/admin/").content.decode()


def test_group_permissions_alone_are_not_enough(client, registration):
    """The model permissions without aanmelding.handle_registrations still get a 403."""
    from django.contrib.auth.models import Permission

    user = editor_in("Redacteuren")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_registration", "change_registration"]))
    client.force_login(user)
    assert client.get(INDEX_URL).status_code == 403
    assert client.get(edit_url(registration)).status_code == 403


def test_access_goes_by_permission_so_a_renamed_handlers_group_keeps_it(handler_client, registration):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=HANDLERS)
    group.name = "Team Veiligheid en Wijken"
    group.save()

    assert handler_client.get(INDEX_URL).status_code == 200
    assert handler_client.get(edit_url(registration)).status_code == 200
    assert handler_client.get("/admin/aanmelding/eveningsignup/").status_code == 200


def test_any_group_with_the_handle_permission_gives_access(client, registration):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Wijkteam Noord")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="aanmelding",
            codename__in=["handle_registrations", "view_registration", "access_admin"],
        ),
        Permission.objects.get(codename="access_admin"),
    )
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)

    assert client.get(INDEX_URL).status_code == 200
    assert client.get(edit_url(registration)).status_code == 200
    # Seeing is not handling: without change_registration no status can change.
    client.post(edit_url(registration), {"action": "status", "new_status": "uitgenodigd"})
    registration.refresh_from_db()
    assert registration.status == Registration.Status.RECEIVED


def test_the_403_page_names_the_groups_that_have_access(client, registration):
    from django.contrib.auth.models import Group

    Group.objects.filter(name=HANDLERS).update(name="Team Veiligheid en Wijken")
    client.force_login(editor_in("Redacteuren"))

    response = client.get(INDEX_URL)

    assert response.status_code == 403
    assert "‘Team Veiligheid en Wijken’" in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, registration):
    for url in (INDEX_URL, f"{INDEX_URL}?export=csv", edit_url(registration)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert not ModelLogEntry.objects.exists()


def test_superusers_see_registrations_and_only_they_may_delete(client, handler_client, registration):
    delete_url = f"/admin/aanmelding/registration/delete/{registration.pk}/"
    assert handler_client.get(delete_url).status_code == 403
    assert handler_client.post(delete_url).status_code == 403
    assert handler_client.get("/admin/aanmelding/registration/create/").status_code == 403

    client.force_login(UserFactory(is_superuser=True))
    assert client.get(INDEX_URL).status_code == 200
    assert client.get(edit_url(registration)).status_code == 200
    assert client.get("/admin/aanmelding/registration/create/").status_code == 403
    reference = registration.reference
    assert client.post(delete_url).status_code == 302
    assert not Registration.objects.exists()
    entry = ModelLogEntry.objects.get(action="wagtail.delete")
    assert entry.label == reference


def test_editors_manage_rounds_and_wijken_handlers_only_see_them(client, handler_client, round_):
    """Rounds and wijken are content (migration 0011); tests/aanmelding/test_roles.py has the rest."""
    assert handler_client.get("/admin/aanmelding/registrationround/").status_code == 200
    assert handler_client.get("/admin/aanmelding/wijk/").status_code == 200
    # Wagtail's usual refusal: back to the dashboard with a message.
    response = handler_client.get(f"/admin/aanmelding/registrationround/edit/{round_.pk}/")
    assert response.status_code == 302 and response["Location"] == "/admin/"

    client.force_login(editor_in("Redacteuren"))
    for url in ("/admin/aanmelding/registrationround/", "/admin/aanmelding/wijk/"):
        assert client.get(url).status_code == 200
    assert client.get(f"/admin/aanmelding/registrationround/edit/{round_.pk}/").status_code == 200
