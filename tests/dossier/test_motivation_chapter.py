"""The motivation chapter quotes the statements exactly as the form and the questionnaire ask them.

The dossier may not import forms (import-linter), so the chapter carries its own copy; this test
holds the two together, and checks the chapter links the questionnaire when there is one.
"""

import re

from dossier.demo.texts import motivatie_en_maatwerk
from forms.motivation import STATEMENTS
from home.demo.blocks import squash

QUOTE = re.compile(r"‘([^’]+)’")


class FakePage:
    pk = 42


def chapter_html(context):
    return " ".join(
        squash(block["value"]) for block in motivatie_en_maatwerk.body(context) if block["type"] == "paragraph"
    )


def test_every_quoted_statement_is_one_of_the_forms_statements():
    quoted = QUOTE.findall(chapter_html({"chapters": {}}))
    statements = [statement for _, _, statement in STATEMENTS]
    assert quoted, "the chapter quotes the statements"
    assert [quote for quote in quoted if quote not in statements] == []
    assert sorted(quoted) == sorted(statements)  # all six, once each


def test_the_chapter_links_the_questionnaire_when_there_is_one():
    assert f'<a linktype="page" id="{FakePage.pk}">' in chapter_html({"questionnaire": FakePage()})
    assert 'linktype="page"' not in chapter_html({})
    assert "medeverantwoordelijk" in chapter_html({})
    assert "mede verantwoordelijk" not in chapter_html({})
