"""Chapter 6 of the dossier: Informatie delen en terugkoppeling."""

from home.demo import callout, heading, html_list, html_paragraphs, paragraph, rich_text

SLUG = "informatie-delen"
TITLE = "Informatie delen en terugkoppeling"
INTRO = """Wat jullie zien en horen, helpt gemeente en politie om gericht te werken. Hier lees je welke
informatie nuttig is, waar je die kwijt kunt en hoe je hoort wat er met je meldingen
gebeurt."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Welke waarnemingen gemeente en politie helpen, waar je ze meldt en hoe je hoort wat er met "
    "de meldingen van je team of app-groep is gedaan."
)


# What the text invents and the municipality must check (shown to editors only).
LOCAL_FACTS = [
    "Algemene terugkoppeling elk kwartaal op de pagina 'Wat we met jullie meldingen deden'",
    "Meldingen over de openbare ruimte via [telefoon]; overlast pakt de boa op",
    "Gemeente en politie delen de informatie uit de verslagen met elkaar",
]


def body(context):
    return [
        heading("Ook 'het was rustig' is informatie"),
        paragraph(
            """Een verslag met alleen 'het was rustig' helpt weinig. Vertel je erbij wanneer en waar je
            liep, dan weet de politie dat het op die plek en dat moment rustig was. En de gemeente ziet
            welke delen van de wijk aandacht krijgen. Een ronde waarin niets gebeurde, is dus wel degelijk
            nuttig."""
        ),
        heading("Wat zet je in je verslag?"),
        rich_text(
            html_list(
                "op welke dag en hoe laat jullie liepen;",
                "welke route, straat voor straat;",
                "of jullie alleen over de hoofdwegen liepen, of ook door achterpaden en brandgangen;",
                "wie er meeliepen;",
                "wat jullie opviel;",
                "waarover jullie met bewoners praatten en hoe dat ging, zonder namen te noemen;",
                "waar jullie vooral op letten, zoals open ramen en deuren of overhangend groen;",
                "wat de gemeente moet weten over de openbare ruimte, zoals een kapotte lantaarnpaal of "
                "een losse stoeptegel.",
            )
        ),
        heading("Waar meld je wat?"),
        rich_text(
            html_list(
                "<b>Gevaar of een misdrijf dat nu gebeurt:</b> bel [alarmnummer].",
                "<b>Iets verdachts zonder spoed:</b> bel de politie op [politie] of laat het je wijkagent weten.",
                "<b>Anoniem iets melden:</b> bel Meld Misdaad Anoniem op 0800-7000.",
                """<b>Kapotte verlichting, losse tegels of afval:</b> meld het bij de gemeente via
                [telefoon].""",
                "<b>Overlast zoals lawaai of fout parkeren:</b> meld het bij de gemeente; de boa pakt het op.",
                """<b>Je verslag van een ronde:</b> vul het in op de teampagina. Die open je met de
                teamlink die je coördinator van de gemeente kreeg.""",
            )
        ),
        paragraph(
            """In het verslag kun je ook meteen melden wat er in de openbare ruimte mis is, zoals een
            lamp die niet brandt. Elke melding gaat naar de afdeling van de gemeente die erover gaat.
            De gemeente en de politie delen de informatie uit de verslagen met elkaar, zodat jij het
            maar op één plek hoeft te melden."""
        ),
        heading("Zo laten we weten wat we ermee doen"),
        paragraph(
            """Bij elke melding in een verslag zie je op jullie teampagina wat de gemeente ermee doet.
            Bijvoorbeeld: doorgezet naar een afdeling, opgelost, of niet opgepakt en waarom. De
            coördinator krijgt bij elke stap een e-mail.""",
            """Over andere zaken kunnen we niet altijd iets persoonlijk vertellen, bijvoorbeeld omdat de
            politie nog onderzoek doet of om de privacy van anderen te beschermen. Daarom geven we ook
            algemene terugkoppeling voor alle bewoners. Dat doen we elk kwartaal op de pagina 'Wat we met
            jullie meldingen deden', met cijfers over de rondes en de meldingen. Zo zie je wat jullie
            inzet oplevert.""",
        ),
        callout(
            "info",
            "Informatie werkt twee kanten op",
            html_paragraphs(
                """Jullie geven informatie aan de gemeente en de politie, en zij geven informatie
                terug. Zo blijft iedereen betrokken en kun je je ronde beter afstemmen op wat er speelt."""
            ),
        ),
        heading("Wat je niet deelt"),
        rich_text(
            html_list(
                "geen foto's of namen van mensen die je verdenkt, in de app-groep of op sociale media;",
                "geen gegevens over buren die niet nodig zijn voor je melding;",
                "geen vertrouwelijke informatie van de wijkagent buiten je team.",
            )
        ),
    ]
