"""Newsletter issues, their archive, and the sending of one issue: one Delivery per subscriber.

What a send needs to keep (who started it, the rendered mail, progress) lives
in ``NewsletterSending`` and ``Delivery``, never on the page: publishing a
page revision would overwrite fields on the page itself.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.page_cache import CachedPageMixin
from home.search_index import text_fields

from ..blocks import NewsletterSectionsBlock
from ..feeds import NewsletterFeed
from ..panels import SendingProgressPanel
from .subscribers import SubscribePage, Subscriber


class NewsletterArchivePage(CachedPageMixin, RoutablePageMixin, Page):
    """'Nieuwsbrieven': the public archive of issues, newest first, with a feed."""

    intro = RichTextField("Introductie", features=["bold", "italic", "link", "ul"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + text_fields("intro")
    page_description = "Het archief van de nieuwsbrieven, met een feed (Atom) voor feedlezers."
    subpage_types = ["nieuwsbrief.NewsletterIssuePage"]
    max_count = 1

    ISSUES_PER_PAGE = 10
    PAGE_PARAMETER = "pagina"

    class Meta:
        verbose_name = "archief nieuwsbrieven"
        verbose_name_plural = "archieven nieuwsbrieven"

    def serve(self, request, *args, **kwargs):
        # The page cache keeps one body per path, whatever the query string holds:
        # a later page of the list is rendered fresh, only the first comes from it.
        if request.GET:
            return RoutablePageMixin.serve(self, request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def issues(self):
        """The live issues below this archive, the newest first."""
        return NewsletterIssuePage.objects.child_of(self).live().order_by("-first_published_at", "-pk")

    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = Paginator(self.issues(), self.ISSUES_PER_PAGE).get_page(
            request.GET.get(self.PAGE_PARAMETER)
        )
        context["subscribe_page"] = SubscribePage.live_page()
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return NewsletterFeed(self)(request)


class NewsletterIssuePage(CachedPageMixin, Page):
    """One issue: its web version is the page; sending it mails the same content to every active subscriber."""

    subject = models.CharField(
        "Onderwerp van de mail", max_length=150, help_text="Wat abonnees als onderwerp in hun mailbox zien."
    )
    intro = models.TextField("Introductie", blank=True)
    sections = StreamField(NewsletterSectionsBlock(), verbose_name="Inhoud", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("sections"),
        SendingProgressPanel(heading="Verzending"),
    ]
    search_fields = Page.search_fields + text_fields("subject", "intro", "sections")
    page_description = "Eén nieuwsbrief: de webversie, en na goedkeuring te versturen aan alle abonnees."
    parent_page_types = ["nieuwsbrief.NewsletterArchivePage"]
    subpage_types = []

    # The agenda block lists rounds and evenings that have not passed: which those are changes
    # with the clock, not only when content is saved (which empties the cache anyway).
    AGENDA_CACHE_TIMEOUT = 5 * 60

    class Meta:
        verbose_name = "nieuwsbrief"
        verbose_name_plural = "nieuwsbrieven"

    @property
    def page_cache_timeout(self):
        if any(section["type"] == "agenda" for section in self.sections.raw_data):
            return self.AGENDA_CACHE_TIMEOUT
        return CachedPageMixin.page_cache_timeout

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subscribe_page"] = SubscribePage.live_page()
        return context


class NewsletterSending(models.Model):
    """The one send of an issue: made once (the OneToOne refuses a second), with the mail rendered once."""

    issue = models.OneToOneField(
        NewsletterIssuePage, verbose_name="nieuwsbrief", on_delete=models.CASCADE, related_name="sending"
    )
    started_at = models.DateTimeField("verstuurd op", default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="verstuurd door", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField("onderwerp", max_length=255)
    # Rendered once per issue (CSS inlined); each subscriber's links are filled in when their mail is built.
    body_html = models.TextField("HTML")
    body_text = models.TextField("tekst")
    finished_at = models.DateTimeField("klaar op", null=True, blank=True)
    # When the next batch may start (the rate); taken with a conditional UPDATE, see nieuwsbrief.batches.
    next_batch_at = models.DateTimeField("volgende reeks vanaf", null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"
        # Granted to "Redactie nieuwsbrief" by migration 0002; the admin's send view checks it.
        permissions = [("send_newsletter", "Mag nieuwsbrieven versturen")]

    def __str__(self):
        return f"{self.subject} ({self.started_at:%d-%m-%Y})"

    def progress(self):
        """``{"total", "sent", "failed", "skipped", "waiting"}``: counts of this send's deliveries, one query."""
        Status = Delivery.Status
        counts = self.deliveries.aggregate(
            total=Count("pk"),
            sent=Count("pk", filter=Q(status=Status.SENT)),
            failed=Count("pk", filter=Q(status=Status.FAILED)),
            skipped=Count("pk", filter=Q(status=Status.SKIPPED)),
        )
        counts["waiting"] = counts["total"] - counts["sent"] - counts["failed"] - counts["skipped"]
        return counts


class Delivery(models.Model):
    """One issue to one subscriber: claimed with a lease, marked sent once the SMTP server accepted it.

    The subscriber goes when their address is erased (SET_NULL): the counts stay, the address does not.
    """

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PENDING = "pending", "wacht op verzending"
        SENDING = "sending", "wordt verzonden"
        SENT = "sent", "verzonden"
        FAILED = "failed", "mislukt"
        SKIPPED = "skipped", "niet verzonden: afgemeld"

    sending = models.ForeignKey(NewsletterSending, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    lease_until = models.DateTimeField("bezet tot", null=True, blank=True)
    sent_at = models.DateTimeField("verzonden op", null=True, blank=True)
    last_error = models.TextField("laatste fout", blank=True)
    # Made with the snapshot: a copy sent again after a crash carries the same one.
    message_id = models.CharField("Message-ID", max_length=255)

    class Meta:
        ordering = ["pk"]
        verbose_name = "bezorging"
        verbose_name_plural = "bezorgingen"
        constraints = [
            models.UniqueConstraint(fields=["sending", "subscriber"], name="one_delivery_per_issue_per_subscriber")
        ]
        indexes = [models.Index(fields=["sending", "status", "lease_until"], name="nieuwsbrief_delivery_due_idx")]

    def __str__(self):
        return f"{self.sending} → {self.subscriber or 'verwijderd adres'}"
