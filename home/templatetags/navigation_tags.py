from django import template
from wagtail.models import Page, Site

from home.page_cache import remembered

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root and its live children marked 'show in menus'."""
    root = _site_root(context)
    current = context.get("page")
    # The same for every request until content changes: kept (home/page_cache.py).
    items = remembered(f"menu:{root.pk}", lambda: list(root.get_children().live().in_menu())) if root else []
    current_path = current.path if isinstance(current, Page) else ""
    for item in items:
        item.is_current_page = item.path == current_path
        item.is_current_section = bool(current_path) and current_path.startswith(item.path)
    return {
        "root": root,
        "items": items,
        "root_is_current": bool(root and current_path == root.path),
        "request": context.get("request"),
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    # Walk up through get_parent(): Wagtail's router caches each parent on the
    # page it found, so a served page gets its breadcrumbs without a query.
    ancestors = []
    parent = page.get_parent()
    while parent is not None and parent.depth > 1:
        ancestors.insert(0, parent)
        parent = parent.get_parent() if parent.depth > 2 else None
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}
