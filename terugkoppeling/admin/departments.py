"""Afdelingen: where signals of each category are forwarded (wagtail-modeladmin).

One row per category exists (migration 0002). Editors (Redacteuren,
Moderatoren) set the department's name and e-mail address; nobody adds or
deletes a row, and the category stays as it is. Handlers may look.
"""

from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from forms.admin import DutchHistoryView, ForbiddenCreateView, ForbiddenDeleteView, NumericIdURLHelper

from ..models import SignalDepartment


class DepartmentPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class SignalDepartmentAdmin(ModelAdmin):
    model = SignalDepartment
    url_helper_class = NumericIdURLHelper
    permission_helper_class = DepartmentPermissionHelper
    history_view_class = DutchHistoryView
    create_view_class = ForbiddenCreateView
    delete_view_class = ForbiddenDeleteView
    menu_label = "Afdelingen"
    menu_icon = "group"
    list_display = ["category_display", "name", "email"]
    inspect_view_enabled = False
    panels = [
        FieldPanel("name", help_text="De afdeling die meldingen van deze soort oppakt."),
        FieldPanel(
            "email",
            help_text="Hierheen gaat de mail als een behandelaar een melding doorzet. "
            "Zonder adres kan doorzetten niet.",
        ),
    ]

    def category_display(self, department):
        return department.get_category_display()

    category_display.short_description = "Soort melding"
