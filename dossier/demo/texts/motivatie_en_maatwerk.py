"""Chapter 7 of the dossier: Motivatie en maatwerk.

The statements it quotes are those of the registration form and the questionnaire
(forms.motivation.STATEMENTS), word for word; the dossier may not import forms, so
tests/dossier/test_motivation_chapter.py checks that every quote is one of them.
"""

from home.demo import heading, html_list, html_paragraphs, page_link, paragraph, rich_text

SLUG = "motivatie-en-maatwerk"
TITLE = "Motivatie en maatwerk"
INTRO = """Iedereen heeft een eigen reden om mee te doen. Als we weten wat jou drijft, kunnen we je beter
ondersteunen. Daarom vragen we er ook naar."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Waarom doe je mee aan buurtpreventie? Iedereen heeft een eigen reden. Lees waarom we ernaar "
    "vragen en hoe we je steun daarop afstemmen."
)
# What the text invents and the municipality must check (shown to editors only).
LOCAL_FACTS = [
    "Extra trainingen voor wie zich wil ontwikkelen; teamactiviteiten voor wie het contact zoekt",
    "In het intakegesprek vragen we naar de motivatie, met de stellingen van de vragenlijst",
]


def quoted(*statements):
    """The statements as a list, each between ‘ ’ (the test finds them by these marks)."""
    return html_list(*(f"‘{statement}’" for statement in statements))


def body(context):
    questionnaire = context.get("questionnaire")
    return [
        heading("Iedereen heeft een eigen reden"),
        paragraph(
            """De een wil iets betekenen voor de buurt, de ander zoekt gezelligheid of wil iets leren.
            Onderzoek van de Universiteit Leiden laat zien hoe verschillend die redenen zijn. Het
            onderzoek beschrijft drie profielen. De meeste mensen herkennen zich in één ervan, vaak met
            iets van de andere twee."""
        ),
        heading("Drie profielen"),
        paragraph(
            """Bij elk profiel staan twee stellingen. Dezelfde stellingen vind je op het
            aanmeldformulier en in de vragenlijst."""
        ),
        heading("De normatieve partner", "h3"),
        rich_text(
            html_paragraphs(
                """Je vindt dat iedereen medeverantwoordelijk is voor een veilige buurt. Je doet mee omdat
                het goed is voor de samenleving. Samenwerken met de politie vind je belangrijk. Maar agent
                spelen wil je niet. Je herkent je in:"""
            )
            + quoted(
                "Ik voel me als bewoner medeverantwoordelijk voor een veilige en leefbare wijk.",
                "Ik wil dat buren beter op elkaar en op de straat letten.",
            )
        ),
        heading("De pragmatische samenwerker", "h3"),
        rich_text(
            html_paragraphs(
                """Ook jij vindt dat je je hoort in te zetten, maar je bent er nuchter onder. Je wilt een
                eigen plek naast de politie, en je kijkt kritisch naar wat de politie doet. Het samen doen
                is voor jou het belangrijkst. Je herkent je in:"""
            )
            + quoted(
                "Ik wil horen wat politie en gemeente doen met wat ons team meldt.",
                "Ik wil samen met mijn buren iets doen voor een fijne, veilige buurt.",
            )
        ),
        heading("De rationele vrijwilliger", "h3"),
        rich_text(
            html_paragraphs(
                """Je ziet buurtpreventie niet als plicht. Je wilt vooral actief bezig zijn, iets leren en
                zien dat je inzet resultaat heeft. Veiligheid zelf is voor jou niet de grootste drijfveer.
                Je herkent je in:"""
            )
            + quoted(
                "Vrijwilligerswerk vind ik hoe dan ook de moeite waard.",
                "Ik wil zien dat ons team echt iets bereikt.",
            )
        ),
        heading("Welk profiel past bij jou?"),
        paragraph(
            f"""Vul de {page_link(questionnaire, "vragenlijst over je motivatie")} in. Je geeft bij elke
            stelling aan hoe je erover denkt. Daarna zie je welke mix van profielen bij je past, en wat
            daarbij hoort. Je antwoorden bewaren we niet. Meld je je daarna aan? Dan neem je ze mee naar
            het aanmeldformulier."""
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
        heading("We vragen ernaar in het intakegesprek"),
        paragraph(
            """In het intakegesprek gaat het niet alleen over taken en roosters. We vragen ook waarom je
            mee wilt doen. Soms leggen we je de stellingen van hierboven voor. Er zijn geen goede of foute
            antwoorden.""",
            """Met je antwoorden zoeken we een team, een taak en een wijkagent die bij je passen.""",
        ),
    ]
