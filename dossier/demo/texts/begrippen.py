"""Chapter 9 of the dossier: Begrippen, the words the site uses, one word per concept.

The only page that may name a rejected synonym (informatieavond, kennismakingsgesprek,
buurtapp): once, to say which word the site uses instead (tests/test_terminology.py).
"""

from home.demo import heading, page_link, paragraph

SLUG = "begrippen"
TITLE = "Begrippen"
INTRO = """Op deze website gebruiken we voor elk begrip één woord. Hier lees je wat die woorden
betekenen."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Wat betekenen convenant, signalement, intakegesprek, tussenevaluatie en de drie profielen? "
    "De woorden van buurtpreventie kort uitgelegd."
)
# What the text invents and the municipality must check (shown to editors only).
LOCAL_FACTS = [
    "Afspraken met een team in een convenant of een korte lijst",
    "Een tussenevaluatie in een bijeenkomst of met een formulier",
]


def term(word, *paragraphs):
    return [heading(word, "h3"), paragraph(*paragraphs)]


def body(context):
    chapters = context["chapters"]
    motivation = chapters.get("motivatie-en-maatwerk")
    return [
        heading("Meedoen"),
        *term(
            "Aanmeldmoment",
            """Een vaste periode waarin je je kunt aanmelden. Er zijn er een paar per jaar. Zo beginnen
            nieuwe buurtpreventen samen.""",
        ),
        *term(
            "Informatiebijeenkomst",
            """Een bijeenkomst bij elk aanmeldmoment. Je hoort wat buurtpreventie is en wat we van elkaar
            verwachten. Sommige mensen zeggen informatieavond; wij zeggen altijd informatiebijeenkomst.""",
        ),
        *term(
            "Intakegesprek",
            """Een kort gesprek na je aanmelding. We praten over wat je wilt doen, hoeveel tijd je hebt en
            wat je drijft. Het heet ook wel kennismakingsgesprek; wij zeggen intakegesprek of kort
            intake.""",
        ),
        *term(
            "Convenant",
            """Een document met de afspraken tussen een team en de gemeente en de politie. Jullie
            ondertekenen het allebei. Soms is een korte lijst met afspraken genoeg.""",
        ),
        *term(
            "Tussenevaluatie",
            """Een moment waarop we samen met een team terugkijken. Wat gaat goed, wat kan beter, en
            kloppen de afspraken nog? Dat kan in een bijeenkomst of met een formulier.""",
        ),
        heading("Samenwerken"),
        *term(
            "App-groep",
            """Een groep in een berichtenapp waarin buren elkaar waarschuwen. Een beheerder houdt de groep
            rustig en bruikbaar. Soms heet dat een buurtapp; wij zeggen altijd app-groep.""",
        ),
        *term(
            "Boa",
            """Een buitengewoon opsporingsambtenaar. Een boa werkt voor de gemeente en let op regels in
            de openbare ruimte, zoals bij afval, overlast en parkeren.""",
        ),
        *term(
            "Teamlink",
            """Het geheime adres waarmee een team na een ronde een verslag invult. De coördinator krijgt
            het per mail.""",
        ),
        heading("Op ronde"),
        *term(
            "Signaleren",
            """Zien en doorgeven wat anders is dan normaal. Een signaal is zo'n waarneming, bijvoorbeeld
            een open raam of een kapotte lamp.""",
        ),
        *term(
            "Signalement",
            """Een beschrijving van een persoon of voertuig voor de politie. Denk aan kleding, lengte,
            vluchtrichting en kenteken. Je geeft het alleen door aan de politie, nooit in een
            app-groep.""",
        ),
        heading("Drie profielen"),
        paragraph(
            f"""Mensen doen om verschillende redenen mee. Onderzoek beschrijft drie profielen. Meer
            hierover lees je in {page_link(motivation, "Motivatie en maatwerk")}."""
        ),
        *term(
            "Normatief",
            """Je doet mee omdat je vindt dat het hoort. Iedereen is medeverantwoordelijk voor een veilige
            buurt.""",
        ),
        *term(
            "Pragmatisch",
            """Je doet mee om samen met je buren iets te bereiken. Je wilt horen wat er met jullie meldingen
            gebeurt.""",
        ),
        *term(
            "Rationeel",
            """Je doet mee omdat je actief wilt zijn en iets wilt leren. Je wilt zien dat je inzet
            resultaat heeft.""",
        ),
    ]
