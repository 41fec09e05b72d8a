"""Form pages that editors build themselves (contact form, tussenevaluatie).

``wagtail.contrib.forms`` gives the questions (``FormField``, built into a
form by its ``FormBuilder``), the stored answers (its ``FormSubmission``) and
the admin's list of submissions with its export. Everything else is ours:

- the page serves through ``forms.base.PublicFormPageMixin`` (never Wagtail's
  own ``serve()``): honeypot and signed form token, rate limit per address,
  the error summary, the thank-you page at ``bedankt/``;
- the built form is a ``forms.base.PublicForm``, with the consent checkbox of
  ``forms.consent`` when the page has a consent text;
- the notification mail to ``to_address`` goes through the outbox
  (``forms.mail.queue_mail``), in the transaction that stores the submission;
- only the page's ``submissions_group`` sees the submissions (the hook
  ``filter_form_submissions_for_user`` in ``forms/wagtail_hooks.py``);
- the export is formula-safe (``forms.form_page_views``);
- submissions older than the page's retention go in the periodic clean-up
  (``forms.tasks.clear_expired_data``), with the outbox's copies of their
  notification mails.
"""

from django import forms as django_forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, validate_to_address
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.search_index import text_fields

from . import conf
from .base import PublicForm, PublicFormPageMixin
from .consent import ConsentMixin
from .export import answer_text
from .fields import EmailField
from .mail import absolute_url, queue_mail
from .models import OutgoingMail
from .retention import retention_cutoff, retention_days
from .spam import SpamProtectionMixin

CONSENT_FIELD = ConsentMixin.consent_field_name
# Keys the form or the stored submission use themselves: a question may not take them.
RESERVED_NAMES = {
    SpamProtectionMixin.honeypot_field_name,
    SpamProtectionMixin.timestamp_field_name,
    CONSENT_FIELD,
    "submit_time",
    "consent_given_at",
    "consent_version",
}
RESERVED_NAME_MESSAGE = "Het formulier gebruikt ‘{name}’ zelf al. Geef deze vraag een andere naam."
CHOICES_REQUIRED_MESSAGE = "Vul de keuzes in, één per regel."
GROUP_CHANGE_MESSAGE = (
    "Alleen wie nu in deze groep zit, of een beheerder, kan de groep veranderen. "
    "Zo kan niemand zichzelf toegang geven tot de inzendingen."
)
CHOICE_TYPES = {"dropdown", "multiselect", "radio", "checkboxes"}

SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 5000

# Browsers fill these in for the person themselves (WCAG 1.3.5); the keys are the
# questions' names as Wagtail makes them from Dutch labels ("Je naam" -> "je_naam").
DUTCH_AUTOCOMPLETE = {
    "naam": "name",
    "je_naam": "name",
    "jouw_naam": "name",
    "voornaam": "given-name",
    "achternaam": "family-name",
    "e_mailadres": "email",
    "je_e_mailadres": "email",
    "telefoonnummer": "tel",
    "je_telefoonnummer": "tel",
    "postcode": "postal-code",
}


def mail_source(page_id):
    """The outbox ``source`` of one form page's notification mails: the purge finds its copies by it."""
    return f"formulier-{page_id}"


class FormField(AbstractFormField):
    """One question of a form page."""

    page = ParentalKey("forms.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = "vraag"
        verbose_name_plural = "vragen"

    def clean(self):
        super().clean()
        name = self.clean_name or self.get_field_clean_name()
        if name in RESERVED_NAMES:
            raise ValidationError({"label": RESERVED_NAME_MESSAGE.format(name=self.label)})
        if self.field_type in CHOICE_TYPES and not self.choices.strip():
            raise ValidationError({"choices": CHOICES_REQUIRED_MESSAGE})


class FormPageForm(PublicForm):
    """The base of every form a form page builds: spam protection, accessible fields, ``request``."""

    autocomplete_fields = DUTCH_AUTOCOMPLETE


class FormPageConsentForm(ConsentMixin, FormPageForm):
    """A form page's form with the consent checkbox; the page sets ``consent_text``."""


class PublicFormBuilder(FormBuilder):
    """Wagtail's builder, with lengths, Dutch messages and input types fit for a public form."""

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX_LENGTH
        return django_forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX_LENGTH
        options.setdefault("widget", django_forms.Textarea(attrs={"rows": 5}))
        return django_forms.CharField(**options)

    def create_email_field(self, field, options):
        return EmailField(**options)

    def create_number_field(self, field, options):
        options.setdefault("widget", django_forms.NumberInput(attrs={"inputmode": "decimal"}))
        return django_forms.DecimalField(**options)

    def create_date_field(self, field, options):
        options.setdefault("widget", django_forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        return django_forms.DateField(**options)

    def create_datetime_field(self, field, options):
        widget = django_forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        options.setdefault("widget", widget)
        return django_forms.DateTimeField(**options)

    def build(self, base, attrs=None):
        """The form class: the questions as fields on ``base``."""
        return type("FormPageForm", (base,), {**self.formfields, **(attrs or {})})


class FormPageAdminForm(WagtailAdminFormPageForm):
    """The page editor: moving the submissions to another group is for that group's members only.

    Otherwise an editor who may edit the page could choose a group of their own and read every
    submission so far.
    """

    def clean(self):
        cleaned_data = super().clean()
        user = self.for_user
        current = type(self.instance).objects.filter(pk=self.instance.pk).values_list("submissions_group", flat=True)
        current = current.first() if self.instance.pk else None
        chosen = cleaned_data.get("submissions_group")
        changed = current is not None and (chosen is None or chosen.pk != current)
        if changed and user is not None and not user.is_superuser and not user.groups.filter(pk=current).exists():
            self.add_error("submissions_group", GROUP_CHANGE_MESSAGE)
        return cleaned_data


class FormPage(PublicFormPageMixin, AbstractForm):
    """A page with a form whose questions editors write themselves."""

    intro = RichTextField("Introductie", features=["bold", "italic", "link", "ul"], blank=True)
    thank_you_text = RichTextField(
        "Bedankt-tekst",
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text="Staat op de pagina na het versturen. Bijvoorbeeld: wat gebeurt er nu, en wanneer?",
    )
    consent_text = models.TextField(
        "Toestemming",
        blank=True,
        help_text=(
            "Alleen als de privacyverklaring toestemming als grondslag noemt, zoals bij een contactformulier. "
            "Schrijf dan precies waarvoor: ‘Ik geef toestemming dat de gemeente mijn gegevens gebruikt om mijn "
            "vraag te beantwoorden.’ Bewoners moeten het vakje aanvinken. Rust het formulier op de publieke taak "
            "van de gemeente (zoals de tussenevaluatie), laat dit dan leeg: dan is er geen vakje."
        ),
    )
    submissions_group = models.ForeignKey(
        Group,
        verbose_name="Wie mag de inzendingen zien",
        # Never blank in the editor; a deleted group leaves the submissions to the administrators.
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Alleen mensen in deze groep zien de inzendingen in het beheer, en beheerders.",
    )
    retention_days = models.PositiveIntegerField(
        "Bewaartermijn inzendingen (dagen)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text="Daarna worden inzendingen verwijderd. Leeg: de bewaartermijn uit de instellingen van de gemeente.",
    )
    to_address = models.CharField(
        "Melding per e-mail naar",
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text=(
            "Niet verplicht. Elke inzending gaat dan ook per mail naar dit adres, met de antwoorden erin. "
            "Meer adressen: scheid ze met een komma."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Vragen", heading="Vragen"),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
    ]
    submissions_panels = [
        MultiFieldPanel(
            [FieldPanel("submissions_group"), FieldPanel("retention_days"), FieldPanel("to_address")],
            heading="Inzendingen",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Inhoud"),
            ObjectList(submissions_panels, heading="Inzendingen"),
            ObjectList(Page.promote_panels, heading="Promoten"),
            ObjectList(Page.settings_panels, heading="Instellingen"),
        ]
    )
    search_fields = Page.search_fields + text_fields("intro")
    page_description = (
        "Een formulier met je eigen vragen, zoals een contactformulier of een tussenevaluatie. "
        "Op het tabblad Inzendingen kies je wie de antwoorden ziet en hoe lang ze bewaard blijven."
    )
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    base_form_class = FormPageAdminForm
    template = "forms/form_page.html"
    landing_page_template = "forms/form_page_landing.html"
    # One limit for every form page: one address cannot flood them one after the other.
    rate_limit_key = "formulier"

    class Meta:
        verbose_name = "formulierpagina"
        verbose_name_plural = "formulierpagina's"

    @property
    def has_consent(self):
        return bool(self.consent_text.strip())

    # --- the form ------------------------------------------------------------------------------

    def get_form_class(self):
        builder = PublicFormBuilder(self.get_form_fields())
        if self.has_consent:
            return builder.build(FormPageConsentForm, {"consent_text": self.consent_text.strip()})
        return builder.build(FormPageForm)

    def get_data_fields(self):
        """``(key, column heading)`` of the submissions list and its export."""
        fields = [("submit_time", "Verstuurd op")]
        fields += [(field.clean_name, field.label) for field in self.get_form_fields()]
        if self.has_consent:
            fields += [("consent_given_at", "Toestemming gegeven op"), ("consent_version", "Versie privacyverklaring")]
        return fields

    def process_form_submission(self, form):
        """Store the answers (and when consent was given), and queue the notification mail."""
        data = {name: value for name, value in form.cleaned_data.items() if name != CONSENT_FIELD}
        if self.has_consent and form.cleaned_data.get(CONSENT_FIELD):
            data["consent_given_at"] = timezone.now()
            data["consent_version"] = conf.get("CONSENT_VERSION")
        submission = self.get_submission_class().objects.create(form_data=data, page=self)
        if self.to_address:
            self.queue_notification(form)
        return submission

    def get_submission_queryset(self):
        # Only this page's own submissions: a pk in the session from another form page shows nothing.
        return self.get_submissions()

    def get_landing_context(self, request, submission):
        return {**super().get_landing_context(request, submission), "submitted": submission is not None}

    # --- the notification mail ---------------------------------------------------------------------

    def answers(self, form):
        """``(question, answer as text)`` per question, in form order."""
        lines = []
        for bound_field in form:
            if bound_field.name not in form.cleaned_data or bound_field.name == CONSENT_FIELD:
                continue
            value = answer_text(form.cleaned_data[bound_field.name])
            if isinstance(value, bool):
                value = "ja" if value else "nee"
            elif value is None:
                value = ""
            lines.append((str(bound_field.label), str(value)))
        return lines

    def reply_address(self, form):
        """The first e-mail address the resident typed, so that staff can answer by replying."""
        for name, field in form.fields.items():
            if isinstance(field, django_forms.EmailField) and form.cleaned_data.get(name):
                return form.cleaned_data[name]
        return None

    def queue_notification(self, form):
        path = reverse("wagtailforms:list_submissions", args=[self.pk])
        queue_mail(
            [address.strip() for address in self.to_address.split(",") if address.strip()],
            f"Nieuw via het formulier ‘{self.title}’",
            "forms/form_page_notification",
            {
                "page": self,
                "answers": self.answers(form),
                "submissions_url": absolute_url(path, form.request),
                "retention_days": self.get_retention_days(),
            },
            reply_to=self.reply_address(form),
            source=mail_source(self.pk),
        )

    # --- retention ---------------------------------------------------------------------------------

    def get_retention_days(self):
        return self.retention_days or retention_days()

    @classmethod
    def purge_expired_submissions(cls, moment=None):
        """Delete each form page's submissions older than its retention, and the sent copies of their mails.

        Returns the number of submissions deleted. Safe to run twice.
        """
        moment = moment or timezone.now()
        default_days = retention_days()
        submissions = cls().get_submission_class()._default_manager
        deleted = 0
        for page_id, days in cls.objects.values_list("pk", "retention_days"):
            cutoff = retention_cutoff(moment=moment, days=days or default_days)
            count, _ = submissions.filter(page_id=page_id, submit_time__lt=cutoff).delete()
            deleted += count
            # The notification mails held the same answers; those still to be sent stay until they are.
            OutgoingMail.objects.filter(
                source=mail_source(page_id),
                status__in=[OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED],
                created_at__lt=cutoff,
            ).delete()
        return deleted

    # --- the admin -----------------------------------------------------------------------------------

    def get_submissions_list_view_class(self):
        from .form_page_views import SafeSubmissionsListView

        return SafeSubmissionsListView

    # --- preview (Wagtail's FormMixin previews through its own serve()) -----------------------------

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.render_landing_page(request, None)
        return self.render_form(request, self.get_form(request))

    def get_preview_context(self, request, mode_name):
        context = Page.get_preview_context(self, request, mode_name)
        context["form"] = self.get_form(request)
        return context
