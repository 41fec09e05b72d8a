"""What the registration app's demo loader builds: wijken, rounds, the
registration page, the information evenings, a few registrations and a demo
handler. Idempotent: found by name or slug, created only when missing. The
texts are in ``texts``."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from home.demo import Summary, ensure_demo_account, ensure_page, get_home_page, grant_model_permissions, publish
from home.groups import EDITOR_GROUPS

from ..models import (
    EveningSignup,
    InfoEveningIndexPage,
    InfoEveningPage,
    MotivationQuestionnairePage,
    MotivationWeek,
    Registration,
    RegistrationPage,
    RegistrationRound,
    RoundAlert,
    Team,
    TeamMember,
    Wijk,
)
from .texts import (
    ADMISSION,
    ATTENDEES,
    CLOSED,
    CONFIRMATION,
    DEMO_REGISTRATIONS,
    DEMO_SIGNUPS,
    DEMO_TEAMS,
    EVALUATION_ATTENDEES,
    EVALUATION_MEETINGS,
    EVALUATION_PROGRAMME,
    EVENINGS_DESCRIPTION,
    EVENINGS_INTRO,
    INTRO,
    INVITATION,
    INVITATION_SUBJECT,
    MOTIVATION_ADVICE,
    MOTIVATION_DESCRIPTION,
    MOTIVATION_INTRO,
    PAST_EVENING,
    PROGRAMME,
    REGISTRATION_PAGE_DESCRIPTION,
    REJECTION,
    THANKS,
    UPCOMING_EVENING,
    WIJKEN,
)

HANDLERS_GROUP = "Behandelaars buurtpreventie"


def load(stdout):
    summary = Summary("Aanmelding")
    wijken = {}
    for order, name in enumerate(WIJKEN, start=1):
        wijk, created = Wijk.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
        wijken[name] = wijk
    summary.add(f"{len(WIJKEN)} wijken", False)

    now = timezone.localtime()
    today = now.replace(hour=9, minute=0, second=0, microsecond=0)
    open_round = _ensure_round(
        "Aanmeldmoment najaar",
        today - timedelta(days=7),
        (today + timedelta(days=21)).replace(hour=23, minute=59),
        summary,
    )
    earlier_round = _ensure_round(
        "Aanmeldmoment zomer",
        today - timedelta(days=130),
        (today - timedelta(days=109)).replace(hour=23, minute=59),
        summary,
    )
    _ensure_round(
        "Aanmeldmoment voorjaar",
        today + timedelta(days=90),
        (today + timedelta(days=111)).replace(hour=23, minute=59),
        summary,
    )

    home = get_home_page()
    if home is not None:
        ensure_page(
            home,
            RegistrationPage,
            "aanmelden",
            report=summary,
            title="Aanmelden",
            show_in_menus=True,
            intro=INTRO,
            closed_text=CLOSED,
            thank_you_text=THANKS,
            confirmation_mail_text=CONFIRMATION,
            invitation_mail_subject=INVITATION_SUBJECT,
            invitation_mail_text=INVITATION,
            admission_mail_text=ADMISSION,
            rejection_mail_text=REJECTION,
            search_description=REGISTRATION_PAGE_DESCRIPTION,
        )

    if home is not None:
        _ensure_evenings(home, open_round, earlier_round, today, summary)
        _ensure_motivation_questionnaire(home, summary)

    if open_round is not None:
        for name, email, kind, wijk, initiative, members in DEMO_REGISTRATIONS:
            registration = Registration.objects.filter(round=open_round, email_key=email).first()
            created = registration is None
            if created:
                registration = Registration(
                    round=open_round,
                    kind=kind,
                    name=name,
                    email=email,
                    postcode="1234 AB",
                    wijk=wijken[wijk],
                    initiative_name=initiative,
                    expected_members=members,
                    statement_together=4,
                    statement_shared_responsibility=5,
                    availability=["doordeweeks_avond"],
                )
                registration.record_consent()
                registration.save()
            summary.add(f"aanmelding van {name}", created)

    _ensure_teams(wijken, summary)

    # Migrations 0003 and 0011 give the groups these rights; restated for a database
    # that was emptied without migrating again. Editors run rounds and wijken (content);
    # handlers handle the personal data and only see the rounds. In an emptied database the
    # handlers' group is gone too: made first, or the rights below would go to no one.
    Group.objects.get_or_create(name=HANDLERS_GROUP)
    grant_model_permissions([HANDLERS_GROUP], Registration, ["view", "change"])
    grant_model_permissions(EDITOR_GROUPS, RegistrationRound, ["view", "add", "change", "delete"])
    grant_model_permissions(EDITOR_GROUPS, Wijk, ["view", "add", "change", "delete"])
    grant_model_permissions([HANDLERS_GROUP], RegistrationRound, ["view"])
    grant_model_permissions([HANDLERS_GROUP], Wijk, ["view"])
    grant_model_permissions([HANDLERS_GROUP], RoundAlert, ["view", "delete"])
    grant_model_permissions([HANDLERS_GROUP], EveningSignup, ["view", "change"])
    grant_model_permissions([HANDLERS_GROUP], Team, ["view", "add", "change"])
    grant_model_permissions([HANDLERS_GROUP], TeamMember, ["view", "add", "change", "delete"])
    # Migration 0017: the questionnaire's weekly totals, for editors and handlers alike.
    grant_model_permissions([*EDITOR_GROUPS, HANDLERS_GROUP], MotivationWeek, ["view"])
    handler = ensure_demo_account(
        "Demo-behandelaar",
        "behandelaar",
        [HANDLERS_GROUP],
        summary,
        email="behandelaar@gemeente.example",
        first_name="Demo",
        last_name="Behandelaar",
    )
    if handler is not None:
        # Migrations 0003 and 0007 give the group these too; restated like the rights above.
        Group.objects.get(name=HANDLERS_GROUP).permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
            Permission.objects.get(content_type__app_label="aanmelding", codename="handle_registrations"),
        )
    summary.write(stdout)


def _ensure_teams(wijken, summary):
    """The teams that already exist in the demo, each with its members (no team link: see terugkoppeling)."""
    for name, kind, wijk, coordinator, email, members in DEMO_TEAMS:
        team, created = Team.objects.get_or_create(
            wijk=wijken[wijk],
            name=name,
            defaults={"kind": kind, "coordinator_name": coordinator, "coordinator_email": email},
        )
        if created:
            TeamMember.objects.bulk_create(
                [TeamMember(team=team, name=member, email=email if member == coordinator else "") for member in members]
            )
        summary.add(f"team ‘{name}’", created)


def _ensure_motivation_questionnaire(home, summary):
    """'Wat drijft jou?' under the home page, not in the main menu (the dossier links to it by its slug).

    With a few weeks of totals, so the report under Rapporten shows something; only while it is empty.
    """
    ensure_page(
        home,
        MotivationQuestionnairePage,
        "motivatie",
        report=summary,
        title="Wat drijft jou?",
        show_in_menus=False,
        intro=MOTIVATION_INTRO,
        search_description=MOTIVATION_DESCRIPTION,
        **MOTIVATION_ADVICE,
    )
    if MotivationWeek.objects.exists():
        summary.add("totalen van de vragenlijst", False)
        return
    this_week = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    # (weeks ago, questionnaires, first normatief/pragmatisch/rationeel, summed shares in the same order)
    for weeks_ago, count, firsts, shares in [(1, 9, (4, 3, 2), (380, 310, 210)), (2, 5, (1, 3, 1), (150, 220, 130))]:
        MotivationWeek.objects.create(
            week_start=this_week - timedelta(weeks=weeks_ago),
            questionnaires=count,
            first_normative=firsts[0],
            first_pragmatic=firsts[1],
            first_rational=firsts[2],
            share_normative=shares[0],
            share_pragmatic=shares[1],
            share_rational=shares[2],
        )
    summary.add("totalen van de vragenlijst", True)


def _ensure_round(title, opens_at, closes_at, summary):
    round_ = RegistrationRound.objects.filter(title=title).first()
    created = round_ is None
    if created:
        overlapping = RegistrationRound.objects.filter(opens_at__lte=closes_at, closes_at__gte=opens_at).exists()
        if overlapping:
            summary.note(f"‘{title}’ overgeslagen: het zou een bestaand aanmeldmoment overlappen.")
            return None
        round_ = RegistrationRound.objects.create(title=title, opens_at=opens_at, closes_at=closes_at)
    summary.add(f"aanmeldmoment ‘{title}’", created)
    return round_


def _put_in_menu_unless_edited(index, summary):
    """Earlier demo databases left the evenings out of the main menu: put them in, once.

    Only while nobody but the demo loader made a revision of the page (those have no user)
    and no draft waits, so an editor who took it out of the menu keeps it out.
    """
    if index.show_in_menus or index.has_unpublished_changes or index.revisions.exclude(user=None).exists():
        return
    index.show_in_menus = True
    publish(index)
    summary.note("De informatiebijeenkomsten staan nu in het hoofdmenu.")


def _ensure_evenings(home, open_round, earlier_round, today, summary):
    """The index page, an upcoming evening of the open round with some seats taken, and a past evening."""
    index, _ = ensure_page(
        home,
        InfoEveningIndexPage,
        "informatiebijeenkomsten",
        report=summary,
        title="Informatiebijeenkomsten",
        show_in_menus=True,
        intro=EVENINGS_INTRO,
        search_description=EVENINGS_DESCRIPTION,
    )
    if not isinstance(index, InfoEveningIndexPage):
        return
    _put_in_menu_unless_edited(index, summary)
    if open_round is not None:
        starts = (today + timedelta(days=10)).replace(hour=19, minute=30)
        upcoming, created = _ensure_evening(
            index,
            "informatiebijeenkomst-najaar",
            summary,
            round=open_round,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            signup_deadline=(starts - timedelta(days=1)).replace(hour=12, minute=0),
            capacity=40,
            **UPCOMING_EVENING,
        )
        if created:
            for name, email, persons, remark in DEMO_SIGNUPS:
                signup = EveningSignup(
                    evening=upcoming,
                    name=name,
                    email=email,
                    persons=persons,
                    remark=remark,
                    status=EveningSignup.Status.CONFIRMED,
                )
                signup.record_consent()
                signup.save()
        summary.add(f"{len(DEMO_SIGNUPS)} aanmeldingen voor de informatiebijeenkomst", created)
    if earlier_round is not None:
        starts = (today - timedelta(days=120)).replace(hour=19, minute=30)
        _ensure_evening(
            index,
            "informatiebijeenkomst-zomer",
            summary,
            round=earlier_round,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            signup_deadline=(starts - timedelta(days=1)).replace(hour=12, minute=0),
            capacity=30,
            **PAST_EVENING,
        )
    _ensure_evaluation_meetings(index, today, summary)


def _ensure_evaluation_meetings(index, today, summary):
    """Coming interim evaluations (tussenevaluaties): for existing teams and app groups, without a round."""
    for slug, days_ahead, capacity, texts in EVALUATION_MEETINGS:
        starts = (today + timedelta(days=days_ahead)).replace(hour=19, minute=30)
        ensure_page(
            index,
            InfoEveningPage,
            slug,
            report=summary,
            kind=InfoEveningPage.Kind.EVALUATION,
            round=None,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            signup_deadline=(starts - timedelta(days=2)).replace(hour=12, minute=0),
            capacity=capacity,
            attendees=EVALUATION_ATTENDEES,
            programme=EVALUATION_PROGRAMME,
            **texts,
        )


def _ensure_evening(index, slug, summary, **fields):
    return ensure_page(
        index,
        InfoEveningPage,
        slug,
        report=summary,
        attendees=ATTENDEES,
        programme=PROGRAMME,
        **fields,
    )
