"""Subscribers of the newsletter (double opt-in) and the page where residents subscribe."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from forms.base import PublicFormPageMixin
from forms.models import ConsentRecord
from home.search_index import text_fields


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Subscriber.Status.ACTIVE)

    def pending(self):
        return self.filter(status=Subscriber.Status.PENDING)

    def unsubscribed(self):
        return self.filter(status=Subscriber.Status.UNSUBSCRIBED)


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

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE


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

    class Meta:
        verbose_name = "aanmeldformulier nieuwsbrief"
        verbose_name_plural = "aanmeldformulieren nieuwsbrief"
