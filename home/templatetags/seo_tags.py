from django import template
from wagtail.models import Page

from home.models import MunicipalitySettings
from home.seo import page_description, site_description

register = template.Library()


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's description (home.seo), else the site's; no query beyond the settings the layout reads."""
    page = context.get("page")
    if isinstance(page, Page) and (text := page_description(page)):
        return text
    request = context.get("request")
    name = MunicipalitySettings.for_request(request).municipality_name if request else ""
    return site_description(name or MunicipalitySettings._meta.get_field("municipality_name").default)
