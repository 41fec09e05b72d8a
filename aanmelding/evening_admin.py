"""The admin for sign-ups to information evenings (wagtail-modeladmin).

Who: the same rule as for registrations (admin_views.is_handler): superusers
and members of "Behandelaars buurtpreventie" with the model permission; the
rest get a 403, also when typing a URL.

What: a list per evening with filters (evening, status with counts), a
summary of seats taken, left and waiting, a formula-safe CSV/XLSX export
through ``forms.export``, a printable attendance list, and cancelling a
sign-up for a resident who phones in (which moves up the waitlist, as the
resident's own cancel link does).
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from wagtail.log_actions import LogFormatter, log
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.views import IndexView, WMABaseView

from forms.export import csv_response, xlsx_response

from .admin_views import (
    ChoiceListFilter,
    ForbiddenMixin,
    OwnFiltersOnlyMixin,
    RegistrationPermissionHelper,
    export_value,
)
from .models import EveningSignup, InfoEveningPage

# Logged on the evening page (its history in the page editor), with counts only: no personal data.
EXPORT_ACTION = "aanmelding.eveningsignup.export"
ATTENDANCE_ACTION = "aanmelding.eveningsignup.attendance"
CANCEL_ACTION = "aanmelding.eveningsignup.cancel"


def evening_label(evening):
    return f"{evening.title} ({date_format(timezone.localtime(evening.starts_at), 'j F Y')})"


def seat_summary(evening):
    """Counts for one evening in one query: seats taken, parties and persons per status."""
    counts = evening.signups.aggregate(
        confirmed=Count("pk", filter=Q(status=EveningSignup.CONFIRMED)),
        seats=Sum("persons", filter=Q(status=EveningSignup.CONFIRMED), default=0),
        waitlisted=Count("pk", filter=Q(status=EveningSignup.WAITLISTED)),
        waitlisted_persons=Sum("persons", filter=Q(status=EveningSignup.WAITLISTED), default=0),
        cancelled=Count("pk", filter=Q(status=EveningSignup.CANCELLED)),
    )
    counts["capacity"] = evening.capacity
    counts["seats_left"] = max(evening.capacity - counts["seats"], 0)
    return counts


class EveningSignupPermissionHelper(RegistrationPermissionHelper):
    """As for registrations; sign-ups come from the public form and are never edited, only cancelled."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False  # deleting would free seats without moving up the waitlist: cancel instead

    def user_can_cancel_obj(self, user, obj):
        return self.user_can_handle(user) and not obj.is_cancelled


class EveningFilter(ChoiceListFilter):
    title = "informatiebijeenkomst"
    parameter_name = "evening"
    lookup = "evening_id"

    def lookups(self, request, model_admin):
        evenings = InfoEveningPage.objects.order_by("-starts_at").only("pk", "title", "starts_at")
        return [(evening.pk, evening_label(evening)) for evening in evenings]


class EveningStatusFilter(ChoiceListFilter):
    """Each status with its number of sign-ups (and persons) within the chosen evening."""

    title = "status"
    parameter_name = "status"
    lookup = "status"

    def lookups(self, request, model_admin):
        evening_filter = EveningFilter(request, dict(request.GET.lists()), EveningSignup, model_admin)
        queryset = evening_filter.queryset(request, EveningSignup.objects.all())
        counts = {
            status: (parties, persons)
            for status, parties, persons in queryset.order_by()
            .values_list("status")
            .annotate(parties=Count("pk"), persons=Sum("persons"))
        }
        choices = []
        for status, label in EveningSignup.STATUS_CHOICES:
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
            context["evening_label"] = evening_label(evening)
            context["summary"] = seat_summary(evening)
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
        signups = evening.signups.exclude(status=EveningSignup.CANCELLED).order_by("name", "pk")
        context = {
            "evening": evening,
            "confirmed": [s for s in signups if s.is_confirmed],
            "waitlisted": sorted((s for s in signups if s.is_waitlisted), key=lambda s: (s.created_at, s.pk)),
            "summary": seat_summary(evening),
            "printed_at": timezone.localtime(),
            "back_url": f"{self.url_helper.index_url}?evening={evening.pk}",
        }
        log(evening, ATTENDANCE_ACTION, user=request.user, data={"count": len(signups)})
        return TemplateResponse(request, self.template_name, context)


class CancelSignupAdminView(ForbiddenMixin, WMABaseView):
    """A handler cancels for a resident: a confirmation page, then cancel() on POST."""

    template_name = "aanmelding/admin/evening_signup_cancel.html"
    instance_pk = None

    def __init__(self, model_admin, instance_pk):
        super().__init__(model_admin)
        self.instance_pk = instance_pk

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_handle(user)

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
        context = {"signup": signup, "evening_label": evening_label(signup.evening), "back_url": self.back_url}
        return TemplateResponse(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        signup = self.signup
        if signup.is_cancelled:
            return self.already_cancelled(request)
        promoted = signup.cancel()
        log(signup.evening, CANCEL_ACTION, user=request.user, data={"promoted": len(promoted)})
        text = f"De aanmelding van {signup.name} is geannuleerd; de bewoner krijgt een mail."
        if promoted:
            names = ", ".join(moved.name for moved in promoted)
            text += f" Van de wachtlijst doorgeschoven: {names}."
        messages.success(request, text)
        return redirect(self.back_url)


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
