"""The mail outbox in the admin, read-only (wagtail-modeladmin; registered in ``forms/wagtail_hooks.py``).

For editors who need to see why a mail did not go out: every row of
``OutgoingMail`` with its status, tries and last error; a filter on status
(with counts), search on subject and recipient, and the number waiting and
failed above the list. Nobody adds, edits or deletes here: the outbox is
written by ``forms.mail.queue_mail`` and emptied by the purges.

Who: whoever holds ``forms.view_outgoingmail`` (granted by the apps'
migrations to the groups that need it), and superusers. Each sees only the
mails of the parts of the site whose data they may see: an app says which
permission reads its mails with ``register_mail_source("nieuwsbrief",
"nieuwsbrief.manage_subscribers")`` in its ``AppConfig.ready()``; a mail's
``source`` is the app that wrote it. Superusers see every row. The bodies
are not shown: they hold the recipients' personal links.
"""

from django.db.models import Count
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from .admin import (
    ChoiceListFilter,
    DutchHistoryView,
    ForbiddenCreateView,
    ForbiddenDeleteView,
    ForbiddenEditView,
    ForbiddenIndexView,
    NumericIdURLHelper,
    OwnFiltersOnlyMixin,
)
from .models import OutgoingMail

VIEW_PERMISSION = "forms.view_outgoingmail"

# source (an app label) -> the permission that may read that app's mails
_source_permissions = {}


def register_mail_source(source, permission):
    """Let holders of ``permission`` (and ``forms.view_outgoingmail``) read the mails that ``source`` wrote."""
    _source_permissions[source] = permission


def may_read_some_mail(user):
    """True for a superuser and for holders of a permission that reads some part's mails."""
    if not user.is_active:
        return False
    return user.is_superuser or any(user.has_perm(permission) for permission in set(_source_permissions.values()))


def readable_mail(user):
    """The outbox rows ``user`` may see: all for a superuser, else those of the sources their permissions allow."""
    mails = OutgoingMail.objects.all()
    if user.is_superuser:
        return mails
    sources = [source for source, permission in _source_permissions.items() if user.has_perm(permission)]
    return mails.filter(source__in=sources)


class OutboxPermissionHelper(PermissionHelper):
    """Read only: the list for ``forms.view_outgoingmail``; nothing else for anyone."""

    def user_can_list(self, user):
        return user.is_active and user.has_perm(VIEW_PERMISSION)

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


def count_per_status(user):
    return dict(readable_mail(user).order_by().values_list("status").annotate(number=Count("pk")))


class OutboxStatusFilter(ChoiceListFilter):
    title = "status"
    parameter_name = "status"
    lookup = "status"

    def lookups(self, request, model_admin):
        counts = count_per_status(request.user)
        return [(status, f"{label} ({counts.get(status, 0)})") for status, label in OutgoingMail.Status.choices]


class OutboxIndexView(OwnFiltersOnlyMixin, ForbiddenIndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = count_per_status(self.request.user)
        Status = OutgoingMail.Status
        context["waiting_count"] = counts.get(Status.PENDING, 0) + counts.get(Status.SENDING, 0)
        context["failed_count"] = counts.get(Status.FAILED, 0)
        return context


class OutgoingMailAdmin(ModelAdmin):
    model = OutgoingMail
    url_helper_class = NumericIdURLHelper
    menu_label = "Uitgaande mail"
    menu_icon = "mail"
    menu_order = 900
    add_to_settings_menu = False
    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at", "last_error"]
    list_filter = [OutboxStatusFilter]
    search_fields = ["subject", "to"]
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    inspect_view_enabled = False
    history_view_enabled = False
    history_view_class = DutchHistoryView
    permission_helper_class = OutboxPermissionHelper
    index_view_class = OutboxIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = ForbiddenEditView
    delete_view_class = ForbiddenDeleteView
    index_template_name = "forms/admin/outbox_index.html"

    def get_queryset(self, request):
        return readable_mail(request.user).order_by(*self.ordering)
