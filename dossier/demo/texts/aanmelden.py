"""Chapter 4 of the dossier: Zo meld je je aan."""

from home.demo import callout, heading, html_list, html_paragraphs, page_link, paragraph, rich_text, steps

SLUG = "aanmelden"
TITLE = "Zo meld je je aan"
INTRO = """Een paar keer per jaar kun je je aanmelden voor een nieuw team, een nieuwe app-groep of een
bestaand team. Daarna volgen een informatieavond en een kennismakingsgesprek, en leggen we
samen de afspraken vast."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Zo meld je je aan voor buurtpreventie: een nieuw team, een nieuwe app-groep of een bestaand "
    "team. Met de informatieavond, het gesprek en de afspraken."
)


def body(context):
    return [
        heading("Vaste aanmeldmomenten"),
        paragraph(
            """Een paar keer per jaar is er een aanmeldmoment. Je kunt je dan een aantal weken lang
            aanmelden. Zo kunnen de gemeente en de politie alles goed voorbereiden en begin je samen met
            andere nieuwe buurtpreventen.""",
            """Is er op dit moment geen aanmeldmoment? Laat dan je e-mailadres achter op de
            aanmeldpagina. Je krijgt bericht zodra je je weer kunt aanmelden.""",
        ),
        heading("Kies wat bij je past"),
        rich_text(
            html_list(
                "<b>Een nieuw team</b> dat rondes loopt in jouw buurt;",
                "<b>een nieuwe app-groep</b> waarin buren elkaar waarschuwen;",
                "<b>aansluiten bij een team</b> dat al bestaat.",
            )
        ),
        heading("Stap voor stap"),
        steps(
            [
                (
                    "Je meldt je aan",
                    html_paragraphs(
                        """Tijdens een aanmeldmoment vul je het formulier in: je gegevens, je buurt en,
                        als je wilt, waarom je mee wilt doen."""
                    ),
                ),
                (
                    "Je komt naar de informatieavond",
                    html_paragraphs(
                        """Bij elk aanmeldmoment hoort een informatieavond. De gemeente, de politie en
                        coördinatoren van bestaande teams vertellen wat buurtpreventie inhoudt en wat we
                        van elkaar verwachten. Je kunt al je vragen stellen. Is de avond vol, dan kom
                        je op de wachtlijst en hoor je op welke plaats je staat."""
                    ),
                ),
                (
                    "We voeren een kennismakingsgesprek",
                    html_paragraphs(
                        """Je krijgt een uitnodiging per mail, vaak met de datum en de plaats erin.
                        In een intakegesprek praten we over wat je wilt doen, hoeveel tijd je hebt en
                        wat je nodig hebt. We vragen ook wat je drijft om mee te doen: zo kunnen we je
                        beter ondersteunen."""
                    ),
                ),
                (
                    "We leggen de afspraken vast",
                    html_paragraphs(
                        """Samen zetten we op papier wat je van elkaar mag verwachten: in een convenant
                        of in een korte lijst met afspraken."""
                    ),
                ),
                (
                    "Je gaat van start",
                    html_paragraphs(
                        """Je volgt de training, krijgt je hesje en zaklamp en loopt je eerste ronde,
                        samen met de coördinator of de wijkagent. Voor een app-groep krijgen de
                        beheerders uitleg over de groepsregels."""
                    ),
                ),
            ]
        ),
        heading("Hoe lang duurt het?"),
        paragraph(
            """Meestal zit er tussen het sluiten van het aanmeldmoment en je eerste ronde zes tot acht
            weken. Je hoort van ons steeds wat de volgende stap is."""
        ),
        callout(
            "tip",
            "Twijfel je nog?",
            html_paragraphs(
                """Aanmelden verplicht je tot niets. Na de informatieavond en het gesprek beslis je zelf
                of je meedoet."""
            ),
        ),
        heading("Je gegevens"),
        paragraph(
            f"""We vragen alleen de gegevens die we nodig hebben om je aanmelding af te handelen. In de
            {page_link(context["privacy"], "privacyverklaring")} lees je wat we ermee doen en hoe lang we
            ze bewaren."""
        ),
    ]
