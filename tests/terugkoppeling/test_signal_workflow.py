"""Handling a signal in the admin: the allowed steps, the response, forwarding, the mails, the audit log."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import ModelLogEntry

from forms import outbox
from forms.models import OutgoingMail
from terugkoppeling.models import Signal, SignalDepartment, SignalStatusChange
from tests.factories import PatrolReportFactory, SignalFactory, TeamFactory, TeamMemberFactory

from .signal_admin_support import department_url, handler, signal_history_url, signal_url

COORDINATOR = "coordinator@team.example"
DEPARTMENT = "licht@gemeente.example"


@pytest.fixture
def handler_client(client, db):
    client.force_login(handler(first_name="Bea", last_name="Handel"))
    return client


@pytest.fixture
def lighting(db):
    department = SignalDepartment.objects.get(category=Signal.Category.LIGHTING)
    department.name = "Openbare verlichting"
    department.email = DEPARTMENT
    department.save()
    return department


@pytest.fixture
def signal(db):
    team = TeamFactory(name="Molenwijk-Oost", coordinator_name="Karin de Wit", coordinator_email=COORDINATOR)
    walker = TeamMemberFactory(team=team, name="Pieter Jansen")
    report = PatrolReportFactory(team=team)
    report.walkers.add(walker)
    return SignalFactory(
        report=report,
        category=Signal.Category.LIGHTING,
        street="Molenweg",
        house_number="12",
        description="Lantaarnpaal brandt niet bij het speelveld.",
    )


def change(client, signal, new_status, response="We hebben het opgepakt."):
    return client.post(signal_url(signal), {"new_status": new_status, "response": response})


def sent_mails():
    outbox.send_due_mail()  # the worker's sweep
    return mail.outbox


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_form_offers_only_the_allowed_next_statuses(handler_client, signal):
    radios = page(handler_client.get(signal_url(signal))).select("input[name=new_status]")
    assert [radio["value"] for radio in radios] == ["doorgezet", "opgelost", "niet_opgepakt"]

    signal.change_status(Signal.Status.FORWARDED, response="Doorgezet.")
    radios = page(handler_client.get(signal_url(signal))).select("input[name=new_status]")
    assert [radio["value"] for radio in radios] == ["opgelost", "niet_opgepakt"]


def test_a_closed_signal_has_no_form(handler_client, signal):
    signal.change_status(Signal.Status.SOLVED, response="Gemaakt.")
    response = handler_client.get(signal_url(signal))
    assert not page(response).select("input[name=new_status]")
    assert "De status kan niet meer veranderen." in response.content.decode()


def test_solving_saves_the_change_and_mails_the_coordinator(handler_client, signal):
    response = change(handler_client, signal, "opgelost", "De lamp is vervangen. Dank voor het melden!")
    assert response.status_code == 302

    signal.refresh_from_db()
    assert signal.status == Signal.Status.SOLVED and signal.closed_at and signal.days_to_solution == 1
    step = SignalStatusChange.objects.get(signal=signal)
    assert (step.from_status, step.to_status) == ("ontvangen", "opgelost")
    assert step.response == "De lamp is vervangen. Dank voor het melden!"
    assert step.changed_by.get_full_name() == "Bea Handel"

    (message,) = sent_mails()
    assert message.to == [COORDINATOR]
    assert signal.reference in message.subject
    assert "Beste Karin de Wit," in message.body
    assert "De lamp is vervangen. Dank voor het melden!" in message.body
    assert "De status is nu: opgelost." in message.body
    html = message.alternatives[0][0]
    assert "De lamp is vervangen." in html
    assert OutgoingMail.objects.get().source == "terugkoppeling"


def test_the_history_lists_every_change(handler_client, signal, lighting):
    change(handler_client, signal, "doorgezet", "Doorgezet naar de afdeling verlichting.")
    change(handler_client, signal, "opgelost", "De lamp brandt weer.")
    rows = page(handler_client.get(signal_url(signal))).select("#geschiedenis tbody tr")
    texts = [" ".join(row.get_text(" ").split()) for row in rows]
    assert len(texts) == 3
    assert texts[1].startswith("Ontvangen Doorgezet Bea Handel") and "Doorgezet naar de afdeling" in texts[1]
    assert texts[2].startswith("Doorgezet Opgelost Bea Handel") and "De lamp brandt weer." in texts[2]


def test_a_response_is_required(handler_client, signal):
    response = change(handler_client, signal, "opgelost", "   ")
    assert response.status_code == 200
    assert "Schrijf een korte reactie voor het team." in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == Signal.Status.RECEIVED
    assert not SignalStatusChange.objects.exists() and not OutgoingMail.objects.exists()


def test_a_response_longer_than_1000_characters_is_refused(handler_client, signal):
    response = change(handler_client, signal, "opgelost", "a" * 1001)
    assert "Houd de reactie op hoogstens 1000 tekens (nu 1001)." in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == Signal.Status.RECEIVED


def test_a_step_the_workflow_does_not_allow_is_refused(handler_client, signal):
    signal.change_status(Signal.Status.FORWARDED, response="Doorgezet.")
    for status in ("ontvangen", "doorgezet", "bestaat-niet"):
        response = change(handler_client, signal, status)
        assert response.status_code == 200
        assert "Deze status kan nu niet" in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == Signal.Status.FORWARDED
    assert SignalStatusChange.objects.count() == 1


def test_a_closed_signal_cannot_change(handler_client, signal):
    signal.change_status(Signal.Status.NOT_TAKEN, response="Dit is particulier terrein.")
    response = change(handler_client, signal, "opgelost")
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == Signal.Status.NOT_TAKEN
    assert not OutgoingMail.objects.exists()


def test_forwarding_mails_the_department_and_the_coordinator(handler_client, signal, lighting):
    response = change(handler_client, signal, "doorgezet", "We hebben het doorgegeven aan de gemeente.")
    assert response.status_code == 302

    signal.refresh_from_db()
    assert signal.status == Signal.Status.FORWARDED
    assert signal.forwarded_to == "Openbare verlichting" and signal.forwarded_at
    messages = {tuple(m.to): m for m in sent_mails()}
    assert set(messages) == {(DEPARTMENT,), (COORDINATOR,)}

    department_mail = messages[(DEPARTMENT,)]
    body = department_mail.body
    assert "Soort: Verlichting." in body
    assert f"Gezien tijdens de ronde op: {signal.reported_on:%d-%m-%Y}." in body
    assert "Plek: Molenweg 12." in body  # the department needs the house number
    assert "Lantaarnpaal brandt niet bij het speelveld." in body
    assert "Molenwijk-Oost" in body
    # No names of people: not the coordinator, not who walked.
    for name in ("Karin de Wit", "Pieter Jansen"):
        assert name not in body and name not in department_mail.alternatives[0][0]

    coordinator_mail = messages[(COORDINATOR,)]
    assert "We hebben de melding doorgezet naar Openbare verlichting." in coordinator_mail.body
    assert "We hebben het doorgegeven aan de gemeente." in coordinator_mail.body
    assert "12" not in coordinator_mail.body.split("Molenweg", 1)[1][:5]  # street level only


def test_forwarding_without_a_department_address_is_refused_and_nothing_changes(handler_client, signal):
    department = SignalDepartment.objects.get(category=Signal.Category.LIGHTING)
    assert department.email == ""

    page_text = handler_client.get(signal_url(signal)).content.decode()
    assert "Doorzetten kan nog niet" in page_text
    assert department_url(department) in page_text  # where editors set it

    response = change(handler_client, signal, "doorgezet")
    assert response.status_code == 200
    assert "Doorzetten kan nog niet. Voor ‘Verlichting’ staat nog geen e-mailadres" in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == Signal.Status.RECEIVED and signal.forwarded_at is None
    assert not SignalStatusChange.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert not ModelLogEntry.objects.filter(action="terugkoppeling.signal.status").exists()
    assert sent_mails() == []


def test_status_changes_are_in_the_audit_log_without_personal_data(handler_client, signal, lighting):
    change(handler_client, signal, "doorgezet", "Doorgegeven aan Openbare verlichting, Karin.")
    change(handler_client, signal, "opgelost", "De lamp brandt weer.")

    entries = ModelLogEntry.objects.filter(action="terugkoppeling.signal.status").order_by("pk")
    assert [entry.data for entry in entries] == [
        {"from": "ontvangen", "to": "doorgezet"},
        {"from": "doorgezet", "to": "opgelost"},
    ]
    assert {entry.label for entry in entries} == {f"{signal.reference} (Verlichting)"}
    stored = " ".join(f"{entry.label} {entry.data} {entry.message}" for entry in entries)
    for private in ("Karin", "Pieter", "Molenweg", "12", "Lantaarnpaal", "lamp", COORDINATOR, DEPARTMENT):
        assert private not in stored.replace(signal.reference, "")

    history = handler_client.get(signal_history_url(signal)).content.decode()
    assert "Status gewijzigd van ‘Ontvangen’ naar ‘Doorgezet’" in history
    assert "Status gewijzigd van ‘Doorgezet’ naar ‘Opgelost’" in history


def test_the_detail_page_shows_the_report_context_and_the_house_number(handler_client, signal):
    text = " ".join(page(handler_client.get(signal_url(signal))).get_text(" ").split())
    assert "Molenweg 12" in text
    assert "Lantaarnpaal brandt niet bij het speelveld." in text
    assert "Molenwijk-Oost" in text
    assert signal.report.route in text


def test_the_report_detail_shows_everything(handler_client, signal):
    report = signal.report
    text = " ".join(
        page(handler_client.get(f"/admin/terugkoppeling/patrolreport/edit/{report.pk}/")).get_text(" ").split()
    )
    for expected in (
        report.route,
        report.noticed,
        "Pieter Jansen",
        "Open deuren en ramen, Verlichting",
        signal.reference,
    ):
        assert expected in text
