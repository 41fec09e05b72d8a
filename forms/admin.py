"""Admin plumbing for the rows public forms leave behind (wagtail-modeladmin).

Every feature app's admin of submissions stands on this:

- ``PersonalDataPermissionHelper``: who may see the rows goes by one
  permission (``access_permission``, e.g. ``"aanmelding.handle_registrations"``,
  granted to a group by a migration), never by a group's name; nobody adds
  rows (they come from the public form), only superusers delete;
- ``ForbiddenMixin`` and the ``Forbidden*View``s: a real 403 page, also for a
  typed URL, where Wagtail would redirect with a message;
- ``OwnFiltersOnlyMixin``: only the list's own filters count as filter parameters;
- ``ChoiceListFilter``: a filter on one field that ignores unknown values;
- ``export_value()``: one cell of a CSV/XLSX export (see ``forms.export``);
- ``NumericIdURLHelper``: object URLs take digits only, so ``edit/abc/`` is a 404, not a 500;
- ``DutchHistoryView``: the history (logboek) of one row, with Dutch column headers.
"""

from django.contrib.admin import SimpleListFilter
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.template.response import TemplateResponse
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail_modeladmin.helpers import AdminURLHelper, PermissionHelper
from wagtail_modeladmin.views import CreateView, DeleteView, EditView, HistoryView, IndexView, WMABaseView

FORBIDDEN_TEMPLATE = "forms/admin/forbidden.html"


def groups_with_permission(permission):
    """The names of the groups that hold ``permission`` (``"app_label.codename"``), to tell whom to ask."""
    app_label, codename = permission.split(".", 1)
    return list(
        Group.objects.filter(permissions__content_type__app_label=app_label, permissions__codename=codename)
        .order_by("name")
        .values_list("name", flat=True)
    )


def forbidden(request, permission=None):
    """A real 403 page, naming the groups that do have access."""
    groups = groups_with_permission(permission) if permission else []
    return TemplateResponse(request, FORBIDDEN_TEMPLATE, {"groups": groups}, status=403)


class PersonalDataPermissionHelper(PermissionHelper):
    """Rows with personal data: ``access_permission`` *and* the model's view or change permission.

    Seeing needs view or change, handling needs change; creating never,
    deleting superusers only. Superusers hold every permission.
    """

    access_permission = None  # "app_label.codename"

    def has_access(self, user):
        return user.is_active and user.has_perm(self.access_permission)

    def user_can_see(self, user):
        return self.has_access(user) and (
            self.user_has_specific_permission(user, self.get_perm_codename("view"))
            or self.user_has_specific_permission(user, self.get_perm_codename("change"))
        )

    def user_can_handle(self, user):
        return self.has_access(user) and self.user_has_specific_permission(user, self.get_perm_codename("change"))

    def user_can_list(self, user):
        return self.user_can_see(user)

    def user_can_create(self, user):
        return False  # these rows come from a public form

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return self.user_can_see(user)

    def user_can_delete_obj(self, user, obj):
        return user.is_active and user.is_superuser


class ForbiddenMixin:
    """Answer 403 to whoever may not be here, also when a URL is typed directly."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request, getattr(self.permission_helper, "access_permission", None))


class ForbiddenIndexView(ForbiddenMixin, IndexView):
    """The list, with a 403 page for whoever may not see it."""


class ForbiddenCreateView(ForbiddenMixin, CreateView):
    """Never allowed (see ``PersonalDataPermissionHelper.user_can_create``): these rows come from public forms."""


class ForbiddenEditView(ForbiddenMixin, EditView):
    """For rows that are never edited in the admin: a 403 page instead of Wagtail's redirect."""


class ForbiddenDeleteView(ForbiddenMixin, DeleteView):
    """For rows that are never deleted in the admin (evening sign-ups are cancelled instead)."""


class InstanceActionView(ForbiddenMixin, WMABaseView):
    """An action on one row of a list (cancel a sign-up, unsubscribe someone): GET asks, POST acts.

    Routed with the row's pk as ``instance_pk``; allowed for whoever the
    permission helper's ``user_can_handle(user)`` lets through (a 403 page names
    the group to ask otherwise). Subclasses set ``template_name`` and write
    ``get()`` and ``post()``.
    """

    instance_pk = None

    def __init__(self, model_admin, instance_pk):
        super().__init__(model_admin)
        self.instance_pk = instance_pk

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_handle(user)


class OwnFiltersOnlyMixin:
    """For a modeladmin IndexView: only the list's own filters count as filter parameters."""

    def get_filters_params(self, params=None):
        # modeladmin would otherwise turn any other parameter into a field
        # lookup (or a server error).
        known = {list_filter.parameter_name for list_filter in self.list_filter}
        return {key: value for key, value in super().get_filters_params(params).items() if key in known}


class ChoiceListFilter(SimpleListFilter):
    """A filter on one field; values that are not among its choices are ignored."""

    lookup = None

    def value(self):
        value = super().value()
        return value if value in {str(key) for key, _ in self.lookup_choices} else None

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(**{self.lookup: value}) if value else queryset


def export_value(instance, field):
    """The text of one export cell: choices by their label, helpers called, related objects as text."""
    try:
        model_field = instance._meta.get_field(field)
    except FieldDoesNotExist:
        value = getattr(instance, field)
        return value() if callable(value) else value
    if model_field.choices:
        return getattr(instance, f"get_{field}_display")()
    value = getattr(instance, field)
    return str(value) if isinstance(value, models.Model) else value


class NumericIdURLHelper(AdminURLHelper):
    """Object URLs (edit, delete, history, our own actions) match digits only.

    modeladmin's pattern takes any word, and a lookup of ``pk="abc"`` then
    fails with a server error; with digits only the URL simply does not exist.
    """

    def _get_object_specific_action_url_pattern(self, action):
        return rf"^{self.base_url_path}/{action}/(?P<instance_pk>\d+)/$"


class DutchHistoryView(HistoryView):
    """wagtail-modeladmin's history; its user column had no label of its own ("User") and
    named changes without a user "system"."""

    columns = [
        Column("message", label="Actie"),
        UserColumn("user", label="Gebruiker", blank_display_name="systeem"),
        DateColumn("timestamp", label="Datum"),
    ]
