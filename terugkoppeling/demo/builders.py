"""What the terugkoppeling demo builds: the team page, the departments, rounds of the demo teams with
matters in every status, the feedback pages, a demo handler, and a working team link for one team.

Idempotent: pages are found by slug; a team's rounds are made only while it has none; the feedback
page only while the index has none; the team link is reused while the database still knows it. The
rounds are dated relative to today. Runs after aanmelding's demo, which makes the teams.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Page

from aanmelding.models import Team
from aanmelding.team_links import team_link_url
from home.demo import (
    Summary,
    ensure_demo_account,
    ensure_page,
    get_home_page,
    grant_model_permissions,
    link_card,
    publish,
    read_demo_links,
    write_demo_link,
)
from home.groups import EDITOR_GROUPS

from ..models import (
    FeedbackHighlight,
    FeedbackIndexPage,
    FeedbackPage,
    PatrolReport,
    Signal,
    SignalDepartment,
    SignalStatusChange,
    TeamReportPage,
)
from ..models.pages import QUARTERS
from ..permissions import HANDLE_SIGNALS_PERMISSION, HANDLERS_GROUP
from . import texts

CHAPTER_SLUG = "informatie-delen"  # the dossier's chapter on sharing information (dossier/demo)
RECENT_DAYS = 91  # "the last three months": one round every few days per street team
# Each street team: (days between rounds in the last three months, first round this many days back).
SCHEDULE = {"Buurtpreventie Noorderpark": (4, 1), "Team Oude Haven": (5, 2)}


def load(stdout):
    summary = Summary("Terugkoppeling")
    _ensure_departments(summary)
    handler = _ensure_handler(summary)
    home = get_home_page()
    report_page = index = None
    if home is not None:
        report_page, _ = ensure_page(
            home,
            TeamReportPage,
            texts.REPORT_PAGE_SLUG,
            report=summary,
            title=texts.REPORT_PAGE_TITLE,
            show_in_menus=False,
            intro=texts.REPORT_PAGE_INTRO,
            form_intro=texts.REPORT_PAGE_FORM_INTRO,
            thank_you_text=texts.REPORT_PAGE_THANKS,
            search_description=texts.REPORT_PAGE_DESCRIPTION,
        )
        index, _ = ensure_page(
            home,
            FeedbackIndexPage,
            texts.INDEX_SLUG,
            report=summary,
            title=texts.INDEX_TITLE,
            intro=texts.INDEX_INTRO,
            search_description=texts.INDEX_DESCRIPTION,
        )
    today = timezone.localdate()
    quarter = last_complete_quarter(today)
    _ensure_reports(today, quarter[2], handler, summary)
    if isinstance(index, FeedbackIndexPage):
        _ensure_feedback_page(index, quarter, summary)
        _link_from_chapter(index, summary)
        _link_from_home(home, index, summary)
    if isinstance(report_page, TeamReportPage):
        ensure_demo_team_link(summary)
    summary.write(stdout)


def last_complete_quarter(today):
    """``(year, period code, first day)`` of the last quarter that has ended."""
    number = (today.month - 1) // 3  # the current quarter's number minus one
    year = today.year if number else today.year - 1
    number = number or 4
    return year, f"k{number}", datetime.date(year, (number - 1) * 3 + 1, 1)


# --- Departments, handler ---------------------------------------------------------------


def _ensure_departments(summary):
    """A name and address per category, where an editor has not set one (migration 0002 makes the rows)."""
    filled = 0
    for category, (name, email) in texts.DEPARTMENTS.items():
        department, _ = SignalDepartment.objects.get_or_create(category=category)
        if not department.name and not department.email:
            department.name, department.email = name, email
            department.save()
            filled += 1
    summary.add(f"{len(texts.DEPARTMENTS)} afdelingen voor meldingen", bool(filled))


def _ensure_handler(summary):
    # Migration 0002 gives the group these rights; restated for a database emptied without migrating.
    group, _ = Group.objects.get_or_create(name=HANDLERS_GROUP)
    app_label, codename = HANDLE_SIGNALS_PERMISSION.split(".")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label=app_label, codename=codename),
    )
    grant_model_permissions([HANDLERS_GROUP], PatrolReport, ["view"])
    grant_model_permissions([HANDLERS_GROUP], Signal, ["view", "change"])
    grant_model_permissions([HANDLERS_GROUP], SignalDepartment, ["view"])
    grant_model_permissions(EDITOR_GROUPS, SignalDepartment, ["view", "change"])
    return ensure_demo_account(
        texts.HANDLER_LABEL,
        texts.HANDLER_USERNAME,
        [HANDLERS_GROUP],
        summary,
        email="meldingen@gemeente.example",
        first_name="Demo",
        last_name="Behandelaar meldingen",
    )


# --- Rounds and matters -------------------------------------------------------------------


def _ensure_reports(today, quarter_start, handler, summary):
    """The street teams' rounds, some quiet, with the matters of ``texts.SIGNALS`` taken through their statuses.

    The rounds cover the last three months, and reach back to the start of the last complete
    quarter (less often), so that the feedback page has figures. App groups walk no rounds.
    """
    teams = {team.name: team for team in Team.objects.filter(name__in=SCHEDULE, kind=Team.Kind.STREET_TEAM)}
    first_day = min(today - datetime.timedelta(days=RECENT_DAYS), quarter_start)
    made = []
    for name, team in teams.items():
        if team.patrol_reports.exists():
            summary.add(f"rondes van ‘{name}’", False)
            continue
        made += _make_rounds(team, today, first_day)
        summary.add(f"rondes van ‘{name}’", True)
    if made:
        _make_signals(made, today, first_day, handler)


def _round_days(team_name, today, first_day):
    """The days a team walked, oldest first: every few days lately, half as often before that."""
    step, offset = SCHEDULE[team_name]
    days, back = [], offset
    while today - datetime.timedelta(days=back) >= first_day:
        days.append(today - datetime.timedelta(days=back))
        back += step if back <= RECENT_DAYS else step * 2
    return list(reversed(days))


def _make_rounds(team, today, first_day):
    members = list(team.members.all())
    routes = texts.ROUTES[team.name]
    reports = []
    for number, walked_on in enumerate(_round_days(team.name, today, first_day)):
        start = datetime.time(19, 30) if number % 2 else datetime.time(20, 0)
        report = PatrolReport(
            team=team,
            walked_on=walked_on,
            start_time=start,
            end_time=datetime.time(start.hour + 1, start.minute + 15 if start.minute < 45 else 59),
            route=routes[number % len(routes)],
            is_quiet=number % 3 == 2,
        )
        if not report.is_quiet:
            report.area = PatrolReport.Area.ALSO_BACK_PATHS if number % 2 else PatrolReport.Area.MAIN_STREETS
            report.walker_count = 2 + number % 2
            report.noticed_something = number % 4 != 0
            report.noticed = texts.NOTICED[number % len(texts.NOTICED)] if report.noticed_something else ""
            report.spoke_with_residents = number % 3 == 0
            conversation = texts.CONVERSATIONS[number % len(texts.CONVERSATIONS)]
            report.conversations = conversation if report.spoke_with_residents else ""
            report.attention = ["deuren_ramen", "verlichting"] if number % 2 else ["groen", "fietsen_autos"]
        report.save()
        if not report.is_quiet and members:
            report.walkers.set([members[(number + i) % len(members)] for i in range(report.walker_count)])
        # Filed the evening of the round, as a team would (retention counts from here).
        PatrolReport.objects.filter(pk=report.pk).update(created_at=_moment(walked_on, 0, hour=22))
        reports.append(report)
    return reports


def _make_signals(reports, today, first_day, handler):
    """Each matter on the non-quiet round of its team nearest its place in the timeline (oldest first)."""
    span = (today - first_day).days
    taken = set()
    for number, spec in enumerate(texts.SIGNALS):
        target = first_day + datetime.timedelta(days=span * (number + 0.5) / len(texts.SIGNALS))
        candidates = [
            report
            for report in reports
            if report.team.name == spec["team"] and not report.is_quiet and report.pk not in taken
        ]
        if not candidates:
            continue
        report = min(candidates, key=lambda report: abs((report.walked_on - target).days))
        taken.add(report.pk)
        signal = Signal.objects.create(
            report=report,
            reported_on=report.walked_on,
            category=spec["category"],
            street=spec["street"],
            house_number=spec.get("house_number", ""),
            location_description=spec.get("location_description", ""),
            description=spec["description"],
        )
        Signal.objects.filter(pk=signal.pk).update(created_at=_moment(report.walked_on, 0, hour=22))
        _take_through_statuses(signal, spec, today, handler)


def _take_through_statuses(signal, spec, today, handler):
    """The real workflow (``Signal.change_status``), then dated back to the days a handler would have acted."""
    age = (today - signal.reported_on).days
    days = min(spec.get("days", 1), max(age - 1, 0))
    department = SignalDepartment.objects.filter(category=signal.category).first()
    steps = {
        "ontvangen": [],
        "doorgezet": [(Signal.Status.FORWARDED, min(1, days))],
        "opgelost": [(Signal.Status.FORWARDED, min(1, days)), (Signal.Status.SOLVED, days)],
        "niet_opgepakt": [(Signal.Status.NOT_TAKEN, days)],
    }[spec["status"]]
    for (status, after), response in zip(steps, spec["responses"], strict=True):
        forwarded_to = department.name if department and status == Signal.Status.FORWARDED else ""
        change = signal.change_status(status, response=response, by=handler, forwarded_to=forwarded_to)
        moment = _moment(signal.reported_on, after)
        SignalStatusChange.objects.filter(pk=change.pk).update(changed_at=moment)
        dated = {"forwarded_at": moment} if status == Signal.Status.FORWARDED else {"closed_at": moment}
        if status == Signal.Status.SOLVED:
            dated["days_to_solution"] = after  # what change_status counts on the day it is solved
        for field, value in dated.items():
            setattr(signal, field, value)  # the next change_status saves the signal as it is in memory
        Signal.objects.filter(pk=signal.pk).update(**dated)


def _moment(day, days_after, hour=10):
    day = day + datetime.timedelta(days=days_after)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return min(moment, timezone.now())


# --- Feedback page ------------------------------------------------------------------------


def _ensure_feedback_page(index, quarter, summary):
    """One published page, for the last complete quarter, made once: later loads add no new periods."""
    if index.get_children().exists():
        summary.add("terugkoppeling over een kwartaal", False)
        return
    year, period, _ = quarter
    label = f"{dict(QUARTERS)[period]} {year}"
    page = FeedbackPage(year=year, period=period)
    signals = Signal.objects.filter(
        reported_on__range=(page.period_start, page.period_end), status__in=Signal.CLOSED_STATUSES
    ).order_by("reported_on", "pk")
    public_texts = {spec["description"]: spec["public_text"] for spec in texts.SIGNALS if spec["public_text"]}
    picked = [signal for signal in signals if signal.description in public_texts][:4]
    ensure_page(
        index,
        FeedbackPage,
        f"{year}-{period}",
        report=summary,
        title=texts.feedback_title(label),
        year=year,
        period=period,
        summary=texts.FEEDBACK_SUMMARY,
        search_description=texts.FEEDBACK_DESCRIPTION,
        highlights=[
            FeedbackHighlight(signal=signal, public_text=public_texts[signal.description], sort_order=order)
            for order, signal in enumerate(picked)
        ],
    )


# --- Links to the feedback ------------------------------------------------------------------


def _edited(page):
    """Changed by an editor: a revision with a user, or a draft waiting. The demo leaves it alone."""
    return page.has_unpublished_changes or page.revisions.exclude(user=None).exists()


def _link_from_chapter(index, summary):
    """After the chapter's paragraph on general feedback: where to read it."""
    chapter = Page.objects.filter(slug=CHAPTER_SLUG).first()
    chapter = chapter.specific if chapter is not None else None
    if chapter is None or not hasattr(chapter, "body") or _edited(chapter):
        return
    blocks = list(chapter.body.raw_data)
    if any(f'linktype="page" id="{index.pk}"' in str(block["value"]) for block in blocks):
        return
    mentions = [
        i
        for i, block in enumerate(blocks)
        if block["type"] == "paragraph" and "algemene terugkoppeling" in block["value"]
    ]
    position = mentions[0] + 1 if mentions else len(blocks)
    blocks.insert(position, {"type": "paragraph", "value": texts.chapter_paragraph(index)})
    chapter.body = blocks
    publish(chapter)
    summary.note(f"In het hoofdstuk '{chapter.title}' staat nu een link naar '{index.title}'.")


def _link_from_home(home, index, summary):
    home = type(home).objects.get(pk=home.pk)
    if not hasattr(home, "highlights"):
        return
    cards = list(home.highlights.raw_data)
    if _edited(home) or any(card["value"].get("page") == index.pk for card in cards):
        return
    home.highlights = cards + [link_card(index, title=texts.HOME_CARD_TITLE, text=texts.HOME_CARD_TEXT)]
    publish(home)
    summary.note(f"Verwijzing naar '{index.title}' op de startpagina gezet.")


# --- The demo team link ----------------------------------------------------------------------


def ensure_demo_team_link(summary):
    """A team link of one demo team that works, written next to the demo accounts (``make run`` prints it).

    The database holds only the token's hash, so the token is kept in the demo accounts file: reused
    while this database still knows it, made anew (and the line rewritten) when not, e.g. after
    loading into another database with the same file. Only where DEMO_ACCOUNTS_ALLOWED.
    """
    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        return None
    team = Team.objects.active().filter(name=texts.TEAM_LINK_TEAM).first()
    if team is None:
        return None
    label = texts.team_link_label(team.name)
    written = read_demo_links().get(label, "")
    token = urlsplit(written).path.rstrip("/").rsplit("/", 1)[-1]
    known = bool(token) and Team.objects.with_link_token(token).filter(pk=team.pk).exists()
    if not known:
        token = team.new_link_token()
    url = team_link_url(token)
    if url is None:
        summary.note("Geen teamlink gemaakt: er is geen gepubliceerde pagina voor de teamlinks.")
        return None
    if url != written:
        write_demo_link(label, url)
        summary.note(f"Teamlink van ‘{team.name}’ staat in het bestand met demo-accounts.")
    summary.add(f"teamlink van ‘{team.name}’", not known)
    return url
