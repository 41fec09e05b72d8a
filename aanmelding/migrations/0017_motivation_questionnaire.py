"""The motivation questionnaire 'Wat drijft jou?' and its anonymous totals per week.

Who may see the totals (aanmelding.view_motivationweek) goes by permission, not by group name:
every group that runs rounds (aanmelding.change_registrationround, the editors since 0011) and
every group that handles registrations (aanmelding.handle_registrations, since 0007) gets it.
"""

import django.db.models.deletion
import forms.base
import wagtail.fields
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

# The permissions that mark the editors' and the handlers' groups, as they were when this was written.
MARKS = ["change_registrationround", "handle_registrations"]
CODENAME = "view_motivationweek"


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make this app's now.
    app_config = apps.get_app_config("aanmelding")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="aanmelding", codename=CODENAME)
    groups = Group.objects.filter(
        permissions__content_type__app_label="aanmelding", permissions__codename__in=MARKS
    ).distinct()
    for group in groups:
        group.permissions.add(view)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="aanmelding", codename=CODENAME).first()
    if view is not None:
        for group in Group.objects.filter(permissions=view):
            group.permissions.remove(view)


class Migration(migrations.Migration):

    dependencies = [
        ('aanmelding', '0016_evening_kind'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='MotivationQuestionnairePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='Introductie')),
                ('advice_normative', wagtail.fields.RichTextField(blank=True, verbose_name='Advies bij de normatieve partner')),
                ('advice_pragmatic', wagtail.fields.RichTextField(blank=True, verbose_name='Advies bij de pragmatische samenwerker')),
                ('advice_rational', wagtail.fields.RichTextField(blank=True, verbose_name='Advies bij de rationele vrijwilliger')),
            ],
            options={
                'verbose_name': 'vragenlijst motivatie',
                'verbose_name_plural': 'vragenlijsten motivatie',
            },
            bases=(forms.base.PublicFormPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='MotivationWeek',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('week_start', models.DateField(help_text='De maandag van de week.', unique=True, verbose_name='Week van')),
                ('questionnaires', models.PositiveIntegerField(default=0, verbose_name='Ingevuld')),
                ('first_normative', models.PositiveIntegerField(default=0, verbose_name='Vaakst normatief')),
                ('first_pragmatic', models.PositiveIntegerField(default=0, verbose_name='Vaakst pragmatisch')),
                ('first_rational', models.PositiveIntegerField(default=0, verbose_name='Vaakst rationeel')),
                ('share_normative', models.PositiveIntegerField(default=0, verbose_name='Som aandeel normatief')),
                ('share_pragmatic', models.PositiveIntegerField(default=0, verbose_name='Som aandeel pragmatisch')),
                ('share_rational', models.PositiveIntegerField(default=0, verbose_name='Som aandeel rationeel')),
            ],
            options={
                'verbose_name': 'motivatie per week',
                'verbose_name_plural': 'motivatie per week',
                'ordering': ['-week_start'],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
