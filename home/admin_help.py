"""The admin's Help menu: a Dutch manual of our own instead of Wagtail's English guides."""

from datetime import timedelta

from django.conf import settings
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

    def get_context_data(self, **kwargs):
        # The login rules as configured (adminlogin's settings), so the manual stays true when they change.
        return super().get_context_data(
            lockout_failures=getattr(settings, "AXES_FAILURE_LIMIT", 10),
            lockout_minutes=max(
                1, int(getattr(settings, "AXES_COOLOFF_TIME", timedelta(minutes=15)).total_seconds() // 60)
            ),
            idle_time=duration_in_words(getattr(settings, "ADMIN_SESSION_IDLE_MINUTES", 9 * 60)),
            **kwargs,
        )


def duration_in_words(minutes):
    """'9 uur', '1 uur', '90 minuten'."""
    if minutes % 60:
        return f"{minutes} minuten"
    return f"{minutes // 60} uur"


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
