"""Practice examples (praktijkvoorbeelden): the pages, their index, and the form through which teams share one.

A submission through ``ShareExamplePage`` becomes a draft ``PracticeExamplePage``
in the moderation workflow; the submitter's contact details stay apart, in
``PracticeExampleSubmission``, and never appear on the page.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from forms.base import PublicFormPageMixin
from forms.models import ConsentRecord
from home.blocks import BaseStreamBlock
from home.page_cache import CachedPageMixin
from home.search_index import text_fields

from .themes import Theme


class PracticeExampleIndexPage(CachedPageMixin, Page):
    """'Praktijkvoorbeelden': the examples below it, filtered by theme and wijk, a page at a time."""

    intro = RichTextField("Introductie", features=["bold", "italic", "link", "ul"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + text_fields("intro")
    page_description = "Het overzicht van de praktijkvoorbeelden van teams, te filteren op thema en wijk."
    subpage_types = ["nieuwsbrief.PracticeExamplePage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht praktijkvoorbeelden"
        verbose_name_plural = "overzichten praktijkvoorbeelden"


class PracticeExamplePage(CachedPageMixin, Page):
    """What one team did, what came of it, and a tip for other teams."""

    summary = models.TextField(
        "Samenvatting", max_length=300, help_text="Eén of twee zinnen; staan in het overzicht en in de nieuwsbrief."
    )
    body = StreamField(BaseStreamBlock(), verbose_name="Inhoud", blank=True)
    wijk = models.CharField("Wijk", max_length=80, blank=True)
    team_name = models.CharField("Team", max_length=120, blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name="Thema's", blank=True, related_name="examples")
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Foto", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt = models.CharField(
        "Alternatieve tekst van de foto",
        max_length=250,
        blank=True,
        help_text="Verplicht bij een foto: beschrijf wat erop te zien is, voor wie hem niet kan zien.",
    )
    date = models.DateField("Datum", default=timezone.localdate)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("team_name"), FieldPanel("wijk"), FieldPanel("date"), FieldPanel("themes")],
            heading="Over het team",
        ),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Foto"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + text_fields("summary", "body", "team_name", "wijk")
    page_description = "Een praktijkvoorbeeld van een team: wat jullie deden, wat het opleverde en een tip."
    parent_page_types = ["nieuwsbrief.PracticeExampleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "praktijkvoorbeeld"
        verbose_name_plural = "praktijkvoorbeelden"

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "Beschrijf wat er op de foto te zien is."})


class ShareExamplePage(PublicFormPageMixin, Page):
    """'Deel je praktijkvoorbeeld': a team's example becomes a draft page for the editors to review."""

    intro = RichTextField("Introductie", features=["bold", "italic", "link", "ul"], blank=True)
    examples_index = models.ForeignKey(
        PracticeExampleIndexPage,
        verbose_name="Overzicht praktijkvoorbeelden",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Waar ingezonden voorbeelden als concept komen. Leeg: het overzicht praktijkvoorbeelden van de site.",
    )
    thanks_text = RichTextField("Tekst na het insturen", features=["bold", "italic", "link", "ul"], blank=True)

    form_class = "nieuwsbrief.forms.practice.ShareExampleForm"
    rate_limit_key = "nieuwsbrief-praktijkvoorbeeld"

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("examples_index"),
        FieldPanel("thanks_text"),
    ]
    search_fields = Page.search_fields + text_fields("intro")
    page_description = "Het formulier waarmee teams een praktijkvoorbeeld insturen."
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "formulier praktijkvoorbeeld"
        verbose_name_plural = "formulieren praktijkvoorbeeld"


class PracticeExampleSubmission(ConsentRecord):
    """Who sent in a practice example: kept apart from the page, mailed, and purged after the retention period."""

    page = models.OneToOneField(
        PracticeExamplePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="submission"
    )
    name = models.CharField("Naam", max_length=120)
    email = models.EmailField("E-mailadres")
    created_at = models.DateTimeField("Ingestuurd op", default=timezone.now, db_index=True)
    published_mail_queued_at = models.DateTimeField("Mail over publicatie verstuurd op", null=True, blank=True)
    personal_data_removed_at = models.DateTimeField("Persoonsgegevens verwijderd op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "ingezonden praktijkvoorbeeld"
        verbose_name_plural = "ingezonden praktijkvoorbeelden"

    def __str__(self):
        return self.page.title if self.page_id else f"Ingezonden op {self.created_at:%d-%m-%Y}"
