from django import template
from django.conf import settings
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
