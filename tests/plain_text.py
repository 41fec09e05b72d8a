"""Reading a rendered page as a reader does: the text of <main>, in sentences.

Shared by the plain-language and terminology tests. A sentence ends at . ! or ?
followed by a space, and at the end of every block (paragraph, list item,
heading, table cell, label...), so a list item without a full stop is a
sentence of its own.
"""

import re

from bs4 import BeautifulSoup

# Elements whose end also ends a sentence.
BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "caption",
    "dt",
    "dd",
    "figcaption",
    "label",
    "legend",
    "summary",
    "button",
    "option",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "form",
    "fieldset",
    "blockquote",
    "details",
    "br",
}
BLOCK_END = "\n\n"
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)]*\s+|\n\s*\n")
# A word: letters or digits, with inner marks kept (19.30, app-groep, z'n, 1234 AB is two).
WORD = re.compile(r"\w+(?:[-'’.,:/@]\w+)*")


def main_text(html):
    """The text of <main> (or the whole body), with a blank line around every block."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("main") or soup.body or soup
    for hidden in root.find_all(["script", "style", "template", "svg"]):
        hidden.decompose()
    for element in root.find_all(BLOCKS):
        # A block's start ends the sentence before it too (a link title before a <p>).
        element.insert_before(BLOCK_END)
        if element.name == "br":
            element.replace_with(BLOCK_END)
        else:
            element.append(BLOCK_END)
    return root.get_text()


def sentences(text):
    """The sentences of a text, each with its whitespace squashed; empty pieces dropped."""
    result = []
    for piece in SENTENCE_END.split(text):
        piece = " ".join(piece.split())
        if words(piece):
            result.append(piece)
    return result


def words(sentence):
    """The words of a sentence: numbers and dates count as one word each, punctuation not at all."""
    return WORD.findall(sentence)
