"""Texts of the newsletter archive and its two demo issues (our own Dutch)."""

from home.demo import html_paragraphs, page_link, squash

ARCHIVE_SLUG = "nieuwsbrieven"
ARCHIVE_TITLE = "Nieuwsbrieven"
ARCHIVE_INTRO = html_paragraphs(
    """Een paar keer per jaar verschijnt de nieuwsbrief over buurtpreventie. Je leest wat teams in
    hun wijk doen en wat de gemeente en de politie met jullie meldingen deden. En wanneer de volgende
    aanmeldmomenten en informatiebijeenkomsten zijn. Hier lees je alle nummers terug."""
)
ARCHIVE_DESCRIPTION = "Alle nieuwsbrieven over buurtpreventie: praktijkvoorbeelden van teams, nieuws en de agenda."

APPROVER_LABEL = "Demo-redactie nieuwsbrief"
APPROVER_USERNAME = "nieuwsbriefredactie"

ISSUES = [
    {
        "slug": "nieuwsbrief-zomer",
        "title": "Nieuwsbrief zomer",
        "subject": "Nieuwsbrief buurtpreventie: zaklampen, lantaarnpalen en een nieuwe ronde",
        "intro": squash(
            """In deze eerste nieuwsbrief laten twee teams zien hoe zij hun ronde aanpakken. En we
            vertellen wat er gebeurde met de kapotte lantaarnpalen die jullie meldden."""
        ),
        "description": "Nieuwsbrief zomer: een avondronde met zaklamp, een lichtschouw met de gemeente en wat er met "
        "de gemelde lantaarnpalen gebeurde.",
        "days_ago": 75,
        "examples": ["avondronde-met-zaklamp", "lichtschouw-met-de-gemeente"],
        "text_heading": "Wat er met jullie meldingen gebeurde",
        "text": html_paragraphs(
            """Dit voorjaar meldden de teams samen ruim dertig kapotte of zwakke lantaarnpalen. De
            gemeente heeft ze allemaal laten nakijken; de meeste branden weer. Op twee plekken komt
            een extra lamp.""",
            """Zie je nog een donkere plek? Meld het bij de gemeente via [telefoon]. Zet in je
            verslag van de ronde ook waar het te donker is.""",
        ),
        "cta_heading": "Hoe doen jullie het?",
        "cta_text": "Heeft jullie team iets geprobeerd dat goed werkte? Andere teams leren er graag van.",
        "cta_button": "Deel je praktijkvoorbeeld",
    },
    {
        "slug": "nieuwsbrief-najaar",
        "title": "Nieuwsbrief najaar",
        "subject": "Nieuwsbrief buurtpreventie: jongeren, de app-groep en de agenda voor het najaar",
        "intro": squash(
            """De dagen worden korter: tijd voor de avondronde. In deze nieuwsbrief een team dat met
            jongeren in gesprek ging, afspraken voor de app-groep, en wanneer je je kunt aanmelden."""
        ),
        "description": "Nieuwsbrief najaar: in gesprek met jongeren, huisregels voor de app-groep, tips voor de "
        "donkere maanden en de agenda.",
        "days_ago": 20,
        "examples": ["in-gesprek-met-jongeren-bij-het-trapveld", "huisregels-voor-de-app-groep"],
        "text_heading": "Tips voor de donkere maanden",
        "text": (
            html_paragraphs(
                """Na de omschakeling naar de wintertijd is het om vijf uur al donker. Dat is het moment
                waarop inbrekers hun kans zien. Let tijdens je ronde vooral op:"""
            )
            + "<ul><li>ramen en deuren die openstaan;</li><li>huizen waar het lang donker blijft;</li>"
            "<li>schuren en achterpaden zonder licht.</li></ul>"
        ),
        "cta_heading": "Laat andere teams zien wat werkt",
        "cta_text": "Stuur jullie ervaring in; de redactie zet hem na een korte controle op de website.",
        "cta_button": "Deel je praktijkvoorbeeld",
    },
]

AGENDA_TEXT = "Deze aanmeldmomenten en informatiebijeenkomsten staan gepland."


def chapter_paragraph(archive, subscribe_page):
    """Added to the dossier chapter on sharing information: where the newsletter is."""
    subscribe = (
        f" of {page_link(subscribe_page, 'meld je aan')} om hem voortaan in je mailbox te krijgen. Je "
        "bevestigt je aanmelding eerst via een link in een mail, en onder elke nieuwsbrief staat een link "
        "om je weer af te melden."
        if subscribe_page is not None
        else "."
    )
    return html_paragraphs(f"Lees eerdere nummers in het {page_link(archive, 'archief van de nieuwsbrief')}{subscribe}")


HOME_CARD_TITLE = "Nieuwsbrief"
HOME_CARD_TEXT = "Praktijkvoorbeelden van teams, nieuws en de agenda, een paar keer per jaar."
