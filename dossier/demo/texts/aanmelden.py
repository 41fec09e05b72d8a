"""Chapter 4 of the dossier: Zo meld je je aan.

Whether a round is open, when the next one opens and the next information evening come from
the data when the page is shown (the block ``registration_links``), never typed in here.
"""

from home.demo import callout, heading, html_list, html_paragraphs, page_link, paragraph, rich_text, steps

from ..blocks import registration_links

SLUG = "aanmelden"
TITLE = "Zo meld je je aan"
INTRO = """Een paar keer per jaar kun je je aanmelden voor een nieuw team, een nieuwe app-groep of een
bestaand team. Daarna volgen een informatiebijeenkomst en een intakegesprek. Samen leggen we de
afspraken vast."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Zo meld je je aan voor buurtpreventie: een nieuw team, een nieuwe app-groep of een bestaand "
    "team. Met de informatiebijeenkomst, de intake en de afspraken."
)
# What this text invents and the municipality must check (LocalFactsMixin).
LOCAL_FACTS = [
    "Een aanmeldmoment een paar keer per jaar, telkens een paar weken open",
    "Bij elk aanmeldmoment één informatiebijeenkomst, met een wachtlijst als die vol is",
    "Je mag één persoon meenemen naar de informatiebijeenkomst",
    "Uitnodiging voor het intakegesprek per mail",
    "Afspraken in een convenant of een korte lijst met afspraken",
    "Zes tot acht weken tussen sluiten aanmeldmoment en eerste ronde",
    "Training, hesje en zaklamp bij de start; eerste ronde met de coördinator of de wijkagent",
]


def body(context):
    registration = context.get("registration")
    evenings = context.get("evenings")
    questionnaire = context.get("questionnaire")
    return [
        heading("Kan ik me nu aanmelden?"),
        paragraph(
            """Aanmelden kan alleen tijdens een aanmeldmoment. Dat is een paar keer per jaar, steeds een
            paar weken lang. Hieronder zie je of je je nu kunt aanmelden."""
        ),
        registration_links(),
        paragraph(
            f"""Kun je je nu niet aanmelden? Laat dan je e-mailadres achter op
            {page_link(registration, "de aanmeldpagina")}. Je krijgt een mail zodra het
            weer kan.""",
            f"""Alle datums vind je op de pagina
            {page_link(evenings, "Informatiebijeenkomsten")}.""",
        ),
        heading("Waarom vaste momenten?"),
        paragraph(
            """Zo kunnen de gemeente en de politie alles goed voorbereiden. En je begint samen met andere
            nieuwe buurtpreventen uit de buurt."""
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
                        """Tijdens een aanmeldmoment vul je het formulier in. Je geeft je gegevens en je buurt.
                        Als je wilt, vertel je ook waarom je mee wilt doen."""
                    ),
                ),
                (
                    "Je komt naar de informatiebijeenkomst",
                    html_paragraphs(
                        """Bij elk aanmeldmoment hoort een informatiebijeenkomst. De gemeente, de politie en
                        coördinatoren van bestaande teams vertellen hoe buurtpreventie werkt. Ze vertellen ook
                        wat we van elkaar verwachten.""",
                        """Je kunt al je vragen stellen. Is de bijeenkomst vol? Dan kom je op de wachtlijst.
                        Je hoort op welke plaats je staat.""",
                    ),
                ),
                (
                    "We houden een intakegesprek",
                    html_paragraphs(
                        """Je krijgt een uitnodiging per mail, met de datum en de plaats. In de intake praten we
                        over wat je wilt doen en hoeveel tijd je hebt.""",
                        """We vragen ook wat je nodig hebt en wat je drijft. Zo kunnen we je beter helpen.""",
                    ),
                ),
                (
                    "We leggen de afspraken vast",
                    html_paragraphs(
                        """Samen schrijven we op wat je van elkaar mag verwachten. Dat staat in een convenant
                        of in een korte lijst met afspraken."""
                    ),
                ),
                (
                    "Je gaat van start",
                    html_paragraphs(
                        """Je volgt de training en krijgt een hesje en een zaklamp. Je eerste ronde loop je
                        samen met de coördinator of de wijkagent.""",
                        """Start je een app-groep? Dan leggen we de beheerders de groepsregels uit.""",
                    ),
                ),
            ]
        ),
        heading("Hoe lang duurt het?"),
        paragraph(
            """Meestal zitten er zes tot acht weken tussen het einde van het aanmeldmoment en je eerste
            ronde. Je hoort steeds van ons wat de volgende stap is."""
        ),
        callout(
            "tip",
            "Twijfel je nog?",
            html_paragraphs(
                """Aanmelden verplicht je tot niets. Na de informatiebijeenkomst en de intake beslis je zelf
                of je meedoet.""",
                *(
                    [
                        f"""Wil je eerst weten wat bij je past? Doe dan
                        {page_link(questionnaire, "de vragenlijst over je motivatie")}."""
                    ]
                    if questionnaire is not None
                    else []
                ),
            ),
        ),
        heading("Je gegevens"),
        paragraph(
            f"""We vragen alleen de gegevens die we nodig hebben voor je aanmelding. In de
            {page_link(context["privacy"], "privacyverklaring")} lees je wat we ermee doen. Je leest er ook
            hoe lang we ze bewaren."""
        ),
    ]
