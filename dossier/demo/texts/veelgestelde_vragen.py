"""Chapter 9 of the dossier: Veelgestelde vragen."""

from home.demo import faq, heading, html_paragraphs, page_link, paragraph

from .common import municipality_contact

SLUG = "veelgestelde-vragen"
TITLE = "Veelgestelde vragen"
INTRO = """Antwoorden op vragen die we vaak krijgen over meedoen aan buurtpreventie: over kosten, tijd,
veiligheid, app-groepen en je gegevens."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Veelgestelde vragen over buurtpreventie: wat kost het, hoeveel tijd vraagt het, is het "
    "veilig, hoe werkt een app-groep en wat gebeurt er met je gegevens?"
)


# What the text invents and the municipality must check (shown to editors only).
LOCAL_FACTS = [
    "Minimumleeftijd 18 jaar, geen maximumleeftijd",
    "Verzekerd via de vrijwilligersverzekering van de gemeente (ongevallen en aansprakelijkheid)",
    "Een of twee rondes per maand van ongeveer een uur, twee trainingen, een paar overleggen per jaar",
    "Trainingen, hesje en zaklamp gratis; elk team een eigen budget",
    "Meedoen kan als je in de wijk woont of werkt",
    "Bij stoppen lever je hesje en zaklamp in",
    "Team buurtpreventie bereikbaar op werkdagen van 9.00 tot 17.00 uur",
]


def body(context):
    chapters = context["chapters"]
    safety = chapters.get("veilig-op-ronde")
    offer = chapters.get("wat-gemeente-en-politie-bieden")
    return [
        heading("Vragen en antwoorden"),
        faq(
            [
                (
                    "Kost meedoen mij geld?",
                    html_paragraphs(
                        f"""Nee. De trainingen, het hesje en de zaklamp krijg je van de gemeente, en elk
                        team krijgt een eigen budget. Lees meer in
                        {page_link(offer, "wat gemeente en politie bieden")}."""
                    ),
                ),
                (
                    "Hoeveel tijd kost het?",
                    html_paragraphs(
                        """Dat bepaal je grotendeels zelf. De meeste buurtpreventen lopen een of twee
                        keer per maand een ronde van ongeveer een uur. Daarnaast volg je twee trainingen
                        en ga je een paar keer per jaar naar een overleg. Een app-groep kost weinig tijd,
                        behalve voor de beheerder."""
                    ),
                ),
                (
                    "Hoe oud moet ik zijn?",
                    html_paragraphs(
                        """Je moet minstens 18 jaar zijn. Een maximumleeftijd is er niet: wat telt, is dat
                        de taken bij je passen."""
                    ),
                ),
                (
                    "Ben ik verzekerd?",
                    html_paragraphs(
                        """Ja. Tijdens rondes, trainingen en bijeenkomsten van je team ben je verzekerd
                        via de vrijwilligersverzekering van de gemeente. Die dekt ongelukken en schade die
                        je per ongeluk veroorzaakt."""
                    ),
                ),
                (
                    "Wat doe ik als ik iets verdachts zie?",
                    html_paragraphs(
                        f"""Gebeurt het nu, of is er gevaar? Bel <b>[alarmnummer]</b> en houd afstand. Is er geen
                        spoed, bel dan [politie] of laat het je wijkagent weten. Grijp nooit zelf in.
                        Lees meer in {page_link(safety, "Veilig op ronde")}."""
                    ),
                ),
                (
                    "Welke regels gelden in een app-groep?",
                    html_paragraphs(
                        """De groep is alleen voor meldingen over veiligheid in de buurt, niet om te
                        kletsen. Bij gevaar bel je eerst [alarmnummer] en waarschuw je daarna de groep. Je deelt
                        geen foto's of namen van mensen en je beschuldigt niemand. De beheerder mag
                        berichten verwijderen en leden uit de groep halen die zich niet aan de regels
                        houden."""
                    ),
                ),
                (
                    "Mag ik zelf mensen aanspreken?",
                    html_paragraphs(
                        """Een vriendelijk praatje met buurtgenoten hoort erbij. Maar iemand die je
                        verdenkt, spreek je niet aan en je stelt geen vragen. Dat laat je aan de politie
                        over."""
                    ),
                ),
                (
                    "Moet ik in de wijk wonen of werken?",
                    html_paragraphs(
                        """Ja. Je woont of werkt in de wijk waar je team loopt of waar de app-groep voor
                        is. Daarom vraagt het aanmeldformulier in welke wijk je woont of werkt. Je kent de
                        buurt dan goed, en dat maakt je signalen waardevol."""
                    ),
                ),
                (
                    "Kan ik meedoen als ik niet goed ter been ben?",
                    html_paragraphs(
                        """Zeker. Je kunt meedoen in een app-groep, kortere rondes lopen of helpen met
                        het rooster en de verslagen. Bespreek het in het intakegesprek."""
                    ),
                ),
                (
                    "Hoor ik wat er met mijn melding gebeurt?",
                    html_paragraphs(
                        """Meldt je team in het verslag van een ronde iets over de openbare ruimte? Dan
                        zie je op jullie teampagina bij elke melding wat de gemeente ermee doet. De
                        coördinator krijgt bij elke stap een e-mail.""",
                        """Over andere zaken kunnen we niet altijd iets persoonlijk vertellen,
                        bijvoorbeeld omdat er nog een onderzoek loopt. Dan vertellen we in algemene
                        woorden wat we hebben gedaan: elk kwartaal op de pagina 'Wat we met jullie
                        meldingen deden'.""",
                    ),
                ),
                (
                    "Kan ik weer stoppen?",
                    html_paragraphs(
                        """Ja, dat kan altijd. Laat het je coördinator en de gemeente weten en lever je
                        hesje en zaklamp weer in. We hopen dat je ons vertelt waarom je stopt, zodat we
                        ervan kunnen leren."""
                    ),
                ),
                (
                    "Wat doet de gemeente met mijn gegevens?",
                    html_paragraphs(
                        f"""We gebruiken je gegevens alleen voor buurtpreventie en delen ze alleen met de
                        politie als dat nodig is. Na de bewaartermijn verwijderen we ze. Alles hierover
                        lees je in de {page_link(context["privacy"], "privacyverklaring")}."""
                    ),
                ),
            ]
        ),
        heading("Staat je vraag er niet bij?"),
        paragraph(
            f"""Stel je vraag met het {page_link(context.get("contact_form"), "contactformulier")}, of neem
            op een andere manier contact met ons op. Op de {page_link(context["contact"], "contactpagina")}
            vind je ook hoe je de wijkagent bereikt."""
        ),
        municipality_contact("Op werkdagen bereikbaar van 9.00 tot 17.00 uur."),
    ]
