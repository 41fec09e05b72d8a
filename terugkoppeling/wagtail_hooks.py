from wagtail import hooks

from .models import TeamReportPage


@hooks.register("buurtpreventie_team_link_url")
def team_link_url(token):
    # aanmelding's team admin and mails (aanmelding.team_links) get the team page's address from here.
    page = TeamReportPage.live_page()
    if page is None:
        return None
    return page.full_url + page.reverse_subpage("team", args=[token])
