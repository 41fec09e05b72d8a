from wagtail import hooks
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from . import admin_dates, admin_help, dashboard
from .rich_text import remembered_pages


class RememberingPageLinkHandler(PageLinkHandler):
    """Wagtail's page links, looked up once per request (see home/rich_text.py)."""

    @classmethod
    def get_many(cls, attrs_list):
        return remembered_pages(attrs_list, cls.look_up)

    @staticmethod
    def look_up(attrs_list):
        # specific(defer=True): one query whatever the page types; a link needs only the URL,
        # which the base page's fields give (url_path), through the specific class's methods.
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = Page.objects.filter(id__in=[page_id for page_id in ids if page_id.isdigit()]).specific(defer=True)
        by_id = {str(page.pk): page for page in pages}
        return [by_id.get(page_id) for page_id in ids]


# After Wagtail's own registration (order 0), so this one replaces its page link handler.
@hooks.register("register_rich_text_features", order=10)
def remember_page_links(features):
    features.register_link_type(RememberingPageLinkHandler)


@hooks.register("insert_global_admin_js")
def date_pickers_keep_typed_text():
    return admin_dates.keep_typed_text_script()


@hooks.register("register_admin_urls")
def help_urls():
    return admin_help.urls()


@hooks.register("register_help_menu_item")
def help_menu_item():
    return admin_help.menu_item()


@hooks.register("construct_help_menu")
def help_menu_without_wagtail_guides(request, items):
    admin_help.without_wagtail_guides(items)


@hooks.register("construct_homepage_panels")
def draft_pages_panel(request, panels):
    dashboard.add_panels(request, panels)
