"""Chapter 1 of the dossier: Wat is buurtpreventie en waarom."""

from home.demo import callout, heading, html_list, html_paragraphs, paragraph, rich_text

SLUG = "wat-is-buurtpreventie"
TITLE = "Wat is buurtpreventie en waarom"
INTRO = """Bij buurtpreventie letten bewoners samen op hun eigen buurt. Ze zien wat er speelt, geven
signalen door aan gemeente en politie en leren hun buren beter kennen. Hier lees je wat
buurtpreventie is, en ook wat het niet is."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Wat buurtpreventie is: bewoners die samen op hun buurt letten en signalen doorgeven. En wat "
    "het niet is: je wordt geen agent en grijpt nooit zelf in."
)


# What the text invents and the municipality must check (shown to editors only).
LOCAL_FACTS = [
    "Twee vormen: teams die rondes lopen (met hesje) en app-groepen",
    "Buurtpreventie is onderdeel van het lokale veiligheidsbeleid",
]


def body(context):
    return [
        heading("Samen een oogje in het zeil"),
        paragraph(
            """Bij buurtpreventie zetten bewoners zich samen in voor een veilige en prettige buurt. Je
            doet dat als vrijwilliger, in je eigen wijk en in je eigen tijd. De gemeente en de politie
            werken met je samen en ondersteunen je.""",
            """Buurtpreventie is dus niet iets van bewoners alleen, en ook niet van de overheid alleen.
            Het werkt pas goed als beide kanten er iets in steken.""",
        ),
        heading("Wat buurtpreventie doet"),
        heading("Signaleren", "h3"),
        paragraph(
            """Jullie zijn extra ogen en oren in de wijk. Je kent je buurt, dus je merkt snel als iets
            anders is dan normaal. Door dat door te geven, kunnen gemeente en politie sneller en gerichter
            iets doen. En ze leren beter wat er in jouw buurt speelt."""
        ),
        heading("Voorkomen", "h3"),
        paragraph(
            """Buurtpreventie zet mensen aan het denken. Zit de schuurdeur op slot? Brandt de
            buitenlamp? Door buren daarop te wijzen en zelf het goede voorbeeld te geven, maak je het
            inbrekers moeilijker."""
        ),
        heading("Verbinden", "h3"),
        paragraph(
            """Tijdens een ronde maak je een praatje met buurtgenoten en hoor je wat er leeft. Daaruit
            ontstaat vaak meer contact in de straat, en soms nieuwe activiteiten. Een buurt waarin
            mensen elkaar kennen, voelt veiliger en is dat vaak ook."""
        ),
        heading("Lopen of appen"),
        rich_text(
            html_paragraphs("Er zijn twee vormen van buurtpreventie. Veel wijken hebben ze allebei.")
            + html_list(
                """<b>Een buurtpreventieteam.</b> Bewoners lopen op vaste momenten samen een ronde door de
                wijk, herkenbaar aan een hesje.""",
                """<b>Een digitale buurtpreventiegroep.</b> Bewoners waarschuwen elkaar via een
                app-groep en geven signalen door aan de politie.""",
            )
            + html_paragraphs(
                """Je kunt je aanmelden om een nieuw team of een nieuwe app-groep te starten, of om aan te
                sluiten bij een team dat al bestaat."""
            )
        ),
        heading("Wat buurtpreventie niet is"),
        paragraph(
            """Buurtpreventen zijn geen politie en geen handhavers. Je houdt niemand aan, je doet geen
            eigen onderzoek en je gaat geen confrontatie aan. Je weet veel van je buurt, maar je hebt
            niet de opleiding en de bevoegdheden van agenten en boa's.""",
            """Daarom is de taakverdeling helder: jij ziet en meldt, de professionals beslissen wat er
            daarna gebeurt.""",
        ),
        callout(
            "warning",
            "Bij gevaar: bel het alarmnummer",
            html_paragraphs(
                """Zie je iets verdachts dat nu gebeurt, of is er gevaar? Bel direct <b>[alarmnummer]</b>. Ga er
                niet zelf op af."""
            ),
        ),
        heading("Waarom de gemeente meedoet"),
        paragraph(
            """Voor de gemeente is buurtpreventie geen doel op zich. Het is een manier om samen met
            bewoners te werken aan een veilige en leefbare buurt. Het komt bij het werk van de politie en
            de gemeente, en vervangt dat niet. Zo past het in het veiligheidsbeleid van de gemeente.""",
            """In de volgende hoofdstukken lees je wie wat doet, wat de gemeente en de politie je bieden
            en hoe je je aanmeldt.""",
        ),
    ]
