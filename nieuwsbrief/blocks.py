"""The sections of a newsletter issue: practice examples, text, a call to action and the agenda.

Their templates (templates/nieuwsbrief/blocks/) serve the web version and the mail alike;
the mail renders them with ``for_mail`` in the context (nieuwsbrief.mails.issues).
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from home.blocks import RICH_TEXT_FEATURES

from .hooks import agenda_items


class PracticeExamplesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", max_length=120, default="Uit de teams")
    examples = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="nieuwsbrief.PracticeExamplePage", label="Praktijkvoorbeeld"),
        label="Praktijkvoorbeelden",
        min_num=1,
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The chosen pages come in one query for the whole stream (PageChooserBlock.bulk_to_python);
        # an example taken offline since, or deleted, is left out.
        context["examples"] = [page for page in value["examples"] if page is not None and page.live]
        return context

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

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Kies een pagina óf vul een adres in (één van de twee)."
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        context["link"] = page.url if page is not None else value.get("url")
        return context

    class Meta:
        icon = "pick"
        label = "Oproep"
        template = "nieuwsbrief/blocks/call_to_action_block.html"


class AgendaBlock(blocks.StructBlock):
    """Lists the coming registration rounds and information evenings by itself (see ``nieuwsbrief.hooks``)."""

    heading = blocks.CharBlock(label="Kop", max_length=120, default="Agenda")
    text = blocks.TextBlock(label="Korte inleiding", required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["items"] = agenda_items(timezone.now())
        return context

    class Meta:
        icon = "date"
        label = "Agenda (vult zichzelf)"
        template = "nieuwsbrief/blocks/agenda_block.html"


class NewsletterSectionsBlock(blocks.StreamBlock):
    practice_examples = PracticeExamplesBlock()
    text = TextSectionBlock()
    call_to_action = CallToActionBlock()
    agenda = AgendaBlock()
