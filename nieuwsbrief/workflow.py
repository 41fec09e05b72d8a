"""The approval of newsletter issues: the workflow "Nieuwsbrief" on the archive page.

Migration 0002 makes the group, the workflow and its task; ``ensure_newsletter_workflow``
makes them again where they are missing (a database emptied without migrating, an
administrator who deleted one). ``attach_to_archive`` is called for every new archive page
(``wagtail_hooks``) and by the demo: the workflow then applies to every issue under it, and
the group may write, edit and publish issues there.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from .groups import GROUP_PERMISSIONS, NEWSLETTER_EDITORS, TASK_NAME, WORKFLOW_NAME

ARCHIVE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def ensure_newsletter_group():
    """The group "Redactie nieuwsbrief" with its model permissions (adding what is missing)."""
    group, _ = Group.objects.get_or_create(name=NEWSLETTER_EDITORS)
    for app_label, codenames in GROUP_PERMISSIONS.items():
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    return group


def ensure_newsletter_workflow():
    """The workflow "Nieuwsbrief": one task, approved by "Redactie nieuwsbrief"."""
    group = ensure_newsletter_group()
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(group)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def attach_to_archive(archive):
    """Put the archive's issues under the workflow and give the group its page rights there.

    An archive that already has a workflow of its own keeps it: an administrator chose it.
    """
    workflow = ensure_newsletter_workflow()
    WorkflowPage.objects.get_or_create(page=archive, defaults={"workflow": workflow})
    group = ensure_newsletter_group()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=ARCHIVE_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=archive, permission=permission)
