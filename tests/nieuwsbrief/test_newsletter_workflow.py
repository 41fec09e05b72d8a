"""The group "Redactie nieuwsbrief", the workflow "Nieuwsbrief" (migration 0002) and its
attachment to every archive page, also one an editor makes in the admin."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from nieuwsbrief.groups import NEWSLETTER_EDITORS, SEND_PERMISSION, TASK_NAME, WORKFLOW_NAME
from nieuwsbrief.models import NewsletterArchivePage
from nieuwsbrief.workflow import attach_to_archive
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_migration_made_the_group_with_admin_access_the_delivery_log_and_sending():
    group = Group.objects.get(name=NEWSLETTER_EDITORS)
    permissions = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert {
        "wagtailadmin.access_admin",
        "nieuwsbrief.view_delivery",
        "nieuwsbrief.view_newslettersending",
        SEND_PERMISSION,
    } <= permissions
    member = UserFactory()
    member.groups.add(group)
    assert member.has_perm(SEND_PERMISSION)
    assert not UserFactory().has_perm(SEND_PERMISSION)


def test_send_permission_has_a_dutch_name():
    assert Permission.objects.get(codename="send_newsletter").name == "Mag nieuwsbrieven versturen"


def test_migration_made_the_workflow_with_one_approval_task_for_the_group():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == [TASK_NAME]
    assert [group.name for group in tasks[0].groups.all()] == [NEWSLETTER_EDITORS]


def test_an_archive_made_in_the_admin_gets_the_workflow_and_the_groups_page_rights(home_page, client):
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailadmin_pages:add", args=("nieuwsbrief", "newsletterarchivepage", home_page.pk))
    response = client.post(url, {"title": "Nieuwsbrieven", "slug": "nieuwsbrieven", "action-publish": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    archive = NewsletterArchivePage.objects.get(slug="nieuwsbrieven")
    assert WorkflowPage.objects.get(page=archive).workflow.name == WORKFLOW_NAME
    assert archive.get_workflow().name == WORKFLOW_NAME
    granted = set(
        GroupPagePermission.objects.filter(page=archive, group__name=NEWSLETTER_EDITORS).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "change_page", "publish_page"}


def test_attaching_again_changes_nothing_and_keeps_an_administrators_own_workflow(home_page):
    archive = home_page.add_child(instance=NewsletterArchivePage(title="Nieuwsbrieven", slug="nieuwsbrieven"))
    other = Workflow.objects.create(name="Eigen keuze")
    WorkflowPage.objects.create(page=archive, workflow=other)
    attach_to_archive(archive)
    attach_to_archive(archive)
    assert archive.get_workflow() == other
    assert GroupPagePermission.objects.filter(page=archive).count() == 3


def test_group_and_workflow_are_made_again_where_they_are_missing(home_page):
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Group.objects.filter(name=NEWSLETTER_EDITORS).delete()
    archive = home_page.add_child(instance=NewsletterArchivePage(title="Nieuwsbrieven", slug="nieuwsbrieven"))
    attach_to_archive(archive)
    assert archive.get_workflow().name == WORKFLOW_NAME
    group = Group.objects.get(name=NEWSLETTER_EDITORS)
    assert group.permissions.filter(codename="send_newsletter").exists()
    assert [g.name for g in archive.get_workflow().tasks.first().specific.groups.all()] == [NEWSLETTER_EDITORS]
