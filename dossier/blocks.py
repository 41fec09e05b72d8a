"""Dossier-specific blocks: chosen role cards and the 'wie doet wat' overview."""

from wagtail import blocks
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


class ChapterStreamBlock(BaseStreamBlock):
    roles = RolesBlock()
    role_overview = RoleOverviewBlock()
