"""Demo content of terugkoppeling: the team page, rounds of the demo teams with matters in every status,
the feedback page for the last complete quarter, the demo handler, and a team link that works."""

import datetime
from io import StringIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from aanmelding.models import Team
from home.demo import read_demo_accounts, read_demo_links
from home.models import HomePage
from terugkoppeling.demo import texts
from terugkoppeling.demo.builders import RECENT_DAYS, last_complete_quarter
from terugkoppeling.models import (
    FeedbackIndexPage,
    FeedbackPage,
    PatrolReport,
    Signal,
    SignalDepartment,
    SignalStatusChange,
    TeamReportPage,
)
from terugkoppeling.permissions import HANDLE_SIGNALS_PERMISSION, HANDLERS_GROUP

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
LINK_LABEL = texts.team_link_label(texts.TEAM_LINK_TEAM)


@pytest.fixture
def accounts_file(settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "var" / "demo-accounts.txt"
    return settings.DEMO_ACCOUNTS_FILE


@pytest.fixture
def load_demo(accounts_file, django_capture_on_commit_callbacks):
    def run():
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo_content", stdout=out)
        return out.getvalue()

    return run


def snapshot():
    return {
        "pages": Page.objects.count(),
        "reports": list(PatrolReport.objects.values_list("pk", "created_at")),
        "signals": list(Signal.objects.values()),
        "changes": SignalStatusChange.objects.count(),
        "departments": list(SignalDepartment.objects.values()),
        "teams": list(Team.objects.values_list("pk", "link_token_hash")),
    }


def printed_team_link(accounts_file):
    lines = [line for line in accounts_file.read_text().splitlines() if line.strip().startswith(LINK_LABEL)]
    assert len(lines) == 1, accounts_file.read_text()
    return lines[0].split(": ", 1)[1].strip()


def test_rounds_of_the_street_teams_over_the_last_three_months(load_demo):
    load_demo()
    today = timezone.localdate()
    recent = PatrolReport.objects.filter(walked_on__gt=today - datetime.timedelta(days=RECENT_DAYS))
    assert 35 <= recent.count() <= 45
    assert set(recent.values_list("team__name", flat=True)) == {"Buurtpreventie Noorderpark", "Team Oude Haven"}
    assert not PatrolReport.objects.filter(team__kind=Team.Kind.APP_GROUP).exists()
    assert PatrolReport.objects.filter(walked_on__gte=today).count() == 0
    quiet = PatrolReport.objects.filter(is_quiet=True)
    assert quiet.exists() and not quiet.exclude(noticed="", conversations="", area="").exists()
    for report in PatrolReport.objects.exclude(is_quiet=True):
        assert report.walkers.count() == report.walker_count
        assert set(report.walkers.values_list("team", flat=True)) == {report.team_id}
        assert report.start_time < report.end_time
        assert timezone.localdate(report.created_at) == report.walked_on


def test_signals_in_every_status_went_through_the_workflow(load_demo):
    load_demo()
    signals = Signal.objects.all()
    assert set(signals.values_list("status", flat=True)) == set(Signal.Status.values)
    assert len(signals) == len(texts.SIGNALS)
    now = timezone.now()
    for signal in signals:
        steps = list(signal.status_changes.values_list("from_status", "to_status", "response", "changed_at"))
        path = [Signal.Status.RECEIVED] + [to for _, to, _, _ in steps]
        for before, after in zip(path, path[1:], strict=False):
            assert after in Signal.TRANSITIONS[before]
        assert path[-1] == signal.status
        assert all(response for _, _, response, _ in steps)
        assert [moment for *_, moment in steps] == sorted(moment for *_, moment in steps)
        assert all(moment <= now for *_, moment in steps)
        if signal.status == Signal.Status.SOLVED:
            solved_on = timezone.localdate(signal.closed_at)
            assert signal.days_to_solution == (solved_on - signal.reported_on).days
            assert signal.forwarded_at <= signal.closed_at
            assert signal.forwarded_to == SignalDepartment.objects.get(category=signal.category).name
        else:
            assert signal.days_to_solution is None
        if signal.status == Signal.Status.RECEIVED:
            assert not steps and signal.closed_at is None


def test_departments_handler_and_pages(load_demo, accounts_file, client):
    load_demo()
    for department in SignalDepartment.objects.all():
        assert department.name and department.can_receive
        assert department.email.endswith(("@gemeente.example", "@example.org"))
    handler = get_user_model().objects.get(username=texts.HANDLER_USERNAME)
    assert handler.groups.filter(name=HANDLERS_GROUP).exists()
    assert handler.has_perm(HANDLE_SIGNALS_PERMISSION) and handler.has_perm("wagtailadmin.access_admin")
    # Through the login form, as a person does (django-axes checks every login against its request).
    password = read_demo_accounts()[texts.HANDLER_USERNAME]
    assert client.post("/admin/login/", {"username": texts.HANDLER_USERNAME, "password": password}).status_code == 302

    home = HomePage.objects.get()
    report_page = TeamReportPage.objects.get()
    assert report_page.live and not report_page.show_in_menus
    assert report_page.slug == "loopronde" and report_page.get_parent().pk == home.pk
    index = FeedbackIndexPage.objects.get()
    assert index.live and index.title == "Wat we met jullie meldingen deden"
    for page in (report_page, index):
        assert client.get(page.url).status_code == 200


def test_feedback_page_for_the_last_complete_quarter_with_highlights(load_demo, client):
    load_demo()
    year, period, _ = last_complete_quarter(timezone.localdate())
    page = FeedbackPage.objects.get()
    assert page.live and (page.year, page.period) == (year, period)
    assert page.get_parent().specific == FeedbackIndexPage.objects.get()
    highlights = list(page.highlights.select_related("signal"))
    assert 3 <= len(highlights) <= 4
    for highlight in highlights:
        assert page.period_start <= highlight.signal.reported_on <= page.period_end
        assert highlight.public_text
        assert not highlight.signal.house_number or highlight.signal.house_number not in highlight.public_text
    assert PatrolReport.objects.in_period(page.period_start, page.period_end).count() >= 10
    assert client.get(page.url).status_code == 200


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 12, 1), (2026, "k3", datetime.date(2026, 7, 1))),
        (datetime.date(2026, 10, 1), (2026, "k3", datetime.date(2026, 7, 1))),
        (datetime.date(2027, 1, 1), (2026, "k4", datetime.date(2026, 10, 1))),
        (datetime.date(2027, 3, 31), (2026, "k4", datetime.date(2026, 10, 1))),
        (datetime.date(2027, 4, 1), (2027, "k1", datetime.date(2027, 1, 1))),
    ],
)
def test_last_complete_quarter(today, expected):
    assert last_complete_quarter(today) == expected


@pytest.mark.time_machine(datetime.datetime(2026, 12, 31, 12, 0, tzinfo=AMS), tick=False)
def test_on_the_last_day_of_a_quarter_the_feedback_page_still_has_rounds_and_highlights(load_demo):
    # The last complete quarter then lies more than three months back: the rounds reach back to it.
    load_demo()
    page = FeedbackPage.objects.get()
    assert (page.year, page.period) == (2026, "k3")
    assert PatrolReport.objects.in_period(page.period_start, page.period_end).count() >= 10
    assert page.highlights.count() >= 3
    recent = PatrolReport.objects.filter(walked_on__gt=datetime.date(2026, 12, 31) - datetime.timedelta(days=91))
    assert 35 <= recent.count() <= 45


def test_chapter_and_home_page_link_to_the_feedback(load_demo, client):
    load_demo()
    index = FeedbackIndexPage.objects.get()
    chapter = Page.objects.get(slug="informatie-delen").specific
    body = str(chapter.body.raw_data)
    assert f'linktype="page" id="{index.pk}"' in body
    html = client.get(chapter.url).content.decode()
    assert f'href="{index.url}"' in html
    home = HomePage.objects.get()
    assert any(card["value"].get("page") == index.pk for card in home.highlights.raw_data)


def test_second_run_creates_nothing(load_demo, accounts_file):
    load_demo()
    before, accounts_before = snapshot(), accounts_file.read_text()

    output = load_demo()

    assert snapshot() == before
    assert accounts_file.read_text() == accounts_before
    assert "Terugkoppeling: 0 aangemaakt" in output


def test_printed_team_link_opens_the_team_page_after_every_load(load_demo, accounts_file, client):
    load_demo()
    link = printed_team_link(accounts_file)
    assert read_demo_links()[LINK_LABEL] == link
    assert urlsplit(link).path.startswith(TeamReportPage.objects.get().url + "team/")
    assert client.get(urlsplit(link).path).status_code == 200

    load_demo()

    assert printed_team_link(accounts_file) == link
    assert client.get(urlsplit(link).path).status_code == 200
    # The other lines (the accounts) are still there.
    assert f"{texts.HANDLER_LABEL}: {texts.HANDLER_USERNAME} / " in accounts_file.read_text()


def test_a_database_that_does_not_know_the_printed_link_gets_a_new_one(load_demo, accounts_file, client):
    """Same accounts file, another database (or a link a handler renewed): the link is made again and works."""
    load_demo()
    old = printed_team_link(accounts_file)
    Team.objects.get(name=texts.TEAM_LINK_TEAM).new_link_token()  # this database now knows another token
    assert client.get(urlsplit(old).path).status_code == 404

    load_demo()

    new = printed_team_link(accounts_file)
    assert new != old
    assert client.get(urlsplit(new).path).status_code == 200
    assert client.get(urlsplit(old).path).status_code == 404


def test_a_fresh_database_with_an_old_accounts_file_gets_a_working_link(load_demo, accounts_file, client):
    accounts_file.parent.mkdir(parents=True)
    accounts_file.write_text(f"  {LINK_LABEL}: http://127.0.0.1:8000/loopronde/team/not-in-this-database/\n")

    load_demo()

    link = printed_team_link(accounts_file)
    assert "not-in-this-database" not in link
    assert client.get(urlsplit(link).path).status_code == 200


def test_no_team_link_where_demo_accounts_are_not_allowed(load_demo, accounts_file, settings):
    settings.DEMO_ACCOUNTS_ALLOWED = False
    load_demo()
    assert not accounts_file.exists() or LINK_LABEL not in accounts_file.read_text()
    assert not Team.objects.exclude(link_token_hash=None).exists()
    assert TeamReportPage.objects.live().exists() and FeedbackPage.objects.live().exists()
