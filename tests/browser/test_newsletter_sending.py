"""The demo account of "Redactie nieuwsbrief" sends an issue from the admin, at 1280 px.

From the issue's page header: a test mail to themselves, then "Versturen", whose
confirmation names the number of active subscribers (axe on that page, without
violations in our part of the screen), then the progress. Tasks run at once in tests, so the send is done
when the page comes back.
"""

import pytest
from django.core import mail
from wagtail.models import Workflow

from nieuwsbrief.groups import WORKFLOW_NAME
from nieuwsbrief.models import Delivery, NewsletterArchivePage, NewsletterIssuePage, Subscriber
from tests.browser.conftest import WCAG_TAGS

pytestmark = pytest.mark.django_db(transaction=True)

APPROVER = "nieuwsbriefredactie"  # the demo account of "Redactie nieuwsbrief"


def approved_issue():
    """A new issue under the demo archive, approved in the workflow "Nieuwsbrief" (which publishes it)."""
    from django.contrib.auth import get_user_model

    approver = get_user_model().objects.get(username=APPROVER)
    archive = NewsletterArchivePage.objects.get()
    issue = NewsletterIssuePage(
        title="Nieuwsbrief van de browsertest",
        slug="nieuwsbrief-browsertest",
        subject="Nieuws uit de teams (browsertest)",
        intro="Een nieuwe nieuwsbrief.",
        live=False,
    )
    archive.add_child(instance=issue)
    issue.save_revision(user=approver)
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(issue, approver)
    state.current_task_state.approve(user=approver)
    return issue


def assert_send_page_accessible(axe, page):
    """axe on our part of the screen (Wagtail's own chrome, such as its messages, is checked with the dashboard)."""
    results = axe.run(
        page, context={"include": [["[data-send-page]"]]}, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    )
    assert results.violations_count == 0, results.generate_report()


def open_header_action(page, name):
    """Follow an action in the page header's "more" menu, as an editor does."""
    page.locator("header").get_by_role("button", name="Acties").click()
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def test_the_newsletter_editor_sends_a_test_mail_then_the_issue_and_sees_the_progress(demo_admin, live_server, axe):
    issue = approved_issue()
    active = Subscriber.objects.active().count()
    assert active >= 2
    page = demo_admin(APPROVER, 1280)
    mail.outbox.clear()

    page.goto(f"{live_server.url}/admin/pages/{issue.pk}/edit/")
    open_header_action(page, "Stuur een testmail naar mijzelf")
    page.get_by_role("button", name="Stuur de testmail naar nieuwsbrief@gemeente.example").click()
    page.wait_for_selector(".messages .success")
    assert [message.to for message in mail.outbox] == [["nieuwsbrief@gemeente.example"]]
    assert mail.outbox[0].subject == "Testmail: Nieuws uit de teams (browsertest)"

    open_header_action(page, "Versturen")
    confirm = page.locator("[data-send-confirm]")
    assert f"{active} abonnees" in confirm.inner_text()
    assert_send_page_accessible(axe, page)
    page.get_by_role("button", name=f"Ja, verstuur aan {active} abonnees").click()
    page.wait_for_selector("[data-sending-progress]")

    progress = page.locator("[data-sending-progress]").inner_text()
    assert f"{active} van {active} verzonden" in progress
    assert "0 mislukt" in progress and "Klaar op" in progress
    assert Delivery.objects.filter(sending__issue=issue, status=Delivery.Status.SENT).count() == active
    assert len(mail.outbox) == 1 + active
    assert_send_page_accessible(axe, page)
