"""Contact details from the site settings in templates (see home/contact_details.py)."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site
from wagtail.templatetags.wagtailcore_tags import richtext

from home.contact_details import fill_in_html, one_line, tel_href
from home.models import MunicipalitySettings

register = template.Library()


@register.simple_tag(takes_context=True)
def municipality_settings(context):
    """The settings of the request's site: read once per request, and kept between requests (for_site)."""
    request = context.get("request")
    if request is not None:
        return MunicipalitySettings.for_request(request)
    # Rendered outside a request (a mail, the shell): the default site's.
    site = Site.objects.filter(is_default_site=True).first()
    return MunicipalitySettings.for_site(site) if site else MunicipalitySettings()


@register.simple_tag(takes_context=True)
def contact_richtext(context, value):
    """``value|richtext``, with each contact placeholder such as [telefoon] filled in from the settings."""
    html = str(richtext(value))
    if "[" not in html:
        return mark_safe(html)  # noqa: S308 - rendered by Wagtail's richtext filter
    return mark_safe(fill_in_html(html, municipality_settings(context)))  # noqa: S308 - values escaped there


register.filter("tel_href", tel_href)
register.filter("one_line", one_line)
