"""The admin of the themes practice examples are filed under (wagtail-modeladmin).

Submitted examples themselves are pages: editors review them in Wagtail's own
moderation ('Wacht op moderatie' on the dashboard, and the page's workflow).
"""

from wagtail_modeladmin.options import ModelAdmin

from forms.admin import DutchHistoryView, NumericIdURLHelper

from ..models import Theme


class ThemeAdmin(ModelAdmin):
    model = Theme
    url_helper_class = NumericIdURLHelper
    history_view_class = DutchHistoryView
    menu_label = "Thema's praktijkvoorbeelden"
    menu_icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}
