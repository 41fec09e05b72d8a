from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from forms.models import ConsentRecord, OutgoingMail
from forms.motivation import AGREE_SCALE, STATEMENTS
from home.blocks import BaseStreamBlock


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

    def next_info_evening(self, now=None):
        """The first live information evening of this round that has not ended yet, or None."""
        now = now or timezone.now()
        return InfoEveningPage.objects.live().filter(round=self, ends_at__gte=now).order_by("starts_at").first()

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


class RegistrationQuerySet(models.QuerySet):
    def past_retention(self, cutoff):
        """Registrations whose round closed before ``cutoff`` and that still hold personal data."""
        return self.filter(round__closes_at__lt=cutoff, personal_data_removed_at__isnull=True)


class Registration(ConsentRecord):
    """One application in a round: a new team, a new app group, or joining a team."""

    NEW_TEAM = "nieuw_team"
    NEW_APP_GROUP = "nieuwe_appgroep"
    JOIN_TEAM = "aansluiten"
    KIND_CHOICES = [
        (NEW_TEAM, "Een nieuw buurtpreventieteam dat rondes loopt"),
        (NEW_APP_GROUP, "Een nieuwe digitale buurtpreventie- of app-groep"),
        (JOIN_TEAM, "Aansluiten bij een bestaand team"),
    ]
    NEW_INITIATIVES = (NEW_TEAM, NEW_APP_GROUP)
    KIND_SHORT_LABELS = {NEW_TEAM: "Nieuw team", NEW_APP_GROUP: "Nieuwe app-groep", JOIN_TEAM: "Aansluiten bij team"}
    DATA_REMOVED = "(gegevens verwijderd)"

    RECEIVED = "ontvangen"
    INVITED = "uitgenodigd"
    INTAKE_DONE = "intake_gehouden"
    ADMITTED = "toegelaten"
    REJECTED = "afgewezen"
    WITHDRAWN = "ingetrokken"
    STATUS_CHOICES = [
        (RECEIVED, "Ontvangen"),
        (INVITED, "Uitgenodigd voor intake"),
        (INTAKE_DONE, "Intake gehouden"),
        (ADMITTED, "Toegelaten"),
        (REJECTED, "Afgewezen"),
        (WITHDRAWN, "Ingetrokken"),
    ]
    # Which status may follow which: the workflow of handling a registration.
    TRANSITIONS = {
        RECEIVED: (INVITED, REJECTED, WITHDRAWN),
        INVITED: (INTAKE_DONE, REJECTED, WITHDRAWN),
        INTAKE_DONE: (ADMITTED, REJECTED, WITHDRAWN),
        ADMITTED: (WITHDRAWN,),
        REJECTED: (),
        WITHDRAWN: (),
    }

    AVAILABILITY_CHOICES = [
        ("doordeweeks_overdag", "Doordeweeks overdag"),
        ("doordeweeks_avond", "Doordeweeks 's avonds"),
        ("weekend", "In het weekend"),
        ("wisselend", "Wisselend, dat spreek ik liever af"),
    ]
    HEARD_VIA_CHOICES = [
        ("gemeente", "Via de gemeente (website, krant of brief)"),
        ("politie", "Via de wijkagent of de politie"),
        ("buren", "Via buren, vrienden of familie"),
        ("team", "Via een bestaand buurtpreventieteam"),
        ("sociale_media", "Via sociale media"),
        ("anders", "Anders"),
    ]

    round = models.ForeignKey(
        RegistrationRound, verbose_name="aanmeldmoment", on_delete=models.PROTECT, related_name="registrations"
    )
    kind = models.CharField("Waarvoor meld je je aan?", max_length=20, choices=KIND_CHOICES)
    name = models.CharField("Naam", max_length=150, blank=True)
    email = models.EmailField("E-mailadres", blank=True)
    # Lower-cased and stripped: one registration per address per round. NULL
    # once personal data is removed, so purged rows never collide.
    email_key = models.CharField(max_length=254, null=True, blank=True, editable=False)
    phone = models.CharField("Telefoonnummer", max_length=30, blank=True)
    postcode = models.CharField("Postcode", max_length=7, blank=True)
    wijk = models.ForeignKey(Wijk, verbose_name="wijk", null=True, blank=True, on_delete=models.SET_NULL)
    initiative_name = models.CharField("Naam van het team of de groep", max_length=120, blank=True)
    expected_members = models.PositiveSmallIntegerField("Verwacht aantal deelnemers", null=True, blank=True)
    statement_shared_responsibility = models.PositiveSmallIntegerField(null=True, blank=True, choices=AGREE_SCALE)
    statement_social_control = models.PositiveSmallIntegerField(null=True, blank=True, choices=AGREE_SCALE)
    statement_feedback = models.PositiveSmallIntegerField(null=True, blank=True, choices=AGREE_SCALE)
    statement_together = models.PositiveSmallIntegerField(null=True, blank=True, choices=AGREE_SCALE)
    statement_volunteering = models.PositiveSmallIntegerField(null=True, blank=True, choices=AGREE_SCALE)
    statement_results = models.PositiveSmallIntegerField(null=True, blank=True, choices=AGREE_SCALE)
    availability = models.JSONField("Wanneer kun je?", default=list, blank=True)
    heard_via = models.CharField(
        "Hoe heb je van buurtpreventie gehoord?", max_length=20, blank=True, choices=HEARD_VIA_CHOICES
    )
    remarks = models.TextField("Opmerkingen of vragen", blank=True, max_length=2000)

    status = models.CharField("Status", max_length=20, choices=STATUS_CHOICES, default=RECEIVED)
    internal_notes = models.TextField("Interne notities", blank=True, help_text="Alleen zichtbaar voor behandelaars.")
    created_at = models.DateTimeField("Ontvangen op", auto_now_add=True)
    personal_data_removed_at = models.DateTimeField("Persoonsgegevens verwijderd op", null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        constraints = [
            models.UniqueConstraint(fields=["round", "email_key"], name="one_registration_per_address_per_round"),
        ]

    def __str__(self):
        return f"{self.reference} {self.display_name()}"

    @staticmethod
    def normalise_email(email):
        return email.strip().lower() if email else None

    def save(self, *args, **kwargs):
        if self.personal_data_removed_at is None:
            self.email_key = self.normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def reference(self):
        """The number an applicant quotes: BP, the year, the row number."""
        year = (self.created_at or timezone.now()).year
        return f"BP-{year}-{self.pk:05d}" if self.pk else "BP-nieuw"

    reference.fget.short_description = "Referentie"

    def is_new_initiative(self):
        return self.kind in self.NEW_INITIATIVES

    def allowed_next_statuses(self):
        return self.TRANSITIONS[self.status]

    def status_label(self):
        return self.get_status_display()

    status_label.short_description = "Status"
    status_label.admin_order_field = "status"

    # Display helpers for the admin list, detail page and export.
    @property
    def personal_data_removed(self):
        return self.personal_data_removed_at is not None

    def display_name(self):
        return self.name or self.DATA_REMOVED

    display_name.short_description = "Naam"
    display_name.admin_order_field = "name"

    def kind_short(self):
        return self.KIND_SHORT_LABELS.get(self.kind, self.kind)

    kind_short.short_description = "Soort"
    kind_short.admin_order_field = "kind"

    def availability_display(self):
        labels = dict(self.AVAILABILITY_CHOICES)
        return ", ".join(labels.get(code, code) for code in self.availability or [])

    availability_display.short_description = "Wanneer kun je?"

    def received(self):
        return timezone.localtime(self.created_at).strftime("%d-%m-%Y %H:%M") if self.created_at else ""

    received.short_description = "Ontvangen op"
    received.admin_order_field = "created_at"

    def motivation_answers(self):
        return {name: getattr(self, name) for name, _, _ in STATEMENTS}

    def change_status(self, new_status, *, by=None, note=""):
        """Move to ``new_status`` if the workflow allows it, and record who did it when."""
        if new_status not in self.allowed_next_statuses():
            raise ValidationError(
                f"Van ‘{self.get_status_display()}’ kan een aanmelding niet naar "
                f"‘{dict(self.STATUS_CHOICES).get(new_status, new_status)}’."
            )
        change = RegistrationStatusChange.objects.create(
            registration=self, from_status=self.status, to_status=new_status, changed_by=by, note=note
        )
        self.status = new_status
        self.save(update_fields=["status"])
        return change

    def remove_personal_data(self, moment=None):
        """Blank everything that identifies the applicant; keep what counts anonymously."""
        address = self.email
        self.name = ""
        self.email = ""
        self.email_key = None
        self.phone = ""
        self.postcode = self.postcode[:4]  # the digits alone say which area, not who
        self.initiative_name = ""
        self.remarks = ""
        self.internal_notes = ""
        self.personal_data_removed_at = moment or timezone.now()
        self.save()
        self.status_changes.update(note="")
        if address:
            # The outbox keeps copies of sent mails (name, address, text): those go too.
            # Mails still waiting to go out stay; a worker may be sending them now.
            OutgoingMail.objects.filter(
                to__iexact=address, status__in=[OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED]
            ).delete()

    def withdraw(self):
        """The applicant withdraws: status ingetrokken and personal data gone at once. Safe to repeat."""
        if self.status != self.WITHDRAWN and self.WITHDRAWN in self.allowed_next_statuses():
            self.change_status(self.WITHDRAWN, note="Ingetrokken door de aanvrager")
        if self.personal_data_removed_at is None:
            self.remove_personal_data()


class RegistrationStatusChange(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField("Van", max_length=20, choices=Registration.STATUS_CHOICES)
    to_status = models.CharField("Naar", max_length=20, choices=Registration.STATUS_CHOICES)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField("Op", auto_now_add=True)
    note = models.TextField("Toelichting", blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class RoundAlert(ConsentRecord):
    """'Houd mij op de hoogte': a mail when the next registration round opens.

    Double opt-in: the address counts only once confirmed through the link in
    the first mail. Each confirmed address gets exactly one mail per round.
    """

    email = models.EmailField("E-mailadres", unique=True)
    created_at = models.DateTimeField("Aangevraagd op", auto_now_add=True)
    confirmed_at = models.DateTimeField("Bevestigd op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "bericht bij nieuw aanmeldmoment"
        verbose_name_plural = "berichten bij nieuw aanmeldmoment"

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def confirm(self):
        if self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])


class RoundAlertDelivery(models.Model):
    """That one address was told about one round: the guard against a second mail."""

    alert = models.ForeignKey(RoundAlert, on_delete=models.CASCADE, related_name="deliveries")
    round = models.ForeignKey(RegistrationRound, on_delete=models.CASCADE, related_name="alert_deliveries")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "round"], name="one_alert_per_address_per_round")]

    def __str__(self):
        return f"{self.alert} — {self.round}"


MAIL_TEXT_HELP = "Gewone tekst; een witregel begint een nieuwe alinea. Aanhef en referentienummer komen er vanzelf bij."


class RegistrationPage(RoutablePageMixin, Page):
    """The registration form, open only while a round is open.

    Editors write the texts around the form and the mails; the form itself is
    fixed (aanmelding.forms.RegistrationForm) because its data is handled,
    exported and purged.
    """

    intro = RichTextField("Introductie", features=["bold", "italic", "link", "ul"], blank=True)
    closed_text = RichTextField(
        "Tekst als aanmelden niet kan",
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="Verschijnt boven de datum van het volgende aanmeldmoment.",
    )
    thank_you_text = RichTextField(
        "Bedankt-tekst: wat gebeurt er nu?", features=["bold", "italic", "link", "ul", "ol"], blank=True
    )
    confirmation_mail_text = models.TextField(
        "Bevestigingsmail: wat gebeurt er nu?", blank=True, help_text=MAIL_TEXT_HELP
    )
    invitation_mail_subject = models.CharField(
        "Uitnodiging intake: onderwerp", max_length=150, default="Uitnodiging voor een kennismakingsgesprek"
    )
    invitation_mail_text = models.TextField("Uitnodiging intake: tekst", blank=True, help_text=MAIL_TEXT_HELP)
    admission_mail_subject = models.CharField(
        "Toelating: onderwerp", max_length=150, default="Welkom bij buurtpreventie"
    )
    admission_mail_text = models.TextField("Toelating: tekst", blank=True, help_text=MAIL_TEXT_HELP)
    rejection_mail_subject = models.CharField(
        "Afwijzing: onderwerp", max_length=150, default="Over je aanmelding voor buurtpreventie"
    )
    rejection_mail_text = models.TextField("Afwijzing: tekst", blank=True, help_text=MAIL_TEXT_HELP)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("closed_text"),
        FieldPanel("thank_you_text"),
    ]
    mail_panels = [
        FieldPanel("confirmation_mail_text"),
        MultiFieldPanel(
            [FieldPanel("invitation_mail_subject"), FieldPanel("invitation_mail_text")],
            heading="Uitnodiging voor intake",
        ),
        MultiFieldPanel([FieldPanel("admission_mail_subject"), FieldPanel("admission_mail_text")], heading="Toelating"),
        MultiFieldPanel([FieldPanel("rejection_mail_subject"), FieldPanel("rejection_mail_text")], heading="Afwijzing"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Inhoud"),
            ObjectList(mail_panels, heading="Mails"),
            ObjectList(Page.promote_panels, heading="Promoten"),
            ObjectList(Page.settings_panels, heading="Instellingen"),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = "aanmeldpagina"
        verbose_name_plural = "aanmeldpagina's"

    # The views live in aanmelding/views.py; these routes only hand over.
    @path("")
    def registration_form(self, request):
        from . import views

        return views.registration_form(request, self)

    @path("bedankt/")
    def thanks(self, request):
        from . import views

        return views.thanks(request, self)

    @path("intrekken/<str:token>/")
    def withdraw(self, request, token):
        from . import views

        return views.WithdrawRegistrationView.as_view(page=self)(request, token=token)

    @path("op-de-hoogte/")
    def round_alert(self, request):
        from . import views

        return views.round_alert(request, self)

    @path("op-de-hoogte/bevestigen/<str:token>/")
    def confirm_round_alert(self, request, token):
        from . import views

        return views.ConfirmRoundAlertView.as_view(page=self)(request, token=token)

    @path("op-de-hoogte/afmelden/<str:token>/")
    def cancel_round_alert(self, request, token):
        from . import views

        return views.CancelRoundAlertView.as_view(page=self)(request, token=token)

    def mail_paragraphs(self, field_name):
        return [part.strip() for part in getattr(self, field_name).split("\n\n") if part.strip()]


# --- information evenings ----------------------------------------------------------


class InfoEveningIndexPage(Page):
    """'Informatiebijeenkomsten': lists the upcoming and past evenings below it."""

    intro = RichTextField("Introductie", features=["bold", "italic", "link", "ul"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["aanmelding.InfoEveningPage"]
    max_count = 1

    class Meta:
        verbose_name = "overzicht informatiebijeenkomsten"
        verbose_name_plural = "overzichten informatiebijeenkomsten"

    def evenings(self):
        # With their seats taken in the same query (see InfoEveningPage.seats_taken).
        confirmed = Q(signups__status=EveningSignup.CONFIRMED)
        return (
            InfoEveningPage.objects.child_of(self)
            .live()
            .annotate(confirmed_seats=models.Sum("signups__persons", filter=confirmed, default=0))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        evenings = self.evenings()
        context["upcoming_evenings"] = evenings.filter(ends_at__gte=now).order_by("starts_at")
        context["past_evenings"] = evenings.filter(ends_at__lt=now).order_by("-starts_at")
        return context


class InfoEveningPage(RoutablePageMixin, Page):
    """One information evening of a registration round, with sign-up, capacity and a waitlist."""

    round = models.ForeignKey(
        RegistrationRound, verbose_name="aanmeldmoment", on_delete=models.PROTECT, related_name="info_evenings"
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
    signup_deadline = models.DateTimeField("Aanmelden kan tot", help_text="Uiterlijk het begin van de bijeenkomst.")
    attendees = models.TextField(
        "Wie zijn er?", blank=True, help_text="Bijvoorbeeld: de wijkagent, de coördinator buurtpreventie."
    )
    programme = StreamField(BaseStreamBlock(), verbose_name="Programma", blank=True, use_json_field=True)

    content_panels = Page.content_panels + [
        FieldPanel("round"),
        MultiFieldPanel(
            [FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("signup_deadline"), FieldPanel("capacity")],
            heading="Wanneer en hoeveel",
        ),
        MultiFieldPanel(
            [FieldPanel("location_name"), FieldPanel("location_address"), FieldPanel("accessibility_notes")],
            heading="Waar",
        ),
        FieldPanel("attendees"),
        FieldPanel("programme"),
    ]
    search_fields = Page.search_fields + [index.SearchField("location_name"), index.SearchField("attendees")]
    parent_page_types = ["aanmelding.InfoEveningIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "informatiebijeenkomst"
        verbose_name_plural = "informatiebijeenkomsten"

    def clean(self):
        super().clean()
        errors = {}
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

    # Seats are derived from the sign-ups, never stored.
    def seats_taken(self):
        if hasattr(self, "confirmed_seats"):  # annotated by InfoEveningIndexPage.evenings()
            return self.confirmed_seats
        total = self.signups.filter(status=EveningSignup.CONFIRMED).aggregate(total=models.Sum("persons"))["total"]
        return total or 0

    def seats_left(self):
        return max(self.capacity - self.seats_taken(), 0)

    def is_full(self):
        return self.seats_left() <= 0

    def is_signup_open(self, now=None):
        now = now or timezone.now()
        return now <= self.signup_deadline and now < self.starts_at

    def waitlisted_count(self):
        return self.signups.filter(status=EveningSignup.WAITLISTED).count()

    REMINDER_HOUR = 9  # local time on the day before: nobody gets a reminder in the night

    def reminder_from(self):
        """When the reminder mails may go out: the day before, from nine in the morning."""
        day_before = timezone.localtime(self.starts_at).date() - timedelta(days=1)
        return timezone.make_aware(datetime.combine(day_before, time(self.REMINDER_HOUR)))

    def is_reminder_due(self, now=None):
        now = now or timezone.now()
        return self.reminder_from() <= now < self.starts_at

    # The views live in aanmelding/evening_views.py; these routes only hand over.
    @path("")
    def signup_form(self, request):
        from . import evening_views

        return evening_views.signup_form(request, self)

    @path("bedankt/")
    def thanks(self, request):
        from . import evening_views

        return evening_views.thanks(request, self)

    @path("agenda/", name="calendar")
    def calendar_file(self, request):
        from . import evening_views

        return evening_views.calendar_file(request, self)

    @path("annuleren/<str:token>/")
    def cancel(self, request, token):
        from . import evening_views

        return evening_views.CancelSignupView.as_view(page=self)(request, token=token)


class EveningSignup(ConsentRecord):
    """One resident (alone or with one other person) signed up for an information evening."""

    CONFIRMED = "bevestigd"
    WAITLISTED = "wachtlijst"
    CANCELLED = "geannuleerd"
    STATUS_CHOICES = [(CONFIRMED, "Bevestigd"), (WAITLISTED, "Op de wachtlijst"), (CANCELLED, "Geannuleerd")]
    PERSONS_CHOICES = [(1, "Alleen ik"), (2, "Ik neem één persoon mee (2 personen)")]
    REMOVED_NAME = "(verwijderd)"  # what the purge leaves of the name, see privacy.py

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
    status = models.CharField("Status", max_length=20, choices=STATUS_CHOICES, default=CONFIRMED)
    created_at = models.DateTimeField("Aangemeld op", auto_now_add=True)
    cancelled_at = models.DateTimeField("Geannuleerd op", null=True, blank=True)
    # Set in the same conditional UPDATE that claims the reminder: see tasks.send_evening_reminders.
    reminder_sent_at = models.DateTimeField("Herinnering verstuurd op", null=True, blank=True, editable=False)

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
        self.email_key = None if self.status == self.CANCELLED else Registration.normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.status == self.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.status == self.WAITLISTED

    @property
    def is_cancelled(self):
        return self.status == self.CANCELLED

    def cancel(self, moment=None):
        """Cancel and let the waitlist move up, in one locked transaction. Safe to repeat.

        Returns the sign-ups promoted from the waitlist (each gets a mail).
        """
        from django.db import transaction

        from . import evening_mails

        with transaction.atomic():
            evening = lock_evening(self.evening_id)
            current = EveningSignup.objects.get(pk=self.pk)
            if current.status == self.CANCELLED:
                self.status, self.email_key, self.cancelled_at = current.status, None, current.cancelled_at
                return []
            had_seat = current.is_confirmed
            current.status = self.CANCELLED
            current.cancelled_at = moment or timezone.now()
            current.save(update_fields=["status", "email_key", "cancelled_at"])
            self.status, self.email_key, self.cancelled_at = current.status, None, current.cancelled_at
            evening_mails.queue_cancelled(current, evening, had_seat=had_seat)
            return promote_waitlist(evening)


def lock_evening(pk):
    """The evening, its row locked until the transaction ends (PostgreSQL; SQLite serialises writers anyway)."""
    return InfoEveningPage.objects.select_for_update().get(pk=pk)


def sign_up(evening, **data):
    """Create a sign-up: confirmed if the party fits in the seats left, otherwise waitlisted.

    The evening row is locked for the count and the insert, so concurrent
    sign-ups never overfill the room. Raises IntegrityError if the address
    already has an active sign-up for this evening.
    """
    from django.db import transaction

    with transaction.atomic():
        locked = lock_evening(evening.pk)
        signup = EveningSignup(evening=locked, **data)
        fits = signup.persons <= locked.seats_left()
        signup.status = EveningSignup.CONFIRMED if fits else EveningSignup.WAITLISTED
        signup.save()
        return signup


def promote_after_publish(sender, instance, **kwargs):
    """Signal handler: a published change (more seats) moves the waitlist up, under the evening lock."""
    from django.db import transaction

    with transaction.atomic():
        return promote_waitlist(lock_evening(instance.pk))


def promote_waitlist(evening):
    """Move up waitlisted sign-ups whose party fits, oldest first; the caller holds the evening lock.

    Not once the evening has started: a seat for something that already began is no news.
    """
    from . import evening_mails

    promoted = []
    if evening.starts_at <= timezone.now():
        return promoted
    left = evening.seats_left()
    for signup in evening.signups.filter(status=EveningSignup.WAITLISTED).order_by("created_at", "pk"):
        if left <= 0:
            break
        if signup.persons <= left:
            signup.status = EveningSignup.CONFIRMED
            signup.save(update_fields=["status", "email_key"])
            left -= signup.persons
            evening_mails.queue_promoted(signup, evening)
            promoted.append(signup)
    return promoted
