"""Chapter 7 of the dossier: Motivatie en maatwerk."""

from home.demo import heading, html_list, html_paragraphs, paragraph, rich_text

SLUG = "motivatie-en-maatwerk"
TITLE = "Motivatie en maatwerk"
INTRO = """Iedereen heeft een eigen reden om mee te doen. Als we weten wat jou drijft, kunnen we je beter
ondersteunen. Daarom vragen we er ook naar."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Waarom doe je mee aan buurtpreventie? Iedereen heeft een eigen reden. Lees waarom we ernaar "
    "vragen en hoe we je steun daarop afstemmen."
)


def body(context):
    return [
        heading("Iedereen heeft een eigen reden"),
        paragraph(
            """De een wil iets betekenen voor de buurt, de ander zoekt gezelligheid of wil iets leren.
            Onderzoek van de Universiteit Leiden laat zien hoe verschillend die redenen zijn. Het
            onderzoek beschrijft drie profielen. De meeste mensen herkennen zich in één ervan, vaak met
            iets van de andere twee."""
        ),
        heading("Drie profielen"),
        heading("De normatieve partner", "h3"),
        paragraph(
            """Je vindt dat iedereen medeverantwoordelijk is voor een veilige buurt, en je doet mee
            omdat het goed is voor de samenleving. Samenwerken met de politie vind je belangrijk. Maar
            agent spelen wil je niet."""
        ),
        heading("De pragmatische samenwerker", "h3"),
        paragraph(
            """Ook jij vindt dat je je hoort in te zetten, maar je bent er nuchter onder. Je hecht aan
            een eigen plek naast de politie en je kijkt kritisch naar wat de politie doet. Het samen doen,
            met je teamgenoten en je buren, is voor jou het belangrijkst."""
        ),
        heading("De rationele vrijwilliger", "h3"),
        paragraph(
            """Je ziet buurtpreventie niet als plicht. Je wilt vooral actief bezig zijn, iets leren en
            zien dat je inzet resultaat heeft. Veiligheid zelf is voor jou niet de grootste drijfveer."""
        ),
        heading("Waarom maatwerk?"),
        rich_text(
            html_paragraphs(
                """Omdat mensen om verschillende redenen meedoen, past één aanpak niet bij iedereen. Wat
                de een motiveert, vindt de ander overbodig. Daarom stemmen we de ondersteuning af op wat
                jij zoekt. Bijvoorbeeld:"""
            )
            + html_list(
                "Wil je je ontwikkelen? Dan kun je extra trainingen volgen.",
                "Heb je het druk? Dan is het basispakket genoeg.",
                "Doe je mee voor het contact? Dan zijn de teamactiviteiten iets voor jou.",
                "Wil je resultaat zien? Dan houden we je op de hoogte van wat er met je meldingen gebeurt.",
            )
        ),
        heading("Wat weeg je zelf af?"),
        rich_text(
            html_paragraphs("Of je meedoet, en blijft meedoen, hangt ook af van:")
            + html_list(
                "hoe belangrijk je buurtpreventie vindt;",
                "wat je precies moet doen;",
                "of je dat kunt, en of je er de tijd voor hebt;",
                "wat jouw inzet volgens jou oplevert;",
                "of je de gemeente en de politie vertrouwt als partner.",
            )
        ),
        heading("We vragen ernaar in het gesprek"),
        paragraph(
            """In het kennismakingsgesprek gaat het niet alleen over taken en roosters. We vragen ook
            waarom je mee wilt doen. Soms leggen we je een paar stellingen voor, zoals 'Ik vind dat ik als
            bewoner mee moet helpen aan een veilige buurt' of 'Ik wil graag zien wat mijn inzet oplevert'.
            Er zijn geen goede of foute antwoorden.""",
            """Met je antwoorden zoeken we een team, een taak en een wijkagent die bij je passen.""",
        ),
    ]
