"""After a submission: the editor approves (publishes) it, the submitter hears once; contact details are purged."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import WorkflowState

from forms.models import OutgoingMail
from forms.testing import clear_rate_limits, public_form_data
from home.periodic import registered
from nieuwsbrief.models import PracticeExamplePage, PracticeExampleSubmission
from nieuwsbrief.privacy import purge_practice_submissions
from nieuwsbrief.tasks import purge_expired_personal_data
from tests.factories import UserFactory, WijkFactory

from .practice_support import PracticeExampleIndexPageFactory, ShareExamplePageFactory
from .test_practice_share import FIELDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, home_page):
    clear_rate_limits()
    PracticeExampleIndexPageFactory(parent=home_page)
    WijkFactory(name="Noorderpark")
    share_page = ShareExamplePageFactory(parent=home_page)
    client.post(share_page.url, public_form_data(FIELDS))
    clear_rate_limits()
    return PracticeExamplePage.objects.get()


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderator", email="moderator@gemeente.example")
    user.groups.add(Group.objects.get(name="Moderatoren"))
    return user


def published_mails():
    return OutgoingMail.objects.filter(subject="Je praktijkvoorbeeld staat op de website")


def test_publishing_mails_the_submitter_the_link_once(submitted):
    submitted.get_latest_revision().publish()

    mail = published_mails().get()
    assert mail.to == "fatima@example.org"
    assert f"http://127.0.0.1:8000{submitted.url}" in mail.body_text and "Avondronde met zaklamp" in mail.body_text
    assert PracticeExampleSubmission.objects.get().published_mail_queued_at is not None

    page = PracticeExamplePage.objects.get()
    page.title = "Avondronde met zaklamp (bijgewerkt)"
    page.save_revision().publish()
    assert published_mails().count() == 1


def test_moderators_find_it_on_their_dashboard_awaiting_their_review(client, submitted, moderator):
    client.force_login(moderator)

    html = client.get("/admin/").content.decode()

    assert "In afwachting van jouw beoordeling" in html
    awaiting = html.split('id="awaiting-review-content"')[1].split("</table>")[0]
    assert f'<a href="/admin/pages/{submitted.pk}/edit/" title="Wijzig">Avondronde met zaklamp</a>' in awaiting


def test_approving_the_moderation_task_publishes_and_mails(client, submitted, moderator):
    task_state = submitted.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    page = PracticeExamplePage.objects.get()
    assert page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_APPROVED
    assert published_mails().count() == 1


def test_publishing_an_example_nobody_sent_in_mails_nobody(home_page):
    index = PracticeExampleIndexPageFactory(parent=home_page)
    page = PracticeExamplePage(title="Door de redactie", summary="Geschreven in het admin.", live=False)
    index.add_child(instance=page)

    page.save_revision().publish()

    assert not published_mails().exists()


def test_the_purge_blanks_contact_details_after_the_retention_period(submitted):
    submitted.get_latest_revision().publish()
    submission = PracticeExampleSubmission.objects.get()
    # The outbox's copies of the mails to the submitter are gone with the address; sent ones only.
    OutgoingMail.objects.update(status=OutgoingMail.Status.SENT)
    recent = PracticeExampleSubmission.objects.create(name="Jan", email="jan@example.org", page=None)

    # The default retention period is a year: a moment a day within it purges nothing.
    assert purge_practice_submissions(moment=submission.created_at + timedelta(days=364)) == 0

    later = timezone.now() + timedelta(days=366)
    recent.created_at = later - timedelta(days=10)
    recent.save()
    assert purge_practice_submissions(moment=later) == 1

    submission.refresh_from_db()
    assert (submission.name, submission.email) == ("", "")
    assert submission.personal_data_removed_at == later
    assert not OutgoingMail.objects.filter(to="fatima@example.org").exists()
    recent.refresh_from_db()
    assert recent.email == "jan@example.org"
    # The page stays, and a second run changes nothing.
    assert PracticeExamplePage.objects.get().live
    assert purge_practice_submissions(moment=later) == 0


def test_the_purge_runs_daily_as_a_periodic_task(submitted):
    paths = {entry.task.module_path: entry.interval for entry in registered()}
    assert paths["nieuwsbrief.tasks.purge_expired_personal_data"] == timedelta(hours=24)
    assert purge_expired_personal_data.call()["practice_submissions"] == 0


def test_a_purged_submitter_gets_no_mail_when_the_page_is_published_later(submitted):
    purge_practice_submissions(moment=timezone.now() + timedelta(days=400))

    submitted.get_latest_revision().publish()

    assert not published_mails().exists()
