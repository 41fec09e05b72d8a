from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.urls import re_path
from django.utils import timezone
from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from . import admin_views, evening_admin
from .admin_views import (
    ForbiddenCreateView,
    ForbiddenDeleteView,
    ForbiddenEditView,
    KindFilter,
    RegistrationButtonHelper,
    RegistrationDeleteView,
    RegistrationEditView,
    RegistrationHistoryView,
    RegistrationIndexView,
    RegistrationPermissionHelper,
    RegistrationSearchHandler,
    RoundFilter,
    StatusFilter,
    WijkFilter,
)
from .models import EveningSignup, Registration, RegistrationRound, RoundAlert, Wijk


class RoundStatusFilter(SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return list(RegistrationRound.STATUS_LABELS.items())

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == RegistrationRound.OPEN:
            return queryset.open_at(now)
        if self.value() == RegistrationRound.UPCOMING:
            return queryset.upcoming_at(now)
        if self.value() == RegistrationRound.CLOSED:
            return queryset.filter(closes_at__lt=now)
        return queryset


class RegistrationRoundAdmin(ModelAdmin):
    model = RegistrationRound
    menu_label = "Aanmeldmomenten"
    menu_icon = "date"
    list_display = ["title", "opens_at", "closes_at", "status_label"]
    list_filter = [RoundStatusFilter]
    search_fields = ["title", "description"]
    ordering = ["-opens_at"]


class RegistrationAdmin(ModelAdmin):
    """Handling registrations: see aanmelding/admin_views.py for who may do what."""

    model = Registration
    menu_label = "Aanmeldingen"
    menu_icon = "form"
    list_display = ["reference", "display_name", "kind_short", "wijk", "round", "status_label", "received"]
    list_filter = [RoundFilter, StatusFilter, KindFilter, WijkFilter]
    list_select_related = ["round", "wijk"]
    search_fields = ["name", "email", "postcode", "initiative_name"]
    ordering = ["-created_at"]
    inspect_view_enabled = False
    permission_helper_class = RegistrationPermissionHelper
    button_helper_class = RegistrationButtonHelper
    search_handler_class = RegistrationSearchHandler
    index_view_class = RegistrationIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = RegistrationEditView
    history_view_class = RegistrationHistoryView
    delete_view_class = RegistrationDeleteView
    index_template_name = "aanmelding/admin/registration_index.html"
    # The export (CSV and XLSX, through forms.export): field or model helper, heading.
    # Internal notes and the motivation answers stay out.
    export_columns = [
        ("reference", "Referentie"),
        ("round", "Aanmeldmoment"),
        ("kind", "Soort"),
        ("status", "Status"),
        ("created_at", "Ontvangen op"),
        ("display_name", "Naam"),
        ("email", "E-mailadres"),
        ("phone", "Telefoonnummer"),
        ("postcode", "Postcode"),
        ("wijk", "Wijk"),
        ("initiative_name", "Naam team of groep"),
        ("expected_members", "Verwacht aantal deelnemers"),
        ("availability_display", "Beschikbaarheid"),
        ("heard_via", "Gehoord via"),
    ]


class WijkAdmin(ModelAdmin):
    model = Wijk
    menu_label = "Wijken"
    menu_icon = "site"
    list_display = ["name", "sort_order"]


class NoAddPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class RoundAlertAdmin(ModelAdmin):
    """The 'houd mij op de hoogte' addresses: view and delete only (they come from residents)."""

    model = RoundAlert
    menu_label = "Houd mij op de hoogte"
    menu_icon = "mail"
    list_display = ["email", "created_at", "confirmed_at"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]

    def get_permission_helper_class(self):
        return NoAddPermissionHelper


class EveningSignupAdmin(ModelAdmin):
    """Sign-ups per information evening: see aanmelding/evening_admin.py."""

    model = EveningSignup
    menu_label = "Informatiebijeenkomsten"
    menu_icon = "group"
    list_display = ["name", "persons", "status", "evening", "created_at", "remark"]
    list_filter = [evening_admin.EveningFilter, evening_admin.EveningStatusFilter]
    list_select_related = ["evening"]
    search_fields = ["name", "email"]
    ordering = ["-evening__starts_at", "created_at"]
    inspect_view_enabled = False
    history_view_enabled = False
    permission_helper_class = evening_admin.EveningSignupPermissionHelper
    button_helper_class = evening_admin.EveningSignupButtonHelper
    index_view_class = evening_admin.EveningSignupIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = ForbiddenEditView
    delete_view_class = ForbiddenDeleteView
    index_template_name = "aanmelding/admin/evening_signup_index.html"
    export_columns = [
        ("evening", "Informatiebijeenkomst"),
        ("status", "Status"),
        ("name", "Naam"),
        ("email", "E-mailadres"),
        ("persons", "Aantal personen"),
        ("remark", "Vraag of opmerking"),
        ("created_at", "Aangemeld op"),
        ("cancelled_at", "Geannuleerd op"),
    ]

    def get_list_display(self, request):
        # With one evening chosen, its name in every row is noise.
        if request.GET.get(evening_admin.EveningFilter.parameter_name):
            return [column for column in self.list_display if column != "evening"]
        return self.list_display

    def attendance_view(self, request, instance_pk):
        return evening_admin.AttendanceListView.as_view(model_admin=self, evening_pk=instance_pk)(request)

    def cancel_view(self, request, instance_pk):
        return evening_admin.CancelSignupAdminView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        helper = self.url_helper
        return super().get_admin_urls_for_registration() + tuple(
            re_path(helper.get_action_url_pattern(action), view, name=helper.get_action_url_name(action))
            for action, view in (("attendance", self.attendance_view), ("cancel", self.cancel_view))
        )


class AanmeldingGroup(ModelAdminGroup):
    menu_label = "Aanmelding"
    menu_icon = "form"
    menu_order = 200
    items = [RegistrationAdmin, EveningSignupAdmin, RegistrationRoundAdmin, WijkAdmin, RoundAlertAdmin]


modeladmin_register(AanmeldingGroup)


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    admin_views.register_log_actions(actions)
    evening_admin.register_log_actions(actions)
