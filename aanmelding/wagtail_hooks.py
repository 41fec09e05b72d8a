from django.contrib.admin import SimpleListFilter
from django.utils import timezone
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .models import Registration, RegistrationRound, Wijk


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
    model = Registration
    menu_label = "Aanmeldingen"
    menu_icon = "form"
    list_display = ["reference", "name", "kind", "wijk", "round", "status_label", "created_at"]
    list_filter = ["round", "status", "kind", "wijk"]
    search_fields = ["name", "email", "postcode", "initiative_name"]
    inspect_view_enabled = True


class WijkAdmin(ModelAdmin):
    model = Wijk
    menu_label = "Wijken"
    menu_icon = "site"
    list_display = ["name", "sort_order"]


class AanmeldingGroup(ModelAdminGroup):
    menu_label = "Aanmelding"
    menu_icon = "form"
    menu_order = 200
    items = [RegistrationAdmin, RegistrationRoundAdmin, WijkAdmin]


modeladmin_register(AanmeldingGroup)
