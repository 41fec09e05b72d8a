from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class RegistrationRoundQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gte=moment)

    def upcoming_at(self, moment):
        return self.filter(opens_at__gt=moment).order_by("opens_at")


class RegistrationRound(models.Model):
    """An aanmeldmoment: a window in which new teams and members can register.

    Both ends are inclusive: the round is open from ``opens_at`` up to and
    including ``closes_at``. Its status is derived from the clock, never stored.
    """

    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"
    STATUS_LABELS = {UPCOMING: "Gepland", OPEN: "Open", CLOSED: "Gesloten"}

    title = models.CharField("Titel", max_length=120, help_text="Bijvoorbeeld 'Voorjaar 2027'.")
    opens_at = models.DateTimeField("Opent op")
    closes_at = models.DateTimeField("Sluit op", help_text="Tot en met dit moment kan iemand zich aanmelden.")
    description = models.TextField(
        "Toelichting", blank=True, help_text="Korte uitleg voor bewoners, bijvoorbeeld voor welke wijken deze ronde is."
    )

    objects = RegistrationRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = "aanmeldmoment"
        verbose_name_plural = "aanmeldmomenten"
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="round_closes_after_it_opens"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at:
            if self.closes_at <= self.opens_at:
                raise ValidationError({"closes_at": "Een aanmeldmoment moet sluiten nadat het opent."})
            overlapping = (
                RegistrationRound.objects.exclude(pk=self.pk)
                .filter(opens_at__lte=self.closes_at, closes_at__gte=self.opens_at)
                .order_by("opens_at")
                .first()
            )
            if overlapping:
                raise ValidationError(
                    f"Dit aanmeldmoment overlapt met ‘{overlapping.title}’ "
                    f"({_format(overlapping.opens_at)} tot en met {_format(overlapping.closes_at)}). "
                    "Aanmeldmomenten mogen elkaar niet overlappen."
                )

    def status(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return self.UPCOMING
        if now <= self.closes_at:
            return self.OPEN
        return self.CLOSED

    def is_open(self, now=None):
        return self.status(now) == self.OPEN

    def status_label(self):
        return self.STATUS_LABELS[self.status()]

    status_label.short_description = "Status"

    @classmethod
    def current(cls, now=None):
        """The round that is open now, if any."""
        return cls.objects.open_at(now or timezone.now()).first()

    @classmethod
    def next_upcoming(cls, now=None):
        """The first round that has not opened yet, if any."""
        return cls.objects.upcoming_at(now or timezone.now()).first()


def _format(moment):
    from django.utils.formats import date_format

    return date_format(timezone.localtime(moment), "j F Y H:i")
