from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.blocks import headings_with_anchors
from home.local_facts import LocalFactsMixin
from home.page_cache import CachedPageMixin, remembered
from home.rich_text import prefetch_page_links
from home.search_index import text_fields

from .blocks import DATA_BLOCK_TYPES, ChapterStreamBlock
from .roles import Role

__all__ = ["DossierChapterPage", "DossierPage", "Role"]


class DossierPage(CachedPageMixin, Page, LocalFactsMixin):
    """The landing page of the dossier: what it is in short, and its chapters."""

    intro = models.TextField("Introductie")
    summary = RichTextField(
        "In het kort",
        features=["bold", "ul", "link"],
        blank=True,
        help_text="De kern van het dossier in een paar punten.",
    )

    content_panels = (
        LocalFactsMixin.local_facts_panels + Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    )
    settings_panels = Page.settings_panels + LocalFactsMixin.local_facts_settings_panels
    search_fields = Page.search_fields + text_fields("intro", "summary")

    page_description = "De beginpagina van het dossier buurtpreventie, met de hoofdstukken eronder."
    subpage_types = ["dossier.DossierChapterPage"]
    # The admin lists the chapters as the site does, in reading order, not the last edited first;
    # editors change that order with the explorer's "sort menu order".
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"

    def route(self, request, path_components):
        # A dossier only holds chapters, so look the chapter up in its own
        # table: one query instead of Wagtail's generic two.
        if path_components:
            try:
                chapter = DossierChapterPage.objects.child_of(self).get(slug=path_components[0])
            except DossierChapterPage.DoesNotExist:
                raise Http404 from None
            chapter._cached_parent_obj = self
            return chapter.route(request, path_components[1:])
        return super().route(request, path_components)

    def chapters(self):
        return DossierChapterPage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = self.chapters()
        return context


class DossierChapterPage(CachedPageMixin, Page, LocalFactsMixin):
    intro = models.TextField("Samenvatting", help_text="Twee of drie zinnen; ook te zien in de hoofdstukkenlijst.")
    body = StreamField(ChapterStreamBlock(), verbose_name="Inhoud")

    content_panels = (
        LocalFactsMixin.local_facts_panels + Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    )
    settings_panels = Page.settings_panels + LocalFactsMixin.local_facts_settings_panels
    search_fields = Page.search_fields + text_fields("intro", "body")

    page_description = "Eén hoofdstuk van het dossier, opgebouwd uit blokken: tekst, kaders, vragen, rollen."
    parent_page_types = ["dossier.DossierPage"]
    subpage_types = []

    # A chapter with a data block (the registration links, the coming evaluations) shows what
    # changes with the clock and with sign-ups, not only when content is saved (which empties the
    # cache at once: evenings and rounds are content, home/page_cache.py). An evening that has
    # passed, a round that opened or a seat taken shows within this minute, as on the home page.
    DATA_CACHE_TIMEOUT = 60

    class Meta:
        verbose_name = "hoofdstuk"
        verbose_name_plural = "hoofdstukken"

    @property
    def page_cache_timeout(self):
        if any(block["type"] in DATA_BLOCK_TYPES for block in self.body.raw_data):
            return self.DATA_CACHE_TIMEOUT
        return CachedPageMixin.page_cache_timeout

    def body_with_anchors(self):
        prefetch_page_links(self.body)
        return list(headings_with_anchors(self.body))

    def table_of_contents(self, blocks_with_anchors):
        return [
            (anchor, block.value["text"])
            for block, anchor in blocks_with_anchors
            if anchor and block.value["level"] == "h2"
        ]

    def siblings_around(self):
        """The previous and next live chapter, found with one query."""
        # The same for every request until content changes: kept (home/page_cache.py).
        siblings = remembered(
            f"chapters:{self.path[: -self.steplen]}",
            lambda: list(self.get_siblings(inclusive=True).live().order_by("path")),
        )
        ids = [page.pk for page in siblings]
        if self.pk not in ids:  # a draft being previewed
            return None, None
        position = ids.index(self.pk)
        previous_page = siblings[position - 1] if position > 0 else None
        next_page = siblings[position + 1] if position + 1 < len(siblings) else None
        return previous_page, next_page

    def get_context(self, request, *args, **kwargs):
        # Lazy: when the page's content comes from the fragment cache (home/page_cache.py),
        # none of this is needed, and none of its queries run.
        context = super().get_context(request, *args, **kwargs)
        blocks_with_anchors = SimpleLazyObject(self.body_with_anchors)
        siblings = SimpleLazyObject(self.siblings_around)
        context["blocks_with_anchors"] = blocks_with_anchors
        context["table_of_contents"] = SimpleLazyObject(lambda: self.table_of_contents(blocks_with_anchors))
        context["previous_chapter"] = SimpleLazyObject(lambda: siblings[0])
        context["next_chapter"] = SimpleLazyObject(lambda: siblings[1])
        return context
