"""The dashboard panel "Werking van de site": the worker's heartbeat in words, the mail counts, the outbox link."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from forms import health
from forms.dashboard import ago_in_words
from forms.models import OutgoingMail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OUTBOX_URL = "/admin/forms/outgoingmail/"


@pytest.fixture(autouse=True)
def fresh_figures(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    health.forget_figures()
    yield
    health.forget_figures()


def heartbeat_ago(seconds):
    """A heartbeat the worker finished ``seconds`` ago: its row, claimed and finished as db_worker does
    (tests/forms/test_health.py runs the worker itself)."""
    row = DBTaskResult.objects.get(id=health.heartbeat.enqueue().id)
    row.claim("test-worker")
    row.set_successful("ok")
    DBTaskResult.objects.filter(id=row.id).update(finished_at=timezone.now() - timedelta(seconds=seconds))


def mails(source, waiting=0, failed=0):
    for number in range(waiting):
        OutgoingMail.objects.create(to=f"w{number}@example.org", subject="w", body_text="w", source=source)
    for number in range(failed):
        OutgoingMail.objects.create(
            to=f"f{number}@example.org", subject="f", body_text="f", source=source, status=OutgoingMail.Status.FAILED
        )


def user_with(*permissions):
    user = UserFactory()
    for name in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = name.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def links(panel):
    return [a["href"] for a in panel.find_all("a") if not a["href"].startswith("#")]


def operations_panel(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id="forms-operations-section")


def text(panel):
    return " ".join(panel.get_text(" ").split())


def test_the_heartbeat_in_dutch_words():
    assert [ago_in_words(s) for s in (5, 60, 119, 300, 3600, 7200, 3 * 86400)] == [
        "zojuist",
        "1 minuut geleden",
        "1 minuut geleden",
        "5 minuten geleden",
        "1 uur geleden",
        "2 uur geleden",
        "3 dagen geleden",
    ]


def test_a_superuser_sees_the_worker_the_counts_and_the_link(client):
    heartbeat_ago(90)
    mails("aanmelding", waiting=2, failed=1)
    mails("nieuwsbrief", waiting=1)
    panel = operations_panel(client, UserFactory(is_superuser=True))
    assert "De achtergrondverwerking werkt (laatst 1 minuut geleden)." in text(panel)
    assert "3 mails wachten op verzending; 1 mislukt." in text(panel)
    assert "Mislukte mails zijn vijf keer geprobeerd" in text(panel)
    assert links(panel) == [OUTBOX_URL]
    assert client.get(OUTBOX_URL).status_code == 200


def test_a_newsletter_editor_counts_the_newsletter_mails_and_may_open_the_outbox(client):
    heartbeat_ago(10)
    mails("aanmelding", waiting=2, failed=1)
    mails("nieuwsbrief", waiting=1)
    editor = user_with("forms.view_outgoingmail", "nieuwsbrief.manage_subscribers")
    panel = operations_panel(client, editor)
    assert "(laatst zojuist)" in text(panel)
    assert "1 mail wacht op verzending; 0 mislukt." in text(panel)
    assert links(panel) == [OUTBOX_URL]


def test_a_registration_handler_gets_the_counts_but_no_link_to_a_list_they_may_not_open(client):
    heartbeat_ago(10)
    mails("aanmelding", failed=1)
    handler = UserFactory()
    handler.groups.add(Group.objects.get(name="Behandelaars buurtpreventie"))
    panel = operations_panel(client, handler)
    assert "0 mails wachten op verzending; 1 mislukt." in text(panel)
    assert links(panel) == []
    assert client.get(OUTBOX_URL).status_code != 200


def test_nobody_else_gets_the_panel(client):
    assert operations_panel(client, user_with()) is None


def test_a_stopped_worker_and_one_that_never_ran(client):
    superuser = UserFactory(is_superuser=True)
    panel = operations_panel(client, superuser)
    assert "De achtergrondverwerking heeft nog niet gewerkt." in text(panel)
    heartbeat_ago(20 * 60)
    health.forget_figures()
    panel = operations_panel(client, superuser)
    assert "De achtergrondverwerking werkt niet. Ze werkte voor het laatst 20 minuten geleden." in text(panel)
    assert "Mails gaan nu niet weg." in text(panel)


def test_the_panel_costs_the_same_queries_however_many_mails(client):
    superuser = UserFactory(is_superuser=True)
    heartbeat_ago(10)
    client.force_login(superuser)
    client.get("/admin/")  # Wagtail's own first-visit lookups out of the way
    mails("nieuwsbrief", waiting=1)
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/")
    mails("nieuwsbrief", waiting=20, failed=20)
    with CaptureQueriesContext(connection) as many:
        client.get("/admin/")
    # Not more with forty mails than with one. (The first of two visits can cost one more: the
    # session's idle deadline or a figure kept for 15 s may be written then.)
    assert len(many) <= len(few)
    outbox_queries = [query for query in many.captured_queries if "forms_outgoingmail" in query["sql"]]
    assert len(outbox_queries) == 1
