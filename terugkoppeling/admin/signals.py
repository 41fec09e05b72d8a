"""Meldingen openbare ruimte: the signals and their status workflow (wagtail-modeladmin).

Who: as for reports (``reports.SignalHandlerPermissionHelper``); changing a
status also needs the model's change permission (the group has it).

What: a list (date, category, street, team, wijk, status) with filters (team,
wijk, period, category, status with counts), search (street, description) and
a formula-safe export; a detail page with the report's context, the location
with house number, the history, and the status form: the allowed next
statuses, a required short response to the team, and for "doorgezet" the
category's department. Forwarding mails the department; every change mails
the team's coordinator (``terugkoppeling.mails.signals``), in the same
transaction.

Audit: every status change goes into Wagtail's audit log, labelled with the
signal's number and category only, with the old and new status: no free text,
no names, no house number.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.log_actions import LogFormatter, log
from wagtail_modeladmin.options import ModelAdmin

from forms.admin import ChoiceListFilter, ForbiddenCreateView, ForbiddenDeleteView, NumericIdURLHelper

from ..mails.signals import queue_forward_mail, queue_status_change_mail
from ..models import Signal, SignalDepartment, SignalStatusChange
from .filters import PeriodFilter, TeamFilter, WijkFilter
from .reports import DetailView, ExportIndexView, HandlerHistoryView, SignalHandlerPermissionHelper, ViewButtonHelper

STATUS_ACTION = "terugkoppeling.signal.status"
RESPONSE_MAX = SignalStatusChange._meta.get_field("response").max_length


def log_signal(signal, action, user, data=None):
    """An audit-log entry labelled with number and category only: no personal data, no free text."""
    return log(
        instance=signal,
        action=action,
        user=user,
        title=f"{signal.reference} ({signal.get_category_display()})",
        data=data or {},
    )


# --- list: filters -------------------------------------------------------------


class SignalTeamFilter(TeamFilter):
    lookup = "report__team_id"


class SignalWijkFilter(WijkFilter):
    lookup = "report__team__wijk_id"


class SignalPeriodFilter(PeriodFilter):
    date_field = "reported_on"


class CategoryFilter(ChoiceListFilter):
    title = "soort"
    parameter_name = "soort"
    lookup = "category"

    def lookups(self, request, model_admin):
        return Signal.Category.choices


class StatusFilter(ChoiceListFilter):
    """Each status with its number of signals within the other chosen filters."""

    title = "status"
    parameter_name = "status"
    lookup = "status"
    other_filters = (SignalTeamFilter, SignalWijkFilter, SignalPeriodFilter, CategoryFilter)

    def lookups(self, request, model_admin):
        queryset = Signal.objects.all()
        for filter_class in self.other_filters:
            spec = filter_class(request, dict(request.GET.lists()), Signal, model_admin)
            queryset = spec.queryset(request, queryset)
        counts = dict(queryset.order_by().values_list("status").annotate(total=Count("pk")))
        return [(status, f"{label} ({counts.get(status, 0)})") for status, label in Signal.Status.choices]


# --- detail and handling -----------------------------------------------------


class SignalStatusForm(forms.Form):
    new_status = forms.ChoiceField(
        label="Nieuwe status",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de nieuwe status.",
            "invalid_choice": "Deze status kan nu niet: kies een van de statussen hieronder.",
        },
    )
    response = forms.CharField(
        label="Reactie aan het team",
        max_length=RESPONSE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            "Kort en zonder namen. Het team ziet dit op de teampagina; de coördinator krijgt het per mail. "
            f"Hoogstens {RESPONSE_MAX} tekens."
        ),
        error_messages={
            "required": "Schrijf een korte reactie voor het team. Die zien ze op hun teampagina.",
            "max_length": "Houd de reactie op hoogstens %(limit_value)d tekens (nu %(show_value)d).",
        },
    )

    def __init__(self, *args, signal, department, **kwargs):
        super().__init__(*args, **kwargs)
        self.signal = signal
        self.department = department
        labels = dict(Signal.Status.choices)
        self.fields["new_status"].choices = [(status, labels[status]) for status in signal.allowed_next_statuses()]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_status") == Signal.Status.FORWARDED and not (
            self.department and self.department.can_receive
        ):
            self.add_error(
                "new_status",
                f"Doorzetten kan nog niet. Voor ‘{self.signal.get_category_display()}’ staat nog geen "
                "e-mailadres van een afdeling. Een redacteur vult dat in bij Meldingen, Afdelingen.",
            )
        return cleaned


class SignalDetailView(DetailView):
    template_name = "terugkoppeling/admin/signal_detail.html"

    def get_queryset(self):
        return Signal.objects.select_related("report__team__wijk")

    def get_page_title(self):
        return f"Melding {self.instance.reference}"

    @cached_property
    def can_handle(self):
        return self.permission_helper.user_can_handle(self.request.user)

    def department(self):
        return SignalDepartment.objects.filter(category=self.instance.category).first()

    def post(self, request, *args, **kwargs):
        if not self.can_handle:
            raise PermissionDenied
        with transaction.atomic():
            self.instance = signal = self.get_instance(for_update=True)
            if not signal.allowed_next_statuses():
                messages.error(request, "Deze melding is afgehandeld. De status kan niet meer veranderen.")
                return redirect(self.edit_url)
            department = self.department()
            form = SignalStatusForm(request.POST, signal=signal, department=department)
            if form.is_valid():
                old_status, new_status = signal.status, form.cleaned_data["new_status"]
                forwarding = new_status == Signal.Status.FORWARDED
                try:
                    change = signal.change_status(
                        new_status,
                        response=form.cleaned_data["response"],
                        by=request.user,
                        forwarded_to=(department.name or department.email)[:150] if forwarding else "",
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    if forwarding:
                        queue_forward_mail(signal, department)
                    queue_status_change_mail(signal, change)
                    log_signal(signal, STATUS_ACTION, request.user, data={"from": old_status, "to": new_status})
                    message = f"Melding {signal.reference} is nu ‘{signal.get_status_display()}’."
                    if forwarding:
                        message += f" De afdeling krijgt een mail op {department.email}."
                    messages.success(request, message + " De coördinator van het team krijgt een mail.")
                    return redirect(self.edit_url)
        messages.error(request, "De status is niet gewijzigd. Bekijk de melding bij het formulier.")
        return self.render_to_response(self.get_context_data(status_form=form))

    def get_context_data(self, status_form=None, **kwargs):
        signal = self.instance
        department = self.department()
        if self.can_handle and status_form is None and signal.allowed_next_statuses():
            status_form = SignalStatusForm(signal=signal, department=department)
        return super().get_context_data(
            signal=signal,
            report=signal.report,
            department=department,
            department_url=(
                reverse("terugkoppeling_signaldepartment_modeladmin_edit", args=[department.pk]) if department else ""
            ),
            can_forward=Signal.Status.FORWARDED in signal.allowed_next_statuses(),
            can_handle=self.can_handle,
            status_form=status_form,
            history=signal.status_changes.select_related("changed_by"),
            report_url=reverse("terugkoppeling_patrolreport_modeladmin_edit", args=[signal.report_id]),
            **kwargs,
        )


class SignalButtonHelper(ViewButtonHelper):
    handle_label = "Behandelen"


class SignalAdmin(ModelAdmin):
    model = Signal
    url_helper_class = NumericIdURLHelper
    permission_helper_class = SignalHandlerPermissionHelper
    button_helper_class = SignalButtonHelper
    menu_label = "Meldingen openbare ruimte"
    menu_icon = "warning"
    list_display = ["reference_display", "reported_on", "category", "street", "team", "wijk", "status"]
    list_filter = [SignalTeamFilter, SignalWijkFilter, SignalPeriodFilter, CategoryFilter, StatusFilter]
    list_select_related = ["report__team__wijk"]
    search_fields = ["street", "description"]
    inspect_view_enabled = False
    index_view_class = ExportIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = SignalDetailView
    delete_view_class = ForbiddenDeleteView
    history_view_class = HandlerHistoryView
    index_template_name = "terugkoppeling/admin/export_index.html"
    export_filename = "meldingen-openbare-ruimte"
    export_columns = [
        ("Nummer", lambda s: s.reference),
        ("Datum van de ronde", lambda s: s.reported_on),
        ("Soort", lambda s: s.get_category_display()),
        ("Straat", lambda s: s.street),
        ("Bij huisnummer", lambda s: s.house_number),
        ("Plek (omschrijving)", lambda s: s.location_description),
        ("Wat is er aan de hand", lambda s: s.description),
        ("Team", lambda s: s.report.team.name),
        ("Wijk", lambda s: s.report.team.wijk.name),
        ("Status", lambda s: s.get_status_display()),
        ("Doorgezet naar", lambda s: s.forwarded_to),
        ("Doorgezet op", lambda s: s.forwarded_at),
        ("Afgehandeld op", lambda s: s.closed_at),
        ("Dagen tot oplossing", lambda s: s.days_to_solution),
    ]

    def export_queryset(self, queryset):
        return queryset.select_related("report__team__wijk")

    def reference_display(self, signal):
        return signal.reference

    reference_display.short_description = "Nummer"

    def team(self, signal):
        return signal.report.team.name

    team.short_description = "Team"

    def wijk(self, signal):
        return signal.report.team.wijk.name

    wijk.short_description = "Wijk"


# --- audit log actions ------------------------------------------------------


def register_log_actions(actions):
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""

    @actions.register_action(STATUS_ACTION)
    class StatusFormatter(LogFormatter):
        label = "Status van melding gewijzigd"

        def format_message(self, log_entry):
            labels = dict(Signal.Status.choices)
            data = log_entry.data
            return (
                f"Status gewijzigd van ‘{labels.get(data.get('from'), data.get('from'))}’ "
                f"naar ‘{labels.get(data.get('to'), data.get('to'))}’"
            )
