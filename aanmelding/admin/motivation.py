"""The anonymous totals of the motivation questionnaire, per week: a Wagtail report (Rapporten).

Who: whoever holds ``aanmelding.view_motivationweek`` (migration 0017 grants it to the groups
that run rounds and to those that handle registrations, found by those permissions), and
superusers. Others get the 403 page of ``forms.admin``. A report, not a modeladmin: the rows
are counts made by the questionnaire, nobody adds or edits them.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from forms.admin import forbidden

from ..models import MotivationWeek

VIEW_PERMISSION = "aanmelding.view_motivationweek"
URL_NAME = "aanmelding_motivation_weeks"
MENU_LABEL = "Motivatie per week"


def may_view(user):
    return user.is_active and user.has_perm(VIEW_PERMISSION)


class MotivationWeekReportView(ReportView):
    page_title = MENU_LABEL
    header_icon = "table"
    model = MotivationWeek
    index_url_name = URL_NAME
    index_results_url_name = f"{URL_NAME}_results"
    paginate_by = 52
    no_results_message = (
        "Er is nog geen vragenlijst ingevuld. Zodra iemand ‘Wat drijft jou?’ invult, "
        "zie je hier de totalen van die week."
    )
    columns = [
        Column("week_label", label="Week"),
        Column("questionnaires", label="Ingevuld"),
        Column("share_normative_display", label="Normatief"),
        Column("share_pragmatic_display", label="Pragmatisch"),
        Column("share_rational_display", label="Rationeel"),
        Column("firsts_display", label="Vaakst voorop (aantal keer)"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not may_view(request.user):
            return forbidden(request, VIEW_PERMISSION)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request, VIEW_PERMISSION)

    def get_queryset(self):
        return MotivationWeek.objects.order_by("-week_start")


class MotivationWeekMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view(request.user)


def urls():
    view = MotivationWeekReportView.as_view()
    results = MotivationWeekReportView.as_view(results_only=True)
    return [
        path("rapporten/motivatie/", view, name=URL_NAME),
        path("rapporten/motivatie/resultaten/", results, name=f"{URL_NAME}_results"),
    ]


def menu_item():
    return MotivationWeekMenuItem(
        MENU_LABEL, reverse(URL_NAME), name="motivatie-per-week", icon_name="table", order=1300
    )
