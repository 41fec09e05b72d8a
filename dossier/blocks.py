"""Dossier-specific blocks: chosen role cards, the 'wie doet wat' overview, and two blocks
that show the registration page, the next information evening and the coming interim
evaluations from the data when the chapter is rendered (never typed in).

The data blocks read what ``aanmelding`` registers under the hooks below (the dossier does
not import it): each hook is a function ``(request, now)``, see ``aanmelding/dossier_links.py``.
Their content changes with the clock (an evening passes, a round opens) and with sign-ups
(seats left), so a chapter holding one is cached briefly (``DossierChapterPage.page_cache_timeout``).
"""

from django.utils import timezone
from wagtail import blocks, hooks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BaseStreamBlock

from .roles import Role


class RolesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", required=False, max_length=120)
    roles = blocks.ListBlock(SnippetChooserBlock("dossier.Role"), label="Rollen")

    class Meta:
        icon = "group"
        label = "Rollen"
        template = "blocks/roles_block.html"


class RoleOverviewBlock(blocks.StaticBlock):
    """A table of every role, built from the Role snippets at render time."""

    class Meta:
        icon = "table"
        label = "Overzicht 'wie doet wat'"
        admin_text = "Toont automatisch alle rollen in een overzichtstabel."
        template = "blocks/role_overview_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["roles"] = Role.objects.all()
        return context


REGISTRATION_LINKS_HOOK = "buurtpreventie_registration_links"
EVALUATION_MEETINGS_HOOK = "buurtpreventie_evaluation_meetings"


def _request(parent_context):
    return (parent_context or {}).get("request")


class RegistrationLinksBlock(blocks.StructBlock):
    """The registration page (open now, or when the next round opens) and the next information evening."""

    title = blocks.CharBlock(
        label="Titel", required=False, max_length=120, help_text="Bijvoorbeeld 'Meld je aan'. Leeg: geen titel."
    )

    class Meta:
        icon = "link"
        label = "Aanmelden: pagina en eerstvolgende informatiebijeenkomst"
        help_text = (
            "Toont vanzelf de aanmeldpagina, of aanmelden nu kan of wanneer het volgende aanmeldmoment begint, "
            "en de eerstvolgende informatiebijeenkomst met datum, plaats en vrije plaatsen."
        )
        template = "blocks/registration_links_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        links = {}
        for provider in hooks.get_hooks(REGISTRATION_LINKS_HOOK):
            links = provider(_request(parent_context), timezone.now())
        context.update(
            registration_page=links.get("registration_page"), round=links.get("round"), evening=links.get("evening")
        )
        return context


class EvaluationMeetingsBlock(blocks.StructBlock):
    """The coming interim evaluations (tussenevaluaties), with an optional link to the evaluation form."""

    title = blocks.CharBlock(label="Titel", required=False, max_length=120, default="Komende tussenevaluaties")
    form_page = blocks.PageChooserBlock(
        label="Formulier tussenevaluatie",
        required=False,
        help_text="De pagina met het formulier, voor wie niet naar een bijeenkomst kan.",
    )
    form_link_text = blocks.CharBlock(
        label="Tekst van de link naar het formulier",
        required=False,
        max_length=120,
        default="Vul het formulier tussenevaluatie in",
    )

    class Meta:
        icon = "date"
        label = "Komende tussenevaluaties"
        help_text = "Toont vanzelf de komende tussenevaluaties met datum, plaats en een link om je aan te melden."
        template = "blocks/evaluation_meetings_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        meetings = []
        for provider in hooks.get_hooks(EVALUATION_MEETINGS_HOOK):
            meetings.extend(provider(_request(parent_context), timezone.now()))
        context["meetings"] = meetings
        return context


# Block types whose output follows the data and the clock (see DossierChapterPage.page_cache_timeout).
DATA_BLOCK_TYPES = frozenset({"registration_links", "evaluation_meetings"})


class ChapterStreamBlock(BaseStreamBlock):
    roles = RolesBlock()
    role_overview = RoleOverviewBlock()
    registration_links = RegistrationLinksBlock()
    evaluation_meetings = EvaluationMeetingsBlock()
