from django import template
from wagtail.models import Page

from home.contact_details import fill_in_text
from home.models import MunicipalitySettings
from home.seo import page_description, site_description

register = template.Library()


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's description (home.seo), else the site's; no query beyond the settings the layout reads."""
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page) and (text := page_description(page)):
        if "[" in text and request:  # a contact placeholder such as [gemeente] (home/contact_details.py)
            return fill_in_text(text, MunicipalitySettings.for_request(request))
        return text
    name = MunicipalitySettings.for_request(request).municipality_name if request else ""
    return site_description(name or MunicipalitySettings._meta.get_field("municipality_name").default)
