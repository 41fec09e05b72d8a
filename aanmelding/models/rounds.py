"""Registration rounds (aanmeldmomenten) and the wijken applicants choose from."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format


def in_words(moment, fmt="j F Y"):
    """A moment in local time as Dutch words, e.g. '1 maart 2027' (fmt: Django's date format)."""
    return date_format(timezone.localtime(moment), fmt)


def at_in_words(moment, fmt="j F Y"):
    """A day and time as Dutch words, e.g. '1 maart 2027 om 23:59 uur' (fmt: the day's format)."""
    return f"{in_words(moment, fmt)} om {in_words(moment, 'H:i')} uur"


class RegistrationRoundQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gte=moment)

    def upcoming_at(self, moment):
        return self.filter(opens_at__gt=moment).order_by("opens_at")

    def closed_at(self, moment):
        return self.filter(closes_at__lt=moment)


class RegistrationRound(models.Model):
    """An aanmeldmoment: a window in which new teams and members can register.

    Both ends are inclusive: the round is open from ``opens_at`` up to and
    including ``closes_at``. Its status is derived from the clock, never stored.
    """

    class Status(models.TextChoices):
        UPCOMING = "upcoming", "Gepland"
        OPEN = "open", "Open"
        CLOSED = "closed", "Gesloten"

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
                    f"({in_words(overlapping.opens_at, 'j F Y H:i')} tot en met "
                    f"{in_words(overlapping.closes_at, 'j F Y H:i')}). "
                    "Aanmeldmomenten mogen elkaar niet overlappen."
                )

    def status(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Status.UPCOMING
        if now <= self.closes_at:
            return self.Status.OPEN
        return self.Status.CLOSED

    def is_open(self, now=None):
        return self.status(now) == self.Status.OPEN

    def status_label(self):
        return self.status().label

    status_label.short_description = "Status"

    def opens_at_once_notice(self, now=None):
        """Said to the editor who saves a round that is open right away: residents can register now."""
        if not self.is_open(now):
            return ""
        return (
            "Let op: dit aanmeldmoment is meteen open, want het begin ligt niet in de toekomst. "
            f"Bewoners kunnen zich vanaf nu aanmelden, tot en met {self.closes_in_words()}."
        )

    def opens_in_words(self):
        """'1 maart 2027'."""
        return in_words(self.opens_at)

    def closes_in_words(self):
        """'15 maart 2027 om 23:59 uur': the last moment to register."""
        return at_in_words(self.closes_at)

    def next_info_evening(self, now=None):
        """The first live information evening of this round that has not ended yet, or None.

        Information evenings only: an interim evaluation (tussenevaluatie) has no round, and
        should one slip through with a round, the registration mails must still not name it.
        """
        return self.info_evenings.information().upcoming(now).first()

    @classmethod
    def current(cls, now=None):
        """The round that is open now, if any."""
        return cls.objects.open_at(now or timezone.now()).first()

    @classmethod
    def next_upcoming(cls, now=None):
        """The first round that has not opened yet, if any."""
        return cls.objects.upcoming_at(now or timezone.now()).first()


class Wijk(models.Model):
    """A neighbourhood applicants choose from; editors keep the list."""

    name = models.CharField("Naam", max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField("Volgorde", default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "wijk"
        verbose_name_plural = "wijken"

    def __str__(self):
        return self.name
