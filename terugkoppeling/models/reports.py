"""Patrol reports (verslagen van een loopronde), their public-space signals, and what became of those.

A team files a ``PatrolReport`` through its team link (``TeamReportPage``).
Each matter for the public space in it becomes a ``Signal``: handlers
forward it to the department for its category (``SignalDepartment``), mark
it solved, or not taken up with a reason. Every status change carries a
short response that the team sees on its page and the coordinator gets by
mail (``SignalStatusChange``).

Free text is personal-ish (who walked, what was seen, whom they spoke to):
after the retention period it is erased (``erase_free_text``); what the
figures count (dates, team, category, street, status, durations) stays.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from aanmelding.models import Team, TeamMember

# How far back a round may be reported: older rounds are no longer worth a report.
MAX_REPORT_AGE_DAYS = 30
TEXT_REMOVED = "(tekst verwijderd na de bewaartermijn)"


class PatrolReportQuerySet(models.QuerySet):
    def in_period(self, start, end):
        """Reports of rounds walked from ``start`` up to and including ``end`` (dates)."""
        return self.filter(walked_on__gte=start, walked_on__lte=end)

    def past_retention(self, cutoff):
        """Reports filed before ``cutoff`` whose free text is still there."""
        return self.filter(created_at__lt=cutoff, text_removed_at__isnull=True)

    def erase_free_text(self, moment=None):
        """Erase the free text of these reports in a few bulk updates; returns how many reports.

        What goes: the route, what was noticed, the conversations, "iets anders", who
        walked, the descriptions and house numbers of their signals and the responses to
        them. What the figures count stays. Bulk updates send no ``post_save``: the
        caller empties the page cache once (``home.page_cache.content_changed``).
        """
        moment = moment or timezone.now()
        ids = list(self.values_list("pk", flat=True))
        if not ids:
            return 0
        PatrolReport.objects.filter(pk__in=ids).update(
            route=TEXT_REMOVED, noticed="", conversations="", attention_other="", text_removed_at=moment
        )
        PatrolReport.walkers.through.objects.filter(patrolreport_id__in=ids).delete()
        Signal.objects.filter(report_id__in=ids).update(description="", house_number="", location_description="")
        SignalStatusChange.objects.filter(signal__report_id__in=ids).update(response="")
        return len(ids)


class PatrolReport(models.Model):
    """One patrol round of a team: the questions of guideline example 3."""

    wagtail_reference_index_ignore = True  # submissions, not content

    class Area(models.TextChoices):
        MAIN_STREETS = "hoofdwegen", "Alleen over de hoofdwegen"
        ALSO_BACK_PATHS = "ook_achterpaden", "Ook door achterpaden en brandgangen"

    ATTENTION_CHOICES = [
        ("deuren_ramen", "Open deuren en ramen"),
        ("groen", "Overhangend of verwilderd groen"),
        ("verlichting", "Verlichting"),
        ("fietsen_autos", "Fietsen en auto's"),
        ("anders", "Iets anders"),
    ]

    team = models.ForeignKey(Team, verbose_name="team", on_delete=models.PROTECT, related_name="patrol_reports")
    walked_on = models.DateField("Datum van de ronde", db_index=True)
    start_time = models.TimeField("Begintijd")
    end_time = models.TimeField("Eindtijd")
    route = models.TextField("Route", max_length=2000)
    # A "rustige ronde": only date, time and route were asked.
    is_quiet = models.BooleanField("Rustige ronde", default=False)
    area = models.CharField("Waar liepen jullie?", max_length=20, choices=Area.choices, blank=True)
    walker_count = models.PositiveSmallIntegerField("Aantal lopers", null=True, blank=True)
    walkers = models.ManyToManyField(TeamMember, verbose_name="lopers", blank=True, related_name="patrol_reports")
    noticed_something = models.BooleanField("Viel er iets op?", null=True, blank=True)
    noticed = models.TextField("Wat viel op", blank=True, max_length=3000)
    spoke_with_residents = models.BooleanField("Bewoners gesproken?", null=True, blank=True)
    conversations = models.TextField("Waarover en hoe ging het", blank=True, max_length=3000)
    attention = models.JSONField("Waar letten jullie op", default=list, blank=True)
    attention_other = models.CharField("Iets anders, namelijk", max_length=200, blank=True)

    created_at = models.DateTimeField("Ingestuurd op", auto_now_add=True, db_index=True)
    text_removed_at = models.DateTimeField("Vrije tekst verwijderd op", null=True, blank=True)

    objects = PatrolReportQuerySet.as_manager()

    class Meta:
        ordering = ["-walked_on", "-start_time", "-pk"]
        verbose_name = "verslag van een loopronde"
        verbose_name_plural = "verslagen van looprondes"
        indexes = [models.Index(fields=["team", "walked_on"], name="report_team_walked_on")]
        # Who may read reports and handle their signals: granted to "Behandelaars meldingen"
        # by migration; checked by permission, never by group name.
        permissions = [("handle_signals", "Mag verslagen van looprondes lezen en meldingen behandelen")]

    def __str__(self):
        return f"Loopronde {self.team} {self.walked_on:%d-%m-%Y}"

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.walked_on:
            if self.walked_on > today:
                errors["walked_on"] = "De datum ligt in de toekomst. Vul de datum in waarop jullie liepen."
            elif self.walked_on < today - datetime.timedelta(days=MAX_REPORT_AGE_DAYS):
                errors["walked_on"] = (
                    f"Deze ronde is langer dan {MAX_REPORT_AGE_DAYS} dagen geleden. Verslagen van oudere "
                    "rondes nemen we niet meer aan; bespreek ze met je contactpersoon bij de gemeente."
                )
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = (
                "De eindtijd ligt vóór of op de begintijd. Liepen jullie door tot na middernacht? "
                "Vul dan 23:59 in als eindtijd."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def text_removed(self):
        return self.text_removed_at is not None

    def attention_display(self):
        labels = dict(self.ATTENTION_CHOICES)
        items = [labels.get(code, code) for code in self.attention or [] if code != "anders"]
        if "anders" in (self.attention or []):
            items.append(self.attention_other or labels["anders"])
        return ", ".join(items)

    attention_display.short_description = "Waar letten jullie op"

    def erase_free_text(self, moment=None):
        """After the retention period: the free text goes, what the figures count stays.

        One report through the bulk erase (``PatrolReportQuerySet.erase_free_text``), so both
        erase the same fields; the page cache is the caller's (see terugkoppeling.retention).
        """
        PatrolReport.objects.filter(pk=self.pk).erase_free_text(moment)
        self.refresh_from_db()


class Signal(models.Model):
    """A matter for the public space from a patrol report, and where it stands."""

    wagtail_reference_index_ignore = True

    class Category(models.TextChoices):
        LIGHTING = "verlichting", "Verlichting"
        PAVING = "bestrating", "Bestrating"
        GREENERY = "groen", "Groen"
        LITTER = "afval", "Afval en dumpingen"
        OTHER = "anders", "Iets anders"

    class Status(models.TextChoices):
        RECEIVED = "ontvangen", "Ontvangen"
        FORWARDED = "doorgezet", "Doorgezet"
        SOLVED = "opgelost", "Opgelost"
        NOT_TAKEN = "niet_opgepakt", "Niet opgepakt"

    # Which status may follow which: the workflow of a signal.
    TRANSITIONS = {
        Status.RECEIVED: (Status.FORWARDED, Status.SOLVED, Status.NOT_TAKEN),
        Status.FORWARDED: (Status.SOLVED, Status.NOT_TAKEN),
        Status.SOLVED: (),
        Status.NOT_TAKEN: (),
    }
    CLOSED_STATUSES = (Status.SOLVED, Status.NOT_TAKEN)

    report = models.ForeignKey(PatrolReport, verbose_name="verslag", on_delete=models.CASCADE, related_name="signals")
    # Copied from the report, so that the figures of a period need no join.
    reported_on = models.DateField("Datum van de ronde", db_index=True)
    category = models.CharField("Soort", max_length=20, choices=Category.choices)
    street = models.CharField("Straat", max_length=120, blank=True)
    house_number = models.CharField("Bij huisnummer", max_length=10, blank=True)
    location_description = models.CharField("Plek (omschrijving)", max_length=200, blank=True)
    description = models.TextField("Wat is er aan de hand", max_length=2000)

    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.RECEIVED)
    created_at = models.DateTimeField("Ontvangen op", auto_now_add=True)
    forwarded_at = models.DateTimeField("Doorgezet op", null=True, blank=True)
    # Set when the signal reaches 'opgelost' or 'niet opgepakt'.
    closed_at = models.DateTimeField("Afgehandeld op", null=True, blank=True)
    # Whole days from the round to the solution: the median on a feedback page is read from this.
    days_to_solution = models.PositiveIntegerField("Dagen tot oplossing", null=True, blank=True)
    forwarded_to = models.CharField("Doorgezet naar", max_length=150, blank=True)

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = "melding openbare ruimte"
        verbose_name_plural = "meldingen openbare ruimte"
        indexes = [models.Index(fields=["reported_on", "category", "status"], name="signal_period_figures")]

    def __str__(self):
        return f"{self.get_category_display()}: {self.public_location()}"

    def clean(self):
        super().clean()
        if not (self.street or self.location_description):
            raise ValidationError(
                {"street": "Vul de straat in, of beschrijf de plek als die geen straatnaam heeft (zoals: speeltuin)."}
            )

    @property
    def reference(self):
        """The signal's number for handlers, mails and the audit log: "M-00012"."""
        return f"M-{self.pk:05d}" if self.pk else "M-nieuw"

    def full_location(self):
        """Where, with the house number: for handlers and the department, never for public pages."""
        street = " ".join(part for part in (self.street, self.house_number) if part)
        parts = [part for part in (street, self.location_description) if part]
        return ", ".join(parts) or "onbekende plek"

    def public_location(self):
        """Where, at street level at most: never a house number (for the team page and public pages)."""
        return self.street or self.location_description or "onbekende plek"

    def allowed_next_statuses(self):
        return self.TRANSITIONS[self.status]

    @property
    def is_closed(self):
        return self.status in self.CLOSED_STATUSES

    def change_status(self, new_status, *, response, by=None, forwarded_to=""):
        """Move to ``new_status`` if the workflow allows it, with the response the team reads.

        Returns the ``SignalStatusChange``; mailing the coordinator (and the
        department) is the caller's part (``terugkoppeling.mails``), in the same transaction.
        """
        if new_status not in self.allowed_next_statuses():
            labels = dict(self.Status.choices)
            raise ValidationError(
                f"Van ‘{self.get_status_display()}’ kan een melding niet naar ‘{labels.get(new_status, new_status)}’."
            )
        if not (response or "").strip():
            raise ValidationError("Schrijf een korte reactie voor het team: die zien ze op hun teampagina.")
        now = timezone.now()
        change = SignalStatusChange.objects.create(
            signal=self, from_status=self.status, to_status=new_status, response=response.strip(), changed_by=by
        )
        self.status = new_status
        if new_status == self.Status.FORWARDED:
            self.forwarded_at = now
            self.forwarded_to = forwarded_to
        if new_status in self.CLOSED_STATUSES:
            self.closed_at = now
        if new_status == self.Status.SOLVED:
            self.days_to_solution = max(0, (timezone.localdate(now) - self.reported_on).days)
        self.save()
        return change


class SignalStatusChange(models.Model):
    """One step of a signal, with the response the team sees (and the coordinator gets by mail)."""

    wagtail_reference_index_ignore = True

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField("Van", max_length=20, choices=Signal.Status.choices)
    to_status = models.CharField("Naar", max_length=20, choices=Signal.Status.choices)
    response = models.TextField("Reactie aan het team", max_length=1000, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField("Op", auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = "statuswijziging melding"
        verbose_name_plural = "statuswijzigingen meldingen"

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class SignalDepartment(models.Model):
    """Where signals of one category are forwarded: a department's name and address, set by editors."""

    category = models.CharField("Soort melding", max_length=20, choices=Signal.Category.choices, unique=True)
    name = models.CharField("Afdeling", max_length=150, blank=True)
    email = models.EmailField("E-mailadres", blank=True)

    class Meta:
        ordering = ["category"]
        verbose_name = "afdeling voor meldingen"
        verbose_name_plural = "afdelingen voor meldingen"

    def __str__(self):
        return f"{self.get_category_display()}: {self.name or 'nog geen afdeling'}"

    @property
    def can_receive(self):
        return bool(self.email)
