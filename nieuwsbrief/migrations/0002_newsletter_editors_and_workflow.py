"""The group "Redactie nieuwsbrief" and the workflow "Nieuwsbrief" with its one task,
"Goedkeuring nieuwsbrief", approved by that group. An issue can be sent only once it has
passed this workflow. The group may use the admin, see the sendings and their deliveries
and send (nieuwsbrief.send_newsletter); its page rights on the archive are granted where
an archive page is made (nieuwsbrief.workflow), which also attaches the workflow to it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Copies of nieuwsbrief/groups.py as they were when this migration was written.
GROUP = "Redactie nieuwsbrief"
WORKFLOW = "Nieuwsbrief"
TASK = "Goedkeuring nieuwsbrief"
PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "nieuwsbrief": ["view_delivery", "view_newslettersending", "send_newsletter"],
}


def create(apps, schema_editor):
    # Permissions are normally made after all migrations; make this app's now.
    app_config = apps.get_app_config("nieuwsbrief")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codenames in PERMISSIONS.items():
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))

    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK, content_type=content_type, active=True)
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def remove(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("nieuwsbrief", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, remove)]
