from django.contrib import messages
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from . import dashboard, dossier_links
from . import newsletter_agenda as agenda
from .admin import evenings, motivation, registrations, rounds, teams
from .models import InfoEveningPage, Wijk


class AanmeldingGroup(ModelAdminGroup):
    menu_label = "Aanmelding"
    menu_icon = "form"
    menu_order = 200
    items = [
        registrations.RegistrationAdmin,
        teams.TeamAdmin,
        evenings.EveningSignupAdmin,
        rounds.RegistrationRoundAdmin,
        rounds.WijkAdmin,
        rounds.RoundAlertAdmin,
    ]


modeladmin_register(AanmeldingGroup)


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    registrations.register_log_actions(actions)
    evenings.register_log_actions(actions)
    teams.register_log_actions(actions)


@hooks.register("after_publish_page")
def say_when_evening_signup_opens_at_once(request, page):
    if isinstance(page, InfoEveningPage) and (notice := page.signup_opens_at_once_notice()):
        messages.warning(request, notice)


@hooks.register("construct_homepage_panels")
def add_aanmelding_panels(request, panels):
    dashboard.add_panels(request, panels)


@hooks.register("buurtpreventie_wijk_names")
def wijk_names():
    # The newsletter (nieuwsbrief.hooks) offers the same wijken without importing this app.
    return list(Wijk.objects.values_list("name", flat=True))


@hooks.register("buurtpreventie_newsletter_agenda")
def newsletter_agenda(now):
    # The newsletter's agenda block (nieuwsbrief.hooks) lists coming rounds and evenings.
    return agenda.newsletter_agenda(now)


@hooks.register("buurtpreventie_registration_links")
def registration_links(request, now):
    # The dossier's block 'Aanmelden' (dossier.blocks) shows the registration page and the next evening.
    return dossier_links.registration_links(request, now)


@hooks.register("buurtpreventie_evaluation_meetings")
def evaluation_meetings(request, now):
    # The dossier's block 'Komende tussenevaluaties' (dossier.blocks) lists them.
    return dossier_links.evaluation_meetings(request, now)


@hooks.register("register_admin_urls")
def motivation_report_urls():
    return motivation.urls()


@hooks.register("register_reports_menu_item")
def motivation_report_menu_item():
    # The questionnaire's anonymous weekly totals, under Rapporten (see aanmelding/admin/motivation.py).
    return motivation.menu_item()
