"""The admin for sign-ups to information evenings (wagtail-modeladmin).

Who: the same rule as for registrations (``aanmelding.handle_registrations``
and the model permission, or a superuser); the rest get a 403, also when
typing a URL.

What: a list per evening with filters (kind of meeting, evening, status with counts), a
summary of seats taken, left and waiting, a formula-safe CSV/XLSX export
through ``forms.export``, a printable attendance list, and cancelling a
sign-up for a resident who phones in (which moves up the waitlist, as the
resident's own cancel link does).
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.log_actions import LogFormatter, log
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, WMABaseView

from forms.admin import (
    ChoiceListFilter,
    ForbiddenCreateView,
    ForbiddenDeleteView,
    ForbiddenEditView,
    ForbiddenMixin,
    InstanceActionView,
    NumericIdURLHelper,
    OwnFiltersOnlyMixin,
    export_value,
)
from forms.export import csv_response, xlsx_response

from .. import seats
from ..models import EveningSignup, InfoEveningPage
from .registrations import HandlerPermissionHelper

# Logged on the evening page (its history in the page editor), with counts only: no personal data.
EXPORT_ACTION = "aanmelding.eveningsignup.export"
ATTENDANCE_ACTION = "aanmelding.eveningsignup.attendance"
CANCEL_ACTION = "aanmelding.eveningsignup.cancel"


class EveningSignupPermissionHelper(HandlerPermissionHelper):
    """As for registrations; sign-ups come from the public form and are never edited, only cancelled."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False  # deleting would free seats without moving up the waitlist: cancel instead

    def user_can_cancel_obj(self, user, obj):
        return self.user_can_handle(user) and not obj.is_cancelled


class KindFilter(ChoiceListFilter):
    """Information evenings or interim evaluations (tussenevaluaties)."""

    title = "soort bijeenkomst"
    parameter_name = "kind"
    lookup = "evening__kind"

    def lookups(self, request, model_admin):
        return InfoEveningPage.Kind.choices


class EveningFilter(ChoiceListFilter):
    title = "bijeenkomst"
    parameter_name = "evening"
    lookup = "evening_id"

    def lookups(self, request, model_admin):
        evenings = InfoEveningPage.objects.order_by("-starts_at").only("pk", "title", "starts_at", "kind")
        return [(evening.pk, evening.label()) for evening in evenings]


class EveningStatusFilter(ChoiceListFilter):
    """Each status with its number of sign-ups (and persons) within the chosen evening."""

    title = "status"
    parameter_name = "status"
    lookup = "status"

    def lookups(self, request, model_admin):
        params = dict(request.GET.lists())
        queryset = EveningSignup.objects.all()
        for narrowing in (KindFilter, EveningFilter):
            queryset = narrowing(request, dict(params), EveningSignup, model_admin).queryset(request, queryset)
        counts = {
            status: (parties, persons)
            for status, parties, persons in queryset.order_by()
            .values_list("status")
            .annotate(parties=Count("pk"), persons=Sum("persons"))
        }
        choices = []
        for status, label in EveningSignup.Status.choices:
            parties, persons = counts.get(status, (0, 0))
            choices.append((status, f"{label} ({parties} aanmelding{'en' if parties != 1 else ''}, {persons} pers.)"))
        return choices


class EveningSignupButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_cancel_obj(self.request.user, obj):
            buttons.insert(
                0,
                {
                    "url": self.url_helper.get_action_url("cancel", quote(obj.pk)),
                    "label": "Annuleren",
                    "classname": "button button-secondary button-small",
                    "title": f"De aanmelding van {obj.name} annuleren",
                },
            )
        return buttons


class EveningSignupIndexView(ForbiddenMixin, OwnFiltersOnlyMixin, IndexView):
    """The list; the chosen evening gets a seat summary and its attendance list; ``?export=`` downloads."""

    @cached_property
    def chosen_evening(self):
        evening_filter = EveningFilter(self.request, dict(self.request.GET.lists()), EveningSignup, self.model_admin)
        value = evening_filter.value()
        return InfoEveningPage.objects.filter(pk=value).first() if value else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        evening = self.chosen_evening
        if evening is not None:
            context["evening"] = evening
            context["evening_label"] = evening.label()
            context["summary"] = evening.seat_summary()
            context["attendance_url"] = self.url_helper.get_action_url("attendance", evening.pk)
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        columns = self.model_admin.export_columns
        header = [heading for _, heading in columns]
        signups = list(queryset.select_related("evening"))
        rows = [[export_value(signup, field) for field, _ in columns] for signup in signups]
        per_evening = {}
        for signup in signups:
            per_evening.setdefault(signup.evening_id, [signup.evening, 0])[1] += 1
        for evening, count in per_evening.values():
            log(evening, EXPORT_ACTION, user=self.request.user, data={"format": spreadsheet_format, "count": count})
        filename = "aanmeldingen-informatiebijeenkomst"
        if self.chosen_evening is not None:
            filename += f"-{timezone.localtime(self.chosen_evening.starts_at):%Y-%m-%d}"
        if spreadsheet_format == self.FORMAT_XLSX:
            return xlsx_response(filename, header, rows, sheet_title="Aanmeldingen")
        return csv_response(filename, header, rows)


class AttendanceListView(ForbiddenMixin, WMABaseView):
    """A printable list of who is coming (and who waits), for at the door."""

    template_name = "aanmelding/admin/attendance_list.html"
    evening_pk = None

    def __init__(self, model_admin, evening_pk):
        super().__init__(model_admin)
        self.evening_pk = evening_pk

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_see(user)

    def get(self, request, *args, **kwargs):
        evening = get_object_or_404(InfoEveningPage, pk=self.evening_pk)
        signups = evening.signups.exclude(status=EveningSignup.Status.CANCELLED).order_by("name", "pk")
        context = {
            "evening": evening,
            "confirmed": [s for s in signups if s.is_confirmed],
            "waitlisted": sorted((s for s in signups if s.is_waitlisted), key=lambda s: (s.created_at, s.pk)),
            "summary": evening.seat_summary(),
            "printed_at": timezone.localtime(),
            "back_url": f"{self.url_helper.index_url}?evening={evening.pk}",
        }
        log(evening, ATTENDANCE_ACTION, user=request.user, data={"count": len(signups)})
        return TemplateResponse(request, self.template_name, context)


class CancelSignupAdminView(InstanceActionView):
    """A handler cancels for a resident: a confirmation page, then cancel() on POST."""

    template_name = "aanmelding/admin/evening_signup_cancel.html"

    @cached_property
    def signup(self):
        return get_object_or_404(EveningSignup.objects.select_related("evening"), pk=self.instance_pk)

    def already_cancelled(self, request):
        messages.info(request, f"De aanmelding van {self.signup.name} was al geannuleerd.")
        return redirect(self.back_url)

    @property
    def back_url(self):
        return f"{self.url_helper.index_url}?evening={self.signup.evening_id}"

    def get(self, request, *args, **kwargs):
        if self.signup.is_cancelled:
            return self.already_cancelled(request)
        signup = self.signup
        context = {"signup": signup, "evening_label": signup.evening.label(), "back_url": self.back_url}
        return TemplateResponse(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        signup = self.signup
        if signup.is_cancelled:
            return self.already_cancelled(request)
        promoted = seats.cancel(signup)
        log(signup.evening, CANCEL_ACTION, user=request.user, data={"promoted": len(promoted)})
        text = f"De aanmelding van {signup.name} is geannuleerd; de bewoner krijgt een mail."
        if promoted:
            names = ", ".join(moved.name for moved in promoted)
            text += f" Van de wachtlijst doorgeschoven: {names}."
        messages.success(request, text)
        return redirect(self.back_url)


class EveningSignupAdmin(ModelAdmin):
    """Sign-ups per information evening or interim evaluation: list, seats, attendance list, export, cancel."""

    model = EveningSignup
    url_helper_class = NumericIdURLHelper
    menu_label = "Informatiebijeenkomsten"
    menu_icon = "group"
    # The evening's label names its kind; a kind column would push the list past 1280 px (the export has it).
    list_display = ["name", "persons", "status", "evening", "created_at", "remark"]
    list_filter = [KindFilter, EveningFilter, EveningStatusFilter]
    list_select_related = ["evening"]
    search_fields = ["name", "email"]
    ordering = ["-evening__starts_at", "created_at"]
    inspect_view_enabled = False
    history_view_enabled = False
    permission_helper_class = EveningSignupPermissionHelper
    button_helper_class = EveningSignupButtonHelper
    index_view_class = EveningSignupIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = ForbiddenEditView
    delete_view_class = ForbiddenDeleteView
    index_template_name = "aanmelding/admin/evening_signup_index.html"
    export_columns = [
        ("evening", "Bijeenkomst"),
        ("meeting_kind", "Soort bijeenkomst"),
        ("status", "Status"),
        ("name", "Naam"),
        ("email", "E-mailadres"),
        ("persons", "Aantal personen"),
        ("remark", "Vraag of opmerking"),
        ("created_at", "Aangemeld op"),
        ("cancelled_at", "Geannuleerd op"),
    ]

    def get_list_display(self, request):
        # With one evening chosen, its name in every row is noise.
        if request.GET.get(EveningFilter.parameter_name):
            return [column for column in self.list_display if column != "evening"]
        return self.list_display

    def attendance_view(self, request, instance_pk):
        return AttendanceListView.as_view(model_admin=self, evening_pk=instance_pk)(request)

    def cancel_view(self, request, instance_pk):
        return CancelSignupAdminView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        helper = self.url_helper
        return super().get_admin_urls_for_registration() + tuple(
            re_path(helper.get_action_url_pattern(action), view, name=helper.get_action_url_name(action))
            for action, view in (("attendance", self.attendance_view), ("cancel", self.cancel_view))
        )


def register_log_actions(actions):
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""
    actions.register_action(ATTENDANCE_ACTION, "Presentielijst geopend", "Presentielijst geopend")
    actions.register_action(CANCEL_ACTION, "Aanmelding geannuleerd", "Een aanmelding geannuleerd in het beheer")

    @actions.register_action(EXPORT_ACTION)
    class ExportFormatter(LogFormatter):
        label = "Aanmeldingen geëxporteerd"

        def format_message(self, log_entry):
            data = log_entry.data
            return f"{data.get('count', '?')} aanmeldingen geëxporteerd ({str(data.get('format', '')).upper()})"
