"""Demo content of the newsletter archive: two issues that passed the workflow and were sent,
the approver's account, and the links to the newsletter from the footer, the home page and
the dossier chapter on sharing information."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import WorkflowState

from home.models import HomePage, MunicipalitySettings
from nieuwsbrief.demo import issues as issues_demo
from nieuwsbrief.groups import NEWSLETTER_EDITORS, WORKFLOW_NAME
from nieuwsbrief.models import (
    Delivery,
    NewsletterArchivePage,
    NewsletterIssuePage,
    ShareExamplePage,
    SubscribePage,
    Subscriber,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def load_demo(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo_content", stdout=StringIO())

    return run


def test_demo_archive_has_two_issues_that_passed_the_workflow_and_were_sent(load_demo, client):
    load_demo()
    archive = NewsletterArchivePage.objects.get()
    assert archive.live and archive.get_parent().specific == HomePage.objects.get()
    assert archive.get_workflow().name == WORKFLOW_NAME

    issues = list(archive.issues())
    assert [issue.title for issue in issues] == ["Nieuwsbrief najaar", "Nieuwsbrief zomer"]
    approver = get_user_model().objects.get(username="nieuwsbriefredactie")
    assert approver.groups.filter(name=NEWSLETTER_EDITORS).exists()
    for issue in issues:
        approved = WorkflowState.objects.for_instance(issue).get(workflow__name=WORKFLOW_NAME)
        assert approved.status == WorkflowState.STATUS_APPROVED
        assert approved.current_task_state.finished_by == approver
        assert approved.current_task_state.revision_id == issue.live_revision_id

        sending = issue.sending
        assert sending.started_at < sending.finished_at and sending.subject == issue.subject
        # The mail as a real send renders it: the web version linked, the sections in it.
        assert issue.full_url in sending.body_text and issue.full_url in sending.body_html
        assert "Uit de teams" in sending.body_text and "Agenda" in sending.body_html
        progress = sending.progress()
        assert progress["total"] == progress["sent"] > 0
        for delivery in sending.deliveries.select_related("subscriber"):
            assert delivery.status == Delivery.Status.SENT
            assert delivery.subscriber.confirmed_at <= sending.started_at
        types = [section.block_type for section in issue.sections]
        assert types == ["practice_examples", "text", "call_to_action", "agenda"]
        assert len(issue.sections[0].value["examples"]) == 2
        assert issue.sections[2].value["page"].specific == ShareExamplePage.objects.get()

        page = BeautifulSoup(client.get(issue.url).content, "html.parser")
        assert len(page.select(".example-card")) == 2
    # The one who unsubscribed last week got both; the newest subscriber only the latest.
    newest = Subscriber.objects.exclude(confirmed_at=None).order_by("-confirmed_at").first()
    assert newest.deliveries.count() == 1


def test_demo_links_the_newsletter_from_footer_home_and_dossier(load_demo, client):
    load_demo()
    archive = NewsletterArchivePage.objects.get()
    subscribe = SubscribePage.objects.get()
    assert MunicipalitySettings.objects.get().newsletter_page.specific == archive

    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert home.select_one(".site-footer").find("a", href=archive.url)
    assert home.main.find("a", href=archive.url)

    chapter = BeautifulSoup(client.get("/buurtpreventie/informatie-delen/").content, "html.parser")
    assert chapter.main.find("a", href=archive.url)
    assert chapter.main.find("a", href=subscribe.url)


def test_demo_leaves_pages_an_editor_changed_alone(load_demo, home_page):
    """The home page of an earlier demo database that an editor changed: no card added."""
    home_page.save_revision(user=get_user_model().objects.create_user("iemand")).publish()
    issues_demo.load(StringIO())
    archive = NewsletterArchivePage.objects.get()
    home = HomePage.objects.get()
    assert not any(card.value["page"].pk == archive.pk for card in home.highlights)
    # Without the practice examples and the share page (their part's demo did not run): fewer sections.
    issue = NewsletterIssuePage.objects.live().first()
    assert [section.block_type for section in issue.sections] == ["text", "agenda"]
