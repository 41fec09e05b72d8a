"""Practice examples (praktijkvoorbeelden): the pages, their index, and the form through which teams share one.

A submission through ``ShareExamplePage`` becomes a draft ``PracticeExamplePage``
in the moderation workflow; the submitter's contact details stay apart, in
``PracticeExampleSubmission``, and never appear on the page.
"""

import re

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from forms.base import PublicFormPageMixin
from forms.models import ConsentRecord
from home.blocks import BaseStreamBlock, headings_with_anchors
from home.page_cache import CachedPageMixin
from home.rich_text import prefetch_page_links
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

    EXAMPLES_PER_PAGE = 10
    THEME_PARAMETER = "thema"
    WIJK_PARAMETER = "wijk"
    PAGE_PARAMETER = "pagina"

    class Meta:
        verbose_name = "overzicht praktijkvoorbeelden"
        verbose_name_plural = "overzichten praktijkvoorbeelden"

    def serve(self, request, *args, **kwargs):
        # The page cache keeps one body per path, whatever the query string holds: a filtered
        # or later page of the list is rendered fresh, only the plain overview comes from it.
        if request.GET:
            return Page.serve(self, request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def examples(self):
        """The live examples below this page, newest first, with what their cards show in a fixed number of queries."""
        return (
            PracticeExamplePage.objects.child_of(self)
            .live()
            .order_by("-date", "-pk")
            .prefetch_related(
                "themes",
                Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO_FILTER)),
            )
        )

    def wijken(self):
        """The wijken live examples come from, in alphabetical order: the wijk filter's choices."""
        live = PracticeExamplePage.objects.child_of(self).live().exclude(wijk="")
        return list(live.order_by("wijk").values_list("wijk", flat=True).distinct())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(Theme.objects.all())
        wijken = self.wijken()
        theme_slug = request.GET.get(self.THEME_PARAMETER, "")
        wijk = request.GET.get(self.WIJK_PARAMETER, "")
        theme = next((theme for theme in themes if theme.slug == theme_slug), None)
        # An unknown theme or wijk is a link that leads nowhere, not an empty list.
        if (theme_slug and theme is None) or (wijk and wijk not in wijken):
            raise Http404("Dit thema of deze wijk bestaat niet (meer).")
        examples = self.examples()
        if theme is not None:
            examples = examples.filter(themes=theme)
        if wijk:
            examples = examples.filter(wijk=wijk)
        page_obj = Paginator(examples, self.EXAMPLES_PER_PAGE).get_page(request.GET.get(self.PAGE_PARAMETER))
        context.update(
            themes=themes,
            wijken=wijken,
            active_theme=theme,
            active_wijk=wijk,
            examples=page_obj,
            is_filtered=bool(theme or wijk),
            share_page=ShareExamplePage.objects.live().first(),
        )
        return context


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
            [
                FieldPanel("team_name"),
                FieldPanel("wijk"),
                FieldPanel("date"),
                FieldPanel("themes", widget=CheckboxSelectMultiple),
            ],
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = list(self.themes.all())
        context["index"] = self.get_parent()
        return context

    def description_from_data(self):
        """What search engines show without a search description (home.seo): the summary."""
        return self.summary

    def body_with_anchors(self):
        prefetch_page_links(self.body)
        return headings_with_anchors(self.body)

    @classmethod
    def draft_from_submission(cls, index, *, title, what_we_did, what_came_of_it, tip, **fields):
        """A new draft (never live) below ``index`` from what a team sent in; not yet in moderation.

        ``fields``: team_name, wijk, photo, photo_alt. The summary comes from the texts; the body
        has a heading and paragraphs for each of them.
        """
        page = cls(
            title=title,
            slug=unique_child_slug(index, title),
            summary=summarise(what_we_did, what_came_of_it),
            body=[
                {"type": "heading", "value": {"text": "Wat we deden", "level": "h2"}},
                {"type": "paragraph", "value": text_to_html(what_we_did)},
                {"type": "heading", "value": {"text": "Wat het opleverde", "level": "h2"}},
                {"type": "paragraph", "value": text_to_html(what_came_of_it)},
                {"type": "heading", "value": {"text": "Tip voor andere teams", "level": "h2"}},
                {"type": "paragraph", "value": text_to_html(tip)},
            ],
            date=timezone.localdate(),
            live=False,
            **fields,
        )
        index.add_child(instance=page)
        page.save_revision(log_action=True)
        return page

    def submit_for_moderation(self):
        """Start the page's moderation workflow as Wagtail does for an editor, but by nobody:
        the moderators get Wagtail's own notification and find it under 'Wacht op moderatie'.
        Returns the WorkflowState, or None when no workflow applies to the page."""
        workflow = self.get_workflow()
        if workflow is None:
            return None
        return workflow.start(self, user=None)


CARD_PHOTO_FILTER = "fill-640x360"
SUMMARY_LENGTH = PracticeExamplePage._meta.get_field("summary").max_length
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def summarise(*texts, limit=SUMMARY_LENGTH):
    """The first whole sentences of ``texts`` that fit in ``limit`` characters; else words cut with '…'."""
    words = " ".join(" ".join(texts).split())
    if len(words) <= limit:
        return words
    summary = ""
    for sentence in SENTENCE_END.split(words):
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > limit:
            break
        summary = candidate
    if summary:
        return summary
    return words[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def text_to_html(text):
    """Plain text as rich-text paragraphs: a blank line starts a new paragraph, a single one breaks the line."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if part.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in part.split("\n")) + "</p>" for part in paragraphs
    )


def unique_child_slug(parent, title):
    """A slug from ``title`` that no child of ``parent`` has yet."""
    base = slugify(title)[:60].strip("-") or "praktijkvoorbeeld"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


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

    def target_index(self):
        """Where a submitted example goes: the chosen overview, or else the site's."""
        if self.examples_index_id:
            return self.examples_index
        return PracticeExampleIndexPage.objects.first()

    def get_form_kwargs(self, request):
        kwargs = {**super().get_form_kwargs(request), "page": self}
        if request.method == "POST":
            kwargs["files"] = request.FILES
        return kwargs

    def process_form_submission(self, form):
        return form.save()

    def get_submission_queryset(self):
        return PracticeExampleSubmission.objects.select_related("page")


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
