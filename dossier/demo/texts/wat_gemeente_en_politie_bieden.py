"""Chapter 3 of the dossier: Wat gemeente en politie bieden en verwachten."""

from home.demo import callout, heading, html_list, html_paragraphs, paragraph, rich_text

from .common import municipality_contact

SLUG = "wat-gemeente-en-politie-bieden"
TITLE = "Wat gemeente en politie bieden en verwachten"
INTRO = """Buurtpreventie werkt alleen als beide kanten zich inzetten. De gemeente en de politie beloven
je een aantal dingen en vragen ook iets terug. Zo weet je vooraf waar je aan toe bent."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Wat gemeente en politie je bieden als je meedoet aan buurtpreventie, zoals training, "
    "materiaal en terugkoppeling, en wat ze van jullie vragen."
)


# What the text invents and the municipality must check (shown to editors only).
LOCAL_FACTS = [
    "Elke maand een kort telefoontje of mailtje met de coördinator of beheerder",
    "Trainingen 'Veilig op ronde' en 'Signaleren en melden' (basispakket)",
    "Extra trainingen: EHBO, reanimeren met een AED, omgaan met lastige gesprekken",
    "Hesje en zaklamp voor teams die rondes lopen; verzekering tijdens activiteiten",
    "Teambudget per team, hoogte naar het aantal actieve leden",
    "Eén bijeenkomst per jaar voor coördinatoren en beheerders, één activiteit per jaar voor iedereen",
    "Afspraken in een convenant of een korte lijst, bekeken bij de tussenevaluatie",
    "Het kader 'Voorbeeld' (lokaal doel, wat wel en niet geboden wordt) is verzonnen: vervang het",
]


def body(context):
    return [
        heading("Een samenwerking met afspraken"),
        paragraph(
            """Als de gemeente en de politie met jouw team of app-groep samenwerken, beloven zij ook
            zelf iets. Ze maken tijd voor je, delen informatie en zorgen voor middelen. Hieronder lees je
            wat je van ons krijgt, en wat we van jou vragen."""
        ),
        heading("Wat we je bieden"),
        heading("Vast contact", "h3"),
        paragraph(
            """Je team heeft een vaste contactpersoon bij de gemeente en een vaste wijkagent. Met de
            coördinator of beheerder hebben we geregeld contact, bijvoorbeeld elke maand een kort
            telefoontje of mailtje om te horen hoe het gaat. De wijkagent loopt af en toe mee met een
            ronde."""
        ),
        heading("Informatie", "h3"),
        paragraph(
            """We vertellen je wat er in je buurt speelt als dat voor jullie werk belangrijk is,
            bijvoorbeeld een reeks inbraken. En we laten weten wat we met jullie verslagen en meldingen
            hebben gedaan."""
        ),
        heading("Training en middelen", "h3"),
        rich_text(
            html_paragraphs("Iedereen die meedoet, krijgt een basispakket:")
            + html_list(
                """de training <b>Veilig op ronde</b>: wat je wel en niet doet als er iets gebeurt;""",
                """de training <b>Signaleren en melden</b>: wat je doorgeeft, hoe en aan wie;""",
                "een hesje en een zaklamp voor teams die rondes lopen;",
                "een verzekering tijdens je activiteiten voor het team.",
            )
            + html_paragraphs(
                """Wil je meer leren? Dan kun je kiezen uit extra trainingen, zoals EHBO, reanimeren met
                een AED of omgaan met lastige gesprekken. Dat hoeft niet: wie het druk heeft, volstaat
                met het basispakket."""
            )
        ),
        heading("Een eigen teambudget", "h3"),
        paragraph(
            """Elk team krijgt een klein budget dat het zelf mag besteden. Het ene team gaat een keer
            samen eten, het andere volgt een extra training. Hoe hoog het budget is, hangt af van het
            aantal actieve leden."""
        ),
        heading("Elkaar ontmoeten", "h3"),
        paragraph(
            """Eén keer per jaar organiseren we een bijeenkomst voor alle coördinatoren en beheerders.
            Daar leer je elkaar kennen, wissel je ervaringen uit en verbeteren we samen het werk. Daarnaast
            is er elk jaar een activiteit voor alle buurtpreventen, bijvoorbeeld een barbecue of een
            thema-avond over veiligheid."""
        ),
        heading("Wat we van jou vragen"),
        rich_text(
            html_list(
                """<b>Duidelijke verslagen.</b> Niet alleen 'het was rustig', maar ook wanneer je liep,
                welke route en wat je opviel.""",
                """<b>Afspraken nakomen.</b> Houd je aan het rooster en de werkafspraken, en meld je op
                tijd af als je niet kunt.""",
                """<b>Veiligheid voorop.</b> Je grijpt nooit zelf in. Bij gevaar bel je [alarmnummer].""",
                """<b>Respect.</b> Je behandelt iedereen in de buurt vriendelijk en gelijk, en je
                beschuldigt niemand.""",
                """<b>Zorgvuldig met informatie.</b> Wat je van de wijkagent hoort, blijft binnen het
                team.""",
            )
        ),
        heading("Afspraken op papier"),
        paragraph(
            """Voordat een team of app-groep start, bespreken we samen wat je van elkaar mag verwachten.
            Dat leggen we vast: in een convenant dat we allebei ondertekenen, of in een korte lijst met
            afspraken. Bij de tussenevaluatie kijken we of de afspraken nog kloppen."""
        ),
        heading("Waarom we dit bieden, en wat niet"),
        paragraph(
            """De gemeente kiest wat ze biedt aan de hand van een eigen doel. Dat doel staat in het
            veiligheidsbeleid. Zo weet je waarom je iets wel of niet krijgt."""
        ),
        callout(
            "info",
            "Voorbeeld: de gemeente vervangt deze tekst door haar eigen doel en keuzes",
            html_paragraphs(
                """<b>Ons doel.</b> Over drie jaar heeft elke wijk een team of een app-groep. Zo willen
                we minder inbraken en meer contact tussen buren.""",
                """<b>Wat we bieden, en waarom.</b> Training en materiaal, omdat je veilig moet kunnen
                werken. Vast contact en terugkoppeling, omdat je melding pas iets oplevert als er iets mee
                gebeurt.""",
                """<b>Wat we niet bieden, en waarom.</b> Geen vergoeding per uur: buurtpreventie is
                vrijwilligerswerk. Geen portofoons of camera's: je kijkt en meldt, je spoort niemand op.
                Geen eigen app: een app-groep kiest zelf welke app ze gebruikt.""",
            ),
        ),
        municipality_contact("Vragen over wat de gemeente biedt? Neem gerust contact op."),
    ]
