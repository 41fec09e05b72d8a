"""Rich text and StreamField blocks in Wagtail's raw format, for the demo texts.

Shared with the other apps' demo packages (through ``home.demo``).
"""

import uuid


def squash(text):
    """Collapse the whitespace of a text written over several source lines."""
    return " ".join(text.split())


def html_paragraphs(*paragraphs):
    return "".join(f"<p>{squash(text)}</p>" for text in paragraphs)


def html_list(*items, ordered=False):
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{squash(item)}</li>" for item in items) + f"</{tag}>"


def page_link(page, text):
    """An internal link in Wagtail's rich text format, or plain text without a page."""
    if page is None:
        return text
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def external_link(url, text):
    return f'<a href="{url}">{text}</a>'


# StreamField blocks in Wagtail's raw format: a list of {"type", "value"} dicts.


def list_items(values):
    """A ListBlock value in Wagtail's current raw format, each item with its own id."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*paragraphs):
    """A rich-text block of one or more <p> paragraphs."""
    return {"type": "paragraph", "value": html_paragraphs(*paragraphs)}


def rich_text(html):
    """A rich-text block of ready-made HTML (lists, several paragraphs...)."""
    return {"type": "paragraph", "value": html}


def callout(kind, title, html):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def steps(items, title=""):
    """``items``: (title, html) pairs."""
    return {
        "type": "steps",
        "value": {"title": title, "steps": list_items({"title": step, "text": text} for step, text in items)},
    }


def faq(items, title=""):
    """``items``: (question, html answer) pairs."""
    return {
        "type": "faq",
        "value": {"title": title, "questions": list_items({"question": q, "answer": a} for q, a in items)},
    }


def contact(name, role="", text="", phone="", email="", url=""):
    return {
        "type": "contact",
        "value": {"name": name, "role": role, "text": squash(text), "phone": phone, "email": email, "url": url},
    }


def contact_details(kind="municipality", title="", text=""):
    """Contact details as the settings have them when the page is shown (home.blocks.ContactDetailsBlock)."""
    return {"type": "contact_details", "value": {"kind": kind, "title": title, "text": squash(text)}}


def link_card(page, title="", text=""):
    return {"type": "link", "value": {"page": page.pk, "title": title, "text": squash(text)}}
