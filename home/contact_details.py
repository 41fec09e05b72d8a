"""Contact details from the site settings, in page texts.

Editors type a word in square brackets in any text with formatting (paragraphs,
boxes, questions, steps, roles); the site shows the value from the settings
("Instellingen > Instellingen gemeente") in its place, so a changed phone number
shows everywhere at once. Phone numbers and the e-mail address become links,
except inside a link the editor made. An unknown word stays as typed, so a typo
shows in the preview.

``ContactDetailsBlock`` (home/blocks.py) shows a whole set of details as a card.
"""

import re

from django.utils.html import escape, format_html

# The word an editor types between square brackets, and the settings field it stands for.
PLACEHOLDERS = {
    "gemeente": "municipality_name",
    "adres": "visiting_address",
    "telefoon": "phone",
    "e-mail": "contact_email",
    "politie": "police_phone",
    "alarmnummer": "emergency_phone",
}
PHONE_FIELDS = {"phone", "police_phone", "emergency_phone"}

PLACEHOLDER = re.compile(r"\[(" + "|".join(re.escape(word) for word in PLACEHOLDERS) + r")\]", re.IGNORECASE)
# A link and all it holds, so that a placeholder inside one becomes no second link.
LINK = re.compile(r"(<a\b[^>]*>.*?</a>)", re.IGNORECASE | re.DOTALL)


def one_line(address):
    """A visiting address of several lines on one line: 'Stadhuisplein 1, 1234 AB Voorbeeld'."""
    return ", ".join(line.strip() for line in (address or "").splitlines() if line.strip())


def tel_href(number):
    """A ``tel:`` link target: the digits of a number as written ('14 0000' -> 'tel:140000')."""
    number = number or ""
    return "tel:" + ("+" if number.strip().startswith("+") else "") + re.sub(r"\D", "", number)


def value_of(municipality, word):
    """The plain text a placeholder word stands for."""
    field = PLACEHOLDERS[word.lower()]
    value = getattr(municipality, field) or ""
    return one_line(value) if field == "visiting_address" else value


def fill_in_text(text, municipality):
    """Plain text with every placeholder replaced by its value (meta descriptions, the search index)."""
    if "[" not in (text or ""):
        return text
    return PLACEHOLDER.sub(lambda match: value_of(municipality, match.group(1)), text)


def _as_html(municipality, word, linked):
    field = PLACEHOLDERS[word.lower()]
    value = value_of(municipality, word)
    if not linked or not value:
        return escape(value)
    if field in PHONE_FIELDS:
        # A number is read as one: '14 0000' never breaks over two lines.
        return format_html('<a href="{}">{}</a>', tel_href(value), value.replace(" ", "\N{NO-BREAK SPACE}"))
    if field == "contact_email":
        return format_html('<a href="mailto:{}">{}</a>', value, value)
    return escape(value)


def fill_in_html(html, municipality):
    """Rendered rich text (HTML) with every placeholder replaced by its value, escaped."""
    if "[" not in html:
        return html
    parts = LINK.split(html)
    # split() with one group: the odd parts are links, whose placeholders stay plain text.
    return "".join(
        PLACEHOLDER.sub(lambda match, linked=index % 2 == 0: _as_html(municipality, match.group(1), linked), part)
        for index, part in enumerate(parts)
    )
