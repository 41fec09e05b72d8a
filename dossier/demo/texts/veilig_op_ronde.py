"""Chapter 5 of the dossier: Veilig op ronde."""

from home.demo import callout, external_link, heading, html_list, html_paragraphs, paragraph, rich_text, steps

SLUG = "veilig-op-ronde"
TITLE = "Veilig op ronde"
INTRO = """Je eigen veiligheid gaat altijd voor: buurtpreventen grijpen nooit zelf in. Hier lees je hoe
een ronde verloopt, wat je doet als er iets gebeurt en wat de politie dan van je wil weten."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Veilig op ronde als buurtprevent: hoe een ronde verloopt, wanneer je het alarmnummer belt, wat je doet "
    "als er iets gebeurt en wat de politie wil weten."
)


# What the text invents and the municipality must check (shown to editors only).
LOCAL_FACTS = [
    "Lopen met minstens twee personen, met hesje, zaklamp en telefoon",
    "Vóór de eerste ronde de training 'Veilig op ronde'",
    "Het rooster gaat naar de wijkagent; de meldkamer weet wanneer en waar een team loopt",
    "Nazorg: coördinator, wijkagent of Slachtofferhulp Nederland",
]


def body(context):
    return [
        heading("Jouw veiligheid gaat voor"),
        paragraph(
            """Als buurtprevent ben je ogen en oren, geen agent. Je grijpt nooit zelf in, ook niet als
            je denkt dat het kan. Mensen die op de vlucht zijn, kunnen onvoorspelbaar en gevaarlijk
            reageren. Houd daarom altijd afstand."""
        ),
        heading("Zo verloopt een ronde"),
        rich_text(
            html_list(
                "Loop altijd met minstens twee personen.",
                "Draag je hesje en neem een zaklamp en een opgeladen telefoon mee.",
                "Laat de coördinator of de app-groep weten wanneer je gaat lopen en wanneer je terug bent.",
                "Wissel van route en tijdstip, zodat je niet voorspelbaar bent.",
                "Noteer onderweg wat je opvalt, en maak na afloop een kort verslag.",
            )
        ),
        heading("Als er iets gebeurt"),
        callout(
            "warning",
            "Nooit zelf ingrijpen",
            html_paragraphs(
                """Zie je een inbraak, overval of vechtpartij? Houd afstand, breng jezelf en je
                teamgenoot in veiligheid en bel <b>[alarmnummer]</b>. Ga niemand achterna en spreek verdachten
                niet aan."""
            ),
        ),
        steps(
            [
                (
                    "Houd afstand",
                    html_paragraphs("Zoek een veilige plek, op ruime afstand van wat er gebeurt."),
                ),
                (
                    "Bel het alarmnummer",
                    html_paragraphs("Zeg dat je buurtprevent bent en op ronde bent met je team."),
                ),
                (
                    "Vertel wat je ziet",
                    html_paragraphs("Geef zo precies mogelijk door wat er gebeurt. Zie hieronder."),
                ),
                (
                    "Blijf bereikbaar",
                    html_paragraphs(
                        """Houd je telefoon bij je: de politie belt misschien terug. Volg de aanwijzingen
                        van de politie op."""
                    ),
                ),
                (
                    "Laat het je team weten",
                    html_paragraphs(
                        """Vertel het daarna aan je coördinator en zet het in je verslag. Praat erover als
                        het je dwarszit."""
                    ),
                ),
            ]
        ),
        heading("Wat geef je door als je het alarmnummer belt?"),
        rich_text(
            html_list(
                "<b>Waar</b>: straat, huisnummer of een herkenningspunt.",
                "<b>Wat</b> er gebeurt, en of er gewonden zijn.",
                """<b>Signalement</b>: man of vrouw, geschatte leeftijd, lengte en postuur, kleding van
                boven naar beneden, en opvallende dingen zoals een tas of tatoeage.""",
                """<b>Vluchtrichting</b>: welke kant op, en hoe: lopend, op de fiets, op een scooter of met
                een auto.""",
                """<b>Voertuig</b>: merk, type, kleur en kenteken. Ook een deel van het kenteken helpt
                al.""",
            )
        ),
        heading("De politie weet waar je loopt"),
        paragraph(
            """Stel dat er in de wijk een overval is gepleegd terwijl jouw team op ronde is. De daders
            vluchten misschien juist jullie kant op. Daarom weten de agenten die dienst hebben en de
            meldkamer wanneer en waar een team loopt. Gebeurt er iets, dan waarschuwt de politie jullie
            zo snel mogelijk, via de coördinator of de app-groep.""",
            """Geef je rooster dus altijd door aan de wijkagent. En krijg je een waarschuwing? Stop dan
            met de ronde en ga naar huis of naar een veilige plek.""",
        ),
        heading("Training"),
        paragraph(
            """Voordat je je eerste ronde loopt, volg je de training Veilig op ronde. Je oefent daar met
            situaties zoals hierboven: wat zie je, wat doe je, wat doe je juist niet. Zo weet je het op
            het moment zelf."""
        ),
        heading("Na een heftige ervaring"),
        paragraph(
            f"""Iets naars meemaken kan je nog lang bezighouden. Praat erover met je coördinator of je
            wijkagent. Ook bij {external_link("https://www.slachtofferhulp.nl", "Slachtofferhulp Nederland")}
            kun je terecht."""
        ),
    ]
