"""The Role snippet: who does what in buurtpreventie.

A module of its own, below both ``dossier.blocks`` (the roles blocks list
roles) and ``dossier.models`` (whose chapters use those blocks), so that
neither imports the other in a circle. ``dossier.models`` re-exports it.
"""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES


class Role(index.Indexed, models.Model):
    """Who does what in buurtpreventie: a resident, a coordinator, the police..."""

    name = models.CharField("Naam", max_length=80, unique=True)
    slug = models.SlugField("Korte naam in links", max_length=80, unique=True, blank=True)
    organisation = models.CharField("Organisatie", max_length=120, help_text="Bijvoorbeeld 'Politie' of 'Bewoners'.")
    summary = models.TextField("In één zin", max_length=300)
    responsibilities = RichTextField("Taken en verantwoordelijkheden", features=RICH_TEXT_FEATURES)
    what_you_can_expect = RichTextField("Wat je van hen mag verwachten", features=RICH_TEXT_FEATURES)
    what_they_expect = RichTextField("Wat zij van jou verwachten", features=RICH_TEXT_FEATURES)
    how_to_reach = RichTextField("Zo bereik je hen", features=RICH_TEXT_FEATURES, blank=True)
    sort_order = models.PositiveSmallIntegerField("Volgorde", default=0)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("organisation"), FieldPanel("sort_order")],
            heading="Rol",
        ),
        FieldPanel("summary"),
        FieldPanel("responsibilities"),
        FieldPanel("what_you_can_expect"),
        FieldPanel("what_they_expect"),
        FieldPanel("how_to_reach"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("organisation"),
        index.SearchField("summary"),
        index.SearchField("responsibilities"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "rol"
        verbose_name_plural = "rollen"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    @property
    def anchor(self):
        return f"rol-{self.slug}"
