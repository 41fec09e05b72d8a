"""The subscribers' admin and the read-only outbox: for "Redactie nieuwsbrief" (migration 0004), nobody else."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from forms.models import OutgoingMail
from nieuwsbrief.models import Subscriber
from tests.factories import UserFactory

from .subscriber_support import make_subscriber

pytestmark = pytest.mark.django_db

INDEX_URL = "/admin/nieuwsbrief/subscriber/"
OUTBOX_URL = "/admin/forms/outgoingmail/"
EDITORS = "Redactie nieuwsbrief"


@pytest.fixture
def editor(db):
    user = UserFactory(username="redacteur")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def subscribers(db):
    return {
        "active": make_subscriber("actief@example.org", wijk="Noorderpark"),
        "active2": make_subscriber("ook.actief@example.org"),
        "pending": make_subscriber("wacht@example.org", status=Subscriber.Status.PENDING),
        "gone": make_subscriber("weg@example.org", status=Subscriber.Status.UNSUBSCRIBED),
    }


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_group_holds_the_permissions_from_its_migration(editor):
    assert editor.has_perm("nieuwsbrief.manage_subscribers")
    assert editor.has_perm("nieuwsbrief.view_subscriber")
    assert editor.has_perm("forms.view_outgoingmail")
    assert not editor.has_perm("nieuwsbrief.add_subscriber")
    assert not editor.has_perm("forms.change_outgoingmail")


def test_the_list_shows_counts_per_status_filter_and_search(editor_client, subscribers):
    response = editor_client.get(INDEX_URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Actief: <strong>2</strong>" in body
    assert "Wacht op bevestiging: <strong>1</strong>" in body
    assert "Afgemeld: <strong>1</strong>" in body
    assert "actief (2)" in body  # the filter's choice with its count

    body = editor_client.get(INDEX_URL, {"status": "pending"}).content.decode()
    assert "wacht@example.org" in body and "actief@example.org" not in body

    body = editor_client.get(INDEX_URL, {"q": "ook.actief"}).content.decode()
    assert "ook.actief@example.org" in body and "wacht@example.org" not in body


def test_there_is_no_way_to_add_an_address(editor_client, admin_client, subscribers):
    body = editor_client.get(INDEX_URL).content.decode()
    assert INDEX_URL + "create/" not in body
    assert editor_client.get(INDEX_URL + "create/").status_code == 403
    response = editor_client.post(INDEX_URL + "create/", {"email": "stiekem@example.org", "status": "active"})
    assert response.status_code == 403
    # Not even a superuser: only the address's owner can subscribe it.
    assert admin_client.get(INDEX_URL + "create/").status_code == 403
    assert admin_client.get(INDEX_URL + f"edit/{subscribers['active'].pk}/").status_code == 403
    assert not Subscriber.objects.filter(email="stiekem@example.org").exists()


def test_users_without_the_permission_are_refused(client, subscribers):
    for group in ("Redacteuren", None):
        user = UserFactory()
        if group:
            user.groups.add(Group.objects.get(name=group))
        user.user_permissions.add(*_admin_access())
        client.force_login(user)
        assert client.get(INDEX_URL).status_code == 403
        assert client.get(INDEX_URL, {"export": "csv"}).status_code == 403
        assert client.post(INDEX_URL + f"unsubscribe/{subscribers['active'].pk}/").status_code == 403
        assert client.get(OUTBOX_URL).status_code in (302, 403)
    assert Subscriber.objects.get(pk=subscribers["active"].pk).is_active


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")


def test_an_editor_unsubscribes_one_with_a_confirmation_step(editor_client, editor, subscribers):
    url = INDEX_URL + f"unsubscribe/{subscribers['active'].pk}/"
    assert url in editor_client.get(INDEX_URL).content.decode()

    response = editor_client.get(url)
    assert response.status_code == 200 and "actief@example.org" in response.content.decode()
    assert Subscriber.objects.get(pk=subscribers["active"].pk).is_active

    response = editor_client.post(url)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(pk=subscribers["active"].pk)
    assert subscriber.is_unsubscribed and subscriber.unsubscribed_at is not None
    entry = ModelLogEntry.objects.get(action="nieuwsbrief.subscriber.unsubscribe")
    assert entry.user == editor and "actief@example.org" not in entry.label


def test_an_editor_deletes_one_with_the_outbox_copies_of_its_mails(editor_client, subscribers):
    subscriber = subscribers["gone"]
    kept = OutgoingMail.objects.create(to="ander@example.org", subject="x", body_text="x", status="sent")
    OutgoingMail.objects.create(to="weg@example.org", subject="x", body_text="x", status="sent")

    response = editor_client.post(INDEX_URL + f"delete/{subscriber.pk}/")

    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert list(OutgoingMail.objects.all()) == [kept]
    entry = ModelLogEntry.objects.get(action="nieuwsbrief.subscriber.delete")
    assert "weg@example.org" not in entry.label


def test_the_csv_export_holds_the_filtered_list_and_neutralises_formulas(editor_client, subscribers):
    # '=' and '-' are allowed in an address's local part, so an address can look like a formula.
    make_subscriber("=hyperlinkx@example.org")
    make_subscriber("-2+3@example.org", wijk="=1+1")

    rows = read_csv(editor_client.get(INDEX_URL, {"export": "csv"}))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["E-mailadres", "Status", "Wijk"]
    cells = [cell for row in body for cell in row]
    assert "'=hyperlinkx@example.org" in cells
    assert "'-2+3@example.org" in cells and "'=1+1" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)

    rows = read_csv(editor_client.get(INDEX_URL, {"export": "csv", "status": "unsubscribed"}))
    assert [row[0] for row in rows[1:]] == ["weg@example.org"]


def test_the_outbox_is_readable_not_editable(editor_client, admin_client):
    mail = {"body_text": "x", "source": "nieuwsbrief"}
    sent = OutgoingMail.objects.create(to="a@example.org", subject="Gelukt", status="sent", **mail)
    failed = OutgoingMail.objects.create(
        to="b@example.org", subject="Mislukt", status="failed", last_error="550 mailbox unavailable", **mail
    )
    OutgoingMail.objects.create(to="c@example.org", subject="Wacht", **mail)

    response = editor_client.get(OUTBOX_URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "550 mailbox unavailable" in body
    assert "Wachten op verzending: <strong>1</strong>" in body and "Mislukt: <strong>1</strong>" in body
    body = editor_client.get(OUTBOX_URL, {"status": "failed"}).content.decode()
    assert "Mislukt" in body and "Gelukt" not in body
    body = editor_client.get(OUTBOX_URL, {"q": "a@example.org"}).content.decode()
    assert "Gelukt" in body and "Wacht</" not in body

    for client in (editor_client, admin_client):
        assert OUTBOX_URL + "create/" not in client.get(OUTBOX_URL).content.decode()
        assert client.get(OUTBOX_URL + "create/").status_code == 403
        assert client.get(OUTBOX_URL + f"edit/{failed.pk}/").status_code == 403
        assert client.post(OUTBOX_URL + f"edit/{failed.pk}/", {"status": "pending"}).status_code == 403
        assert client.post(OUTBOX_URL + f"delete/{sent.pk}/").status_code == 403
    failed.refresh_from_db()
    assert failed.status == "failed"
    assert OutgoingMail.objects.count() == 3


def test_the_outbox_shows_each_group_only_the_mails_of_its_own_part(
    editor_client, admin_client, subscribers, home_page
):
    """A newsletter editor must not read registration mails (names of applicants), nor a handler subscription mails."""
    from aanmelding.mails.registrations import queue_round_alert_confirmation
    from aanmelding.models import RoundAlert
    from forms.mail import queue_mail
    from tests.factories import RegistrationPageFactory

    newsletter = queue_mail(
        "nieuw@example.org", "Bevestig je aanmelding voor de nieuwsbrief", "nieuwsbrief/mail/confirm"
    )
    # A real mail of aanmelding, on the shared template forms/mail/notice: the app names itself.
    registration_page = RegistrationPageFactory(parent=home_page)
    queue_round_alert_confirmation(RoundAlert.objects.create(email="aanvrager@example.org"), registration_page)
    registration = OutgoingMail.objects.get(to="aanvrager@example.org")
    assert (newsletter.source, registration.source) == ("nieuwsbrief", "aanmelding")

    body = editor_client.get(OUTBOX_URL).content.decode()
    assert "nieuw@example.org" in body and "aanvrager@example.org" not in body
    assert "Wachten op verzending: <strong>1</strong>" in body
    assert editor_client.get(OUTBOX_URL, {"q": "aanvrager"}).content.decode().count("aanvrager@example.org") == 0

    handler = UserFactory(username="behandelaar")
    handler.groups.add(Group.objects.get(name="Behandelaars buurtpreventie"))
    handler.user_permissions.add(Permission.objects.get(content_type__app_label="forms", codename="view_outgoingmail"))
    editor_client.force_login(handler)
    body = editor_client.get(OUTBOX_URL).content.decode()
    assert "aanvrager@example.org" in body and "nieuw@example.org" not in body

    body = admin_client.get(OUTBOX_URL).content.decode()
    assert "aanvrager@example.org" in body and "nieuw@example.org" in body
    assert OutgoingMail.objects.count() == 2


def admin_menu_urls(client):
    html = client.get("/admin/").content.decode()
    props = html.split('id="wagtail-sidebar-props" type="application/json">', 1)[1].split("</script>", 1)[0]
    return set(re.findall(r'"url": "(/admin/[^"]*)"', props))


def test_the_menu_offers_both_lists_to_the_group_only(client, editor_client):
    assert {INDEX_URL, OUTBOX_URL} <= admin_menu_urls(editor_client)
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Redacteuren"))
    client.force_login(user)
    assert not {INDEX_URL, OUTBOX_URL} & admin_menu_urls(client)
