from django.core.validators import MinValueValidator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import BaseStreamBlock, headings_with_anchors
from .local_facts import LocalFactsMixin
from .page_cache import CachedPageMixin, remembered
from .rich_text import prefetch_page_links
from .routing import DirectRoutingMixin
from .search_index import text_fields


class ContentVersion(models.Model):
    """One row whose value changes with every content change (home/page_cache.py).

    With the page cache off, each server process keeps what is the same for every request
    (routes, site settings, the menu) in its own memory while this value stays the same.
    A random value rather than a counter: after the table is emptied (a test flush) a
    counter would start over and meet values a process still holds.
    """

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return f"content version {self.value}"


class PeriodicTaskTick(models.Model):
    """A claim on one tick of one periodic task (home/periodic.py).

    The unique constraint lets only one scheduler win a tick, so a second scheduler started
    by mistake enqueues nothing twice. ``tick`` is the start of the interval slot.
    """

    task_path = models.CharField(max_length=255)
    tick = models.DateTimeField()
    claimed_at = models.DateTimeField(auto_now_add=True)
    # The id of the task row enqueued with this claim, to check each tick ran once.
    task_result_id = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task_path", "tick"], name="one_claim_per_periodic_tick")]
        indexes = [models.Index(fields=["tick"], name="periodic_tick_tick_idx")]

    def __str__(self):
        return f"{self.task_path} @ {self.tick.isoformat()}"


class LinkCardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Pagina")
    title = blocks.CharBlock(label="Titel", required=False, help_text="Laat leeg voor de paginatitel.")
    text = blocks.TextBlock(label="Korte uitleg", required=False)

    class Meta:
        icon = "link"
        label = "Verwijzing"
        template = "blocks/link_card_block.html"


class HomePage(DirectRoutingMixin, CachedPageMixin, Page, LocalFactsMixin):
    # Short: the home page shows whether a registration round is open, which
    # changes with the clock, not only when someone saves something.
    page_cache_timeout = 60

    intro = models.TextField("Introductie", blank=True)
    highlights = StreamField(
        [("link", LinkCardBlock())],
        verbose_name="Snel naar",
        blank=True,
        help_text="De belangrijkste pagina's, als blokken bovenaan de startpagina.",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="Inhoud", blank=True)

    content_panels = (
        LocalFactsMixin.local_facts_panels
        + Page.content_panels
        + [FieldPanel("intro"), FieldPanel("highlights"), FieldPanel("body")]
    )
    settings_panels = Page.settings_panels + LocalFactsMixin.local_facts_settings_panels
    search_fields = Page.search_fields + text_fields("intro", "body")

    page_description = "De startpagina van de site: introductie, snelkoppelingen en of aanmelden nu kan."
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "startpagina"
        verbose_name_plural = "startpagina's"


class StandardPage(CachedPageMixin, Page, LocalFactsMixin):
    """A plain page: privacy statement, accessibility statement, contact, colofon."""

    intro = models.TextField("Introductie", blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="Inhoud", blank=True)

    content_panels = (
        LocalFactsMixin.local_facts_panels + Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    )
    settings_panels = Page.settings_panels + LocalFactsMixin.local_facts_settings_panels
    search_fields = Page.search_fields + text_fields("intro", "body")
    page_description = "Een gewone pagina met tekst, zoals de privacyverklaring, contact of het colofon."

    class Meta:
        verbose_name = "standaardpagina"
        verbose_name_plural = "standaardpagina's"

    def body_with_anchors(self):
        prefetch_page_links(self.body)
        return headings_with_anchors(self.body)


@register_setting(icon="site")
class MunicipalitySettings(BaseSiteSetting):
    """Who runs this site and how long personal data is kept."""

    municipality_name = models.CharField("Naam gemeente", max_length=100, default="Gemeente Voorbeeld")
    contact_email = models.EmailField("E-mailadres voor vragen", default="buurtpreventie@gemeente.example")
    phone = models.CharField("Telefoonnummer", max_length=30, default="14 0000")
    visiting_address = models.TextField("Bezoekadres", blank=True, default="Stadhuisplein 1\n1234 AB Voorbeeld")
    police_phone = models.CharField(
        "Politie, geen spoed",
        max_length=30,
        default="0900-8844",
        help_text="Het nummer voor de politie als er geen spoed is; op de site overal waar de politie genoemd wordt.",
    )
    emergency_phone = models.CharField(
        "Alarmnummer",
        max_length=30,
        default="112",
        help_text="Het nummer bij spoed en gevaar; op de site overal waar staat wat je bij gevaar doet.",
    )
    notification_email = models.EmailField(
        "Adres voor meldingen van nieuwe aanmeldingen",
        default="buurtpreventie@gemeente.example",
        help_text="Hier komen de meldingen van nieuwe aanmeldingen binnen.",
    )
    retention_days = models.PositiveIntegerField(
        "Bewaartermijn persoonsgegevens (dagen)",
        default=365,
        validators=[MinValueValidator(30)],
        help_text="Na deze termijn worden persoonsgegevens uit aanmeldingen en formulieren verwijderd.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Privacyverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Toegankelijkheidsverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Contactpagina",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    newsletter_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Nieuwsbrief",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Het archief van de nieuwsbrief; onderaan elke pagina staat een link ernaartoe.",
    )

    # One query for the settings and the footer pages together.
    select_related = ["privacy_page", "accessibility_page", "contact_page", "newsletter_page"]

    @classmethod
    def for_site(cls, site):
        # Read on every page (title, footer), and costly to build with its three pages:
        # kept in the page cache, which every change of settings or pages empties.
        if site is None:
            return super().for_site(site)
        return remembered(f"settings:{cls._meta.label_lower}:{site.pk}", lambda: super(cls, cls).for_site(site))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("municipality_name"),
                FieldPanel("contact_email"),
                FieldPanel("phone"),
                FieldPanel("visiting_address"),
            ],
            heading="Gemeente",
        ),
        MultiFieldPanel([FieldPanel("police_phone"), FieldPanel("emergency_phone")], heading="Politie en spoed"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("contact_page"),
                FieldPanel("newsletter_page"),
            ],
            heading="Vaste pagina's",
        ),
        MultiFieldPanel(
            [FieldPanel("notification_email"), FieldPanel("retention_days")], heading="Aanmeldingen en privacy"
        ),
    ]

    class Meta:
        verbose_name = "instellingen gemeente"
