"""Plain language (B1) on every page of the demo: short sentences.

At most MAX_AVERAGE words per sentence on average over a page, and no sentence
longer than MAX_WORDS. Sentences end at . ! ? and at the end of every block
(list item, heading, table cell...), see tests/plain_text.py. A failure names
the page and the sentence, so an editor knows what to rewrite.
"""

from tests.demo_pages import demo_pages  # noqa: F401 (a fixture)
from tests.plain_text import main_text, sentences, words

MAX_WORDS = 25
MAX_AVERAGE = 12


def test_sentences_end_at_stops_and_at_every_block():
    html = (
        "<main><h1>Titel</h1><p>Eén zin. Nog een zin! En een vraag? Zonder punt</p>"
        "<ul><li>eerste punt</li><li>tweede punt;</li></ul>"
        "<table><tr><th>Kop</th><td>cel een</td></tr></table>"
        "<p>Om 19.30 uur, op 6 december 2026.</p></main><footer>Niet in main.</footer>"
    )
    assert sentences(main_text(html)) == [
        "Titel",
        "Eén zin.",
        "Nog een zin!",
        "En een vraag?",
        "Zonder punt",
        "eerste punt",
        "tweede punt;",
        "Kop",
        "cel een",
        "Om 19.30 uur, op 6 december 2026.",
    ]
    assert words("Om 19.30 uur, op 6 december 2026.") == ["Om", "19.30", "uur", "op", "6", "december", "2026"]


def test_every_demo_page_is_in_short_sentences(demo_pages):  # noqa: F811
    problems = []
    checked = 0
    for url, _, text in demo_pages.texts():
        checked += 1
        found = sentences(text)
        counts = [len(words(sentence)) for sentence in found]
        average = sum(counts) / len(counts) if counts else 0
        if average > MAX_AVERAGE:
            problems.append(f"{url}: gemiddeld {average:.1f} woorden per zin (hoogstens {MAX_AVERAGE})")
        problems += [
            f"{url}: zin van {count} woorden (hoogstens {MAX_WORDS}): {sentence}"
            for count, sentence in zip(counts, found, strict=True)
            if count > MAX_WORDS
        ]
    assert checked > 20, "the demo should have more pages than this"
    assert not problems, "\n".join(problems)
