"""The meta description of a page: the short text search engines show under its title.

A page's own search description ("Promoten" tab) comes first, as the editor
wrote it; else its introduction, cut to about the length search engines show;
else what a page type says of itself from its fields (``description_from_data()``);
else a description of the whole site. Views that are not pages (search, error
pages) use the site's.
"""

import html

from django.utils.html import strip_tags

# Search engines show about this many characters; longer introductions are cut between words.
MAX_LENGTH = 155
ELLIPSIS = "…"


def plain_text(value):
    """The text of a plain or rich text value on one line: no tags, no entities, single spaces."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def shorten(text, limit=MAX_LENGTH):
    """``text`` if it fits in ``limit`` characters; else its first whole words with "…" (within ``limit``)."""
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    cut = text[:room]
    if text[room] != " " and " " in cut:  # the cut falls inside a word: leave that word out
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–") + ELLIPSIS


def page_description(page):
    """The page's search description, else its shortened introduction, else what its data says; or ""."""
    if own := plain_text(getattr(page, "search_description", "")):
        return own
    if intro := shorten(plain_text(getattr(page, "intro", ""))):
        return intro
    # A page type without an introduction may describe itself from its fields (an evening: when and where).
    describe = getattr(page, "description_from_data", None)
    return shorten(plain_text(describe())) if describe else ""


def site_description(municipality_name):
    """What the whole site is about, for pages without a description of their own."""
    return shorten(
        f"Buurtpreventie in {municipality_name}: bewoners letten samen op hun buurt, met steun van "
        "gemeente en politie. Lees hoe het werkt en hoe je meedoet."
    )
