from django import template
from django.conf import settings
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Site

from home.models import MunicipalitySettings

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_brand(context):
    """The admin's name for itself: "Buurtpreventie Gemeente X" from the site's settings.

    Without a request or a site (a fresh installation) it is WAGTAIL_SITE_NAME alone.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return settings.WAGTAIL_SITE_NAME
    municipality = MunicipalitySettings.for_request(request).municipality_name
    return f"{settings.WAGTAIL_SITE_NAME} {municipality}".strip()


@register.simple_tag(takes_context=True)
def may_search_pages(context):
    """Whether the dashboard's page search is of use: not for handlers, who have no pages (it ends in a 403)."""
    request = context.get("request")
    return bool(request and user_has_any_page_permission(request.user))
