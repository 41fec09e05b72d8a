"""Demo content of the registration app: wijken, rounds, the registration
page, a few registrations and a demo handler. Idempotent: found by name or
slug, created only when missing."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from home.demo import (
    Summary,
    ensure_demo_account,
    ensure_page,
    get_home_page,
    grant_model_permissions,
    html_paragraphs,
    paragraph,
    steps,
)

from .models import (
    EveningSignup,
    InfoEveningIndexPage,
    InfoEveningPage,
    Registration,
    RegistrationPage,
    RegistrationRound,
    RoundAlert,
    Wijk,
)

WIJKEN = ["Centrum", "De Horst", "Noorderpark", "Oude Haven", "Zuidwijk", "Buitengebied"]
HANDLERS_GROUP = "Behandelaars buurtpreventie"

INTRO = (
    "<p>Wil je meedoen aan buurtpreventie? Meld je hier aan voor een nieuw team dat rondes loopt, "
    "een nieuwe app-groep of een team dat al bestaat. Na je aanmelding nodigen we je uit voor de "
    "informatieavond en een kennismakingsgesprek.</p>"
)
CLOSED = (
    "<p>Nieuwe teams en deelnemers melden zich aan tijdens vaste aanmeldmomenten, een paar keer per jaar. "
    "Zo kunnen gemeente en politie iedereen goed begeleiden en beginnen nieuwe buurtpreventen samen.</p>"
)
THANKS = (
    "<ol><li>Je krijgt een uitnodiging voor de informatieavond van dit aanmeldmoment.</li>"
    "<li>Daarna maken we een afspraak voor een kennismakingsgesprek. We praten over wat je wilt doen, "
    "hoeveel tijd je hebt en wat je drijft.</li>"
    "<li>Samen leggen we de afspraken vast. Dan kun je van start.</li></ol>"
)
CONFIRMATION = (
    "Wat gebeurt er nu? Je krijgt een uitnodiging voor de informatieavond. Daarna maken we een afspraak "
    "voor een kort kennismakingsgesprek.\n\nHeb je vragen? Antwoord dan op deze mail of bel de gemeente."
)
INVITATION = (
    "Bedankt voor je aanmelding. We willen graag kennismaken in een kort gesprek van ongeveer een half uur, "
    "samen met de wijkagent of de coördinator van je wijk.\n\nWe bellen of mailen je binnenkort om een "
    "moment af te spreken. Komt het slecht uit? Laat het ons weten."
)
ADMISSION = (
    "Fijn dat je meedoet! Je hoort binnenkort van je coördinator wanneer je eerste ronde of de start van je "
    "app-groep is, en wanneer de basistraining begint.\n\nJe hesje en zaklamp krijg je bij de training."
)
REJECTION = (
    "Bedankt voor je aanmelding en het gesprek. We hebben besloten je aanmelding nu niet toe te laten. "
    "In het gesprek hebben we uitgelegd waarom.\n\nHeb je vragen? Neem dan contact op met de gemeente."
)

DEMO_REGISTRATIONS = [
    (
        "Fatima el Amrani",
        "fatima@voorbeeld.example",
        Registration.NEW_TEAM,
        "Noorderpark",
        "Buurtpreventie Noorderpark",
        5,
    ),
    ("Jan de Vries", "jan.devries@voorbeeld.example", Registration.JOIN_TEAM, "Centrum", "", None),
    (
        "Priya Raghoebier",
        "priya@voorbeeld.example",
        Registration.NEW_APP_GROUP,
        "Zuidwijk",
        "Buurtapp Zuidwijk-Oost",
        30,
    ),
]


EVENINGS_INTRO = html_paragraphs(
    """Bij elk aanmeldmoment hoort een informatiebijeenkomst. De gemeente, de wijkagent en coördinatoren
    en beheerders van bestaande teams en app-groepen vertellen wat buurtpreventie is, wat we van elkaar
    verwachten en hoe je begint. Er is volop tijd voor vragen.""",
    """De plaatsen zijn beperkt. Meld je daarom aan; je mag één persoon meenemen.""",
)
PROGRAMME = [
    steps(
        [
            ("19.15 uur: inloop", "<p>Koffie en thee; je kunt alvast kennismaken met andere bewoners.</p>"),
            ("19.30 uur: welkom", "<p>De gemeente vertelt wat buurtpreventie is en wat de gemeente biedt.</p>"),
            (
                "19.45 uur: de wijkagent",
                "<p>Hoe politie en buurtpreventie samenwerken, wat je wel en niet doet, en hoe je meldt.</p>",
            ),
            (
                "20.15 uur: uit de praktijk",
                "<p>Een coördinator van een team en een beheerder van een app-groep vertellen over hun ervaring.</p>",
            ),
            ("20.45 uur: vragen en kennismaken", "<p>Stel je vragen en praat na met de mensen uit je wijk.</p>"),
        ]
    ),
    paragraph("Na afloop hoor je hoe het verder gaat met je aanmelding."),
]
ATTENDEES = "De coördinator buurtpreventie van de gemeente, de wijkagent, een boa en coördinatoren van bestaande teams."
DEMO_SIGNUPS = [
    ("Fatima el Amrani", "fatima@voorbeeld.example", 2, "Ik kom met mijn buurvrouw."),
    ("Jan de Vries", "jan.devries@voorbeeld.example", 1, ""),
    ("Priya Raghoebier", "priya@voorbeeld.example", 2, "Is er parkeergelegenheid bij het buurthuis?"),
    ("Kees Bakker", "kees.bakker@voorbeeld.example", 1, ""),
    ("Anouk Jansen", "anouk@voorbeeld.example", 2, ""),
    ("Mohamed Ouali", "mohamed@voorbeeld.example", 1, "Ik beheer al een buurtapp van veertig leden."),
    ("Els Visser", "els.visser@voorbeeld.example", 1, ""),
]


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
            invitation_mail_text=INVITATION,
            admission_mail_text=ADMISSION,
            rejection_mail_text=REJECTION,
            search_description="Meld je aan voor buurtpreventie tijdens een aanmeldmoment.",
        )

    if home is not None:
        _ensure_evenings(home, open_round, earlier_round, today, summary)

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

    # Migration 0003 gives the group these rights; restated for a database
    # that was emptied without migrating again.
    grant_model_permissions([HANDLERS_GROUP], Registration, ["view", "change"])
    grant_model_permissions([HANDLERS_GROUP], RegistrationRound, ["view", "add", "change", "delete"])
    grant_model_permissions([HANDLERS_GROUP], Wijk, ["view", "add", "change", "delete"])
    grant_model_permissions([HANDLERS_GROUP], RoundAlert, ["view", "delete"])
    grant_model_permissions([HANDLERS_GROUP], EveningSignup, ["view", "change"])
    handler = ensure_demo_account(
        "Demo-behandelaar",
        "behandelaar",
        [HANDLERS_GROUP],
        summary,
        email="behandelaar@gemeente.example",
        first_name="Demo",
        last_name="Behandelaar",
    )
    if handler is not None and not handler.has_perm("wagtailadmin.access_admin"):
        Group.objects.get(name=HANDLERS_GROUP).permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    summary.write(stdout)


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


def _ensure_evenings(home, open_round, earlier_round, today, summary):
    """The index page, an upcoming evening of the open round with some seats taken, and a past evening."""
    index, _ = ensure_page(
        home,
        InfoEveningIndexPage,
        "informatiebijeenkomsten",
        report=summary,
        title="Informatiebijeenkomsten",
        intro=EVENINGS_INTRO,
        search_description="Kom naar een informatiebijeenkomst over buurtpreventie en meld je aan.",
    )
    if not isinstance(index, InfoEveningIndexPage):
        return
    if open_round is not None:
        starts = (today + timedelta(days=10)).replace(hour=19, minute=30)
        upcoming, created = _ensure_evening(
            index,
            "informatieavond-najaar",
            summary,
            round=open_round,
            title="Informatieavond buurtpreventie najaar",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            signup_deadline=(starts - timedelta(days=1)).replace(hour=12, minute=0),
            capacity=40,
            location_name="Buurthuis De Schakel",
            location_address="Schakelplein 4, 1234 AB Voorbeeld",
            accessibility_notes="Rolstoeltoegankelijk en met ringleiding. Bushalte Schakelplein ligt op 100 meter.",
        )
        if created:
            for name, email, persons, remark in DEMO_SIGNUPS:
                signup = EveningSignup(
                    evening=upcoming,
                    name=name,
                    email=email,
                    persons=persons,
                    remark=remark,
                    status=EveningSignup.CONFIRMED,
                )
                signup.record_consent()
                signup.save()
        summary.add(f"{len(DEMO_SIGNUPS)} aanmeldingen voor de informatieavond", created)
    if earlier_round is not None:
        starts = (today - timedelta(days=120)).replace(hour=19, minute=30)
        _ensure_evening(
            index,
            "informatieavond-zomer",
            summary,
            round=earlier_round,
            title="Informatieavond buurtpreventie zomer",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            signup_deadline=(starts - timedelta(days=1)).replace(hour=12, minute=0),
            capacity=30,
            location_name="Wijkcentrum De Horst",
            location_address="Horstlaan 12, 1235 CD Voorbeeld",
            accessibility_notes="Rolstoeltoegankelijk.",
        )


def _ensure_evening(index, slug, summary, **fields):
    return ensure_page(
        index,
        InfoEveningPage,
        slug,
        report=summary,
        attendees=ATTENDEES,
        programme=PROGRAMME,
        search_description="Informatiebijeenkomst over buurtpreventie: wat je doet, wat je kunt verwachten.",
        **fields,
    )
