"""The admin for handling registrations (wagtail-modeladmin).

Who: whoever holds the permission ``aanmelding.handle_registrations``
(granted to "Behandelaars buurtpreventie" by migration 0007) and the
model's view/change permission, and superusers. Everybody else with admin
access gets 403 on the list, the detail page, the export and the history,
also when typing a URL (``forms.admin``).

What: a list with filters (round, status with counts, kind, wijk), search
(name, e-mail, postcode, initiative, reference number) and a CSV/XLSX export
of the filtered list through ``forms.export``; a detail page that shows what
the applicant sent, the internal notes, the status workflow (with the
optional mail from the live RegistrationPage) and the history of changes.

Audit: viewing a registration, exporting it, changing its status and its
notes are written to Wagtail's audit log, labelled with the reference number
only and without any form values, so the log holds no personal data.
"""

import json
import re

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.log_actions import LogContext, LogFormatter, log
from wagtail_modeladmin.helpers import ButtonHelper, DjangoORMSearchHandler
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import DeleteView, IndexView, WMABaseView

from forms.admin import (
    ChoiceListFilter,
    DutchHistoryView,
    ForbiddenCreateView,
    ForbiddenMixin,
    NumericIdURLHelper,
    OwnFiltersOnlyMixin,
    PersonalDataPermissionHelper,
    export_value,
)
from forms.export import csv_response, xlsx_response
from forms.motivation import PROFILE_LABELS, STATEMENTS, profile_scores

from ..mails.registrations import queue_status_mail
from ..models import Registration, RegistrationPage, RegistrationRound, Wijk
from ..models.registrations import PERSONAL_LINE_MAX
from ..permissions import HANDLE_PERMISSION
from .teams import (
    JoinTeamForm,
    add_member_from_registration,
    can_join_team,
    can_make_team,
    make_team_from_registration,
)

VIEW_ACTION = "aanmelding.registration.view"
EXPORT_ACTION = "aanmelding.registration.export"
STATUS_ACTION = "aanmelding.registration.status"
NOTES_ACTION = "aanmelding.registration.notes"


# --- permissions ------------------------------------------------------------


class HandlerPermissionHelper(PersonalDataPermissionHelper):
    """Registrations and evening sign-ups: handlers only (the detail page is the "edit" view)."""

    access_permission = HANDLE_PERMISSION


class RegistrationButtonHelper(ButtonHelper):
    def edit_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().edit_button(pk, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_handle(self.request.user):
            button.update(label="Behandelen", title="Deze aanmelding bekijken en behandelen")
        else:
            button.update(label="Bekijken", title="Deze aanmelding bekijken")
        return button

    def delete_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().delete_button(pk, classnames_add, classnames_exclude)
        button.update(label="Verwijderen", title="Deze aanmelding verwijderen")
        return button


# --- list: filters and search -------------------------------------------------


class RoundFilter(ChoiceListFilter):
    title = "aanmeldmoment"
    parameter_name = "round"
    lookup = "round_id"

    def lookups(self, request, model_admin):
        return [(round_.pk, round_.title) for round_ in RegistrationRound.objects.order_by("-opens_at")]


class KindFilter(ChoiceListFilter):
    title = "soort"
    parameter_name = "kind"
    lookup = "kind"

    def lookups(self, request, model_admin):
        return list(Registration.KIND_SHORT_LABELS.items())


class WijkFilter(ChoiceListFilter):
    title = "wijk"
    parameter_name = "wijk"
    lookup = "wijk_id"

    def lookups(self, request, model_admin):
        return [(wijk.pk, wijk.name) for wijk in Wijk.objects.all()]


class StatusFilter(ChoiceListFilter):
    """Each status with its number of registrations within the other chosen filters."""

    title = "status"
    parameter_name = "status"
    lookup = "status"
    other_filters = (RoundFilter, KindFilter, WijkFilter)

    def lookups(self, request, model_admin):
        queryset = Registration.objects.all()
        for filter_class in self.other_filters:
            spec = filter_class(request, dict(request.GET.lists()), Registration, model_admin)
            queryset = spec.queryset(request, queryset)
        counts = queryset.count_per_status()
        return [(status, f"{label} ({counts.get(status, 0)})") for status, label in Registration.Status.choices]


# "BP-2026-00012" (also "bp-2026-12" or "2026-00012"): the reference number an applicant quotes.
REFERENCE_RE = re.compile(r"^(?:BP-?)?(\d{4})-(\d{1,9})$", re.IGNORECASE)
POSTCODE_RE = re.compile(r"^(\d{4})\s*([a-z]{2})$", re.IGNORECASE)


class RegistrationSearchHandler(DjangoORMSearchHandler):
    def search_queryset(self, queryset, search_term, **kwargs):
        term = (search_term or "").strip()
        if match := REFERENCE_RE.match(term):
            year, number = int(match[1]), int(match[2])
            wanted = f"BP-{year}-{number:05d}"
            return queryset.filter(pk__in=[r.pk for r in queryset.filter(pk=number) if r.reference == wanted])
        if match := POSTCODE_RE.match(term):
            term = f"{match[1]} {match[2].upper()}"
            return queryset.filter(postcode__iexact=term)
        return super().search_queryset(queryset, term, **kwargs)


class RegistrationIndexView(ForbiddenMixin, OwnFiltersOnlyMixin, IndexView):
    """The list; ``?export=csv`` or ``?export=xlsx`` downloads the filtered list."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        registrations = list(queryset.select_related("round", "wijk", "team"))
        header = [heading for _, heading in self.model_admin.export_columns]
        rows = [[export_value(r, field) for field, _ in self.model_admin.export_columns] for r in registrations]
        with transaction.atomic(), LogContext(user=self.request.user):
            for registration in registrations:
                log_registration(registration, EXPORT_ACTION, self.request.user, data={"format": spreadsheet_format})
        filename = f"aanmeldingen-{timezone.localdate():%Y-%m-%d}"
        if spreadsheet_format == self.FORMAT_XLSX:
            return xlsx_response(filename, header, rows, sheet_title="Aanmeldingen")
        return csv_response(filename, header, rows)


def log_registration(registration, action, user, data=None):
    """An audit-log entry labelled with the reference only: no personal data in the log."""
    return log(instance=registration, action=action, user=user, title=registration.reference, data=data or {})


# --- detail and handling ----------------------------------------------------


class StatusChangeForm(forms.Form):
    new_status = forms.ChoiceField(
        label="Nieuwe status",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de nieuwe status.",
            "invalid_choice": "Deze status kan nu niet: kies een van de statussen hieronder.",
        },
    )
    note = forms.CharField(
        label="Toelichting (optioneel)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Komt in de geschiedenis van deze aanmelding; de aanvrager ziet dit niet.",
    )
    send_mail = forms.BooleanField(label="Stuur de aanvrager de bijbehorende mail", required=False)
    personal_line = forms.CharField(
        label="Persoonlijke regel in de uitnodiging (optioneel)",
        required=False,
        max_length=PERSONAL_LINE_MAX,
        help_text=(
            "Bijvoorbeeld de datum en plaats van het gesprek. Komt in de uitnodigingsmail onder de tekst van "
            f"de aanmeldpagina (vink de mail aan); hoogstens {PERSONAL_LINE_MAX} tekens."
        ),
        error_messages={
            "max_length": "Houd de persoonlijke regel op hoogstens %(limit_value)d tekens (nu %(show_value)d)."
        },
    )

    # The status whose mail may carry a personal line: the invitation to the intake.
    PERSONAL_LINE_STATUS = Registration.Status.INVITED

    def __init__(self, *args, registration, mail_page, **kwargs):
        super().__init__(*args, **kwargs)
        self.registration = registration
        labels = dict(Registration.Status.choices)
        allowed = allowed_statuses(registration)
        self.fields["new_status"].choices = [(status, labels[status]) for status in allowed]
        # The mail can go only to an address we still have, with texts from a live page.
        self.mail_statuses = (
            [status for status in allowed if RegistrationPage.has_status_mail(status)]
            if mail_page is not None and registration.email
            else []
        )
        if not self.mail_statuses:
            del self.fields["send_mail"]
        else:
            self.fields["send_mail"].help_text = (
                "Alleen bij " + ", ".join(f"‘{labels[s]}’" for s in self.mail_statuses) + "."
            )
        if self.PERSONAL_LINE_STATUS not in self.mail_statuses:
            del self.fields["personal_line"]

    def clean_personal_line(self):
        return " ".join(self.cleaned_data["personal_line"].split())  # one line, as typed

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("personal_line") and not (
            self.wants_mail() and cleaned.get("new_status") == self.PERSONAL_LINE_STATUS
        ):
            self.add_error(
                "personal_line",
                "Een persoonlijke regel gaat alleen mee met de uitnodigingsmail: kies ‘Uitgenodigd voor intake’ "
                "en vink de mail aan, of maak dit veld leeg.",
            )
        return cleaned

    def wants_mail(self):
        return bool(self.cleaned_data.get("send_mail")) and self.cleaned_data.get("new_status") in self.mail_statuses

    def chosen_personal_line(self):
        return self.cleaned_data.get("personal_line", "")


class NotesForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["internal_notes"]
        widgets = {"internal_notes": forms.Textarea(attrs={"rows": 5})}


def allowed_statuses(registration):
    """The workflow's next statuses; none once the personal data is gone (nobody left to handle)."""
    if registration.personal_data_removed:
        return ()
    return registration.allowed_next_statuses()


def live_registration_page():
    """The page whose mail texts the status mails use."""
    return RegistrationPage.objects.live().order_by("path").first()


class RegistrationEditView(ForbiddenMixin, WMABaseView):
    """The detail page of one registration, with its handling forms (replaces modeladmin's edit form)."""

    template_name = "aanmelding/admin/registration_edit.html"
    instance_pk = None
    instance = None

    def __init__(self, model_admin, instance_pk):
        super().__init__(model_admin)
        self.instance_pk = instance_pk
        self.pk_quoted = quote(instance_pk)

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_see(user)

    def get_instance(self, for_update=False):
        # instance_pk is digits only (forms.admin.NumericIdURLHelper).
        queryset = Registration.objects.select_related("round", "wijk", "team")
        if for_update:
            queryset = queryset.select_for_update(of=("self",))
        return get_object_or_404(queryset, pk=self.instance_pk)

    @cached_property
    def edit_url(self):
        return self.url_helper.get_action_url("edit", self.pk_quoted)

    @cached_property
    def can_handle(self):
        return self.permission_helper.user_can_handle(self.request.user)

    @cached_property
    def mail_page(self):
        return live_registration_page()

    def get_page_title(self):
        return f"Aanmelding {self.instance.reference}"

    def get(self, request, *args, **kwargs):
        self.instance = self.get_instance()
        log_registration(self.instance, VIEW_ACTION, request.user)
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        if not self.can_handle:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "status":
            return self.change_status()
        if action == "notes":
            return self.save_notes()
        if action == "make_team":
            make_team_from_registration(self.request, self.instance_pk)
        elif action == "join_team":
            form = add_member_from_registration(self.request, self.instance_pk, self.request.POST)
            if form is not None:
                self.instance = self.get_instance()
                messages.error(self.request, "Niet toegevoegd. Bekijk de melding bij het formulier.")
                return self.render_to_response(self.get_context_data(join_form=form))
        return redirect(self.edit_url)

    def change_status(self):
        with transaction.atomic():
            self.instance = registration = self.get_instance(for_update=True)
            if not allowed_statuses(registration):
                messages.error(self.request, "De status van deze aanmelding kan niet meer veranderen.")
                return redirect(self.edit_url)
            form = StatusChangeForm(self.request.POST, registration=registration, mail_page=self.mail_page)
            if form.is_valid():
                old_status, new_status = registration.status, form.cleaned_data["new_status"]
                try:
                    change = registration.change_status(
                        new_status,
                        by=self.request.user,
                        note=form.cleaned_data["note"],
                        personal_line=form.chosen_personal_line(),
                    )
                except ValidationError as error:
                    form.add_error("new_status", error)
                else:
                    mailed = form.wants_mail()
                    if mailed:
                        change.attach_mail(queue_status_mail(registration, self.mail_page, form.chosen_personal_line()))
                    log_registration(
                        registration,
                        STATUS_ACTION,
                        self.request.user,
                        data={"from": old_status, "to": new_status, "mail": mailed},
                    )
                    message = f"De status van {registration.reference} is nu ‘{registration.get_status_display()}’."
                    if mailed:
                        message += f" De aanvrager krijgt een mail op {registration.email}."
                    messages.success(self.request, message)
                    return redirect(self.edit_url)
        messages.error(self.request, "De status is niet gewijzigd. Bekijk de melding bij het formulier.")
        return self.render_to_response(self.get_context_data(status_form=form))

    def save_notes(self):
        self.instance = registration = self.get_instance()
        if registration.personal_data_removed:
            messages.error(self.request, "De gegevens van deze aanmelding zijn verwijderd; notities kunnen niet meer.")
            return redirect(self.edit_url)
        form = NotesForm(self.request.POST, instance=registration)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(notes_form=form))
        if form.has_changed():
            with transaction.atomic():
                form.save()
                log_registration(registration, NOTES_ACTION, self.request.user)
            messages.success(self.request, "De interne notities zijn opgeslagen.")
        return redirect(self.edit_url)

    def team_context(self, registration, join_form=None):
        """The team this registration made or joined, or the action that makes or joins one."""
        user = self.request.user
        team_made = registration.team_made if hasattr(registration, "team_made") else None
        membership = registration.team_membership if hasattr(registration, "team_membership") else None
        context = {"team_made": team_made, "membership": membership}
        if self.can_handle and team_made is None and can_make_team(user, registration):
            context["can_make_team"] = True
        if self.can_handle and membership is None and can_join_team(user, registration):
            context["join_form"] = join_form or JoinTeamForm(registration=registration)
        for key, team in (("team_made_url", team_made), ("membership_url", membership and membership.team)):
            if team is not None:
                context[key] = reverse("aanmelding_team_modeladmin_edit", args=[team.pk])
        return context

    def get_context_data(self, status_form=None, notes_form=None, join_form=None, **kwargs):
        registration = self.instance
        answers = registration.motivation_answers()
        scale = dict(Registration._meta.get_field("statement_shared_responsibility").choices)
        scores = profile_scores(answers)
        if self.can_handle and status_form is None and allowed_statuses(registration):
            status_form = StatusChangeForm(registration=registration, mail_page=self.mail_page)
        if self.can_handle and notes_form is None and not registration.personal_data_removed:
            notes_form = NotesForm(instance=registration)
        labels = dict(Registration.Status.choices)
        mail_previews = []
        if status_form is not None and "send_mail" in status_form.fields:
            for status in status_form.mail_statuses:
                subject, paragraphs = self.mail_page.status_mail(status)
                mail_previews.append(
                    {
                        "status": labels[status],
                        "subject": subject,
                        "paragraphs": paragraphs,
                        "personal_line": status == StatusChangeForm.PERSONAL_LINE_STATUS
                        and "personal_line" in status_form.fields,
                    }
                )
        context = {
            "registration": registration,
            "motivation": [
                {"statement": text, "profile": PROFILE_LABELS[profile], "answer": scale.get(answers[name])}
                for name, profile, text in STATEMENTS
            ],
            "has_motivation": any(value for value in answers.values()),
            "profile_scores": [(PROFILE_LABELS[profile], score) for profile, score in scores.items()],
            "history": registration.status_changes.select_related("changed_by", "mail"),
            "can_handle": self.can_handle,
            "status_form": status_form,
            "notes_form": notes_form,
            # Wagtail's w-rules controller shows (and enables) the mail checkbox only for these statuses.
            "mail_rules": json.dumps({"new_status": status_form.mail_statuses if status_form is not None else []}),
            "personal_line_rules": json.dumps({"new_status": [StatusChangeForm.PERSONAL_LINE_STATUS]}),
            "mail_page": self.mail_page,
            "mail_previews": mail_previews,
            "history_url": self.url_helper.get_action_url("history", self.pk_quoted),
            "delete_url": (
                self.url_helper.get_action_url("delete", self.pk_quoted)
                if self.permission_helper.user_can_delete_obj(self.request.user, registration)
                else None
            ),
        }
        context.update(self.team_context(registration, join_form))
        context.update(kwargs)
        return super().get_context_data(**context)


class RegistrationHistoryView(ForbiddenMixin, DutchHistoryView):
    """Wagtail's audit history of one registration (views, exports, changes), for handlers only."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_see(user)

    def get_page_title(self):
        return f"Logboek van aanmelding {self.instance.reference}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.index_url, "label": "Aanmeldingen"},
            {"url": self.edit_url, "label": self.instance.reference},
            {"url": "", "label": "Logboek"},
        ]


class RegistrationDeleteView(ForbiddenMixin, DeleteView):
    """Deleting (superusers only) is logged with the reference, not the name."""

    def post(self, request, *args, **kwargs):
        reference = self.instance.reference
        try:
            with transaction.atomic():
                log_registration(self.instance, "wagtail.delete", request.user)
                self.instance.delete()
        except models.ProtectedError:
            return super().post(request, *args, **kwargs)
        messages.success(request, f"Aanmelding {reference} is verwijderd.")
        return redirect(self.index_url)


class RegistrationAdmin(ModelAdmin):
    """Handling registrations: list, filters, search, export, detail with workflow and history."""

    model = Registration
    url_helper_class = NumericIdURLHelper
    menu_label = "Aanmeldingen"
    menu_icon = "form"
    list_display = ["reference", "display_name", "kind_short", "wijk", "round", "status_label", "received"]
    list_filter = [RoundFilter, StatusFilter, KindFilter, WijkFilter]
    list_select_related = ["round", "wijk"]
    search_fields = ["name", "email", "postcode", "initiative_name"]
    ordering = ["-created_at"]
    inspect_view_enabled = False
    permission_helper_class = HandlerPermissionHelper
    button_helper_class = RegistrationButtonHelper
    search_handler_class = RegistrationSearchHandler
    index_view_class = RegistrationIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = RegistrationEditView
    history_view_class = RegistrationHistoryView
    delete_view_class = RegistrationDeleteView
    index_template_name = "aanmelding/admin/registration_index.html"
    # The export (CSV and XLSX, through forms.export): field or model helper, heading.
    # Internal notes and the motivation answers stay out.
    export_columns = [
        ("reference", "Referentie"),
        ("round", "Aanmeldmoment"),
        ("kind", "Soort"),
        ("status", "Status"),
        ("created_at", "Ontvangen op"),
        ("display_name", "Naam"),
        ("email", "E-mailadres"),
        ("phone", "Telefoonnummer"),
        ("postcode", "Postcode"),
        ("wijk", "Wijk"),
        ("initiative_name", "Naam team of groep"),
        ("team", "Gekozen team"),
        ("expected_members", "Verwacht aantal deelnemers"),
        ("availability_display", "Beschikbaarheid"),
        ("heard_via", "Gehoord via"),
    ]


# --- audit log actions ------------------------------------------------------


def register_log_actions(actions):
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""
    actions.register_action(VIEW_ACTION, "Aanmelding bekeken", "Gegevens van de aanmelding bekeken")
    actions.register_action(NOTES_ACTION, "Interne notities gewijzigd", "Interne notities gewijzigd")

    @actions.register_action(EXPORT_ACTION)
    class ExportFormatter(LogFormatter):
        label = "Aanmelding geëxporteerd"

        def format_message(self, log_entry):
            file_format = str(log_entry.data.get("format", "")).upper()
            return f"Opgenomen in een export ({file_format})" if file_format else "Opgenomen in een export"

    @actions.register_action(STATUS_ACTION)
    class StatusFormatter(LogFormatter):
        label = "Status van aanmelding gewijzigd"

        def format_message(self, log_entry):
            labels = dict(Registration.Status.choices)
            data = log_entry.data
            message = (
                f"Status gewijzigd van ‘{labels.get(data.get('from'), data.get('from'))}’ "
                f"naar ‘{labels.get(data.get('to'), data.get('to'))}’"
            )
            return message + (", met mail aan de aanvrager" if data.get("mail") else "")
