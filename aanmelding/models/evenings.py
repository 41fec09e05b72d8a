"""Information evenings (informatiebijeenkomsten): the overview, the evening page and its sign-ups.

Seats are derived from the sign-ups, never stored. Taking, freeing and
handing on seats (under a row lock) is in ``aanmelding.seats``.
"""

from datetime import UTC, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from forms.base import PublicFormPageMixin
from forms.models import ConsentRecord, normalise_email
from home.blocks import BaseStreamBlock
from home.search_index import text_fields

from ..panels import SeatSummaryPanel
from .rounds import RegistrationRound, at_in_words, in_words

DUPLICATE_SIGNUP_MESSAGE = (
    "Met dit e-mailadres is al iemand aangemeld voor deze bijeenkomst. "
    "Wil je iets veranderen? Annuleer dan eerst via de link in je bevestigingsmail."
)
SIGNUP_CLOSED_MESSAGE = "Aanmelden voor deze bijeenkomst kan niet meer. Je aanmelding is niet verstuurd."


class InfoEveningIndexPage(Page):
    """'Informatiebijeenkomsten': lists the upcoming and past evenings below it, both kinds, each labelled."""

    intro = RichTextField("Introductie", features=["bold", "italic", "link", "ul"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + text_fields("intro")
    page_description = (
        "Het overzicht van de informatiebijeenkomsten en tussenevaluaties: komende bovenaan, voorbije eronder."
    )
    subpage_types = ["aanmelding.InfoEveningPage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht informatiebijeenkomsten"
        verbose_name_plural = "overzichten informatiebijeenkomsten"

    def evenings(self):
        return InfoEveningPage.objects.child_of(self).live().with_seats_taken()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        evenings = self.evenings()
        context["upcoming_evenings"] = evenings.upcoming(now)
        context["past_evenings"] = evenings.past(now)
        return context


class InfoEveningQuerySet(PageQuerySet):
    def information(self):
        """Information evenings (of a registration round) only."""
        return self.filter(kind=InfoEveningPage.Kind.INFORMATION)

    def evaluations(self):
        """Interim evaluation meetings (tussenevaluaties) only."""
        return self.filter(kind=InfoEveningPage.Kind.EVALUATION)

    def with_seats_taken(self):
        """With their seats taken in the same query (see InfoEveningPage.seats_taken)."""
        confirmed = Q(signups__status=EveningSignup.Status.CONFIRMED)
        return self.annotate(confirmed_seats=Sum("signups__persons", filter=confirmed, default=0))

    def open_for_signup(self, now=None):
        """Live evenings one can still sign up for, the first to start first."""
        now = now or timezone.now()
        return self.live().filter(signup_deadline__gte=now, starts_at__gt=now).order_by("starts_at")

    def upcoming(self, now=None):
        """Live evenings that have not ended yet, the first to start first."""
        return self.live().filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        """Live evenings that have ended, the latest first."""
        return self.live().filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


class InfoEveningPage(PublicFormPageMixin, Page):
    """One information evening of a registration round, with sign-up, capacity and a waitlist."""

    class Kind(models.TextChoices):
        INFORMATION = "informatie", "Informatiebijeenkomst"
        EVALUATION = "evaluatie", "Tussenevaluatie"

    kind = models.CharField(
        "Soort bijeenkomst",
        max_length=12,
        choices=Kind.choices,
        default=Kind.INFORMATION,
        help_text=(
            "Een informatiebijeenkomst hoort bij een aanmeldmoment. Een tussenevaluatie is voor bestaande "
            "teams en app-groepen: hoe gaat het, wat kan beter?"
        ),
    )
    round = models.ForeignKey(
        RegistrationRound,
        verbose_name="aanmeldmoment",
        on_delete=models.PROTECT,
        related_name="info_evenings",
        null=True,
        blank=True,
        help_text="Nodig voor een informatiebijeenkomst; een tussenevaluatie hoort bij geen aanmeldmoment.",
    )
    starts_at = models.DateTimeField("Begint om")
    ends_at = models.DateTimeField("Eindigt om")
    location_name = models.CharField("Locatie", max_length=150, help_text="Bijvoorbeeld 'Buurthuis De Schakel'.")
    location_address = models.CharField("Adres", max_length=250)
    accessibility_notes = models.TextField(
        "Toegankelijkheid",
        blank=True,
        help_text="Bijvoorbeeld: rolstoeltoegankelijk, ringleiding, parkeren, bereikbaarheid met het ov.",
    )
    capacity = models.PositiveSmallIntegerField("Aantal plaatsen", help_text="Hoeveel mensen er in de zaal passen.")
    # The calendar entry's revision (iCalendar SEQUENCE: it only grows) and the time and place it
    # was last published with, to see a change. Kept by aanmelding.seats under the evening's lock,
    # never by a page revision (see with_content_json).
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    calendar_published = models.CharField(max_length=600, blank=True, default="", editable=False)
    seats_per_network = models.PositiveSmallIntegerField(
        "Plaatsen per netwerk",
        default=6,
        validators=[MinValueValidator(2)],
        help_text=(
            "Hoeveel personen zich vanaf één internetaansluiting mogen opgeven (plaatsen en wachtlijst samen), "
            "zodat niemand met een script de zaal vult. Verhoog het als bewoners een aansluiting delen, "
            "bijvoorbeeld bij een avond voor één bedrijf of instelling."
        ),
    )
    signup_deadline = models.DateTimeField("Aanmelden kan tot", help_text="Uiterlijk het begin van de bijeenkomst.")
    attendees = models.TextField(
        "Wie zijn er?", blank=True, help_text="Bijvoorbeeld: de wijkagent, de coördinator buurtpreventie."
    )
    programme = StreamField(BaseStreamBlock(), verbose_name="Programma", blank=True, use_json_field=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("round"),
        MultiFieldPanel(
            [
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
                FieldPanel("signup_deadline"),
                FieldPanel("capacity"),
                SeatSummaryPanel(heading="Plaatsen bezet"),
                FieldPanel("seats_per_network"),
            ],
            heading="Wanneer en hoeveel",
        ),
        MultiFieldPanel(
            [FieldPanel("location_name"), FieldPanel("location_address"), FieldPanel("accessibility_notes")],
            heading="Waar",
        ),
        FieldPanel("attendees"),
        FieldPanel("programme"),
    ]
    objects = PageManager.from_queryset(InfoEveningQuerySet)()

    search_fields = Page.search_fields + text_fields("location_name", "attendees", "programme")
    page_description = (
        "Eén informatiebijeenkomst of tussenevaluatie: bewoners en teams melden zich aan, "
        "met plaatsen en een wachtlijst."
    )
    parent_page_types = ["aanmelding.InfoEveningIndexPage"]
    subpage_types = []
    # A copy is a new evening: its calendar entry starts afresh.
    exclude_fields_in_copy = ["calendar_sequence", "calendar_published"]

    # The sign-up form (forms.base.PublicFormPageMixin); the form imports these models, hence the path.
    form_class = "aanmelding.forms.evenings.EveningSignupForm"
    rate_limit_key = "informatiebijeenkomst"
    duplicate_error = ("email", DUPLICATE_SIGNUP_MESSAGE)
    closed_message = SIGNUP_CLOSED_MESSAGE
    landing_page_template = "aanmelding/evening_thanks.html"
    # 'Zet in je agenda' and the cancel link: aanmelding/urls.py.
    subpage_urls = "aanmelding.urls.evening_page_urls"

    REMINDER_HOUR = 9  # local time on the day before: nobody gets a reminder in the night

    class Meta:
        verbose_name = "informatiebijeenkomst"
        verbose_name_plural = "informatiebijeenkomsten"

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == self.Kind.INFORMATION and self.round_id is None:
            errors["round"] = "Kies het aanmeldmoment waar deze informatiebijeenkomst bij hoort."
        if self.kind == self.Kind.EVALUATION and self.round_id is not None:
            # Else it would count as the round's information evening in the registration mails.
            errors["round"] = "Een tussenevaluatie hoort niet bij een aanmeldmoment. Maak dit veld leeg."
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "De bijeenkomst moet eindigen nadat ze begint."
        if self.starts_at and self.signup_deadline and self.signup_deadline > self.starts_at:
            errors["signup_deadline"] = "Aanmelden moet uiterlijk bij het begin van de bijeenkomst sluiten."
        if self.pk and self.capacity is not None and self.capacity < (taken := self.seats_taken()):
            errors["capacity"] = (
                f"Er zijn al {taken} plaatsen bezet. Minder plaatsen kan pas als mensen annuleren "
                "(Aanmelding → Informatiebijeenkomsten)."
            )
        if errors:
            raise ValidationError(errors)

    # --- seats (derived from the sign-ups) ----------------------------------------------------

    def seats_taken(self):
        if hasattr(self, "confirmed_seats"):  # annotated by InfoEveningIndexPage.evenings()
            return self.confirmed_seats
        total = self.signups.filter(status=EveningSignup.Status.CONFIRMED).aggregate(total=Sum("persons"))["total"]
        return total or 0

    def seats_left(self):
        return max(self.capacity - self.seats_taken(), 0)

    def is_full(self):
        return self.seats_left() <= 0

    def waitlisted_count(self):
        return self.signups.filter(status=EveningSignup.Status.WAITLISTED).count()

    def seat_summary(self):
        """Counts in one query: seats taken and left, parties and persons per status (lists and the admin)."""
        status = EveningSignup.Status
        counts = self.signups.aggregate(
            confirmed=Count("pk", filter=Q(status=status.CONFIRMED)),
            seats=Sum("persons", filter=Q(status=status.CONFIRMED), default=0),
            waitlisted=Count("pk", filter=Q(status=status.WAITLISTED)),
            waitlisted_persons=Sum("persons", filter=Q(status=status.WAITLISTED), default=0),
            cancelled=Count("pk", filter=Q(status=status.CANCELLED)),
        )
        counts["capacity"] = self.capacity
        counts["seats_left"] = max(self.capacity - counts["seats"], 0)
        return counts

    def is_signup_open(self, now=None):
        # The same rule as InfoEveningQuerySet.open_for_signup, for one evening.
        now = now or timezone.now()
        return now <= self.signup_deadline and now < self.starts_at

    def is_past(self, now=None):
        return self.ends_at < (now or timezone.now())

    def signup_opens_at_once_notice(self, now=None):
        """Said to the editor who first publishes an evening: sign-up opens with publishing, not later."""
        if not (self.live and self.first_published_at == self.last_published_at and self.is_signup_open(now)):
            return ""
        return (
            f"Let op: de aanmelding voor deze {self.kind_word()} is meteen open. Bewoners kunnen zich vanaf nu "
            f"opgeven, tot en met {at_in_words(self.signup_deadline)}."
        )

    # --- in words (pages, mails, calendar and admin say it the same way) -------------------------

    @property
    def is_evaluation(self):
        return self.kind == self.Kind.EVALUATION

    def kind_word(self):
        """'informatiebijeenkomst' or 'tussenevaluatie', for inside a sentence."""
        return self.get_kind_display().lower()

    def kind_label(self):
        """'Informatiebijeenkomst' or 'Tussenevaluatie', for labels and lists."""
        return self.get_kind_display()

    def labelled_title(self):
        """The title with its kind in front, unless the title says it already ('Tussenevaluatie: Voorjaar')."""
        label = self.kind_label()
        if self.title.lower().startswith(label.lower()):
            return self.title
        return f"{label}: {self.title}"

    def calendar_filename(self):
        return "tussenevaluatie.ics" if self.is_evaluation else "informatiebijeenkomst.ics"

    def audience_text(self):
        """Who the meeting is for ('Voor wie' on the page)."""
        if self.is_evaluation:
            return (
                "Coördinatoren en beheerders, en leden van bestaande teams en app-groepen. "
                "We kijken samen wat goed gaat en wat beter kan."
            )
        if self.round is not None:
            return (
                f"Bewoners die zich aanmelden bij aanmeldmoment ‘{self.round.title}’, en iedereen die wil "
                "weten wat buurtpreventie inhoudt."
            )
        return "Iedereen die wil weten wat buurtpreventie inhoudt."

    def when_text(self):
        """'maandag 1 maart 2027 van 19:30 tot 21:30 uur'."""
        return (
            f"{in_words(self.starts_at, 'l j F Y')} van {in_words(self.starts_at, 'H:i')} "
            f"tot {in_words(self.ends_at, 'H:i')} uur"
        )

    def where_text(self):
        return f"{self.location_name}, {self.location_address}"

    def calendar_fingerprint(self):
        """What a calendar entry of this evening holds that residents must hear about when it changes."""
        # To the minute, in UTC: what a calendar shows (a revision keeps milliseconds only).
        start, end = (f"{moment.astimezone(UTC):%Y-%m-%dT%H:%MZ}" for moment in (self.starts_at, self.ends_at))
        return f"{start}|{end}|{self.where_text()}"[:600]

    def with_content_json(self, content):
        # A revision holds the calendar state of when it was made (and `self` may be as old):
        # the row's is the true one.
        page = super().with_content_json(content)
        current = type(self).objects.filter(pk=self.pk).values("calendar_sequence", "calendar_published").first()
        for field, value in (current or {}).items():
            setattr(page, field, value)
        return page

    def description_from_data(self):
        """The meta description when the editor wrote none (see home.seo)."""
        if self.is_evaluation:
            return (
                f"Tussenevaluatie buurtpreventie voor teams en app-groepen op {self.when_text()}, "
                f"in {self.where_text()}. Meld je aan."
            )
        return f"Informatiebijeenkomst over buurtpreventie op {self.when_text()}, in {self.where_text()}. Meld je aan."

    def label(self):
        """The evening's title with its date (and kind for an evaluation), to tell evenings apart in lists."""
        kind = " — tussenevaluatie" if self.is_evaluation else ""
        return f"{self.title} ({in_words(self.starts_at)}{kind})"

    # --- the reminder the day before -----------------------------------------------------------

    def reminder_from(self):
        """When the reminder mails may go out: the day before, from nine in the morning."""
        day_before = timezone.localtime(self.starts_at).date() - timedelta(days=1)
        return timezone.make_aware(datetime.combine(day_before, time(self.REMINDER_HOUR)))

    def is_reminder_due(self, now=None):
        now = now or timezone.now()
        return self.reminder_from() <= now < self.starts_at

    # --- the sign-up form ----------------------------------------------------------------------

    def is_form_open(self, request):
        return self.is_signup_open()

    def get_form_kwargs(self, request):
        return {**super().get_form_kwargs(request), "evening": self}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        left = self.seats_left()
        context.update(
            signup_open=self.is_signup_open(),
            is_past=self.is_past(),
            agenda_path=self.reverse_subpage("calendar"),
            seats_left=left,
            is_full=left <= 0,
        )
        return context

    def get_submission_queryset(self):
        return self.signups.all()

    def get_landing_context(self, request, submission):
        return {**super().get_landing_context(request, submission), "signup": submission}


class EveningSignup(ConsentRecord):
    """One resident (alone or with one other person) signed up for an information evening."""

    class Status(models.TextChoices):
        CONFIRMED = "bevestigd", "Bevestigd"
        WAITLISTED = "wachtlijst", "Op de wachtlijst"
        CANCELLED = "geannuleerd", "Geannuleerd"

    PERSONS_CHOICES = [(1, "Alleen ik"), (2, "Ik neem één persoon mee (2 personen)")]
    REMOVED_NAME = "(verwijderd)"  # what the purge leaves of the name, see privacy.py
    DUPLICATE_MESSAGE = DUPLICATE_SIGNUP_MESSAGE

    evening = models.ForeignKey(
        InfoEveningPage, verbose_name="informatiebijeenkomst", on_delete=models.PROTECT, related_name="signups"
    )
    name = models.CharField("Naam", max_length=150)
    email = models.EmailField("E-mailadres")
    # Lower-cased and stripped: one active sign-up per address per evening. NULL
    # once cancelled, so the address may sign up again.
    email_key = models.CharField(max_length=254, null=True, blank=True, editable=False)
    # A number, not a choice: lists and exports show 1 or 2; the form offers PERSONS_CHOICES.
    persons = models.PositiveSmallIntegerField("Aantal personen", default=1)
    remark = models.TextField("Vraag of opmerking", blank=True, max_length=2000)
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    created_at = models.DateTimeField("Aangemeld op", auto_now_add=True)
    cancelled_at = models.DateTimeField("Geannuleerd op", null=True, blank=True)
    # Set in the same conditional UPDATE that claims the reminder: see tasks.send_evening_reminders.
    reminder_sent_at = models.DateTimeField("Herinnering verstuurd op", null=True, blank=True, editable=False)
    # A keyed hash of the network the sign-up came from (forms.ratelimit.network_key),
    # for the seats-per-network cap (aanmelding.seats); empty when made in the admin.
    network_key = models.CharField(max_length=32, blank=True, default="", editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "aanmelding informatiebijeenkomst"
        verbose_name_plural = "aanmeldingen informatiebijeenkomst"
        constraints = [
            models.UniqueConstraint(fields=["evening", "email_key"], name="one_active_signup_per_address_per_evening"),
            models.CheckConstraint(condition=Q(persons__in=[1, 2]), name="evening_signup_one_or_two_persons"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.email_key = None if self.status == self.Status.CANCELLED else normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.status == self.Status.WAITLISTED

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def persons_text(self):
        return "1 persoon" if self.persons == 1 else f"{self.persons} personen"

    def meeting_kind(self):
        """The evening's kind, a column in the admin list and the export (the list selects the evening)."""
        return self.evening.kind_label()

    meeting_kind.short_description = "Soort bijeenkomst"

    def waitlist_place(self):
        """Where this sign-up stands on its evening's waitlist (1: first to move up), or None when not on it.

        In the order ``aanmelding.seats.promote_waitlist`` follows; it changes as others move up or cancel.
        """
        if not self.is_waitlisted:
            return None
        ahead = EveningSignup.objects.filter(evening_id=self.evening_id, status=self.Status.WAITLISTED).filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return ahead.count() + 1

    def waitlist_place_text(self):
        """The place in words for the thank-you page and the mail, or "" when not on the waitlist."""
        place = self.waitlist_place()
        if place is None:
            return ""
        return f"Je staat op plaats {place} van de wachtlijst; dat kan nog veranderen."
