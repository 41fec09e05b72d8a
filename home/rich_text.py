"""Page links in rich text, looked up once per request instead of once per text.

Wagtail resolves the ``<a linktype="page" id="…">`` links of each rich text
on its own: a chapter whose FAQ answers link to other chapters ran two
queries per answer. While a request is served (``RichTextLinksMiddleware``),
every page found is remembered, and a page asks for all links in its body at
once (``prefetch_page_links``) before the blocks render. Outside a request
(mails, tasks) Wagtail's own lookup is used unchanged.
"""

from contextvars import ContextVar

from wagtail.rich_text import features
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

_known_pages: ContextVar[dict | None] = ContextVar("rich_text_known_pages", default=None)


def remembered_pages(attrs_list, look_up):
    """The pages for ``attrs_list``: from this request's memory, the rest through ``look_up``.

    ``look_up`` is Wagtail's own ``PageLinkHandler.get_many``; home/wagtail_hooks.py puts
    this in front of it.
    """
    known = _known_pages.get()
    if known is None:
        return look_up(attrs_list)
    ids = [str(attrs.get("id")) for attrs in attrs_list]
    missing = list(dict.fromkeys(page_id for page_id in ids if page_id not in known))
    if missing:
        known.update(zip(missing, look_up([{"id": page_id} for page_id in missing]), strict=True))
    return [known[page_id] for page_id in ids]


def _page_link_ids(raw):
    """The ids of every page link in the rich text strings anywhere in ``raw`` (StreamField raw data)."""
    if isinstance(raw, str):
        if "linktype" in raw:
            for tag in FIND_A_TAG.finditer(raw):
                attrs = extract_attrs(tag.group(1))
                if attrs.get("linktype") == "page" and attrs.get("id"):
                    yield attrs["id"]
    elif isinstance(raw, dict):
        for value in raw.values():
            yield from _page_link_ids(value)
    elif isinstance(raw, list | tuple):
        for value in raw:
            yield from _page_link_ids(value)


def prefetch_page_links(stream_value):
    """Look up the pages every rich text in ``stream_value`` links to, in one go."""
    if _known_pages.get() is None:
        return
    ids = list(dict.fromkeys(_page_link_ids(list(stream_value.raw_data))))
    if ids:
        features.get_link_types()["page"].get_many([{"id": page_id} for page_id in ids])


class RichTextLinksMiddleware:
    """Scope the remembered pages to one request, so a moved page never shows an old URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _known_pages.set({})
        try:
            return self.get_response(request)
        finally:
            _known_pages.reset(token)
