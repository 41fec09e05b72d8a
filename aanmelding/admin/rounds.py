"""The admin of rounds, wijken and 'houd mij op de hoogte' addresses (wagtail-modeladmin)."""

from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.utils import timezone
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import CreateView, EditView

from forms.admin import (
    DutchHistoryView,
    ForbiddenCreateView,
    ForbiddenDeleteView,
    ForbiddenEditView,
    ForbiddenIndexView,
    NumericIdURLHelper,
)

from ..models import RegistrationRound, RoundAlert, Wijk
from .registrations import HandlerPermissionHelper


class RoundStatusFilter(SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return RegistrationRound.Status.choices

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == RegistrationRound.Status.OPEN:
            return queryset.open_at(now)
        if self.value() == RegistrationRound.Status.UPCOMING:
            return queryset.upcoming_at(now)
        if self.value() == RegistrationRound.Status.CLOSED:
            return queryset.closed_at(now)
        return queryset


class RoundCreateView(CreateView):
    def get_success_message(self, instance):
        return " ".join(filter(None, [super().get_success_message(instance), instance.opens_at_once_notice()]))


class RoundEditView(EditView):
    """Warns when this edit opens the round (it was not open before); a round that stays open says nothing."""

    def form_valid(self, form):
        self.was_open = RegistrationRound.objects.get(pk=self.instance.pk).is_open()
        return super().form_valid(form)

    def get_success_message(self, instance):
        notice = "" if self.was_open else instance.opens_at_once_notice()
        return " ".join(filter(None, [super().get_success_message(instance), notice]))


class RegistrationRoundAdmin(ModelAdmin):
    model = RegistrationRound
    url_helper_class = NumericIdURLHelper
    history_view_class = DutchHistoryView
    menu_label = "Aanmeldmomenten"
    menu_icon = "date"
    list_display = ["title", "opens_at", "closes_at", "status_label"]
    list_filter = [RoundStatusFilter]
    search_fields = ["title", "description"]
    ordering = ["-opens_at"]
    create_view_class = RoundCreateView
    edit_view_class = RoundEditView
    index_template_name = "forms/admin/index.html"  # filters in a drawer: the columns fit 1280 px


class WijkAdmin(ModelAdmin):
    model = Wijk
    url_helper_class = NumericIdURLHelper
    history_view_class = DutchHistoryView
    menu_label = "Wijken"
    menu_icon = "site"
    list_display = ["name", "sort_order"]


class RoundAlertPermissionHelper(HandlerPermissionHelper):
    """E-mail addresses are personal data: handlers only. They see and delete (on request), never add or edit."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return self.has_access(user) and self.user_has_specific_permission(user, self.get_perm_codename("delete"))


class RoundAlertAdmin(ModelAdmin):
    """The 'houd mij op de hoogte' addresses: view and delete only (they come from residents)."""

    model = RoundAlert
    url_helper_class = NumericIdURLHelper
    history_view_class = DutchHistoryView
    menu_label = "Houd mij op de hoogte"
    menu_icon = "mail"
    list_display = ["email", "created_at", "confirmed_at"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    permission_helper_class = RoundAlertPermissionHelper
    index_view_class = ForbiddenIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = ForbiddenEditView
    delete_view_class = ForbiddenDeleteView
