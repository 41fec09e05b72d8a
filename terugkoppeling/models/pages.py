"""The pages: the team page behind the team link, and the published general feedback.

``TeamReportPage`` ("Verslag van een loopronde") shows at its own address
only what the team link is (no form: without a valid link nobody reports);
under ``team/<token>/`` it serves the team's page: the patrol-report form
and the team's own reports with the responses (``terugkoppeling.urls``).

``FeedbackIndexPage`` ("Wat we met jullie meldingen deden") lists the
``FeedbackPage``s, one per month or quarter: the editor's summary, figures
computed from that period's reports and signals (``terugkoppeling.figures``),
and the signals the editor picked with a public text (``FeedbackHighlight``).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from forms.base import PublicFormPageMixin
from home.page_cache import CachedPageMixin
from home.search_index import text_fields

from ..feedback_form import FeedbackPageForm
from .reports import Signal

RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


class TeamReportPage(PublicFormPageMixin, Page):
    """The team page behind each team's secret link: the report form and the team's history."""

    intro = RichTextField(
        "Uitleg zonder teamlink",
        features=RICH_TEXT,
        blank=True,
        help_text="Wat iemand ziet die deze pagina zonder teamlink opent: hoe je aan de link van je team komt.",
    )
    form_intro = RichTextField(
        "Tekst boven het formulier", features=RICH_TEXT, blank=True, help_text="Wat het team vooraf moet weten."
    )
    thank_you_text = RichTextField("Bedankt-tekst", features=RICH_TEXT, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("form_intro"), FieldPanel("thank_you_text")]
    search_fields = Page.search_fields + text_fields("intro")
    page_description = (
        "De pagina achter de teamlinks: het formulier voor een verslag van een loopronde en de eigen "
        "verslagen van het team, met de reacties van gemeente en politie."
    )
    subpage_types = []
    max_count = 1

    # The public form (forms.base.PublicFormPageMixin); served per team under team/<token>/.
    form_class = "terugkoppeling.forms.reports.PatrolReportForm"
    rate_limit_key = "loopronde"
    landing_page_template = "terugkoppeling/team_report_thanks.html"
    subpage_urls = "terugkoppeling.urls.team_page_urls"

    class Meta:
        verbose_name = "pagina verslag loopronde"
        verbose_name_plural = "pagina's verslag loopronde"

    @classmethod
    def live_page(cls):
        return cls.objects.live().first()

    # At its own address the page has no team: it explains the team link, and there is no form.
    # The form is served per team by ``terugkoppeling.views.teams.TeamReportHandler``.

    def is_form_open(self, request):
        return False

    def serve_form(self, request):
        if request.method == "POST":
            return HttpResponseRedirect(self.url)
        return super().serve_form(request)


class FeedbackIndexPage(CachedPageMixin, Page):
    """'Wat we met jullie meldingen deden': the list of feedback pages, newest period first."""

    intro = RichTextField("Introductie", features=RICH_TEXT, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + text_fields("intro")
    page_description = "Het overzicht van de algemene terugkoppeling: één pagina per maand of kwartaal."
    subpage_types = ["terugkoppeling.FeedbackPage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht terugkoppeling"
        verbose_name_plural = "overzichten terugkoppeling"

    def feedback_pages(self):
        """The live, public feedback pages under this index, newest period first (one query)."""
        pages = FeedbackPage.objects.child_of(self).live().public().specific(defer=False)
        return sorted(pages, key=lambda page: (page.period_start, page.period_end), reverse=True)


QUARTERS = [("k1", "1e kwartaal"), ("k2", "2e kwartaal"), ("k3", "3e kwartaal"), ("k4", "4e kwartaal")]
MONTH_NAMES = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS = [(f"m{number:02d}", name) for number, name in enumerate(MONTH_NAMES, start=1)]


def period_dates(year, period):
    """``(first day, last day)`` of a period code (``k1``..``k4``, ``m01``..``m12``) in ``year``."""
    if period.startswith("k"):
        first_month, months = (int(period[1:]) - 1) * 3 + 1, 3
    else:
        first_month, months = int(period[1:]), 1
    start = datetime.date(year, first_month, 1)
    next_month = first_month + months
    end = datetime.date(year + (next_month > 12), (next_month - 1) % 12 + 1, 1) - datetime.timedelta(days=1)
    return start, end


class FeedbackPage(CachedPageMixin, Page):
    """General feedback over one month or quarter: summary, figures, charts and picked signals."""

    year = models.PositiveSmallIntegerField("Jaar")
    period = models.CharField(
        "Periode",
        max_length=3,
        choices=[("Kwartaal", QUARTERS), ("Maand", MONTHS)],
        help_text="Een kwartaal of een maand. De cijfers op de pagina komen uit de verslagen van die periode.",
    )
    summary = RichTextField(
        "Samenvatting",
        features=RICH_TEXT,
        blank=True,
        help_text="Wat speelde er, wat deden gemeente en politie? Schrijf in gewone taal, zonder namen of "
        "huisnummers. De cijfers komen er vanzelf onder.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldRowPanel([FieldPanel("year"), FieldPanel("period")])], heading="Over welke periode"),
        FieldPanel("summary"),
        InlinePanel(
            "highlights",
            heading="Jullie meldden, wij deden",
            label="melding",
            help_text="Kies meldingen uit deze periode en schrijf bij elk wat er gebeurde, voor alle bewoners.",
        ),
    ]
    search_fields = Page.search_fields + text_fields("summary")
    page_description = "Algemene terugkoppeling over een maand of kwartaal, met cijfers uit de verslagen."
    parent_page_types = ["terugkoppeling.FeedbackIndexPage"]
    subpage_types = []
    # Narrows the highlights' signal select to the period; refuses a second page for a period.
    base_form_class = FeedbackPageForm

    class Meta:
        verbose_name = "terugkoppeling"
        verbose_name_plural = "terugkoppelingen"

    @staticmethod
    def dates_of(year, period):
        """``(first day, last day)`` of ``period`` in ``year``; ValueError for an unknown period."""
        if period not in dict(QUARTERS + MONTHS):
            raise ValueError(period)
        return period_dates(year, period)

    @staticmethod
    def previous_quarter(today=None):
        """``(year, period)`` of the last full quarter before ``today``."""
        today = today or datetime.date.today()
        quarter = (today.month - 1) // 3  # the current one, counted from 0
        return (today.year, f"k{quarter}") if quarter else (today.year - 1, "k4")

    @property
    def period_start(self):
        return period_dates(self.year, self.period)[0]

    @property
    def period_end(self):
        return period_dates(self.year, self.period)[1]

    def duplicate_period_message(self, parent, year, period):
        """A Dutch message when another live feedback page under ``parent`` covers this period, else None."""
        others = FeedbackPage.objects.child_of(parent).live().filter(year=year, period=period)
        if self.pk:
            others = others.exclude(pk=self.pk)
        other = others.first()
        if other is None:
            return None
        return (
            f"Over deze periode is al een terugkoppeling gepubliceerd: ‘{other.title}’. "
            "Pas die pagina aan, of kies een andere periode."
        )

    def highlights_with_signals(self):
        """The picked signals with their Signal: one query, however many (the preview's fake queryset allows it too)."""
        return self.highlights.select_related("signal")

    def period_label(self):
        label = dict(QUARTERS + MONTHS).get(self.period, self.period)
        return f"{label} {self.year}"

    def clean(self):
        super().clean()
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": "Vul een jaartal in, bijvoorbeeld 2026."})
        # A new page has no place in the tree yet: its form checks this (feedback_form).
        if self.pk and self.year and self.period:
            parent = self.get_parent()
            message = parent and self.duplicate_period_message(parent, self.year, self.period)
            if message:
                raise ValidationError({"period": message})


class FeedbackHighlight(Orderable):
    """'Jullie meldden, wij deden': one signal the editor picked, with a text for every resident."""

    page = ParentalKey(FeedbackPage, on_delete=models.CASCADE, related_name="highlights")
    signal = models.ForeignKey(Signal, verbose_name="melding", on_delete=models.CASCADE, related_name="+")
    public_text = models.TextField(
        "Wat we deden",
        max_length=600,
        help_text="Voor alle bewoners: zonder namen of huisnummers. Bijvoorbeeld: 'De lantaarnpaal is "
        "binnen een week vervangen.'",
    )

    panels = [FieldPanel("signal"), FieldPanel("public_text")]

    class Meta(Orderable.Meta):
        verbose_name = "melding in de terugkoppeling"
        verbose_name_plural = "meldingen in de terugkoppeling"
