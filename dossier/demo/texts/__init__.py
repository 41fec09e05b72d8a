"""Texts of the dossier "Buurtpreventie": the dossier page, its chapters and the roles.

One module per chapter, named after the chapter's slug, with its ``SLUG``,
``TITLE``, ``INTRO``, ``DESCRIPTION`` (for search engines), ``body(context)`` and, where the text
invents local facts (an age, a budget), ``LOCAL_FACTS``: one line each, for the editor to check. The context holds
``municipality`` (the settings), ``privacy`` and ``contact`` (the service pages), ``roles``, ``chapters``
(those made so far, by slug, for links back to earlier chapters) and the pages of the other apps'
demos, found by slug under the home page (``dossier.demo.builders.LINKED_PAGES``), each ``None``
when missing: ``registration`` (the registration page), ``evenings`` (the overview of information
evenings), ``questionnaire`` (the motivation questionnaire), ``evaluation_form`` (the form
tussenevaluatie) and ``contact_form``. The dossier's own data blocks are in ``dossier.demo.blocks``.
The roles are in ``roles``.

Our own texts, written from the facts in the CCV guideline "Buurtpreventie
binnen lokale veiligheidsaanpak" (2018) and the articles on why residents take
part; for residents at language level B1, addressed as "je".
"""

from home.demo import html_list

from . import (
    aanmelden,
    begrippen,
    informatie_delen,
    motivatie_en_maatwerk,
    rollen_en_verantwoordelijkheden,
    veelgestelde_vragen,
    veilig_op_ronde,
    waardering_en_evaluatie,
    wat_gemeente_en_politie_bieden,
    wat_is_buurtpreventie,
)
from .roles import role_texts

DOSSIER_INTRO = """Wil je meedoen aan buurtpreventie, of wil je weten hoe het werkt? In dit dossier lees je
wat buurtpreventie is, wie wat doet, wat gemeente en politie bieden en hoe je je
aanmeldt."""
DOSSIER_DESCRIPTION = (
    "Alles over buurtpreventie: wat het is, wie wat doet, wat gemeente en politie bieden, hoe je "
    "veilig op ronde gaat en hoe je je aanmeldt voor een team."
)
DOSSIER_SUMMARY = html_list(
    "Bewoners letten samen op hun buurt: lopend in een team of via een app-groep.",
    "Je signaleert, je helpt voorkomen en je verbindt. Het werk van de politie neem je nooit over.",
    "Gemeente en politie bieden training, hesjes en zaklampen, vast contact en terugkoppeling.",
    "Aanmelden kan een paar keer per jaar. Daarna volgen een informatiebijeenkomst en een intakegesprek.",
    "Bij gevaar bel je altijd eerst <b>[alarmnummer]</b>.",
)

# The link cards on the home page: to the dossier, and to the contact page.
DOSSIER_CARD_TITLE = "Alles over buurtpreventie"
DOSSIER_CARD_TEXT = "Wat het is, wie wat doet, wat gemeente en politie bieden en hoe je meedoet."
CONTACT_CARD_TEXT = "Vragen, de wijkagent, en wat je doet bij spoed."

# The chapters in their order: (slug, title, intro, description, body builder, local facts).
# LOCAL_FACTS: what the demo text invents and the municipality must check (LocalFactsMixin).
CHAPTERS = [
    (chapter.SLUG, chapter.TITLE, chapter.INTRO, chapter.DESCRIPTION, chapter.body, getattr(chapter, "LOCAL_FACTS", ()))
    for chapter in (
        wat_is_buurtpreventie,
        rollen_en_verantwoordelijkheden,
        wat_gemeente_en_politie_bieden,
        aanmelden,
        veilig_op_ronde,
        informatie_delen,
        motivatie_en_maatwerk,
        waardering_en_evaluatie,
        begrippen,
        veelgestelde_vragen,
    )
]

__all__ = [
    "CHAPTERS",
    "CONTACT_CARD_TEXT",
    "DOSSIER_CARD_TEXT",
    "DOSSIER_CARD_TITLE",
    "DOSSIER_DESCRIPTION",
    "DOSSIER_INTRO",
    "DOSSIER_SUMMARY",
    "role_texts",
]
