"""Registrations in a round, their handling history, and the registration page."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Page

from forms.base import PublicFormPageMixin
from forms.models import ConsentRecord, OutgoingMail, normalise_email
from forms.motivation import AGREE_SCALE, STATEMENTS
from home.search_index import text_fields

from ..motivation import answers_from_request
from .rounds import RegistrationRound, Wijk


class RegistrationQuerySet(models.QuerySet):
    def past_retention(self, cutoff):
        """Registrations whose round closed before ``cutoff`` and that still hold personal data."""
        return self.filter(round__closes_at__lt=cutoff, personal_data_removed_at__isnull=True)

    def count_per_status(self):
        """``{status: number}`` in one query (statuses without registrations are absent)."""
        return dict(self.order_by().values_list("status").annotate(n=models.Count("pk")))


class Registration(ConsentRecord):
    """One application in a round: a new team, a new app group, or joining a team."""

    class Kind(models.TextChoices):
        NEW_TEAM = "nieuw_team", "Een nieuw buurtpreventieteam dat rondes loopt"
        NEW_APP_GROUP = "nieuwe_appgroep", "Een nieuwe digitale buurtpreventie- of app-groep"
        JOIN_TEAM = "aansluiten", "Aansluiten bij een bestaand team"

    class Status(models.TextChoices):
        RECEIVED = "ontvangen", "Ontvangen"
        INVITED = "uitgenodigd", "Uitgenodigd voor intake"
        INTAKE_DONE = "intake_gehouden", "Intake gehouden"
        ADMITTED = "toegelaten", "Toegelaten"
        REJECTED = "afgewezen", "Afgewezen"
        WITHDRAWN = "ingetrokken", "Ingetrokken"

    NEW_INITIATIVES = (Kind.NEW_TEAM, Kind.NEW_APP_GROUP)
    KIND_SHORT_LABELS = {
        Kind.NEW_TEAM: "Nieuw team",
        Kind.NEW_APP_GROUP: "Nieuwe app-groep",
        Kind.JOIN_TEAM: "Aansluiten bij team",
    }
    # Which status may follow which: the workflow of handling a registration.
    TRANSITIONS = {
        Status.RECEIVED: (Status.INVITED, Status.REJECTED, Status.WITHDRAWN),
        Status.INVITED: (Status.INTAKE_DONE, Status.REJECTED, Status.WITHDRAWN),
        Status.INTAKE_DONE: (Status.ADMITTED, Status.REJECTED, Status.WITHDRAWN),
        Status.ADMITTED: (Status.WITHDRAWN,),
        Status.REJECTED: (),
        Status.WITHDRAWN: (),
    }
    DATA_REMOVED = "(gegevens verwijderd)"
    DUPLICATE_MESSAGE = (
        "Met dit e-mailadres is al een aanmelding gedaan voor dit aanmeldmoment. "
        "Wil je iets veranderen? Neem dan contact op met de gemeente."
    )

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
    kind = models.CharField("Waarvoor meld je je aan?", max_length=20, choices=Kind.choices)
    name = models.CharField("Naam", max_length=150, blank=True)
    email = models.EmailField("E-mailadres", blank=True)
    # Lower-cased and stripped: one registration per address per round. NULL
    # once personal data is removed, so purged rows never collide.
    email_key = models.CharField(max_length=254, null=True, blank=True, editable=False)
    phone = models.CharField("Telefoonnummer", max_length=30, blank=True)
    postcode = models.CharField("Postcode", max_length=7, blank=True)
    wijk = models.ForeignKey(Wijk, verbose_name="wijk", null=True, blank=True, on_delete=models.SET_NULL)
    initiative_name = models.CharField("Naam van het team of de groep", max_length=120, blank=True)
    # "Join an existing team": the team the applicant chose (optional: they may leave it to the intake).
    team = models.ForeignKey(
        "aanmelding.Team",
        verbose_name="gekozen team",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="join_registrations",
    )
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

    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.RECEIVED)
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
        # Who may see personal data: registrations and evening sign-ups. Granted to
        # "Behandelaars buurtpreventie" by migration 0007; checked by permission, never by group name.
        permissions = [("handle_registrations", "Mag aanmeldingen en aanmeldingen voor bijeenkomsten behandelen")]

    def __str__(self):
        return f"{self.reference} {self.display_name()}"

    def save(self, *args, **kwargs):
        if self.personal_data_removed_at is None:
            self.email_key = normalise_email(self.email)
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

    def change_status(self, new_status, *, by=None, note="", personal_line=""):
        """Move to ``new_status`` if the workflow allows it, and record who did it when."""
        if new_status not in self.allowed_next_statuses():
            labels = dict(self.Status.choices)
            raise ValidationError(
                f"Van ‘{self.get_status_display()}’ kan een aanmelding niet naar "
                f"‘{labels.get(new_status, new_status)}’."
            )
        change = RegistrationStatusChange.objects.create(
            registration=self,
            from_status=self.status,
            to_status=new_status,
            changed_by=by,
            note=note,
            personal_line=personal_line,
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
        self.status_changes.update(note="", personal_line="")
        # The outbox keeps copies of sent mails (name, address, text): those go too.
        OutgoingMail.objects.copies_sent_to([address]).delete()

    def withdraw(self):
        """The applicant withdraws: status ingetrokken and personal data gone at once. Safe to repeat."""
        if self.status != self.Status.WITHDRAWN and self.Status.WITHDRAWN in self.allowed_next_statuses():
            self.change_status(self.Status.WITHDRAWN, note="Ingetrokken door de aanvrager")
        if self.personal_data_removed_at is None:
            self.remove_personal_data()


PERSONAL_LINE_MAX = 300


class RegistrationStatusChange(models.Model):
    wagtail_reference_index_ignore = True  # not content; see forms.models.ConsentRecord

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField("Van", max_length=20, choices=Registration.Status.choices)
    to_status = models.CharField("Naar", max_length=20, choices=Registration.Status.choices)
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
    # The handler's own line in the invitation mail (the intake date and place, say): personal
    # data, blanked with the note when the registration's data goes (remove_personal_data).
    personal_line = models.CharField("Persoonlijke regel in de mail", max_length=PERSONAL_LINE_MAX, blank=True)
    # The status mail this change sent, to show in the history when the worker actually sent it.
    # The outbox row goes after the retention period or with the personal data; with_mail stays.
    with_mail = models.BooleanField("Met mail", default=False)
    mail = models.ForeignKey(
        OutgoingMail, verbose_name="mail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

    def attach_mail(self, mail):
        self.mail, self.with_mail = mail, True
        self.save(update_fields=["mail", "with_mail"])

    def mail_report(self):
        """What became of this change's mail, for the history: ``(state, text)`` or None without a mail.

        Read from the outbox row, so "verstuurd" means the worker handed it to the mail server.
        """
        if not self.with_mail:
            return None
        mail = self.mail
        if mail is None:
            return "gone", "Met mail (de kopie in het postvak is niet meer bewaard)"
        if mail.sent_at is not None:
            return "sent", f"Mail verstuurd op {timezone.localtime(mail.sent_at):%d-%m-%Y %H:%M}"
        if mail.status == OutgoingMail.Status.FAILED:
            return "failed", "Mail mislukt: niet verstuurd"
        if mail.attempts:
            return "retrying", "Mail nog niet verstuurd: wordt opnieuw geprobeerd"
        return "waiting", "Mail wacht op verzending"


MAIL_TEXT_HELP = "Gewone tekst; een witregel begint een nieuwe alinea. Aanhef en referentienummer komen er vanzelf bij."


class RegistrationPage(PublicFormPageMixin, Page):
    """The registration form, open only while a round is open; otherwise 'houd mij op de hoogte'.

    Editors write the texts around the form and the mails; the form itself is
    fixed (aanmelding.forms.registrations) because its data is handled,
    exported and purged. The mail links and the alert form are sub-pages:
    see ``subpage_urls``.
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
        "Uitnodiging intake: onderwerp", max_length=150, default="Uitnodiging voor een intakegesprek"
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
    search_fields = Page.search_fields + text_fields("intro", "closed_text")
    page_description = (
        "Het aanmeldformulier: open zolang een aanmeldmoment loopt, anders 'houd mij op de hoogte'. "
        "Op het tabblad Mails staan de teksten van de mails aan aanvragers."
    )
    subpage_types = []

    # The public form (forms.base.PublicFormPageMixin); the forms import these models, hence the paths.
    form_class = "aanmelding.forms.registrations.RegistrationForm"
    alert_form_class = "aanmelding.forms.registrations.RoundAlertForm"
    rate_limit_key = "aanmelding"
    duplicate_error = ("email", Registration.DUPLICATE_MESSAGE)
    landing_page_template = "aanmelding/registration_thanks.html"
    # Withdraw link, 'houd mij op de hoogte' and its links: aanmelding/urls.py.
    subpage_urls = "aanmelding.urls.registration_page_urls"

    # The status mails a handler may send, and the page fields with their subject and text.
    STATUS_MAIL_FIELDS = {
        Registration.Status.INVITED: ("invitation_mail_subject", "invitation_mail_text"),
        Registration.Status.ADMITTED: ("admission_mail_subject", "admission_mail_text"),
        Registration.Status.REJECTED: ("rejection_mail_subject", "rejection_mail_text"),
    }

    class Meta:
        verbose_name = "aanmeldpagina"
        verbose_name_plural = "aanmeldpagina's"

    def mail_paragraphs(self, field_name):
        return [part.strip() for part in getattr(self, field_name).split("\n\n") if part.strip()]

    @classmethod
    def has_status_mail(cls, status):
        return status in cls.STATUS_MAIL_FIELDS

    def status_mail(self, status):
        """``(subject, paragraphs)`` of the mail for a registration that moves to ``status``."""
        subject_field, text_field = self.STATUS_MAIL_FIELDS[status]
        return getattr(self, subject_field), self.mail_paragraphs(text_field)

    # --- the form --------------------------------------------------------------------------

    def get_open_round(self, request):
        """The round open now, looked up once per request: it decides the form, its round and the page."""
        if not hasattr(request, "_open_registration_round"):
            request._open_registration_round = RegistrationRound.current()
        return request._open_registration_round

    def is_form_open(self, request):
        # Closed: the form itself says so (with the next round), and what was typed stays.
        return self.get_open_round(request) is not None

    def get_form_kwargs(self, request):
        kwargs = {**super().get_form_kwargs(request), "round": self.get_open_round(request), "page": self}
        if request.method == "GET" and (answers := answers_from_request(request)):
            # From the questionnaire's 'Meld je aan' (?motivatie=, signed): the statements filled in,
            # still editable; stored only when the registration is sent. A bad link: an empty form.
            kwargs["initial"] = {name: value for name, value in answers.items() if value}
        return kwargs

    def get_alert_form(self, request, data=None):
        """'Houd mij op de hoogte', offered while no round is open."""
        return import_string(self.alert_form_class)(data, request=request, page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        current = self.get_open_round(request)
        context["current_round"] = current
        context["next_round"] = None if current else RegistrationRound.next_upcoming()
        return context

    def render_form(self, request, form, status=200):
        # Closed: the page offers 'houd mij op de hoogte' instead (a bound one comes from RoundAlertHandler).
        response = super().render_form(request, form, status)
        if form is None:
            response.context_data["alert_form"] = self.get_alert_form(request)
        return response

    def get_submission_queryset(self):
        return Registration.objects.select_related("round")

    def get_landing_context(self, request, submission):
        return {
            **super().get_landing_context(request, submission),
            "registration": submission,
            "evening": submission.round.next_info_evening() if submission else None,
        }
