"""Verslagen: the patrol reports, read-only (wagtail-modeladmin).

Who: whoever holds ``terugkoppeling.handle_signals`` (the group "Behandelaars
meldingen", migration 0002) and the model's view permission, and superusers;
everyone else gets a 403 page, also for a typed URL (``forms.admin``). Nobody
adds, edits or deletes a report here: teams file them through their team link.

What: a list (date, time, team, wijk, quiet round, number of matters) with
filters (team, wijk, period, quiet), search (route, what was noticed), an
export of the filtered list through ``forms.export`` (formula-safe) and a
detail page with all answers and the report's signals.
"""

from django.contrib.admin.utils import quote
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, WMABaseView

from forms.admin import (
    ChoiceListFilter,
    DutchHistoryView,
    ForbiddenCreateView,
    ForbiddenDeleteView,
    ForbiddenMixin,
    NumericIdURLHelper,
    OwnFiltersOnlyMixin,
    PersonalDataPermissionHelper,
)
from forms.export import csv_response, xlsx_response

from ..models import PatrolReport
from ..permissions import HANDLE_SIGNALS_PERMISSION
from .filters import PeriodFilter, TeamFilter, WijkFilter


class SignalHandlerPermissionHelper(PersonalDataPermissionHelper):
    """Reports and signals: handlers only. Nobody adds (teams file them) or deletes (the figures count them)."""

    access_permission = HANDLE_SIGNALS_PERMISSION

    def user_can_delete_obj(self, user, obj):
        return False


class ViewButtonHelper(ButtonHelper):
    """The row's button opens the detail page: ``handle_label`` for who may act there, else "Bekijken"."""

    handle_label = None

    def edit_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().edit_button(pk, classnames_add, classnames_exclude)
        if self.handle_label and self.permission_helper.user_can_handle(self.request.user):
            button.update(label=self.handle_label, title="Bekijken en behandelen")
        else:
            button.update(label="Bekijken", title="Bekijken")
        return button


class QuietFilter(ChoiceListFilter):
    title = "rustige ronde"
    parameter_name = "rustig"
    lookup = "is_quiet"

    def lookups(self, request, model_admin):
        return [("1", "Rustige ronde"), ("0", "Niet rustig")]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(is_quiet=value == "1") if value else queryset


class ExportIndexView(ForbiddenMixin, OwnFiltersOnlyMixin, IndexView):
    """The list; ``?export=csv`` or ``?export=xlsx`` downloads the filtered, searched list.

    The model admin names its columns in ``export_columns``: ``(heading, function of a row)``.
    """

    def as_spreadsheet(self, queryset, spreadsheet_format):
        columns = self.model_admin.export_columns
        header = [heading for heading, _ in columns]
        rows = [[value(item) for _, value in columns] for item in self.model_admin.export_queryset(queryset)]
        filename = f"{self.model_admin.export_filename}-{timezone.localdate():%Y-%m-%d}"
        if spreadsheet_format == self.FORMAT_XLSX:
            return xlsx_response(filename, header, rows, sheet_title=self.model_admin.menu_label)
        return csv_response(filename, header, rows)


class DetailView(ForbiddenMixin, WMABaseView):
    """The read-only detail page of one row (modeladmin's "edit" URL); subclasses add handling."""

    instance_pk = None
    instance = None

    def __init__(self, model_admin, instance_pk):
        super().__init__(model_admin)
        self.instance_pk = instance_pk
        self.pk_quoted = quote(instance_pk)

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_see(user)

    def get_queryset(self):
        return self.model._default_manager.all()

    def get_instance(self, for_update=False):
        queryset = self.get_queryset()
        if for_update:
            queryset = queryset.select_for_update(of=("self",))
        return get_object_or_404(queryset, pk=self.instance_pk)  # digits only: NumericIdURLHelper

    @cached_property
    def edit_url(self):
        return self.url_helper.get_action_url("edit", self.pk_quoted)

    @cached_property
    def history_url(self):
        return self.url_helper.get_action_url("history", self.pk_quoted)

    def get(self, request, *args, **kwargs):
        self.instance = self.get_instance()
        return self.render_to_response(self.get_context_data())


class ReportDetailView(DetailView):
    template_name = "terugkoppeling/admin/report_detail.html"

    def get_queryset(self):
        return PatrolReport.objects.select_related("team__wijk").prefetch_related("walkers", "signals")

    def get_page_title(self):
        return str(self.instance)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            report=self.instance,
            signals=list(self.instance.signals.all()),
            **kwargs,
        )


class HandlerHistoryView(ForbiddenMixin, DutchHistoryView):
    """Wagtail's audit history of one row, for handlers only."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_see(user)


def time_span(report):
    return f"{report.start_time:%H:%M}–{report.end_time:%H:%M}"


def yes_no(value):
    return {True: "ja", False: "nee"}.get(value, "")


class PatrolReportAdmin(ModelAdmin):
    model = PatrolReport
    url_helper_class = NumericIdURLHelper
    permission_helper_class = SignalHandlerPermissionHelper
    button_helper_class = ViewButtonHelper
    menu_label = "Verslagen"
    menu_icon = "doc-full"
    list_display = ["walked_on", "time_span_display", "team", "wijk", "quiet_display", "signal_count"]
    list_filter = [TeamFilter, WijkFilter, PeriodFilter, QuietFilter]
    list_select_related = ["team__wijk"]
    search_fields = ["route", "noticed"]
    inspect_view_enabled = False
    index_view_class = ExportIndexView
    create_view_class = ForbiddenCreateView
    edit_view_class = ReportDetailView
    delete_view_class = ForbiddenDeleteView
    history_view_class = HandlerHistoryView
    index_template_name = "terugkoppeling/admin/export_index.html"
    export_filename = "verslagen"
    export_columns = [
        ("Datum", lambda r: r.walked_on),
        ("Begintijd", lambda r: f"{r.start_time:%H:%M}"),
        ("Eindtijd", lambda r: f"{r.end_time:%H:%M}"),
        ("Team", lambda r: r.team.name),
        ("Wijk", lambda r: r.team.wijk.name),
        ("Rustige ronde", lambda r: r.is_quiet),
        ("Route", lambda r: r.route),
        ("Waar gelopen", lambda r: r.get_area_display()),
        ("Aantal lopers", lambda r: r.walker_count),
        ("Viel er iets op", lambda r: yes_no(r.noticed_something)),
        ("Wat viel op", lambda r: r.noticed),
        ("Bewoners gesproken", lambda r: yes_no(r.spoke_with_residents)),
        ("Waarover en hoe ging het", lambda r: r.conversations),
        ("Waar letten jullie op", lambda r: r.attention_display()),
        ("Meldingen openbare ruimte", lambda r: r.signal_total),
        ("Ingestuurd op", lambda r: r.created_at),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(signal_total=Count("signals"))

    def export_queryset(self, queryset):
        return queryset.select_related("team__wijk")

    def time_span_display(self, report):
        return time_span(report)

    time_span_display.short_description = "Tijd"

    def wijk(self, report):
        return report.team.wijk.name

    wijk.short_description = "Wijk"

    def quiet_display(self, report):
        return "Rustig" if report.is_quiet else "—"

    quiet_display.short_description = "Rustige ronde"

    def signal_count(self, report):
        return report.signal_total

    signal_count.short_description = "Meldingen"
    signal_count.admin_order_field = "signal_total"
