"""Subscribers of the newsletter (double opt-in) and the page where residents subscribe."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from forms.base import PublicFormPageMixin
from forms.models import ConsentRecord
from home.page_cache import remembered
from home.search_index import text_fields

# How long a confirm link works and an unconfirmed request is kept (nieuwsbrief.links.CONFIRM_MAX_AGE).
CONFIRM_DAYS = 7


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Subscriber.Status.ACTIVE)

    def pending(self):
        return self.filter(status=Subscriber.Status.PENDING)

    def unsubscribed(self):
        return self.filter(status=Subscriber.Status.UNSUBSCRIBED)

    def unconfirmed_before(self, moment):
        """Requests nobody confirmed within CONFIRM_DAYS of ``moment``: to be purged."""
        return self.pending().filter(created_at__lt=moment - timedelta(days=CONFIRM_DAYS))

    def unsubscribed_before(self, cutoff):
        """Addresses unsubscribed before the retention cutoff: to be erased."""
        return self.unsubscribed().filter(unsubscribed_at__lt=cutoff)

    def count_per_status(self):
        """``{status: number}`` in one query."""
        rows = self.order_by().values_list("status").annotate(number=models.Count("pk"))
        return dict(rows)


class Subscriber(ConsentRecord):
    """An address that asked for the newsletter; it receives issues only once confirmed (active).

    The address is stored normalised (``forms.models.normalise_email``), so it is unique once.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "wacht op bevestiging"
        ACTIVE = "active", "actief"
        UNSUBSCRIBED = "unsubscribed", "afgemeld"

    email = models.EmailField("E-mailadres", unique=True)
    wijk = models.CharField("Wijk", max_length=80, blank=True)
    status = models.CharField("Status", max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField("Aangevraagd op", default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField("Bevestigd op", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("Afgemeld op", null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "abonnee"
        verbose_name_plural = "abonnees"
        # Granted to "Redactie nieuwsbrief" by migration 0003: the admin's list of subscribers.
        permissions = [("manage_subscribers", "Mag abonnees van de nieuwsbrief bekijken en afmelden")]

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def is_unsubscribed(self):
        return self.status == self.Status.UNSUBSCRIBED

    def ask_again(self, wijk, moment=None):
        """A pending or unsubscribed address subscribes (again): pending, with fresh consent, until confirmed.

        An unsubscribed address starts over: the old dates go, its owner confirms anew. The request's
        date is renewed, so it is purged no sooner than the last confirm link expires.
        """
        if self.is_active:
            return  # an active address stays as it is: whoever typed it may not be its owner
        moment = moment or timezone.now()
        self.status = self.Status.PENDING
        self.confirmed_at = None
        self.unsubscribed_at = None
        self.created_at = moment
        self.wijk = wijk
        self.record_consent(moment)
        self.save()

    def confirm(self, moment=None):
        """The owner confirmed by the button in the confirm mail: they receive issues from now on."""
        if self.is_pending:
            self.status = self.Status.ACTIVE
            self.confirmed_at = moment or timezone.now()
            self.save(update_fields=["status", "confirmed_at"])

    def change_wijk(self, wijk):
        self.wijk = wijk
        self.save(update_fields=["wijk"])

    def unsubscribe(self, moment=None):
        """No more issues, also not the rest of a send in progress (the sender checks the status). Idempotent."""
        if not self.is_unsubscribed:
            self.status = self.Status.UNSUBSCRIBED
            self.unsubscribed_at = moment or timezone.now()
            self.save(update_fields=["status", "unsubscribed_at"])


class SubscribePage(PublicFormPageMixin, Page):
    """'Nieuwsbrief ontvangen': the subscription form; confirm, manage and unsubscribe links are its sub-pages."""

    intro = RichTextField("Introductie", features=["bold", "italic", "link", "ul"], blank=True)

    form_class = "nieuwsbrief.forms.subscribers.SubscribeForm"
    rate_limit_key = "nieuwsbrief-aanmelden"
    subpage_urls = "nieuwsbrief.urls.subscribe_page_urls"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + text_fields("intro")
    page_description = "Het formulier waarmee bewoners zich aanmelden voor de nieuwsbrief."
    subpage_types = []
    max_count = 1

    @classmethod
    def live_page(cls):
        """The live subscription page (None without one), kept until the next content change: pages link it."""
        return remembered("nieuwsbrief:subscribe-page", lambda: cls.objects.live().first())

    def get_form_kwargs(self, request):
        return {**super().get_form_kwargs(request), "page": self}

    def form_submitted(self, request, submission):
        # The thank-you page is the same for a new, pending or active address (no address
        # enumeration): nothing of the submission goes into a session.
        return super().form_submitted(request, None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["confirm_days"] = CONFIRM_DAYS
        return context

    class Meta:
        verbose_name = "aanmeldformulier nieuwsbrief"
        verbose_name_plural = "aanmeldformulieren nieuwsbrief"
