"""Themes of practice examples: a short list that editors keep."""

from django.db import models


class Theme(models.Model):
    """A theme a practice example is about (inbraakpreventie, verlichting, ...); readers filter on it."""

    name = models.CharField("Naam", max_length=60, unique=True)
    slug = models.SlugField(
        "Naam in de link",
        max_length=60,
        unique=True,
        help_text="Kleine letters en streepjes, bijvoorbeeld ‘verlichting’.",
    )
    sort_order = models.PositiveSmallIntegerField("Volgorde", default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    def __str__(self):
        return self.name
