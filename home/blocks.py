"""The one shared set of StreamField blocks. Every page body uses these;
apps add their own blocks by extending ``BaseStreamBlock``."""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "h3", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tekst", max_length=120)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Kop (h2)"), ("h3", "Subkop (h3)")],
        default="h2",
        help_text="Een h2 verschijnt in de inhoudsopgave 'Op deze pagina'.",
    )

    class Meta:
        icon = "title"
        label = "Kop"
        template = "blocks/heading_block.html"

    def anchor(self, value):
        return slugify(value["text"]) or "kop"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label="Soort",
        choices=[("info", "Informatie"), ("tip", "Tip"), ("warning", "Let op")],
        default="info",
    )
    title = blocks.CharBlock(label="Titel", max_length=120)
    text = blocks.RichTextBlock(label="Tekst", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        label = "Kader"
        template = "blocks/callout_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Afbeelding")
    alt_text = blocks.CharBlock(
        label="Alternatieve tekst",
        max_length=250,
        help_text="Beschrijf wat er op de afbeelding te zien is, voor wie hem niet kan zien.",
    )
    caption = blocks.CharBlock(label="Bijschrift", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Afbeelding"
        template = "blocks/image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Linktekst", required=False, help_text="Laat leeg om de titel van het document te gebruiken."
    )

    class Meta:
        icon = "doc-full"
        label = "Document"
        template = "blocks/document_block.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Vraag", max_length=200)
    answer = blocks.RichTextBlock(label="Antwoord", features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", required=False, max_length=120)
    questions = blocks.ListBlock(QuestionAnswerBlock(), label="Vragen")

    class Meta:
        icon = "help"
        label = "Veelgestelde vragen"
        template = "blocks/faq_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Stap", max_length=120)
    text = blocks.RichTextBlock(label="Uitleg", features=RICH_TEXT_FEATURES, required=False)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", required=False, max_length=120)
    steps = blocks.ListBlock(StepBlock(), label="Stappen")

    class Meta:
        icon = "list-ol"
        label = "Stappenplan"
        template = "blocks/steps_block.html"


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Naam of afdeling", max_length=120)
    role = blocks.CharBlock(label="Functie", required=False, max_length=120)
    text = blocks.TextBlock(label="Toelichting", required=False)
    phone = blocks.CharBlock(label="Telefoon", required=False, max_length=30)
    email = blocks.EmailBlock(label="E-mail", required=False)
    url = blocks.URLBlock(label="Website", required=False)

    class Meta:
        icon = "user"
        label = "Contactkaart"
        template = "blocks/contact_card_block.html"


class ContactDetailsBlock(blocks.StructBlock):
    """The municipality's or the emergency contact details, always as the settings have them now."""

    kind = blocks.ChoiceBlock(
        label="Welke gegevens",
        choices=[
            ("municipality", "Gemeente: naam, bezoekadres, telefoon en e-mail"),
            ("emergency", "Spoed en politie: alarmnummer en politie zonder spoed"),
        ],
        default="municipality",
        help_text="De nummers en adressen komen uit Instellingen > Instellingen gemeente.",
    )
    title = blocks.CharBlock(
        label="Naam of afdeling",
        required=False,
        max_length=120,
        help_text="Bijvoorbeeld 'Team buurtpreventie'. Leeg: de naam van de gemeente, of 'Spoed en politie'.",
    )
    text = blocks.TextBlock(label="Toelichting", required=False)

    class Meta:
        icon = "site"
        label = "Contactgegevens uit de instellingen"
        template = "blocks/contact_details_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Tekst", features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html", icon="pilcrow"
    )
    heading = HeadingBlock()
    callout = CalloutBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    faq = FAQBlock()
    steps = StepsBlock()
    contact = ContactCardBlock()
    contact_details = ContactDetailsBlock()


def headings_with_anchors(stream_value):
    """Pair each block of a StreamField value with the anchor of its heading.

    Yields ``(block, anchor)``; ``anchor`` is None for blocks that are not a
    heading. Anchors are readable slugs, made unique within the page.
    """
    seen = {}
    for block in stream_value:
        anchor = None
        if block.block_type == "heading":
            base = block.block.anchor(block.value)
            seen[base] = seen.get(base, 0) + 1
            anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        yield block, anchor
