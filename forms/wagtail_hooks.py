from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import path, reverse
from wagtail import hooks
from wagtail.models import Page
from wagtail_modeladmin.options import modeladmin_register

from . import dashboard
from .form_page_views import INDEX_URL_NAME, ReadableFormPagesListView
from .form_pages import FormPage
from .outbox_admin import OutgoingMailAdmin

# The outbox, read-only, for the groups that hold forms.view_outgoingmail.
modeladmin_register(OutgoingMailAdmin)


@hooks.register("filter_form_submissions_for_user")
def submissions_for_the_group(user, form_pages):
    """A form page's submissions: for the members of its ``submissions_group`` (and superusers) only.

    The group decides, not the right to edit the page: editors who build a form need not
    read what residents send, and a handler who reads it need not edit pages. This list is
    where Wagtail checks the submissions list, its export and the delete view.
    """
    if user.is_active and user.is_superuser:
        return form_pages
    others = form_pages.exclude(content_type=ContentType.objects.get_for_model(FormPage))
    if not user.is_active:
        return others
    ours = FormPage.objects.filter(submissions_group__in=user.groups.all())
    return Page.objects.filter(Q(pk__in=others.values("pk")) | Q(pk__in=ours.values("pk")))


@hooks.register("register_admin_urls")
def readable_form_pages_urls():
    view = ReadableFormPagesListView
    return [
        path("formulieren/", view.as_view(), name=view.index_url_name),
        path("formulieren/resultaten/", view.as_view(results_only=True), name=view.index_results_url_name),
    ]


@hooks.register("construct_main_menu")
def forms_menu_to_readable_list(request, menu_items):
    # Wagtail's "Formulieren" opens a list that asks for rights on pages; ours asks for a group.
    for item in menu_items:
        if item.name == "forms":
            item.url = reverse(INDEX_URL_NAME)


@hooks.register("construct_homepage_panels")
def operations_panel(request, panels):
    dashboard.add_panels(request, panels)
