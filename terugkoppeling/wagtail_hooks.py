from wagtail import hooks
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from .admin import departments, reports, signals
from .models import TeamReportPage


@hooks.register("buurtpreventie_team_link_url")
def team_link_url(token):
    # aanmelding's team admin and mails (aanmelding.team_links) get the team page's address from here.
    page = TeamReportPage.live_page()
    if page is None:
        return None
    return page.full_url + page.reverse_subpage("team", args=[token])


class MeldingenGroup(ModelAdminGroup):
    # Reports and signals: handlers only; departments: editors set them, handlers look.
    menu_label = "Meldingen"
    menu_icon = "warning"
    menu_order = 210
    items = [reports.PatrolReportAdmin, signals.SignalAdmin, departments.SignalDepartmentAdmin]


modeladmin_register(MeldingenGroup)


@hooks.register("register_log_actions")
def register_signal_log_actions(actions):
    signals.register_log_actions(actions)
