"""Chapter 8 of the dossier: Waardering en evaluatie.

The coming interim evaluations come from the data when the page is shown (the block
``evaluation_meetings``), with a link to the evaluation form when the demo made one.
"""

from home.demo import callout, external_link, heading, html_list, html_paragraphs, paragraph, rich_text

from ..blocks import evaluation_meetings

SLUG = "waardering-en-evaluatie"
TITLE = "Waardering en evaluatie"
INTRO = """Buurtpreventie vraagt inzet van bewoners én van professionals. Waardering laten zien houdt die
inzet gaande, en door samen terug te kijken blijft de samenwerking goed."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Hoe gemeente en politie waardering laten zien voor buurtpreventen en hoe jullie samen "
    "terugkijken, zodat de samenwerking goed blijft."
)
# What this text invents and the municipality must check (LocalFactsMixin).
LOCAL_FACTS = [
    "Eén tussenevaluatie per jaar, met een formulier voor wie niet kan komen",
    "Eén keer per jaar kijken of de vastgelegde afspraken nog kloppen",
    "Een jaarlijkse bijeenkomst op het gemeentehuis, met de burgemeester erbij",
    "Een eigen teambudget dat teams vrij mogen besteden",
    "Elk jaar een activiteit voor alle buurtpreventen",
]


def body(context):
    return [
        heading("Waardering werkt twee kanten op"),
        paragraph(
            """Buurtpreventen steken er veel tijd in: ze lopen rondes, maken roosters en volgen
            trainingen. Professionals van de gemeente en de politie investeren in begeleiden en
            ondersteunen. Wie zich gewaardeerd voelt, blijft zich graag inzetten. Dat geldt voor
            bewoners, en net zo goed voor de wijkagent."""
        ),
        heading("Zo laten wij onze waardering zien"),
        rich_text(
            html_list(
                "een persoonlijk bedankje, per mail of telefoon;",
                "de wijkagent of een wethouder die een ronde meeloopt;",
                "een jaarlijkse bijeenkomst op het gemeentehuis, met de burgemeester erbij;",
                "aandacht voor jullie werk in de nieuwsbrief of de lokale krant;",
                "een eigen teambudget, dat jullie vrij mogen besteden;",
                "elk jaar een activiteit voor alle buurtpreventen.",
            )
        ),
        heading("En jij?"),
        paragraph(
            """Heeft de wijkagent je goed geholpen, of kreeg je snel antwoord van de gemeente? Laat het
            weten. Een kort berichtje doet ook professionals goed."""
        ),
        heading("Samen terugkijken: de tussenevaluatie"),
        paragraph(
            """Eén keer per jaar houden we een tussenevaluatie. Dat is een bijeenkomst voor
            coördinatoren, beheerders en leden van teams en app-groepen. De gemeente en de politie zijn
            er ook.""",
            """We kijken samen wat goed gaat en wat beter kan. En we leren van elkaar.""",
        ),
        rich_text(
            html_paragraphs("Vragen die we dan bespreken zijn bijvoorbeeld:")
            + html_list(
                "Lukt het om het rooster rond te krijgen?",
                "Krijgen jullie genoeg terugkoppeling?",
                "Welke informatie was nuttig, en welke niet?",
                "Wat hebben jullie nog nodig?",
            )
            + html_paragraphs("We kijken dan ook of de afspraken die we samen vastlegden nog kloppen.")
        ),
        paragraph(
            """Hieronder zie je wanneer de volgende tussenevaluatie is. Meld je aan, dan weten we hoeveel
            mensen er komen."""
        ),
        evaluation_meetings(context.get("evaluation_form")),
        heading("Praktijkvoorbeelden delen"),
        paragraph(
            """Teams kunnen veel van elkaar leren. In de nieuwsbrief delen teams daarom hun
            praktijkvoorbeelden: een actie die goed werkte, een handig rooster of hoe een team nieuwe
            leden vond. Ervaren teams helpen zo nieuwe teams op weg."""
        ),
        callout(
            "tip",
            "Deel jouw voorbeeld",
            html_paragraphs(
                f"""Heeft jouw team iets gedaan waar anderen iets aan hebben? Vertel het via
                {external_link("/deel-je-praktijkvoorbeeld/", "het formulier ‘Deel je praktijkvoorbeeld’")}.
                De redactie leest het en zet het op de website; misschien staat het ook in de
                volgende nieuwsbrief. Wat andere teams deden, lees je bij de
                {external_link("/praktijkvoorbeelden/", "praktijkvoorbeelden")}."""
            ),
        ),
    ]
