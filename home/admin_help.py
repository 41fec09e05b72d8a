"""The admin's Help menu: a Dutch manual of our own instead of Wagtail's English guides."""

from django.urls import path, reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

# Wagtail's own help items: English pages on guide.wagtail.org, opened from the editor's browser.
WAGTAIL_GUIDE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


class HelpView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Handleiding buurtpreventie"
    header_icon = "help"
    template_name = "home/admin/help.html"


def urls():
    return [path("handleiding/", HelpView.as_view(), name="buurtpreventie_help")]


def menu_item():
    return MenuItem(
        "Handleiding buurtpreventie",
        reverse_lazy("buurtpreventie_help"),
        name="handleiding",
        icon_name="help",
        order=900,
    )


def without_wagtail_guides(items):
    items[:] = [item for item in items if not item.name.startswith(WAGTAIL_GUIDE_ITEMS)]
