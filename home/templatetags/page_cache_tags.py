from django import template

from home.page_cache import cached_fragment

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return cached_fragment(context.get("request"), context.get("page"), lambda: self.nodelist.render(context))


@register.tag
def page_fragment(parser, token):
    """``{% page_fragment %}…{% endpage_fragment %}``: the page body, kept by home/page_cache.py."""
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist)
