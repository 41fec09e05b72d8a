from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

from . import conf


def normalise_email(email):
    """The form of an address that uniqueness is checked on: stripped and lower-cased; None if empty."""
    return email.strip().lower() if email else None


class ConsentRecord(models.Model):
    """Abstract: when someone consented, and to which version of the privacy statement.

    A model whose rows come from a public form with a consent checkbox
    inherits this. ``forms.consent.ConsentMixin`` calls ``record_consent()``
    on a model form's instance when the box is ticked, so ``form.save()``
    stores both fields; other code calls it itself.
    """

    # What residents submit is not content: Wagtail's reference index ("where is this used")
    # has nothing to learn from it, and would queue a background task for every submission.
    wagtail_reference_index_ignore = True

    consent_given_at = models.DateTimeField("toestemming gegeven op", null=True, blank=True, editable=False)
    consent_version = models.CharField("versie privacyverklaring", max_length=20, blank=True, editable=False)

    class Meta:
        abstract = True

    def record_consent(self, moment=None):
        self.consent_given_at = moment or timezone.now()
        self.consent_version = conf.get("CONSENT_VERSION")


class OutgoingMailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(status__in=[OutgoingMail.Status.PENDING, OutgoingMail.Status.SENDING], sent_at__isnull=True)

    def claimable(self, moment):
        """Rows a worker may take now: unsent, and nobody holds a live lease."""
        return self.unsent().filter(Q(lease_until__isnull=True) | Q(lease_until__lt=moment))

    def copies_sent_to(self, addresses):
        """Sent and failed mails to any of ``addresses``: copies of personal data, to go when the data goes.

        Mails still waiting to go out stay: a worker may be sending them now.
        """
        query = Q()
        for address in {normalise_email(address) for address in addresses} - {None}:
            query |= Q(to__iexact=address)
        if not query:
            return self.none()
        return self.filter(query, status__in=[OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED])


class OutgoingMail(models.Model):
    """One mail in the transactional outbox (see ``forms.mail``).

    Written in the same transaction as the data it is about; rendered at that
    moment, or by the worker just before the first send (``builder``), and from
    then on the row holds exactly what will be sent.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "wacht op verzending"
        SENDING = "sending", "wordt verzonden"
        SENT = "sent", "verzonden"
        FAILED = "failed", "mislukt"

    to = models.TextField("aan", help_text="Eén adres per regel.")
    from_email = models.CharField("van", max_length=254)
    reply_to = models.TextField("antwoord naar", blank=True)
    subject = models.CharField("onderwerp", max_length=255)
    body_text = models.TextField("tekst")
    body_html = models.TextField("HTML", blank=True)
    attachments = models.JSONField(
        "bijlagen", default=list, blank=True, help_text="Lijst van {filename, content (base64), mimetype}."
    )
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField("pogingen", default=0)
    lease_until = models.DateTimeField(
        "bezet tot",
        null=True,
        blank=True,
        help_text="Een verzender houdt de mail vast tot dit moment; daarna mag een ander het opnieuw proberen.",
    )
    sent_at = models.DateTimeField("verzonden op", null=True, blank=True)
    last_error = models.TextField("laatste fout", blank=True)
    created_at = models.DateTimeField("aangemaakt op", default=timezone.now, db_index=True)
    # Made when the mail is queued: a copy sent again after a crash carries the same one,
    # so mail programs show it once.
    message_id = models.CharField("Message-ID", max_length=255, blank=True, editable=False)
    # Which part of the site wrote it (the first folder of its template, e.g. "aanmelding"):
    # the read-only outbox shows an editor only the mails of the parts whose data they may see.
    source = models.CharField("afkomstig van", max_length=40, blank=True, db_index=True, editable=False)
    # Queued with forms.mail.queue_mail_later: the worker renders it with this registered builder
    # (a dotted path) and its arguments when it sends it; until then subject and body are empty.
    builder = models.CharField("opgesteld door", max_length=200, blank=True, editable=False)
    builder_args = models.JSONField("gegevens voor het opstellen", default=list, blank=True, editable=False)
    # What the mail is about ("evening-signup:42"): one row per thing, never two.
    render_key = models.CharField(max_length=200, null=True, blank=True, unique=True, editable=False)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "uitgaande mail"
        verbose_name_plural = "uitgaande mails"
        indexes = [models.Index(fields=["status", "lease_until"], name="forms_mail_due_idx")]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @staticmethod
    def split_addresses(value):
        return [address.strip() for address in value.splitlines() if address.strip()]

    @property
    def awaits_rendering(self):
        return bool(self.builder) and not self.body_text

    @property
    def recipients(self):
        return self.split_addresses(self.to)

    @property
    def reply_to_addresses(self):
        return self.split_addresses(self.reply_to)


class ConfirmationMailMarker(models.Model):
    """When a confirmation mail last went to an address, for one purpose (see ``forms.mail``).

    Holds a keyed hash of purpose and address, never the address itself.
    """

    #: At most one confirmation mail per address and purpose in this time; an older marker counts for nothing.
    INTERVAL = timedelta(hours=24)

    key = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = "verzonden bevestigingsmail"
        verbose_name_plural = "verzonden bevestigingsmails"

    def __str__(self):
        return f"{self.key[:8]}… {self.sent_at:%Y-%m-%d %H:%M}"


class UsedFormToken(models.Model):
    """The nonce of a form token that a successful submission used (see ``forms.spam``).

    A token older than ``FORMS_MAX_FORM_AGE_SECONDS`` is refused for its age
    anyway, so the clean-up (``forms.tasks.clear_expired_data``) deletes rows older than that.
    """

    NONCE_LENGTH = 32

    nonce = models.CharField(max_length=NONCE_LENGTH, unique=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "gebruikt formuliertoken"
        verbose_name_plural = "gebruikte formuliertokens"

    def __str__(self):
        return f"{self.nonce[:6]}… {self.used_at:%Y-%m-%d %H:%M}"
