"""Every page type and every form state runs under the Content-Security-Policy (issue #14, part 2).

Chromium enforces the policy the site sends; ``open_page`` (conftest.py) collects every violation
it reports, in the console and as ``securitypolicyviolation`` events, and fails the test on any.
So do all other browser tests; this one walks the whole site on purpose: every page in the
sitemap, search, not found, the pages behind personal links, each public form sent back with
errors; then, logged in, the public pages with Wagtail's userbar and the admin pages editors and
handlers use (page editor with its preview and choosers, lists, reports, the attendance list).
One browser context per visitor, reused from page to page, to keep it fast.
"""

from urllib.parse import urlparse

import pytest
from django.test import Client
from wagtail.models import Page

from aanmelding.models import InfoEveningPage, Registration, Team
from nieuwsbrief import links
from nieuwsbrief.models import Subscriber
from terugkoppeling.models import TeamReportPage
from tests.browser.test_site import sitemap_paths

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("instant_forms")]

STRICT_SCRIPT_SRC = "script-src 'self';"


def visit(page, live_server, csp_violations, path):
    """Open ``path`` and wait until its scripts have run; fail at once on a violation there."""
    response = page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    assert not csp_violations, f"{path}:\n" + "\n".join(csp_violations)
    return response


def send_back_empty(page, csp_violations, path):
    """Send the page's first form with what it holds now: its state with errors. False if there is none."""
    form = page.locator("main form[method='post']").first
    if not form.count():
        return False
    # The last button sends it (the patrol report's first one adds a row).
    form.locator("button[type='submit'], input[type='submit'], button:not([type])").last.click()
    page.wait_for_load_state("networkidle")
    assert not csp_violations, f"{path}, sent back:\n" + "\n".join(csp_violations)
    return True


def personal_link_paths():
    """Pages residents reach through a link of their own: a team's report form, a subscriber's page."""
    team = Team.objects.filter(is_active=True).first()
    report_page = TeamReportPage.live_page()
    subscriber = Subscriber.objects.active().first()
    return [
        report_page.url + report_page.reverse_subpage("team", args=[team.new_link_token()]),
        urlparse(links.manage_url(subscriber)).path,
        urlparse(links.confirm_url(subscriber)).path,
    ]


def test_every_public_page_and_form_with_errors_runs_under_the_strict_policy(
    demo_site, open_page, live_server, csp_violations
):
    paths = sitemap_paths(Client())
    assert len(paths) >= 15
    extra = ["/zoeken/?q=buurtpreventie", "/zoeken/?q=zzzqqq", "/bestaat-niet/"]
    page, _ = open_page("/")
    forms_sent = 0
    team_report, *subscriber_pages = personal_link_paths()
    for path in [*paths, *extra, team_report, *subscriber_pages]:
        response = visit(page, live_server, csp_violations, path)
        assert STRICT_SCRIPT_SRC in response.headers["content-security-policy"] + ";", path
        # A subscriber's own pages act on the first button (confirm, save); they are only opened.
        if path not in subscriber_pages and send_back_empty(page, csp_violations, path):
            forms_sent += 1
            assert page.locator("[aria-invalid='true'], .error-summary, [role='alert']").count(), (
                f"{path}: the form shows no errors"
            )
    # Registration, evening sign-up, motivation, newsletter, practice example, patrol report, form pages.
    assert forms_sent >= 7


def test_the_listener_catches_a_violation(demo_site, open_page, csp_violations):
    """Without this, a listener that heard nothing would pass every page."""
    page, _ = open_page("/")
    page.evaluate("document.body.append(Object.assign(document.createElement('script'), {textContent: '1'}))")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_timeout(300)
    caught = list(csp_violations)
    csp_violations.clear()  # expected here; the fixture fails a test on any that are left
    assert any("script-src" in line for line in caught), caught
    assert any("style-src" in line for line in caught), caught


def admin_paths_for_editors():
    """The page editor of every page type (StreamField, Draftail, choosers), with the public pages."""
    editors, public = [], []
    seen = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        editors.append(f"/admin/pages/{page.pk}/edit/")
        public.append(page.url)
    return editors, public


def open_side_panel(toggle):
    """Click a side-panel toggle until the editor's script has opened the panel.

    Under load the first click can come before the script is ready to handle it, and it is then lost.
    """
    from playwright.sync_api import expect

    for _ in range(3):
        toggle.click()
        try:
            expect(toggle).to_have_attribute("aria-expanded", "true", timeout=5_000)
            return
        except AssertionError:
            continue
    expect(toggle).to_have_attribute("aria-expanded", "true")


def test_the_admin_and_the_userbar_run_under_their_policies(demo_site, demo_admin, live_server, csp_violations):
    page = demo_admin("redacteur")
    editors, public = admin_paths_for_editors()
    assert len(editors) >= 10
    for path in ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/formulieren/"]:
        visit(page, live_server, csp_violations, path)
    for path in public:
        visit(page, live_server, csp_violations, path)
        # Logged in: Wagtail's userbar, with its own scripts and styles, under the public policy.
        assert page.locator("wagtail-userbar").count(), path
    previews = 0
    for path in editors:
        visit(page, live_server, csp_violations, path)
        toggle = page.locator('[data-side-panel-toggle="preview"]')
        if toggle.count():
            open_side_panel(toggle.first)
            page.locator("#w-preview-iframe").wait_for(timeout=30_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            previews += 1
        choose = page.locator("button[data-chooser-action-choose]:visible")
        if choose.count():
            choose.first.click()
            page.locator(".modal-dialog").first.wait_for()
            page.wait_for_load_state("networkidle")
        assert not csp_violations, f"{path}, preview and chooser:\n" + "\n".join(csp_violations)
    assert previews >= 5
    evening = InfoEveningPage.objects.live().first()
    visit(page, live_server, csp_violations, f"/admin/pages/add/aanmelding/infoeveningpage/{evening.get_parent().pk}/")


def test_the_handlers_lists_and_the_attendance_list_run_under_the_admin_policy(
    demo_site, demo_admin, live_server, csp_violations
):
    page = demo_admin("behandelaar")
    for model in ["registration", "team", "eveningsignup", "registrationround", "wijk"]:
        visit(page, live_server, csp_violations, f"/admin/aanmelding/{model}/")
    registration = Registration.objects.first()
    visit(page, live_server, csp_violations, f"/admin/aanmelding/registration/edit/{registration.pk}/")
    visit(page, live_server, csp_violations, "/admin/rapporten/motivatie/")
    evening = InfoEveningPage.objects.live().first()
    visit(page, live_server, csp_violations, f"/admin/aanmelding/eveningsignup/attendance/{evening.pk}/")
    # The print button works without inline script.
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.printed") == 1


def test_the_patrol_report_handlers_pages_run_under_the_admin_policy(
    demo_site, demo_admin, live_server, csp_violations
):
    from terugkoppeling.demo.texts import HANDLER_USERNAME
    from terugkoppeling.models import PatrolReport, Signal

    page = demo_admin(HANDLER_USERNAME)
    visit(page, live_server, csp_violations, "/admin/terugkoppeling/patrolreport/")
    visit(page, live_server, csp_violations, "/admin/terugkoppeling/signal/")
    visit(
        page, live_server, csp_violations, f"/admin/terugkoppeling/patrolreport/edit/{PatrolReport.objects.first().pk}/"
    )
    visit(page, live_server, csp_violations, f"/admin/terugkoppeling/signal/edit/{Signal.objects.first().pk}/")
