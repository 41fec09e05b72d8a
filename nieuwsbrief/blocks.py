"""The sections of a newsletter issue: practice examples, text, a call to action and the agenda."""

from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES


class PracticeExamplesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", max_length=120, default="Uit de teams")
    examples = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="nieuwsbrief.PracticeExamplePage", label="Praktijkvoorbeeld"),
        label="Praktijkvoorbeelden",
        min_num=1,
    )

    class Meta:
        icon = "group"
        label = "Praktijkvoorbeelden"
        template = "nieuwsbrief/blocks/practice_examples_block.html"


class TextSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", max_length=120, required=False)
    text = blocks.RichTextBlock(label="Tekst", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = "Tekst"
        template = "nieuwsbrief/blocks/text_section_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", max_length=120)
    text = blocks.TextBlock(label="Tekst", required=False)
    page = blocks.PageChooserBlock(label="Pagina", required=False)
    url = blocks.URLBlock(label="Of een adres", required=False)
    button_label = blocks.CharBlock(label="Tekst op de knop", max_length=60)

    class Meta:
        icon = "pick"
        label = "Oproep"
        template = "nieuwsbrief/blocks/call_to_action_block.html"


class AgendaBlock(blocks.StructBlock):
    """Lists the coming registration rounds and information evenings by itself (see ``nieuwsbrief.hooks``)."""

    heading = blocks.CharBlock(label="Kop", max_length=120, default="Agenda")
    text = blocks.TextBlock(label="Korte inleiding", required=False)

    class Meta:
        icon = "date"
        label = "Agenda (vult zichzelf)"
        template = "nieuwsbrief/blocks/agenda_block.html"


class NewsletterSectionsBlock(blocks.StreamBlock):
    practice_examples = PracticeExamplesBlock()
    text = TextSectionBlock()
    call_to_action = CallToActionBlock()
    agenda = AgendaBlock()
