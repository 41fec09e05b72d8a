"""Texts of the practice-example demo: our own Dutch, from the facts in the seeds (teams that
walk rounds, talk with residents, work with the wijkagent and the gemeente)."""

from home.demo import heading, html_paragraphs, paragraph, squash

THEMES = [
    ("inbraakpreventie", "Inbraakpreventie"),
    ("verlichting", "Verlichting"),
    ("jongeren", "Jongeren"),
    ("contact-met-de-buurt", "Contact met de buurt"),
    ("samenwerking-met-politie", "Samenwerking met politie"),
]

INDEX_INTRO = html_paragraphs(
    """Teams leren het meest van elkaar. Hier vertellen buurtpreventieteams en app-groepen wat ze
    deden, wat het opleverde en wat ze andere teams aanraden. Kies een thema of een wijk om
    alleen die voorbeelden te zien."""
)
INDEX_DESCRIPTION = "Wat buurtpreventieteams deden, wat het opleverde en hun tips voor andere teams."

SHARE_INTRO = html_paragraphs(
    """Heeft jullie team iets gedaan waar andere teams iets aan hebben? Een actie die goed werkte,
    een handige afspraak met de wijkagent of een manier om nieuwe leden te vinden? Vertel het
    hier. Misschien komt jullie voorbeeld ook in de nieuwsbrief."""
)
SHARE_DESCRIPTION = "Stuur een praktijkvoorbeeld van je buurtpreventieteam in, zodat andere teams ervan leren."
SHARE_THANKS = html_paragraphs(
    """De redactie leest je voorbeeld en maakt de tekst zo nodig wat korter of duidelijker.
    Zodra het op de website staat, krijg je een mail met de link."""
)


def body(did, result, tip):
    return [
        heading("Wat we deden"),
        paragraph(*did),
        heading("Wat het opleverde"),
        paragraph(*result),
        heading("Tip voor andere teams"),
        paragraph(tip),
    ]


# (slug, title, summary, team, wijk, days ago, themes, photo (colours and alt text) or None, body)
EXAMPLES = [
    (
        "avondronde-met-zaklamp",
        "Avondronde met zaklamp langs open deuren",
        squash(
            """Twee avonden per week lopen we met een zaklamp door de straten. Staat een schuur of
            raam open, dan laten we een vriendelijk kaartje achter."""
        ),
        "Buurtpreventie Lindenlaan",
        "Noorderpark",
        21,
        ["inbraakpreventie", "contact-met-de-buurt"],
        ("lamp", "Tekening van een zaklamp die bij avond een schuurdeur in een achterpad verlicht."),
        body(
            [
                """We lopen op dinsdag- en donderdagavond, steeds met z'n tweeën of drieën, een vaste
                ronde van ongeveer een uur. In het donker zie je met een zaklamp snel of een
                schuurdeur, tuinpoort of raam op de begane grond openstaat.""",
                """Zien we iets openstaan, dan bellen we aan. Is er niemand thuis, dan gaat er een
                kaartje in de bus: ‘Uw schuurdeur stond open. Groet van de buurtpreventie.’""",
            ],
            [
                """In het eerste halfjaar vonden we bijna elke ronde iets open. Nu is dat nog maar af
                en toe. Bewoners spreken ons aan op straat en bedanken ons voor het kaartje.""",
            ],
            "Houd het kaartje kort en vriendelijk. Niemand wil een preek; een groet werkt beter.",
        ),
    ),
    (
        "lichtschouw-met-de-gemeente",
        "Lichtschouw met de gemeente",
        squash(
            """Samen met de gemeente liepen we op een winteravond door de wijk om te kijken waar
            het te donker is. Kapotte lampen en donkere hoeken zijn nu aangepakt."""
        ),
        "Team Havenkwartier",
        "Oude Haven",
        47,
        ["verlichting", "inbraakpreventie"],
        ("street", "Tekening van een straat bij avond met drie brandende lantaarnpalen en één kapotte."),
        body(
            [
                """Op onze rondes zagen we steeds dezelfde donkere plekken: een brandgang, het pad
                langs de speeltuin en een parkeerplaats. We vroegen de gemeente om een keer mee te
                lopen.""",
                """Op een avond in januari liepen twee medewerkers van de gemeente met ons mee. We
                noteerden per plek wat er mis was: een kapotte lamp, een lamp achter een boom, of
                helemaal geen licht.""",
            ],
            [
                """Binnen een maand waren de kapotte lampen vervangen en de bomen gesnoeid. Voor het
                pad langs de speeltuin komt er een extra lantaarnpaal. Bewoners zeggen dat ze zich
                daar 's avonds veiliger voelen.""",
            ],
            """Maak een lijstje met de precieze plekken, met een foto erbij. Dan kan de gemeente er
            meteen mee aan de slag.""",
        ),
    ),
    (
        "in-gesprek-met-jongeren-bij-het-trapveld",
        "In gesprek met jongeren bij het trapveld",
        squash(
            """Er kwamen klachten over jongeren bij het trapveld. Wij gingen met ze praten in
            plaats van over ze. Nu groeten we elkaar en houden zij zelf een oogje in het zeil."""
        ),
        "Buurtpreventie Zuidwijk",
        "Zuidwijk",
        83,
        ["jongeren", "contact-met-de-buurt"],
        None,
        body(
            [
                """Buren ergerden zich aan een groep jongeren die 's avonds bij het trapveld stond.
                Op onze ronde zijn we gewoon op ze afgestapt om kennis te maken: wie we zijn, wat we
                doen en waarom.""",
                """Daarna maakten we elke ronde even een praatje. De jongerenwerker van de wijk sloot
                een paar keer aan.""",
            ],
            [
                """De jongeren bleken zelf last te hebben van de kapotte verlichting en van
                scooters die over het veld reden. Dat hebben we samen bij de gemeente gemeld. De
                klachten van buren zijn bijna verdwenen.""",
            ],
            """Stap er gewoon op af en stel je voor. Jongeren zijn ook buurtbewoners, en vaak weten
            zij als eersten wat er speelt.""",
        ),
    ),
    (
        "huisregels-voor-de-app-groep",
        "Huisregels voor de app-groep, samen met de wijkagent",
        squash(
            """Onze app-groep werd een kletsgroep met dubbele berichten. Met de wijkagent maakten we
            vijf huisregels. Nu staan er weer alleen berichten in die ertoe doen."""
        ),
        "App-groep De Horst",
        "De Horst",
        124,
        ["samenwerking-met-politie", "contact-met-de-buurt"],
        None,
        body(
            [
                """Onze WhatsApp-groep groeide snel naar meer dan tweehonderd leden. Er kwamen
                berichten over verloren katten, doorgestuurde waarschuwingen en discussies. De
                echte meldingen raakten ondergesneeuwd.""",
                """Samen met de wijkagent schreven we vijf huisregels. Bijvoorbeeld: bij gevaar eerst
                [alarmnummer] bellen en dan pas appen. Geen foto's van mensen die je niet kent. En
                reageren doe je in een apart gesprek.""",
            ],
            [
                """Nieuwe leden krijgen de regels bij binnenkomst. Het aantal berichten is
                gehalveerd, en de wijkagent leest mee en geeft af en toe terug wat de politie met
                een melding deed.""",
            ],
            """Maak de regels samen met de wijkagent. Dan weet iedereen wat de politie wel en niet
            van de groep verwacht.""",
        ),
    ),
]

# Sent in through the form and waiting in the editors' moderation.
SUBMITTED = {
    "slug": "welkomstkaart-voor-nieuwe-buren",
    "title": "Welkomstkaart voor nieuwe buren",
    "what_we_did": squash(
        """Komt er iemand nieuw in de straat wonen, dan brengen we een welkomstkaart met de namen van
        het team, het nummer van de wijkagent en een uitnodiging voor een kop koffie."""
    ),
    "what_came_of_it": squash(
        """Drie nieuwe buren hebben zich inmiddels bij ons team aangesloten, en nieuwe bewoners weten
        meteen bij wie ze terechtkunnen."""
    ),
    "tip": "Laat de kaart persoonlijk afgeven. Een praatje aan de deur doet meer dan een kaart in de bus.",
    "team_name": "Buurtpreventie Kerkbuurt",
    "wijk": "Centrum",
    "name": "Demo Inzender",
    "email": "inzender@example.org",
}
