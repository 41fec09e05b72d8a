"""Texts and demo data of the registration app: the wijken, the registration
page's texts and mails, the information evenings and the demo residents who
registered or signed up."""

from home.demo import html_paragraphs, paragraph, steps

from ..models import Registration

WIJKEN = ["Centrum", "De Horst", "Noorderpark", "Oude Haven", "Zuidwijk", "Buitengebied"]

INTRO = (
    "<p>Wil je meedoen aan buurtpreventie? Meld je hier aan voor een nieuw team dat rondes loopt, "
    "een nieuwe app-groep of een team dat al bestaat. Na je aanmelding nodigen we je uit voor de "
    "informatiebijeenkomst en een intakegesprek.</p>"
)
CLOSED = (
    "<p>Nieuwe teams en deelnemers melden zich aan tijdens vaste aanmeldmomenten, een paar keer per jaar. "
    "Zo kunnen gemeente en politie iedereen goed begeleiden en beginnen nieuwe buurtpreventen samen.</p>"
)
THANKS = (
    "<ol><li>Je krijgt een uitnodiging voor de informatiebijeenkomst van dit aanmeldmoment.</li>"
    "<li>Daarna maken we een afspraak voor een intakegesprek. We praten over wat je wilt doen, "
    "hoeveel tijd je hebt en wat je drijft.</li>"
    "<li>Samen leggen we de afspraken vast. Dan kun je van start.</li></ol>"
)
CONFIRMATION = (
    "Wat gebeurt er nu? Je krijgt een uitnodiging voor de informatiebijeenkomst. Daarna maken we een afspraak "
    "voor een kort intakegesprek.\n\nHeb je vragen? Antwoord dan op deze mail of bel de gemeente."
)
INVITATION_SUBJECT = "Uitnodiging voor een intakegesprek"
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
        Registration.Kind.NEW_TEAM,
        "Noorderpark",
        "Buurtpreventie Noorderpark",
        5,
    ),
    ("Jan de Vries", "jan.devries@voorbeeld.example", Registration.Kind.JOIN_TEAM, "Centrum", "", None),
    (
        "Priya Raghoebier",
        "priya@voorbeeld.example",
        Registration.Kind.NEW_APP_GROUP,
        "Zuidwijk",
        "App-groep Zuidwijk-Oost",
        30,
    ),
]


EVENINGS_INTRO = html_paragraphs(
    """Bij elk aanmeldmoment hoort een informatiebijeenkomst. De gemeente en de wijkagent vertellen wat
    buurtpreventie is. Coördinatoren en beheerders van bestaande teams en app-groepen vertellen hoe je begint
    en wat we van elkaar verwachten. Er is volop tijd voor vragen.""",
    """De plaatsen zijn beperkt. Meld je daarom aan; je mag één persoon meenemen.""",
    """Voor bestaande teams en app-groepen staan hier ook de tussenevaluaties. Daar kijken we samen terug:
    wat gaat goed, en wat kan beter?""",
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
    ("Mohamed Ouali", "mohamed@voorbeeld.example", 1, "Ik beheer al een app-groep van veertig leden."),
    ("Els Visser", "els.visser@voorbeeld.example", 1, ""),
]

# The two information evenings (their dates follow from today's).
UPCOMING_EVENING = {
    "title": "Informatiebijeenkomst buurtpreventie najaar",
    "location_name": "Buurthuis De Schakel",
    "location_address": "Schakelplein 4, 1234 AB Voorbeeld",
    "accessibility_notes": "Rolstoeltoegankelijk en met ringleiding. Bushalte Schakelplein ligt op 100 meter.",
    "search_description": (
        "Informatiebijeenkomst over buurtpreventie in Buurthuis De Schakel: hoe het werkt en wat je kunt "
        "verwachten. Meld je aan, de plaatsen zijn beperkt."
    ),
}
PAST_EVENING = {
    "title": "Informatiebijeenkomst buurtpreventie zomer",
    "location_name": "Wijkcentrum De Horst",
    "location_address": "Horstlaan 12, 1235 CD Voorbeeld",
    "accessibility_notes": "Rolstoeltoegankelijk.",
    "search_description": "De informatiebijeenkomst over buurtpreventie van deze zomer in Wijkcentrum De Horst.",
}

# The coming interim evaluations (tussenevaluaties): (slug, days from today, seats, texts).
EVALUATION_MEETINGS = [
    (
        "tussenevaluatie-winter",
        24,
        30,
        {
            "title": "Tussenevaluatie buurtpreventie winter",
            "location_name": "Wijkcentrum De Horst",
            "location_address": "Horstlaan 12, 1235 CD Voorbeeld",
            "accessibility_notes": "Rolstoeltoegankelijk. Gratis parkeren achter het wijkcentrum.",
            "search_description": (
                "Tussenevaluatie voor teams en app-groepen: samen met gemeente en politie terugkijken. Meld je aan."
            ),
        },
    ),
    (
        "tussenevaluatie-zomer",
        200,
        30,
        {
            "title": "Tussenevaluatie buurtpreventie zomer",
            "location_name": "Buurthuis De Schakel",
            "location_address": "Schakelplein 4, 1234 AB Voorbeeld",
            "accessibility_notes": "Rolstoeltoegankelijk en met ringleiding.",
            "search_description": "Tussenevaluatie voor teams en app-groepen in Buurthuis De Schakel. Meld je aan.",
        },
    ),
]
EVALUATION_ATTENDEES = "De coördinator buurtpreventie van de gemeente, de wijkagent en een boa."
EVALUATION_PROGRAMME = [
    steps(
        [
            ("19.30 uur: welkom", "<p>Koffie en thee. De gemeente vertelt wat er dit jaar is gebeurd.</p>"),
            ("19.45 uur: wat gaat goed?", "<p>Teams en app-groepen vertellen wat goed werkt.</p>"),
            ("20.15 uur: wat kan beter?", "<p>In groepjes over het rooster, de meldingen en de terugkoppeling.</p>"),
            ("21.00 uur: afspraken", "<p>We kijken of de afspraken nog kloppen en wat we veranderen.</p>"),
        ]
    ),
    paragraph("Je mag één persoon uit je team of app-groep meenemen."),
]

REGISTRATION_PAGE_DESCRIPTION = "Meld je aan voor buurtpreventie tijdens een aanmeldmoment."
EVENINGS_DESCRIPTION = "Kom naar een informatiebijeenkomst over buurtpreventie en meld je aan."

# Teams that already walk or run an app group: (name, kind, wijk, coordinator, coordinator's address, members).
DEMO_TEAMS = [
    (
        "Buurtpreventie Noorderpark",
        "straatteam",
        "Noorderpark",
        "Fatima el Amrani",
        "fatima@voorbeeld.example",
        ["Fatima el Amrani", "Kees Bakker", "Ilse Verhoeven", "Mohamed Benali"],
    ),
    (
        "Team Oude Haven",
        "straatteam",
        "Oude Haven",
        "Willem Jansen",
        "willem.jansen@voorbeeld.example",
        ["Willem Jansen", "Sanne de Graaf", "Ahmet Yilmaz"],
    ),
    (
        "App-groep De Horst",
        "appgroep",
        "De Horst",
        "Priya Raghoebier",
        "priya@voorbeeld.example",
        ["Priya Raghoebier", "Joost van Dam", "Linda Smit", "Ruud Hendriks", "Esra Kaya"],
    ),
]

# The motivation questionnaire "Wat drijft jou?" (slug motivatie): its intro and the advice per profile,
# after guideline 3.1 on tailoring support to what drives people (our own words).
MOTIVATION_DESCRIPTION = "Zes uitspraken over wat jou drijft, met advies over wat bij je past. Anoniem."
MOTIVATION_INTRO = (
    "<p>Iedereen die meedoet aan buurtpreventie heeft een eigen reden. Wat is die van jou? "
    "Geef bij zes uitspraken aan hoe je erover denkt. Dat duurt ongeveer twee minuten.</p>"
    "<p>Je vult geen naam of e-mailadres in. Je antwoorden bewaren we niet. "
    "We tellen alleen per week hoe vaak de vragenlijst is ingevuld.</p>"
)
MOTIVATION_ADVICE = {
    "advice_normative": (
        "<p>Jij vindt dat iedereen een beetje verantwoordelijk is voor de buurt. "
        "Je wilt dat buren op elkaar letten.</p>"
        "<ul><li><strong>Wat past bij jou:</strong> een team dat rondes loopt door de wijk. "
        "Zo zie en spreek je buren, en merk je snel wat er speelt.</li>"
        "<li><strong>Training:</strong> de basistraining is genoeg om te beginnen. "
        "Je leert daar wat je wel en niet doet. Politiewerk doe je niet.</li>"
        "<li><strong>Wat de gemeente je biedt:</strong> vast contact met de wijkagent en de boa, "
        "en duidelijke afspraken over ieders rol.</li></ul>"
    ),
    "advice_pragmatic": (
        "<p>Jij doet graag samen met je buren iets voor de straat. "
        "Je wilt ook weten wat er met jullie meldingen gebeurt.</p>"
        "<ul><li><strong>Wat past bij jou:</strong> een team met vaste maatjes, of een app-groep in je eigen straat. "
        "Het contact met de anderen is voor jou de helft van de waarde.</li>"
        "<li><strong>Training:</strong> de basistraining, samen met je team. "
        "Zo leer je elkaar meteen kennen.</li>"
        "<li><strong>Wat de gemeente je biedt:</strong> op de teampagina lees je wat er met elke melding is gedaan. "
        "En bij de tussenevaluatie praat je mee over wat beter kan.</li></ul>"
    ),
    "advice_rational": (
        "<p>Jij wilt dat je inzet iets oplevert. "
        "Je vindt vrijwilligerswerk de moeite waard en leert graag iets nieuws.</p>"
        "<ul><li><strong>Wat past bij jou:</strong> duidelijke taken met een doel. "
        "Dat kan in een team dat rondes loopt, maar ook als beheerder van een app-groep.</li>"
        "<li><strong>Training:</strong> na de basistraining kun je extra cursussen volgen. "
        "Denk aan EHBO, reanimatie of een cursus over lastige gesprekken.</li>"
        "<li><strong>Wat de gemeente je biedt:</strong> cijfers over wat jullie meldingen opleveren. "
        "Op de site lees je geregeld wat gemeente en politie ermee deden.</li></ul>"
    ),
}
